import Foundation
import Testing
@testable import ClaimKit

/// The byte-level TSV parser (start-up parses every table) reads the tables exactly as
/// splitting lines and trimming with `CharacterSet.whitespaces` does.
@Suite struct LexiconParseTests {
    /// The reference: lines, tabs, Foundation's trimming.
    func reference(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            rows.append(line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return rows
    }

    @Test func everyEmbeddedTableParsesAsBefore() {
        var rows = 0
        for (name, bytes) in EmbeddedLexicon.all {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(Lexicon.parse(text) == reference(text), "\(name)")
            rows += Lexicon.parse(text).count
        }
        #expect(rows > 500)
    }

    @Test func blanksLineEndsAndComments() {
        let text = "# Kommentar\r\n  Mrd.\tMilliarde \r\n\u{00A0}Mio.\u{2009}\t\tMillion\n\n   \n\t# nicht\rlast\u{3000}"
        #expect(Lexicon.parse(text) == reference(text))
        #expect(Lexicon.parse(text) == [["Mrd.", "Milliarde"], ["Mio.", "", "Million"], ["last"]])
    }
}
