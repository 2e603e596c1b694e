import Testing
@testable import ClaimKit

@Suite struct WordMapTests {
    @Test func findsWhatWasAddedAndNothingElse() {
        var m = WordMap<Int>()
        let words = ["januar", "Februar", "märz", "Pjöngjang", "", "a", "abcdefgh", "abcdefghi", "Soldaten-Einsatz"]
        for (i, w) in words.enumerated() { m[w] = i }
        for (i, w) in words.enumerated() { #expect(m[w] == i) }
        #expect(m["Januar"] == nil)
        #expect(m["marz"] == nil)
        #expect(m["abcdefgh "] == nil)
        #expect(m["abcdefg"] == nil)
        #expect(m.count == words.count)
        #expect(m.keys == words)
    }

    @Test func growsPastManyEntriesAndKeepsIds() {
        var m = WordMap<String>()
        for i in 0..<5000 { m["wort\(i)"] = "\(i)" }
        #expect(m.count == 5000)
        for i in stride(from: 0, to: 5000, by: 7) {
            #expect(m["wort\(i)"] == "\(i)")
            #expect(m.id("wort\(i)") == i)
            #expect(m.key(id: i) == "wort\(i)")
        }
        #expect(m["wort5000"] == nil)
    }

    @Test func replacesRemovesAndKeepsTheFirstOnInsert() {
        var m: WordMap<Int> = ["eins": 1, "zwei": 2]
        let added = m.insert("eins", 10)
        #expect(!added)
        #expect(m["eins"] == 1)
        m["eins"] = 11
        #expect(m["eins"] == 11)
        m["eins"] = nil
        #expect(m["eins"] == nil && m.count == 1 && !m.contains("eins"))
        #expect(m["zwei"] == 2)
        m["eins"] = 3
        #expect(m["eins"] == 3 && m.count == 2)
        m["drei", default: 0] += 3
        #expect(m["drei"] == 3)
    }

    @Test func looksUpSubstringsAndBytes() {
        let s: WordSet = ["soldaten", "über"]
        let text = "die Soldaten über"
        #expect(s.contains(text.split(separator: " ")[2]))
        #expect(!s.contains(text.split(separator: " ")[1]))
        #expect(Array("soldaten".utf8).withUnsafeBufferPointer { s.contains(bytes: $0) })
        #expect(Set(s) == ["soldaten", "über"])
    }
}

@Suite struct WordFilterTests {
    /// A filter may let other words through but never turns an inserted one away.
    @Test func everyInsertedWordMayBeContained() {
        let words = Lexicon.shared.table("attribution_cues").rows.map { $0[0].lowercased() }
            + ["", "a", "ä", "straße", "ελλάδα", "zwölftausend"]
        let filter = WordFilter(words)
        #expect(words.allSatisfy(filter.mayContain))
        // It rules most other words out (what it is for).
        let others = (0..<2000).map { "wort\($0)x" }
        #expect(others.filter(filter.mayContain).count < 1000)
    }
}

