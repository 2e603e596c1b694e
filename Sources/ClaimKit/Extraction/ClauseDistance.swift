/// Distance between words of one sentence that counts clause boundaries: a comma, semicolon,
/// colon or dash between two words costs more than any number of words inside one clause,
/// except a comma that opens a relative clause ("Partnerschaft, die Kim 2024 ... unterzeichnet
/// hatte"), which attaches to the noun before it.
struct ClauseDistance {
    static let boundaryCost = 1000
    /// Per token of the range: the boundaries before it (prefix sums) times two, plus one when
    /// it is inside quotation marks. One array: it is made for every dated sentence.
    private let marks: [Int]
    private let start: Int

    init(tokens: [Token], range: Range<Int>) {
        start = range.lowerBound
        var count = 0, open = false
        // Through the buffers and by byte: a Token read by index is copied with both its Strings
        // retained, and every mark tested here is one ASCII byte.
        marks = tokens.withUnsafeBufferPointer { t in
            [Int](unsafeUninitializedCapacity: range.count) { out, initialized in
                var k = 0
                for i in range {
                    let byte = Self.singleByte(t[i].text)
                    if t[i].kind == .punct {
                        if byte == UInt8(ascii: "\"") {
                            open.toggle()
                        } else if byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":")
                            || (byte == UInt8(ascii: ",") && !ClauseDistance.opensRelativeClause(t, i + 1, range)) {
                            count += 1
                        }
                    }
                    out[k] = count << 1 | (open && byte != UInt8(ascii: "\"") ? 1 : 0)
                    k += 1
                }
                initialized = k
            }
        }
    }

    /// The text's byte when it is one byte long, else 0.
    @inline(__always)
    static func singleByte(_ text: String) -> UInt8 {
        let u = text.utf8
        return u.count == 1 ? u[u.startIndex] : 0
    }

    static let relativePronouns: WordSet = ["der", "die", "das", "dem", "den", "deren", "dessen", "welche", "welcher", "welches"]

    static func opensRelativeClause(_ tokens: UnsafeBufferPointer<Token>, _ i: Int, _ range: Range<Int>) -> Bool {
        guard range.contains(i) else { return false }
        let pronouns = relativePronouns
        var j = i
        // "..., mit dem", "..., in der"
        if j + 1 < range.upperBound, tokens[j].kind == .word, !pronouns.contains(tokens[j].lower),
           pronouns.contains(tokens[j + 1].lower), tokens[j].lower.count <= 4 { j += 1 }
        return pronouns.contains(tokens[j].lower)
    }

    func quoted(_ i: Int) -> Bool { marks.indices.contains(i - start) ? marks[i - start] & 1 != 0 : false }

    /// Cost from token `i` to the nearest token of `r`.
    func cost(_ i: Int, _ r: Range<Int>) -> Int {
        let j = i < r.lowerBound ? r.lowerBound : (i >= r.upperBound ? r.upperBound - 1 : i)
        let a = min(i, j) - start, b = max(i, j) - start
        guard marks.indices.contains(a), marks.indices.contains(b) else { return Int.max / 2 }
        return abs(j - i) + ClauseDistance.boundaryCost * ((marks[b] >> 1) - (marks[a] >> 1))
    }
}
