/// Distance between words of one sentence that counts clause boundaries: a comma, semicolon,
/// colon or dash between two words costs more than any number of words inside one clause,
/// except a comma that opens a relative clause ("Partnerschaft, die Kim 2024 ... unterzeichnet
/// hatte"), which attaches to the noun before it.
struct ClauseDistance {
    static let boundaryCost = 1000
    /// Boundaries before each token of the range (prefix sums).
    private let boundaries: [Int]
    /// Inside quotation marks, per token.
    private let quotes: [Bool]
    private let start: Int

    init(tokens: [Token], range: Range<Int>) {
        start = range.lowerBound
        var b: [Int] = [], q: [Bool] = []
        b.reserveCapacity(range.count)
        q.reserveCapacity(range.count)
        var count = 0, open = false
        // Through the buffer and by byte: a Token read by index is copied with both its Strings
        // retained, and every mark tested here is one ASCII byte.
        tokens.withUnsafeBufferPointer { t in
            for i in range {
                let byte = Self.singleByte(t[i].text)
                if t[i].kind == .punct {
                    if byte == UInt8(ascii: "\"") {
                        open.toggle()
                    } else if byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":")
                        || (byte == UInt8(ascii: ",") && !ClauseDistance.opensRelativeClause(tokens, i + 1, range)) {
                        count += 1
                    }
                }
                b.append(count)
                q.append(open && byte != UInt8(ascii: "\""))
            }
        }
        boundaries = b
        quotes = q
    }

    /// The text's byte when it is one byte long, else 0.
    @inline(__always)
    static func singleByte(_ text: String) -> UInt8 {
        let u = text.utf8
        return u.count == 1 ? u.first ?? 0 : 0
    }

    static let relativePronouns: WordSet = ["der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher", "welches"]

    static func opensRelativeClause(_ tokens: [Token], _ i: Int, _ range: Range<Int>) -> Bool {
        guard range.contains(i) else { return false }
        var j = i
        // "..., mit dem", "..., in der"
        if j + 1 < range.upperBound, tokens[j].kind == .word, !relativePronouns.contains(tokens[j].lower),
           relativePronouns.contains(tokens[j + 1].lower), tokens[j].lower.count <= 4 { j += 1 }
        return relativePronouns.contains(tokens[j].lower)
    }

    func quoted(_ i: Int) -> Bool { quotes.indices.contains(i - start) ? quotes[i - start] : false }

    /// Cost from token `i` to the nearest token of `r`.
    func cost(_ i: Int, _ r: Range<Int>) -> Int {
        let j = i < r.lowerBound ? r.lowerBound : (i >= r.upperBound ? r.upperBound - 1 : i)
        let a = min(i, j) - start, b = max(i, j) - start
        guard boundaries.indices.contains(a), boundaries.indices.contains(b) else { return Int.max / 2 }
        return abs(j - i) + ClauseDistance.boundaryCost * (boundaries[b] - boundaries[a])
    }
}
