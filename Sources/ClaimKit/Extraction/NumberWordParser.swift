/// Reads German number words, including compounds written as one word ("dreitausend",
/// "zweihundertfünfzig", "dreiundzwanzig", "zweieinhalb"), from the `number_words` lexicon.
///
/// A compound is split into lexicon parts by longest match over a trie (no string building per
/// word), then evaluated: parts add to the current group, "hundert" multiplies it, "tausend"
/// closes it. The whole word must be consumed, so "achten", "einsatz" or "elfmeter" are not numbers.
public struct NumberWordParser: Sendable {
    enum PartKind: String, Sendable { case add, hundred, thousand, link }

    struct Part: Sendable {
        var value: Double
        var kind: PartKind
    }

    private var trie = LetterTrie()
    private var parts: [Part] = []
    /// Per pair of first bytes (first * 256 + second): some part other than a link begins
    /// with them (every second byte for a one-byte part). A number word begins with such a
    /// part ("und" alone reads as no number): most words are ruled out by one bit test
    /// instead of a walk in the trie.
    private var starts = [UInt64](repeating: 0, count: 1024)
    /// Per pair of last bytes (second to last * 256 + last): some part other than a link ends
    /// with them (every first byte for a one-byte part). The parts tile a number word and the
    /// last is no link, so its last bytes are the word's: most words that pass `starts` are
    /// ruled out here before the walk.
    private var ends = [UInt64](repeating: 0, count: 1024)
    /// "ein", "eine": a number only before a scale word.
    public private(set) var articles: Set<String> = []
    /// Vague amounts ("Tausende") with their documented bounds.
    public private(set) var vague: [String: (low: Double, high: Double)] = [:]

    public init(lexicon: Lexicon = .shared) {
        for row in lexicon.table("number_words").rows where row.count >= 3 {
            let form = row[0].lowercased()
            guard let value = Double(row[1]) else { continue }
            switch row[2] {
            case "article": articles.insert(form)
            case "vague":
                let high = row.count > 3 ? Double(row[3]) ?? value : value
                vague[form] = (value, high)
            default:
                if let kind = PartKind(rawValue: row[2]) { insert(form, value, kind) }
            }
        }
    }

    private mutating func insert(_ form: String, _ value: Double, _ kind: PartKind) {
        parts.append(Part(value: value, kind: kind))
        trie.insert(form, payload: parts.count - 1)
        let u = Array(form.utf8)
        guard kind != .link, let first = u.first, let last = u.last else { return }
        for second in u.count >= 2 ? [Int(u[1])] : Array(0..<256) {
            let k = Int(first) << 8 | second
            starts[k >> 6] |= 1 << UInt64(k & 63)
        }
        for beforeLast in u.count >= 2 ? [Int(u[u.count - 2])] : Array(0..<256) {
            let k = beforeLast << 8 | Int(last)
            ends[k >> 6] |= 1 << UInt64(k & 63)
        }
    }

    /// The value of a lowercase number word, or nil when the word is not (only) a number.
    public func value(of word: String) -> Double? {
        // Walks the UTF-8 bytes in place: this runs for every word of the corpus.
        var word = word
        return word.withUTF8 { value(bytes: $0) }
    }

    /// False when a word with these first two bytes (`Token.lowerPrefix`: the first in the
    /// high byte, the second 0 for a one-byte word) is certainly no number word: the test
    /// `value(bytes:)` makes first, without reading the word.
    @inline(__always)
    func mayStart(prefix: UInt16) -> Bool {
        let k = Int(prefix)
        if k & 0xFF == 0 { return true }
        return starts.withUnsafeBufferPointer { $0[(k >> 6) & 1023] } & (1 << UInt64(k & 63)) != 0
    }

    /// `value(of:)` of a word's UTF-8 bytes.
    func value(bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard bytes.count > 0 else { return nil }
        // The bitmaps first: they rule out most words with two reads (the order of these
        // tests does not change the answer).
        if bytes.count >= 2 {
            let k = Int(bytes[0]) << 8 | Int(bytes[1])
            guard starts[k >> 6] & (1 << UInt64(k & 63)) != 0 else { return nil }
            let e = Int(bytes[bytes.count - 2]) << 8 | Int(bytes[bytes.count - 1])
            guard ends[e >> 6] & (1 << UInt64(e & 63)) != 0 else { return nil }
        }
        guard trie.step(0, letter: LetterTrie.letter(bytes, 0).0) >= 0 else { return nil }
        var total = 0.0, group = 0.0
        var sawNumber = false
        var lastWasLink = false
        var i = 0
        while i < bytes.count {
            // Longest part starting at i.
            var n = 0, j = i
            var best: (end: Int, part: Part)?
            while j < bytes.count {
                let (l, len) = LetterTrie.letter(bytes, j)
                n = trie.step(n, letter: l)
                if n < 0 { break }
                j += len
                if let p = trie.payload(at: n) { best = (j, parts[p]) }
            }
            guard let (end, part) = best else { return nil }
            switch part.kind {
            case .add: group += part.value
            case .hundred: group = (group == 0 ? 1 : group) * part.value
            case .thousand:
                total += (group == 0 ? 1 : group) * part.value
                group = 0
            case .link:
                if !sawNumber || lastWasLink { return nil }
            }
            if part.kind != .link { sawNumber = true }
            lastWasLink = part.kind == .link
            i = end
        }
        guard sawNumber, !lastWasLink else { return nil }
        return total + group
    }
}
