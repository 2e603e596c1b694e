/// A dictionary of multiword phrases (aliases, gazetteer names) matched against tokens with
/// dictionary lookups only: each token gets a key once (`FoldedPhraseTable.key`), a phrase is the keys
/// of its tokens joined by spaces, and a match is the longest phrase starting at a token.
///
/// Keys fold case and umlauts and strip German inflection endings, so "Russlands",
/// "südkoreanischen Geheimdienstes" and "Seong-kweun" find "Russland", "südkoreanischer
/// Geheimdienst" and "Seong Kweun".
public struct FoldedPhraseTable<Value: Sendable>: Sendable {
    public private(set) var entries = WordMap<Value>()
    /// The longest phrase in key parts (a hyphenated token counts one part per piece).
    public private(set) var maxParts = 0
    /// The leading parts of every multiword key ("nord" for "nord korea"): a match stops
    /// growing as soon as the phrase so far starts no entry.
    private var prefixes = WordSet()

    public init() {}

    /// Adds a phrase unless it is already there (the first row of a lexicon wins).
    public mutating func add(_ phrase: String, _ value: Value) {
        let key = FoldedPhraseTable.key(phrase: phrase)
        guard !key.isEmpty, entries[key] == nil else { return }
        entries[key] = value
        let parts = key.split(separator: " ")
        maxParts = max(maxParts, parts.count)
        for n in parts.indices.dropFirst() { prefixes.insert(parts[..<n].joined(separator: " ")) }
    }

    public subscript(key: String) -> Value? { entries[key] }

    /// The longest entry that starts at `start` and ends at or before `end`, by token keys.
    public func longestMatch(_ keys: [String], from start: Int, to end: Int) -> (range: Range<Int>, value: Value)? {
        guard start < end, maxParts > 0 else { return nil }
        var best: (Range<Int>, Value)? = nil
        var phrase = ""
        var j = start
        while j < end, j - start < maxParts {
            if keys[j].isEmpty { break }
            phrase = phrase.isEmpty ? keys[j] : phrase + " " + keys[j]
            if let v = entries[phrase] { best = (start..<(j + 1), v) }
            if !prefixes.contains(phrase) { break }
            j += 1
        }
        return best
    }

    /// The entry that covers exactly `range` of the token keys.
    public func exactMatch(_ keys: [String], _ range: Range<Int>) -> Value? {
        guard !range.isEmpty else { return nil }
        return entries[keys[range].joined(separator: " ")]
    }

    // MARK: - Keys

    /// The key of a phrase as written in a lexicon: its words, split at spaces and hyphens.
    public static func key(phrase: String) -> String {
        phrase.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { key(word: String($0)) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The key of one token: folded, split at inner hyphens, each piece stemmed.
    public static func key(word: String) -> String {
        if let k = asciiKey(word) { return k }
        let folded = TextFolding.fold(word)
        if !folded.utf8.contains(UInt8(ascii: "-")) { return stem(folded) }
        return folded.split(separator: "-").map { stem(String($0)) }.joined(separator: " ")
    }

    /// Strips German inflection endings until none is left, keeping at least four letters, so
    /// that every inflected form of a word reaches the same stem as the base form.
    static func stem(_ folded: String) -> String {
        var s = Substring(folded)
        var changed = true
        while changed {
            changed = false
            for suffix in FoldedPhraseTable.suffixes where s.count - suffix.count >= 4 && s.hasSuffix(suffix) {
                s = s.dropLast(suffix.count)
                changed = true
                break
            }
        }
        return String(s)
    }

    static var suffixes: [String] { stemSuffixes }

    /// The key of an ASCII word without a hyphen (most tokens), on bytes: the same folding and
    /// stemming as `key(word:)` (for ASCII a character is a byte). nil for any other word.
    static func asciiKey(_ word: String) -> String? {
        var word = word
        return word.withUTF8 { b -> String? in
            // Hyphens and line ends take the general path (non-ASCII too: `foldASCII` says nil).
            if b.contains(where: { $0 == 0x2D || $0 == 13 || $0 == 10 }) { return nil }
            var out = [UInt8](repeating: 0, count: b.count)
            guard var n = TextFolding.foldASCII(b, into: &out) else { return nil }
            // Strip endings (longest listed first, as `stem`), keeping at least four letters.
            var changed = true
            while changed {
                changed = false
                for suffix in stemSuffixBytes where n - suffix.count >= 4 && out[(n - suffix.count)..<n].elementsEqual(suffix) {
                    n -= suffix.count
                    changed = true
                    break
                }
            }
            return String(decoding: out[..<n], as: UTF8.self)
        }
    }

}

/// German inflection endings `FoldedPhraseTable.stem` strips, longest first where they overlap.
private let stemSuffixes = ["en", "er", "es", "em", "e", "s", "n"]
private let stemSuffixBytes: [[UInt8]] = stemSuffixes.map { Array($0.utf8) }
