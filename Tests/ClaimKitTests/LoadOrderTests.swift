import Foundation
import Testing
@testable import ClaimKit

/// A load reads documents on all cores and appends them in input order as they are done
/// (`Pipeline.annotateInOrder`): the corpus must be what one thread reading them in order gives.
/// 10kGNAD sentences: CC BY-NC-SA 4.0, quoted for testing.
@Suite struct LoadOrderTests {
    static let texts = [
        "Rund 12.000 Menschen demonstrierten am Samstag in Wien. Die Polizei sprach von 8.000 Teilnehmern.",
        "Der Verbund beschäftigt derzeit rund 3.000 Mitarbeiter. Im Vorjahr waren es noch 3.200.",
        "Bei dem Unglück kamen mindestens 15 Menschen ums Leben, wie die Behörden am Montag mitteilten.",
    ]

    static func documents(_ n: Int) -> [Document] {
        (0..<n).map { Document(id: "d\($0)", text: texts[$0 % texts.count] + String(repeating: " Noch ein Satz.", count: $0 % 7)) }
    }

    @Test(arguments: [1, 2, 4])
    func documentsArriveInInputOrderWithTheirClaims(threads: Int) {
        var pipeline = Pipeline(lexicon: .shared)
        pipeline.threads = threads
        let docs = Self.documents(40)
        var seen: [AnnotatedDocument] = []
        let completed = pipeline.annotateInOrder(docs, then: { $0.dropMentionLayers() }, stop: { false }) { seen.append($0) }
        #expect(completed)
        #expect(seen.map(\.document.id) == docs.map(\.id))
        #expect(seen.allSatisfy { !$0.hasMentionLayers })
        let alone = docs.map { Pipeline(lexicon: .shared).annotate($0).claims }
        #expect(seen.map(\.claims) == alone)
    }

    @Test func stoppingGivesAPrefixAndFalse() {
        var pipeline = Pipeline(lexicon: .shared)
        pipeline.threads = 2
        let docs = Self.documents(200)
        var seen: [String] = []
        let completed = pipeline.annotateInOrder(docs, then: { _ in }, stop: { seen.count >= 5 }) { seen.append($0.document.id) }
        #expect(!completed)
        #expect(seen.count >= 5 && seen.count < docs.count)
        #expect(seen == docs.prefix(seen.count).map(\.id))
    }

    @Test func aCorpusAppendedOneByOneEqualsOneAppendedAtOnce() {
        let read = Pipeline(lexicon: .shared).annotate(Self.documents(12))
        var whole = Corpus()
        whole.add(read)
        var single = Corpus()
        single.reserveCapacity(documents: read.count)
        for d in read { single.append(d) }
        #expect(single.documents.map(\.document.id) == whole.documents.map(\.document.id))
        #expect(Array(single.store.claims) == Array(whole.store.claims))
        #expect(single.documents.indices.allSatisfy { Array(single.claims(of: $0)) == Array(whole.claims(of: $0)) })
    }
}

/// `ClaimStore.locate`: where a claim's phrase and number stand in its sentence (the store
/// keeps byte ranges instead of strings).
@Suite struct PhraseLocationTests {
    @Test func firstOccurrenceByBytes() {
        let sentence = Substring("Rund 11.000 Soldaten, dann 11.000 weitere; Größe ß und 1")
        func at(_ p: String) -> (Int, Int)? { ClaimStore.locate(p, in: sentence) }
        #expect(at("Rund")! == (0, 4))
        #expect(at("11.000")! == (5, 6))
        #expect(at("11.000 weitere")! == (27, 14))
        #expect(at("Größe")! == (43, 7))
        #expect(at("ß und 1")! == (51, 8))
        #expect(at("1")! == (5, 1))
        #expect(at("12.000") == nil && at("") == nil && at(String(repeating: "x", count: 80)) == nil)
        // A slice of a longer text: offsets count from the slice's start.
        let text = "Vorher. Rund 11.000 Soldaten."
        #expect(ClaimStore.locate("11.000", in: text[text.index(text.startIndex, offsetBy: 8)...])! == (5, 6))
    }
}
