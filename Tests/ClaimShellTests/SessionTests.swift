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

@Suite struct RefdateTests {
    @Test func setRefdateReReadsDocumentsWithAnInferredDate() throws {
        let session = Session()
        session.loadSeeds()
        func week() -> String? {
            // The corpus keeps no mention layers: derive them as `mentions` does.
            guard let i = session.corpus.documents.firstIndex(where: { $0.document.id.hasPrefix("002") }) else { return nil }
            return session.withMentionLayers([i]).first?.times
                .first { $0.text.lowercased().contains("vergangene woche") }?.value
        }
        let before = week()
        _ = try session.execute("set refdate 2025-06-19")
        #expect(session.diagnostics.last == "read 5 documents with an inferred date again against refdate")
        // 002 names only the year 2025; the refdate refines its date and so "vergangene Woche".
        #expect(session.corpus.documents.first { $0.document.id.hasPrefix("002") }?.document.date == "2025-06-19")
        #expect(week() == "2025-W24" && week() != before)
        #expect(session.corpus.store.count == 45, "no claim lost or doubled")
    }
}
