import Foundation
import Testing
@testable import ClaimKit

/// The byte tests of the source, event and number annotators must answer as the String tests
/// they replace, on every token of real articles and on made-up edge cases.
@Suite struct SourceNumberFastPathTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/10kGNAD-sample.csv").path

    /// Every token of the sample articles, plus words with hyphens, quotes, umlauts, combining
    /// marks and other scripts.
    static let tokens: [Token] = {
        let options = LoadOptions(separator: ";", quote: "'", header: false, textColumn: "2")
        let documents = CorpusLoader.load(paths: [sample], options: options).documents
        var all = documents.flatMap { Tokenizer.tokenize(Array($0.text.utf8)) }
        let extra = ["Fleisch-", "-", "--", "a-", "é-", "\u{0600}-", "Juli-August", "juli-", "-juni", "mai--", "\"", "'",
                     "«", "(", ")", ".", ",", ";", "-", "–", "Größere", "schöne", "Ärzte", "straße", "Zoë",
                     "Partnerschaftsabkommens", "Gegenoffensiven", "Übereinkommens", "e\u{301}tudes", "Ἀθῆναι",
                     "Пресс-служба", "gegeben", "ausgeführt", "eingeläutet", "verlängert", "geändert", "Ägypten",
                     "uhr", "Uhr", "minus", "zwischen", "und", "bis", "zu", "+", "/", ":"]
        for w in extra {
            // Marks as the tokenizer makes them (punctuation), so that the mark tests see them.
            let kind: Token.Kind = w.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.isDiacritic } ? .word : .punct
            all.append(Token(span: TextSpan(0, w.utf8.count), kind: kind, text: w, spaceBefore: true, newlinesBefore: 0))
        }
        return all
    }()

    /// The sample loaded: without it the tests would run on the few made-up tokens alone.
    @Test func sampleArticlesAreRead() {
        #expect(Self.tokens.count > 10_000)
    }

    @Test func hyphenEndingMatchesHasSuffix() {
        for t in Self.tokens {
            #expect(SourceAnnotator.Scan.endsWithHyphen(t.text) == t.text.hasSuffix("-"), "\(t.text)")
        }
    }

    @Test func marksMatchStringComparisons() {
        var doc = AnnotatedDocument(document: Document(id: "a", text: ""))
        doc.tokens = Self.tokens
        doc.tokens.withUnsafeBufferPointer { buffer in
        let scan = SourceAnnotator.Scan(doc: doc, annotator: SourceAnnotator(), buffer: buffer)
        for (i, t) in Self.tokens.enumerated() {
            let quote = t.text == "\"" || t.text == "'"
            let boundary = (t.kind == .punct || t.kind == .symbol) && !(t.text == "." || quote || t.text == "(" || t.text == ")")
            #expect(scan.isQuote(i) == quote, "\(t.text)")
            #expect(scan.isBoundary(i) == boundary, "\(t.text)")
            #expect((scan.singleByte(i) == UInt8(ascii: "(")) == (t.text == "("), "\(t.text)")
        }
        }
    }

    @Test func asciiComparisonMatchesEquality() {
        for t in Self.tokens {
            for w: StaticString in ["uhr", "minus", "zwischen", "und", "bis", "zu"] {
                #expect(t.lower.matchesASCII(w) == (t.lower == w.description), "\(t.lower)")
            }
            #expect(NumberAnnotator.isOrdinalFollower(t.text) == [",", ")", "/", ";"].contains(t.text))
            #expect(NumberAnnotator.isOrdinalOpener(t.text) == [":", "-", "(", ","].contains(t.text))
        }
    }

    @Test func lastPieceMatchesSplit() {
        let months = NumberAnnotator().months
        for t in Self.tokens {
            let slow = months.contains(t.lower.utf8.split(separator: UInt8(ascii: "-")).last.map { Substring($0) } ?? "")
            #expect(NumberAnnotator.lastPiece(t.lower, isIn: months) == slow, "\(t.lower)")
        }
    }

    @Test func latinSuffixNounMatchesCharacterWalk() {
        let events = EventAnnotator()
        var probed = 0
        for t in Self.tokens where t.isWord {
            var w = t.lower
            w.withUTF8 { b in
                guard let fast = events.latinSuffixNoun(b) else { return }
                probed += 1
                #expect(fast == events.characterSuffixNoun(t.lower, b), "\(t.lower)")
            }
        }
        #expect(probed > 1000)
    }

    @Test func speakerAdjectiveTestMatchesSuffixes() throws {
        let annotator = SourceAnnotator()
        var doc = AnnotatedDocument(document: Document(id: "a", text: ""))
        doc.tokens = Self.tokens
        doc.tokens.withUnsafeBufferPointer { buffer in
        let scan = SourceAnnotator.Scan(doc: doc, annotator: annotator, buffer: buffer)
        for j in Self.tokens.indices {
            let f = Self.tokens[j].lower
            let slow = !scan.has(j, .speech) && f.count >= 4
                && (f.hasSuffix("e") || f.hasSuffix("en") || f.hasSuffix("er") || f.hasSuffix("es") || f.hasSuffix("em"))
            #expect(scan.isAdjective(j) == slow, "\(f)")
        }
        }
    }

    /// The participle test on bytes answers as on Characters.
    @Test func modalityByteTestsMatchCharacters() {
        let m = ModalityAnnotator()
        for t in Self.tokens {
            let f = t.lower
            let chars = Array(f)
            var slow = false
            if chars.count >= 6 {
                for p in 0...min(7, chars.count - 6) where chars[p] == "g" && chars[p + 1] == "e" {
                    if !m.geInfinitives.contains(String(chars[p...])) { slow = true; break }
                }
            }
            if !slow { slow = f.hasSuffix("t") && f.count >= 5 }
            #expect(m.isParticiple(f) == slow, "\(f)")
        }
    }

    /// The kind filters only rule out: `has` answers as a lookup of the word does.
    @Test func kindFiltersAgreeWithLookups() {
        let annotator = SourceAnnotator()
        var doc = AnnotatedDocument(document: Document(id: "a", text: ""))
        doc.tokens = Self.tokens
        let map = annotator.tables.cues.kinds
        doc.tokens.withUnsafeBufferPointer { buffer in
        let scan = SourceAnnotator.Scan(doc: doc, annotator: annotator, buffer: buffer)
        for j in Self.tokens.indices {
            let t = Self.tokens[j]
            let letters = !annotator.tables.cues.letterKeys || (t.kind != .punct && t.kind != .number)
            let v = letters ? map[t.lower] ?? 0 : 0
            for bit in 0..<25 {
                let kind = AttributionCues.Kind(rawValue: 1 << UInt32(bit))
                #expect(scan.has(j, kind) == (v & kind.rawValue != 0), "\(t.lower) \(bit)")
            }
        }
        }
    }
}
