import Foundation
import Testing
@testable import ClaimKit

/// `grep`'s byte scanner must find exactly the sentences that folding each sentence and
/// searching the folded string finds (the definition of a case/umlaut-insensitive match).
@Suite struct FoldedSearchTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/10kGNAD-sample.csv").path

    static let pipeline = Pipeline(annotators: [SentenceAnnotator()])

    /// Sentence indices found by the scanner and by folding every sentence.
    func both(_ doc: AnnotatedDocument, _ pattern: String) -> (fast: [Int], slow: [Int]) {
        guard let search = FoldedSearch(pattern) else { return ([], []) }
        let folded = TextFolding.fold(pattern)
        let fast = doc.withUTF8 { search.sentences(in: $0, doc.sentences) }
        let slow = doc.sentences.indices.filter { TextFolding.fold(doc.text(of: $0)).contains(folded) }
        return (fast, slow)
    }

    @Test func agreesWithFoldingOnRealArticles() throws {
        let options = LoadOptions(separator: ";", quote: "'", header: false, textColumn: "2")
        let documents = CorpusLoader.load(paths: [Self.sample], options: options).documents
        #expect(documents.count == 60)
        let docs = Self.pipeline.annotate(documents)
        // Words with umlauts, ß, capitals, ASCII spellings of umlauts, phrases, a single letter.
        let patterns = ["Österreich", "oesterreich", "OESTERREICH", "Maßnahmen", "massnahmen", "strasse", "sen",
                        "für", "fuer", "Euro", "e", "ue", "in der", "Prozent", "millionen", "Wien", "ä", "2015", "%",
                        "SPÖ", "spoe", "Gruene", "grüne", "ss", "eu", "Bürgermeister"]
        var hits = 0
        for p in patterns {
            for d in docs {
                let (fast, slow) = both(d, p)
                #expect(fast == slow, "pattern '\(p)' in \(d.document.id)")
                hits += slow.count
            }
        }
        #expect(hits > 500)
    }

    @Test func umlautsSharpSAndCombiningMarks() {
        let doc = Self.pipeline.annotate([
            Document(id: "a", text: "Die Straßen in Pjöngjang sind leer. In PJONGJANG regnet es. Pjo\u{308}ngjang schweigt. Die Aepfel sind reif."),
        ])[0]
        #expect(doc.sentences.count == 4)
        for p in ["pjongjang", "Pjöngjang", "pjoengjang", "strassen", "sen", "Äpfel", "apfel", "aepfel", "SSEN"] {
            let (fast, slow) = both(doc, p)
            #expect(fast == slow, "\(p)")
            #expect(!fast.isEmpty, "\(p)")
        }
        #expect(both(doc, "pjongjang").fast == [0, 1, 2])
        #expect(both(doc, "epfel").fast.isEmpty)
        // A match may start at a non-ASCII letter found by its two bytes (š C5 A1, ß C3 9F) or,
        // for a longer one, its lead byte (ẞ E1 BA 9E).
        let names = Self.pipeline.annotate([
            Document(id: "b", text: "Maroš Šefčovič kam. DIE GROẞE REFORM. Die Straße war leer. Äußerst sicher."),
        ])[0]
        for p in ["sefcovic", "s sef", "grosse", "sse", "sse w", "serst", "s"] {
            let (fast, slow) = both(names, p)
            #expect(fast == slow, "\(p)")
            #expect(!fast.isEmpty, "\(p)")
        }
    }

    @Test func asciiFastPathsFoldAndStemLikeTheGeneralPath() throws {
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let words = Set(text.split(whereSeparator: { $0.isWhitespace || ",.;:!?()\"'".contains($0) }).map(String.init))
            .union(["Soldaten", "AEPFEL", "Aepfel", "Staates", "Hauses", "Ue", "oe", "e", "", "Israel", "Bundesheeres", "Boeing"])
        var ascii = 0
        for w in words {
            if let fast = TextFolding.foldASCII(w) {
                ascii += 1
                #expect(fast == TextFolding.foldScalars(w), "\(w)")
            }
            if let fast = FoldedPhraseTable<Int>.asciiKey(w) {
                #expect(fast == FoldedPhraseTable<Int>.stem(TextFolding.foldScalars(w)), "\(w)")
            }
        }
        #expect(ascii > 1000)
        // The one-buffer key (any word whose fold is ASCII) is the String computation's.
        var latin = (0xC0..<0x250).compactMap { Unicode.Scalar(UInt32($0)).map { String($0) } }
        latin += latin.map { "Ma\($0)er" } + latin.map { "\($0)e-\($0)ene" } + latin.map { "Wasserstra\($0)en" }
        for w in words.union(latin).union(["Nord-Korea", "Kim Jong-un", "Artillerie-", "-", "--", "a-", "-Soldaten-", "Staats-Chefs",
                                            "Bundesheer-Soldatinnen", "Straßen-Bahn", "aé", "Oe-Oe", "Rüstungs-", "x\r\ny"]) {
            if let fast = w.utf8.withContiguousStorageIfAvailable({ FoldedPhraseTable<Int>.fastKey($0) }) ?? nil {
                #expect(fast == FoldedPhraseTable<Int>.generalKey(w), "\(w)")
            }
            #expect(FoldedPhraseTable<Int>.key(word: w) == FoldedPhraseTable<Int>.generalKey(w), "\(w)")
            #expect(TextFolding.foldScalars(w) == TextFolding.foldScalars(w, cached: false), "\(w)")
        }
        #expect(FoldedPhraseTable<Int>.key(word: "Soldaten") == "soldat")
        #expect(FoldedPhraseTable<Int>.key(word: "Nord-Korea") == "nord korea")
    }
}
