import Foundation
import Testing
@testable import ClaimKit

/// A loaded corpus keeps one copy of its text: documents drop their tokens and byte copy
/// after the pipeline, and claims point into the document text instead of copying sentences.
@Suite struct MemoryTests {
    static let pipeline = Pipeline(lexicon: .shared)

    static let texts = [
        // 10kGNAD (test.csv)
        "Rund 12.000 Menschen demonstrierten am Samstag in Wien. Die Polizei sprach von 8.000 Teilnehmern.",
        "Der Verbund beschäftigt derzeit rund 3.000 Mitarbeiter. Im Vorjahr waren es noch 3.200.",
    ]

    @Test func batchDocumentsAreCompactedAndStillServeTheirText() {
        let docs = Self.pipeline.annotate(Self.texts.enumerated().map { Document(id: "d\($0.offset)", text: $0.element) })
        let doc = docs[0]
        #expect(doc.tokens.isEmpty)
        #expect(doc.bytes.isEmpty)
        #expect(doc.sentences.count == 2)
        #expect(doc.text(of: 1) == "Die Polizei sprach von 8.000 Teilnehmern.")
        #expect(doc.slice(doc.sentences[0].span) == "Rund 12.000 Menschen demonstrierten am Samstag in Wien.")
        #expect(doc.scalarOffset(ofByte: doc.sentences[1].span.start) == 56)
        // The layers survive compaction.
        #expect(doc.numbers.map(\.value) == [12000, 8000])
    }

    @Test func scalarOffsetsAgreeWithCountingScalars() {
        // Umlauts, a four-byte emoji and a combining mark across several 256-byte blocks.
        let text = String(repeating: "Größere Lücken – 12.000 Soldaten 🙂 und e\u{301}in Ende. ", count: 20)
        let doc = Self.pipeline.annotate([Document(id: "u", text: text)])[0]
        let bytes = Array(text.utf8)
        var scalars = 0
        for offset in 0...bytes.count {
            #expect(doc.scalarOffset(ofByte: offset) == scalars, "byte \(offset)")
            if offset < bytes.count, bytes[offset] & 0xC0 != 0x80 { scalars += 1 }
        }
    }

    @Test func continuationBytesAreCountedPerLaneOverLongRuns() {
        // Long runs of two- and three-byte scalars, so that the lane counters pass 255 words.
        for text in [String(repeating: "ж", count: 3000), String(repeating: "日本", count: 1500),
                     String(repeating: "aöü€x", count: 700)] {
            let bytes = Array(text.utf8)
            for (from, to) in [(0, bytes.count), (3, bytes.count - 5), (17, 2100), (0, 7)] {
                let words = (to - from) & ~7
                let expected = bytes[from..<(from + words)].filter { $0 & 0xC0 == 0x80 }.count
                let counted = bytes.withUnsafeBytes { AnnotatedDocument.continuationBytes($0.baseAddress, from: from, to: to) }
                #expect(counted == expected, "\(from)..<\(to)")
            }
        }
    }

    @Test func claimsReferToTheDocumentTextInsteadOfCopyingIt() throws {
        let doc = Self.pipeline.annotate([Document(id: "v", text: Self.texts[1]), Document(id: "w", text: Self.texts[0])])[0]
        let claim = try #require(doc.claims.first)
        #expect(claim.text == "Der Verbund beschäftigt derzeit rund 3.000 Mitarbeiter.")
        let textBase = doc.document.text.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        let claimBase = claim.sentenceText.base.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        #expect(textBase != nil && textBase == claimBase)
        // Materialised on output like before: the JSON of a claim carries the sentence.
        #expect(doc.claims.allSatisfy { $0.text == doc.text(of: $0.sentence - 1) })
    }

    @Test func singleDocumentsKeepTheirTokensForTheAnnotatorTests() {
        let doc = Self.pipeline.annotate(Document(id: "s", text: Self.texts[0]))
        #expect(!doc.tokens.isEmpty)
        #expect(doc.bytes.count == Self.texts[0].utf8.count)
    }

    @Test func aCorpusHoldsEachClaimOnceAndGivesEveryDocumentItsOwn() throws {
        let docs = Self.pipeline.annotate(Self.texts.enumerated().map { Document(id: "d\($0.offset)", text: $0.element) })
        let perDocument = docs.map { $0.claims.map(\.id) }
        #expect(perDocument[0] == ["d0:1", "d0:2"])
        var corpus = Corpus()
        corpus.add(docs)
        #expect(corpus.documents.allSatisfy { $0.claims.isEmpty })
        #expect(corpus.store.count == perDocument.joined().count)
        #expect(corpus.documents.indices.map { corpus.claims(of: $0).map(\.id) } == perDocument)
        #expect(corpus.annotated(1).claims.map(\.id) == perDocument[1])

        // A change of metadata keeps the claims; a re-annotated document brings its own.
        var retitled = corpus.documents[0]
        retitled.document.title = "Demo"
        corpus.replace(retitled)
        #expect(corpus.documents[0].document.title == "Demo")
        #expect(corpus.claims(of: 0).map(\.id) == perDocument[0])
        #expect(corpus.claims(of: 1).map(\.id) == perDocument[1])
        let shorter = Self.pipeline.annotate(Document(id: "d0", text: "Die Polizei sprach von 8.000 Teilnehmern."))
        corpus.replace(shorter)
        #expect(corpus.claims(of: 0).map(\.text) == ["Die Polizei sprach von 8.000 Teilnehmern."])
        #expect(corpus.claims(of: 1).map(\.id) == perDocument[1])
        #expect(corpus.documents[0].tokens.isEmpty)

        corpus.remove(ids: ["d0"])
        #expect(corpus.documents.map(\.document.id) == ["d1"])
        #expect(corpus.claims(of: 0).map(\.id) == perDocument[1])
        #expect(corpus.store[id: "d0:1"] == nil)
    }

    @Test func claimsAreFoundByIdWithoutADictionary() {
        var corpus = Corpus()
        corpus.add(Self.pipeline.annotate(SeedCorpus.documents()))
        let store = corpus.store
        #expect(store.count > 20)
        #expect(store.claims.allSatisfy { store[id: $0.id]?.id == $0.id })
        #expect(store[id: "000_dbee2a27689250e2:999"] == nil)
        #expect(store[id: "nichts"] == nil)
        // Claims numbered out of store order (put together by hand) are found too.
        let claims = store.claims.prefix(3).reversed().map { $0 }
        let handMade = ClaimStore(claims)
        #expect(claims.allSatisfy { handMade[id: $0.id]?.id == $0.id })
    }

    /// The store keeps columns and compact rows, no `Claim`: every claim it gives back must equal
    /// the one put in, whatever its id, phrase or texts look like.
    @Test func theColumnarStoreGivesBackEveryClaimAsPutIn() {
        let seeds = Self.pipeline.annotate(SeedCorpus.documents()).flatMap(\.claims)
        #expect(Array(ClaimStore(seeds).claims) == seeds)
        let sentence = "Rund 11.000 Soldaten wurden laut NIS nach Kursk verlegt."
        var odd = Claim(id: "frei gewählt", doc: "d", sentence: 1, span: TextSpan(0, 20), kind: .quantity, value: 11000,
                        high: 11000, approx: .about, object: "Soldat", cls: "soldiers", source: "NIS", sourceText: "laut NIS",
                        entities: ["Kursk"], text: sentence, phrase: "nicht im Satz", valueText: "11.000")
        var plain = odd
        plain.id = "d:2"
        plain.phrase = "Rund 11.000 Soldaten"
        plain.approx = nil
        plain.value = nil
        plain.high = nil
        plain.entities = []
        odd.modality = .reported
        var leadingZero = plain
        leadingZero.id = "d:007"
        let claims = [odd, plain, leadingZero]
        let store = ClaimStore(claims)
        #expect(Array(store.claims) == claims)
        #expect(store[id: "d:2"] == plain && store[id: "d:007"] == leadingZero && store[id: "frei gewählt"] == odd)
        #expect((0..<store.count).map { store.id(row: $0) } == claims.map(\.id))
    }

    /// The scalar checkpoints are counted eight bytes at a time: the same as byte by byte.
    @Test(arguments: [0, 1, 7, 255, 256, 257, 1000, 5000])
    func scalarCheckpointsCountEveryScalar(length: Int) {
        let pieces = ["a", "ä", "€", "𝄞", " ", "ß", "Ü", "x"]
        var text = ""
        var k = length
        while text.utf8.count < length { text += pieces[k % pieces.count]; k = (k &* 31 &+ 7) & 0xFFFF }
        let bytes = Array(text.utf8)
        var naive: [Int32] = []
        var n: Int32 = 0
        for (i, b) in bytes.enumerated() {
            if i & 255 == 0 { naive.append(n) }
            if b & 0xC0 != 0x80 { n += 1 }
        }
        #expect(AnnotatedDocument.checkpoints(bytes) == naive)
        let doc = AnnotatedDocument(document: Document(id: "t", text: text))
        #expect(doc.scalarOffset(ofByte: bytes.count) == text.unicodeScalars.count)
    }
}
