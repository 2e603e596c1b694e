import ClaimKit
import Foundation
import Testing
@testable import ClaimShell

/// Marks every number written in digits as a quantity, so that `show DOC:N` can be tested on
/// real sentences independently of the extraction annotators.
private struct DigitQuantities: Annotator {
    let name = "digits"
    func annotate(_ doc: inout AnnotatedDocument) {
        for (i, t) in doc.tokens.enumerated() where t.kind == .number {
            guard let value = Double(t.text.replacingOccurrences(of: ".", with: "")),
                  let s = doc.sentenceIndex(containing: t.span.start) else { continue }
            doc.numbers.append(NumberMention(span: t.span, text: doc.text(t.span), value: value, high: value,
                                             approx: .exact, sentence: s, tokens: i..<(i + 1)))
        }
    }
}

@Suite struct ShowCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    /// The output as a pipe gets it (no colour).
    func text(_ output: CommandOutput) -> String {
        Renderer.render(output, RenderOptions(format: .tsv, color: false))
    }

    func colored(_ output: CommandOutput) -> String {
        Renderer.render(output, RenderOptions(format: .tsv, color: true))
    }

    func seeds(_ pipeline: Pipeline = .standard) -> Session {
        let s = Session(pipeline: pipeline)
        s.loadSeeds()
        return s
    }

    @Test func documentWithMetadataAndText() throws {
        let session = Session()
        _ = try session.execute("load \(Self.fixtures)/load-problems/senat.md")
        let out = text(try session.execute("show sen"))
        #expect(out.hasPrefix("id         senat\ntitle      Italiens Senat stimmt für die eigene Entmachtung\ndate       2016-01-21\n"))
        #expect(out.contains("source     DER STANDARD\n"))
        #expect(out.hasSuffix("mit dem er 82 Millionen Abänderungsanträge produzierte.\n"))
    }

    @Test func documentIdsWithAColonAreShownWhole() throws {
        let session = Session(pipeline: .sentencesOnly)
        _ = try session.execute("load \(Self.fixtures)/10kGNAD-sample.csv --sep ';' --quote \"'\" --no-header --text-column 2")
        let out = text(try session.execute("show 10kGNAD-sample:5"))
        #expect(out.hasPrefix("id         10kGNAD-sample:5\ncolumn1    International\n"))
        #expect(out.contains("Senfgas"))
    }

    @Test func sentenceWithItsNeighbours() throws {
        let session = seeds()
        let d = session.corpus.documents[2]
        let out = text(try session.execute("show 002#2"))
        #expect(out == "002_2cc7b7632708e469#2\n  [1] \(d.text(of: 0))\n> [2] \(d.text(of: 1))\n  [3] \(d.text(of: 2))\n")
        #expect(out.contains("> [2] „Nordkorea sendet weitere Truppen und liefert Waffen an Russland“"))
        #expect(colored(try session.execute("show 002#2")).contains("> [2] \u{1B}[1m„Nordkorea sendet"))
        let first = text(try session.execute("show 002#1"))
        #expect(first.hasPrefix("002_2cc7b7632708e469#1\n> [1] Nordkorea schickt"))
        #expect(throws: ShellError("002_2cc7b7632708e469 has \(d.sentences.count) sentences, no sentence 99", at: 5..<11)) {
            try session.execute("show 002#99")
        }
    }

    @Test func claimWithFieldsAndHighlightedPhrase() throws {
        let pipeline = Pipeline(annotators: [SentenceAnnotator(lexicon: .shared), DigitQuantities(), ClaimAssembler()])
        let session = seeds(pipeline)
        guard let claim = session.corpus.store.claims.first(where: { $0.doc.hasPrefix("002") && $0.valueText == "11.000" }) else {
            Issue.record("the digits annotator finds 11.000 in 002")
            return
        }
        let n = claim.id.split(separator: ":").last.map(String.init) ?? ""
        let out = text(try session.execute("show 002:\(n)"))
        #expect(out.hasPrefix("id           002_2cc7b7632708e469:\(n)\ndoc          002_2cc7b7632708e469\n"))
        #expect(out.contains("value        11000\n"))
        #expect(out.contains("\nsentence \(claim.sentence) of 002_2cc7b7632708e469:\n  Lee führte aus, nachdem Nordkorea im vergangenen Oktober bereits 11.000 Mann"))
        #expect(!out.contains("\u{1B}["))
        let highlighted = colored(try session.execute("show \(claim.id)"))
        #expect(highlighted.contains("bereits \u{1B}[1m11.000\u{1B}[0m Mann"))
        session.settings.color = false
        #expect(!colored(try session.execute("show \(claim.id)")).contains("\u{1B}["))
        #expect(throws: ShellError.self) { try session.execute("show 002:999") }
    }

    @Test func unknownIds() {
        let session = seeds()
        #expect(throws: ShellError("no document 'xyz'", at: 5..<8)) { try session.execute("show xyz") }
        #expect(throws: ShellError("expected a sentence number after '#'", at: 5..<10)) { try session.execute("show 002#x") }
    }

    @Test func jsonGivesOneObjectForADocumentASentenceAndAClaim() throws {
        let session = seeds()
        session.settings.format = .jsonl
        func object(_ line: String) throws -> [String: Any] {
            let out = Renderer.render(try session.execute(line), RenderOptions(format: .jsonl, color: false))
            #expect(out.split(separator: "\n").count == 1, "\(line): one line")
            return try #require(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        }
        let doc = try object("show 002")
        #expect(doc["id"] as? String == "002_2cc7b7632708e469")
        #expect(doc["date_inferred"] as? Bool == true && doc["date_basis"] as? String == "text")
        #expect((doc["text"] as? String)?.hasPrefix("Nordkorea schickt") == true)
        #expect(doc["claims"] as? Int == session.corpus.claims(of: 2).count)
        let sentence = try object("show 002#2")
        #expect(sentence["sentence"] as? Int == 2 && (sentence["text"] as? String)?.hasPrefix("„Nordkorea sendet") == true)
        #expect(sentence["claims"] as? [String] == [])
        let claim = try object("show 000:1")
        let id = try #require(claim["id"] as? String)
        #expect(id.hasPrefix("000_") && id.hasSuffix(":1"))
        #expect(claim["phrase"] != nil && claim["class"] != nil)
    }
}
