import ClaimKit
import Foundation
import Testing
@testable import ClaimShell

@Suite struct GrepCommandTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/10kGNAD-sample.csv").path

    func rows(_ session: Session, _ line: String) throws -> [[Value]] {
        guard case let .table(t) = try session.execute(line) else {
            Issue.record("`\(line)` gave no table")
            return []
        }
        #expect(t.columns.map(\.name) == ["doc", "sentence", "text"])
        return t.rows
    }

    func seeds() -> Session {
        let s = Session()
        s.loadSeeds()
        return s
    }

    @Test func caseAndUmlautInsensitive() throws {
        let session = seeds()
        let plain = try rows(session, "grep pjongjang")
        #expect(!plain.isEmpty)
        #expect(plain.allSatisfy { $0[2].stringValue?.contains("Pjöngjang") == true })
        #expect(try rows(session, "grep PJOENGJANG") == plain)
        #expect(try rows(session, "grep Pjöngjang") == plain)
        #expect(plain.contains { $0[0] == "002_2cc7b7632708e469" && ($0[2].stringValue?.contains("habe Pjöngjang mittlerweile") ?? false) })
    }

    @Test func realArticlesFromTenKGNAD() throws {
        let session = Session(pipeline: .sentencesOnly)
        _ = try session.execute("load \(Self.sample) --sep ';' --quote \"'\" --no-header --text-column 2")
        let austria = try rows(session, "grep oesterreich")
        #expect(austria.contains { $0[2].stringValue?.hasPrefix("In Österreich müsse man Maßnahmen setzen") == true })
        #expect(austria.allSatisfy { $0[2].stringValue?.lowercased().contains("österreich") == true })
        let measures = try rows(session, "grep massnahmen setzen")
        #expect(measures.contains { $0[2].stringValue?.contains("Maßnahmen setzen") == true })
    }

    @Test func phraseAndDocumentFilter() throws {
        let session = seeds()
        let all = try rows(session, "grep Kursk")
        let some = try rows(session, "grep Kursk in 003 000")
        #expect(Set(some.compactMap { $0[0].stringValue }) == ["000_dbee2a27689250e2", "003_b3ede1b15ff85e9a"])
        #expect(some == all.filter { $0[0] == "000_dbee2a27689250e2" || $0[0] == "003_b3ede1b15ff85e9a" })
        let phrase = try rows(session, "grep russische Region Kursk")
        #expect(!phrase.isEmpty && phrase.allSatisfy { $0[2].stringValue?.contains("russische Region Kursk") == true })
        let quoted = try rows(session, "grep 'in der Ukraine'")
        #expect(!quoted.isEmpty && quoted.allSatisfy { $0[2].stringValue?.contains("in der Ukraine") == true })
    }

    @Test func regularExpressions() throws {
        let session = seeds()
        let found = try rows(session, #"grep /\d+[.']000 (nordkoreanische )?Soldaten/"#)
        let texts = found.compactMap { $0[2].stringValue }
        #expect(texts.contains { $0.contains("14.000 Soldaten") })
        #expect(texts.contains { $0.contains("12'000 Soldaten") || $0.contains("11.000 Soldaten") || $0.contains("15.000 Soldaten") })
        #expect(try rows(session, "grep /SOLDATEN/c").isEmpty)
        #expect(try rows(session, "grep /SOLDATEN/").count > 0)
        #expect(throws: ShellError.self) { try session.execute("grep /[a-/") }
        #expect(throws: ShellError("a regular expression ends with /", at: 5..<11)) { try session.execute("grep /Kursk") }
        #expect(throws: ShellError("no document 'zzz'", at: 14..<17)) { try session.execute("grep Kursk in zzz") }
    }
}
