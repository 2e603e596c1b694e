import ClaimKit
import Foundation
import Testing
@testable import ClaimShell

@Suite struct DocsCommandTests {
    static let problems = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/load-problems").path

    func seeds() -> Session {
        let s = Session()
        s.loadSeeds()
        return s
    }

    @Test func docsShowsEncodingAndMetadata() throws {
        let session = Session()
        _ = try session.execute("load \(Self.problems)")
        guard case let .table(t) = try session.execute("docs") else { Issue.record("docs gives a table"); return }
        #expect(t.columns.map(\.name) == ["id", "title", "date", "date_inferred", "url", "source", "sentences", "claims",
                                          "chars", "encoding", "path"])
        let latin = t.rows.first { $0[0] == "saakaschwili-latin1" }
        #expect(latin?[9] == "windows-1252")
        let senat = t.rows.first { $0[0] == "senat" }
        #expect(senat?[2] == "2016-01-21")
        #expect(senat?[5] == "DER STANDARD")
    }

    @Test func setDateTitleAndClear() throws {
        let session = seeds()
        #expect(try session.execute("docs set 002 date 19.06.2025") == .none)
        #expect(session.diagnostics.last == "002_2cc7b7632708e469: date = 2025-06-19")
        let d = session.corpus.documents[try session.corpus.resolveDocument("002")]
        #expect(d.document.date == "2025-06-19")
        #expect(d.document.dateInferred == false)
        #expect(d.sentences.count > 0)
        _ = try session.execute("docs set 000 title Nordkorea schickt Truppen nach Kursk")
        #expect(session.corpus.documents.first?.document.title == "Nordkorea schickt Truppen nach Kursk")
        _ = try session.execute("docs set 000 title null")
        #expect(session.corpus.documents.first?.document.title == nil)
        #expect(session.corpus.documents.count == 5)
    }

    @Test func settingTheDateReResolvesRelativeTimes() throws {
        let session = seeds()
        func times() -> [String] { session.corpus.store.claims.filter { $0.doc.hasPrefix("002") }.compactMap(\.time) }
        #expect(!times().contains { $0.hasPrefix("2029") })
        _ = try session.execute("docs set 002 date 2030-01-15")
        // "im vergangenen Oktober" now means October 2029.
        #expect(times().contains { $0.hasPrefix("2029") })
        #expect(session.corpus.documents.map(\.document.id).count == 5)
    }

    @Test func setErrorsPointAtTheWord() {
        let session = seeds()
        #expect(throws: ShellError("not a date: 'gestern' (use YYYY-MM-DD, YYYY-MM or YYYY)", at: 18..<25)) {
            try session.execute("docs set 002 date gestern")
        }
        // A day the month does not have is no date; 29 February only in a leap year.
        #expect(throws: ShellError("not a date: '2023-02-29' (use YYYY-MM-DD, YYYY-MM or YYYY)", at: 18..<28)) {
            try session.execute("docs set 002 date 2023-02-29")
        }
        #expect(throws: ShellError("not a date: '31.4.2024' (use YYYY-MM-DD, YYYY-MM or YYYY)", at: 18..<27)) {
            try session.execute("docs set 002 date 31.4.2024")
        }
        #expect(Document.isoDate("2024-02-29") == "2024-02-29" && Document.isoDate("2000-02-29") == "2000-02-29")
        #expect(Document.isoDate("1900-02-29") == nil)
        #expect(throws: ShellError("cannot set 'sorce' (did you mean 'source'?); fields: date, title, source, url, lang", at: 13..<18)) {
            try session.execute("docs set 002 sorce NIS")
        }
        #expect(throws: ShellError("no document '009' (did you mean '000_dbee2a27689250e2'?)", at: 9..<12)) {
            try session.execute("docs set 009 source NIS")
        }
        #expect(throws: ShellError.self) { try session.execute("docs set 002 date") }
        #expect(throws: ShellError.self) { try session.execute("docs sorted") }
        #expect(throws: ShellError("unknown field 'titel' (did you mean 'title'?)", at: 11..<16)) {
            try session.execute("docs where titel ~ Kursk")
        }
    }
}
