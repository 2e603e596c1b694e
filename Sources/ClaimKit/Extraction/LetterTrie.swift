/// A trie over lowercase German letters (a-z, ä, ö, ü, ß) stored as one flat array, for the
/// lookups that run on every word of a corpus: a walk is array indexing, with no hashing and
/// no allocation. Words with other characters are simply not in it.
struct LetterTrie: Sendable {
    static let width = 30
    /// node * width + letter → child node, or -1. Grown 64 nodes at a time (rows past the
    /// last node are all -1 and unreached): one row appended per node cost more than the rest
    /// of an insert.
    private var children: [Int32] = [Int32](repeating: -1, count: LetterTrie.width)
    /// Per node: the payload of a word ending there, or -1.
    private var payloads: [Int32] = [-1]
    /// Per first letter: a bit for each second letter that some word continues with (120
    /// bytes that stay in cache): `exact` rejects most words with it before it reads a
    /// second row of `children`, a cache miss in a large trie.
    private var pairs = [UInt32](repeating: 0, count: LetterTrie.width)

    init() {}

    /// Room for `nodes` nodes, so that a large trie is not copied as it grows (start-up).
    mutating func reserveCapacity(nodes: Int) {
        children.reserveCapacity(nodes * Self.width)
        payloads.reserveCapacity(nodes)
    }

    @inline(__always) static func letter(_ s: Unicode.Scalar) -> Int {
        switch s.value {
        case 0x61...0x7A: return Int(s.value - 0x61)
        case 0xE4: return 26
        case 0xF6: return 27
        case 0xFC: return 28
        case 0xDF: return 29
        default: return -1
        }
    }

    /// Adds a word with a payload (a later insert of the same word keeps the first payload).
    mutating func insert<S: Sequence>(_ scalars: S, payload: Int) where S.Element == Unicode.Scalar {
        var n = 0
        var first = -1
        for s in scalars {
            let l = Self.letter(s)
            guard l >= 0 else { return }
            if n == 0 { first = l } else if first >= 0 { pairs[first] |= 1 << UInt32(l); first = -1 }
            var c = Int(children[n * Self.width + l])
            if c < 0 {
                c = payloads.count
                payloads.append(-1)
                if children.count < (c + 1) * Self.width {
                    children.append(contentsOf: repeatElement(-1, count: 64 * Self.width))
                }
                children[n * Self.width + l] = Int32(c)
            }
            n = c
        }
        if payloads[n] < 0 { payloads[n] = Int32(payload) }
    }

    mutating func insert(_ word: String, payload: Int) { insert(word.unicodeScalars, payload: payload) }

    /// The root's child for a first letter, or -1: a one-step pre-check.
    @inline(__always) func step(_ node: Int, _ s: Unicode.Scalar) -> Int {
        let l = Self.letter(s)
        return l < 0 ? -1 : Int(children[node * Self.width + l])
    }

    @inline(__always) func payload(at node: Int) -> Int? {
        let p = payloads[node]
        return p < 0 ? nil : Int(p)
    }

    /// The letter index of the UTF-8 sequence at `i` and its length; -1 for other characters.
    @inline(__always) static func letter(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, Int) {
        let b = bytes[i]
        if b >= 0x61 && b <= 0x7A { return (Int(b - 0x61), 1) }
        if b == 0xC3, i + 1 < bytes.count {
            switch bytes[i + 1] {
            case 0xA4: return (26, 2)
            case 0xB6: return (27, 2)
            case 0xBC: return (28, 2)
            case 0x9F: return (29, 2)
            default: return (-1, 2)
            }
        }
        return (-1, 1)
    }

    @inline(__always) func step(_ node: Int, letter l: Int) -> Int {
        l < 0 ? -1 : Int(children[node * Self.width + l])
    }

    /// The payload of exactly this word (walked over its UTF-8 bytes, no decoding).
    func exact(_ word: String) -> Int? {
        if let r = word.utf8.withContiguousStorageIfAvailable({ exact(bytes: $0) }) { return r }
        return Array(word.utf8).withUnsafeBufferPointer { exact(bytes: $0) }
    }

    /// `exact` on UTF-8 bytes. It runs for every word of a corpus (number words, cue words):
    /// the walk reads the child table through a pointer, without bounds or overflow checks
    /// (node and letter indices stay inside the table by construction).
    func exact(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        children.withUnsafeBufferPointer { children -> Int? in
            let n = bytes.count
            var node = 0, i = 0
            var depth = 0, first = 0
            while i < n {
                let (l, length) = Self.letter(bytes, i)
                if l < 0 { return nil }
                i &+= length
                // The first step reads the root row, which stays in cache; the second is
                // checked against `pairs` first.
                if depth == 1, pairs[first] & (1 << UInt32(l)) == 0 { return nil }
                if depth == 0 { first = l }
                depth &+= 1
                node = Int(children[node &* Self.width &+ l])
                if node < 0 { return nil }
            }
            return payload(at: node)
        }
    }
}
