import ClaimKit
import Testing
@testable import ClaimShell

@Suite struct SessionTests {
    @Test func seedsLoadFiveDocuments() throws {
        let session = Session()
        session.loadSeeds()
        #expect(session.corpus.documents.count == 5)
        #expect(session.corpus.documents.map(\.document.id).first == "000_dbee2a27689250e2")
    }

    @Test func unknownCommandSuggests() {
        let session = Session()
        #expect(throws: ShellError("unknown command 'dosc' (did you mean 'docs'?)", at: 0..<4)) {
            try session.execute("dosc")
        }
    }
}
