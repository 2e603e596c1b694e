import ClaimKit
import Testing
@testable import ClaimShell

@Suite struct MentionsCommandTests {
    func table(_ line: String, in session: Session) throws -> ResultTable? {
        if case let .table(t) = try session.execute(line) { return t }
        return nil
    }

    @Test func sourcesOnTheSeeds() throws {
        let session = Session()
        session.loadSeeds()
        let t = try #require(try table("mentions sources", in: session))
        #expect(t.columns.map(\.name) == ["doc", "sentence", "text", "source", "cue", "span"])
        let sources = Set(t.rows.compactMap { $0[3].stringValue })
        #expect(sources.isSuperset(of: ["NIS", "TASS", "Yonhap", "Lee Seong-kweun", "Selenskyj", "Tagesschau", "ZDF"]))
        // The span is in characters and cuts the attribution out of the document text.
        let doc = try #require(session.corpus.documents.first { $0.document.id.hasPrefix("000") })
        let row = try #require(t.rows.first { $0[0].stringValue == doc.document.id && $0[4].stringValue == "laut" })
        guard case let .list(bounds) = row[5], bounds.count == 2, case let .int(s) = bounds[0], case let .int(e) = bounds[1] else {
            Issue.record("span is not [start, end]")
            return
        }
        let scalars = Array(doc.document.text.unicodeScalars)
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[s..<e])
        #expect(String(text) == "laut südkoreanischen Geheimdienstinformationen")
        #expect(row[1] == .int(1))
    }

    @Test func everyLayerHasItsColumns() throws {
        let session = Session()
        session.loadSeeds()
        #expect(try table("mentions entities", in: session)?.columns.map(\.name) == ["doc", "sentence", "text", "name", "type", "span"])
        #expect(try table("mentions numbers", in: session)?.columns.map(\.name)
            == ["doc", "sentence", "text", "value", "high", "approx", "unit", "role", "span"])
        #expect(try table("mentions times", in: session)?.columns.map(\.name) == ["doc", "sentence", "text", "value", "type", "span"])
        #expect(try table("MENTIONS objects", in: session)?.columns.map(\.name)
            == ["doc", "sentence", "number", "object", "class", "aspect", "span"])
        let entities = try #require(try table("mentions entities", in: session))
        #expect(entities.rows.contains { $0[2] == .string("russische") && $0[3] == .string("Russland") && $0[4] == .string("location") })
    }

    @Test func whereFiltersTheLayer() throws {
        let session = Session()
        session.loadSeeds()
        let all = try #require(try table("mentions sources", in: session))
        let nis = try #require(try table("mentions sources where source = NIS", in: session))
        #expect(!nis.rows.isEmpty && nis.rows.count < all.rows.count)
        #expect(nis.rows.allSatisfy { $0[3] == .string("NIS") })
    }

    @Test func errorsPointAtTheWord() {
        let session = Session()
        #expect(throws: ShellError("unknown layer 'sorces' (did you mean 'sources'?); layers: numbers, times, sources, entities, objects",
                                   at: 9..<15)) {
            try session.execute("mentions sorces")
        }
        #expect(throws: ShellError("unknown field 'sorce' (did you mean 'source'?)", at: 23..<28)) {
            try session.execute("mentions sources where sorce = NIS")
        }
        #expect(throws: ShellError.self) { try session.execute("mentions") }
    }
}
