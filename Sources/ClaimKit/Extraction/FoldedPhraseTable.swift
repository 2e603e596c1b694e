/// A dictionary of multiword phrases (aliases, gazetteer names) matched against tokens with
/// dictionary lookups only: each token gets a key once (`FoldedPhraseTable.key`), a phrase is the keys
/// of its tokens joined by spaces, and a match is the longest phrase starting at a token.
///
/// Keys fold case and umlauts and strip German inflection endings, so "Russlands",
/// "südkoreanischen Geheimdienstes" and "Seong-kweun" find "Russland", "südkoreanischer
/// Geheimdienst" and "Seong Kweun".
///
/// Matching runs at every word of a corpus, so it does not join key strings: the table keeps
/// its keys also as a trie over the ids of their parts (the words between spaces), and a
/// document's keys are turned into part ids once (`parts(of:)`); a match is then a walk of
/// integer lookups.
public struct FoldedPhraseTable<Value: Sendable>: Sendable {
    public private(set) var entries = WordMap<Value>()
    /// The longest phrase in key parts (a hyphenated token counts one part per piece).
    public private(set) var maxParts = 0
    /// Every part of every key; the value is the trie node reached from the root by that part
    /// (-1 when no key starts with it), the id (`WordMap.id`) names the part in `edges`.
    private var vocabulary = WordMap<Int32>()
    /// Trie edges below the first part: (node, part id) → child node.
    private var edges = PairMap()
    /// Per part id: the node a key's first part leads to (-1 for none): the value of the
    /// part in `vocabulary`, in an array of its own that a walk reads without the map.
    private var rootChild: [Int32] = []
    /// Per trie node (node 0 is the root): the `entries` id of the key ending there, or -1.
    private var nodeEntry: [Int32] = [-1]
    /// Per trie node: whether a longer key continues it (a phrase so far that is a proper
    /// prefix of a key: the match goes on).
    private var nodeContinues: [Bool] = [false]
    /// One bit per part of `vocabulary`, at 15 bits of its hash (4 KB): nearly every token key
    /// is no part of any entry, and this rejects most of them with a read from a table small
    /// enough to stay in cache, where a probe of the vocabulary's slots is a cache miss.
    private var partFilter = [UInt64](repeating: 0, count: 1 << 9)
    /// Per part id, a bit: whether some key starts with the part (`longestMatch` rejects every
    /// other word without a walk; parts of the vocabulary that start no key are common words
    /// such as the gazetteer's stop words).
    private var startsKey: [UInt64] = []
    /// Every part of at most eight bytes (nearly all) with its vocabulary id, keyed by its
    /// bytes read as one little-endian word (zero past the part; 0 marks an empty slot), in
    /// an open-addressing table at most half full: a plain word that passes the prefix filter
    /// (function words that are parts of multiword names: "und", "von", "der") finds its id
    /// with a multiply and a compare instead of hashing its bytes for `partFilter` and again
    /// for the vocabulary.
    private var shortKeys = [UInt64](repeating: 0, count: 1 << 10)
    private var shortIDs = [Int32](repeating: -1, count: 1 << 10)
    private var shortCount = 0

    /// The same for parts of 9 to 16 bytes: per slot their first and last eight bytes
    /// (`longKeys[2 * slot]`, `longKeys[2 * slot + 1]`, which overlap and so tell the whole
    /// part) and their length (0 for an empty slot): long capitalised nouns and umlaut words
    /// that pass the prefix filter.
    private var longKeys = [UInt64](repeating: 0, count: 2 << 9)
    private var longLengths = [UInt8](repeating: 0, count: 1 << 9)
    private var longIDs = [Int32](repeating: -1, count: 1 << 9)
    private var longCount = 0

    /// `shortKeys`' slot for a key: the top bits of a multiplicative hash.
    @inline(__always) private static func shortSlot(_ key: UInt64, _ count: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - count.trailingZeroBitCount))
    }

    /// Adds a new part of the vocabulary to `shortKeys` when it is short enough and has no
    /// zero byte (which the padding could not tell apart).
    private mutating func addShort(_ part: String, id: Int) {
        let u = Array(part.utf8)
        guard !u.isEmpty, u.count <= 16, !u.contains(0) else { return }
        if u.count > 8 {
            var first: UInt64 = 0, last: UInt64 = 0
            for k in 0..<8 {
                first |= UInt64(u[k]) << UInt64(8 * k)
                last |= UInt64(u[u.count - 8 + k]) << UInt64(8 * k)
            }
            if (longCount + 1) * 2 > longLengths.count {
                let oldKeys = longKeys, oldLengths = longLengths, oldIDs = longIDs
                longKeys = [UInt64](repeating: 0, count: oldKeys.count * 2)
                longLengths = [UInt8](repeating: 0, count: oldLengths.count * 2)
                longIDs = [Int32](repeating: -1, count: oldIDs.count * 2)
                longCount = 0
                for slot in oldLengths.indices where oldLengths[slot] != 0 {
                    insertLong(oldKeys[2 * slot], oldKeys[2 * slot + 1], Int(oldLengths[slot]), oldIDs[slot])
                }
            }
            insertLong(first, last, u.count, Int32(truncatingIfNeeded: id))
            return
        }
        var key: UInt64 = 0
        for (k, c) in u.enumerated() { key |= UInt64(c) << UInt64(8 * k) }
        if (shortCount + 1) * 2 > shortKeys.count {
            let oldKeys = shortKeys, oldIDs = shortIDs
            shortKeys = [UInt64](repeating: 0, count: oldKeys.count * 2)
            shortIDs = [Int32](repeating: -1, count: oldKeys.count * 2)
            shortCount = 0
            for (k, v) in zip(oldKeys, oldIDs) where k != 0 { insertShort(k, v) }
        }
        insertShort(key, Int32(truncatingIfNeeded: id))
    }

    private mutating func insertShort(_ key: UInt64, _ id: Int32) {
        let mask = shortKeys.count - 1
        var slot = Self.shortSlot(key, shortKeys.count)
        while shortKeys[slot] != 0 && shortKeys[slot] != key { slot = (slot + 1) & mask }
        if shortKeys[slot] == 0 { shortCount += 1 }
        shortKeys[slot] = key
        shortIDs[slot] = id
    }

    /// `longKeys`' slot for a part: its first and last bytes and its length, hashed.
    @inline(__always) private static func longSlot(_ first: UInt64, _ last: UInt64, _ n: Int, _ count: Int) -> Int {
        shortSlot(first ^ (last &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: n), count)
    }

    private mutating func insertLong(_ first: UInt64, _ last: UInt64, _ n: Int, _ id: Int32) {
        let mask = longLengths.count - 1
        var slot = Self.longSlot(first, last, n, longLengths.count)
        while longLengths[slot] != 0
                && !(Int(longLengths[slot]) == n && longKeys[2 * slot] == first && longKeys[2 * slot + 1] == last) {
            slot = (slot + 1) & mask
        }
        if longLengths[slot] == 0 { longCount += 1 }
        longKeys[2 * slot] = first
        longKeys[2 * slot + 1] = last
        longLengths[slot] = UInt8(n)
        longIDs[slot] = id
    }

    /// The id of a part of 9 to 16 bytes (`longKeys`), -1 for none.
    @inline(__always)
    private static func longID(_ first: UInt64, _ last: UInt64, _ n: Int, _ keys: UnsafeBufferPointer<UInt64>,
                               _ lengths: UnsafeBufferPointer<UInt8>, _ ids: UnsafeBufferPointer<Int32>) -> Int32 {
        let mask = lengths.count &- 1
        var slot = longSlot(first, last, n, lengths.count)
        while true {
            let l = Int(lengths[slot])
            if l == 0 { return -1 }
            if l == n, keys[2 &* slot] == first, keys[2 &* slot &+ 1] == last { return ids[slot] }
            slot = (slot &+ 1) & mask
        }
    }

    /// The id of a part of at most eight bytes given as `shortKeys` holds it, -1 for none.
    @inline(__always)
    private static func shortID(_ key: UInt64, _ keys: UnsafeBufferPointer<UInt64>, _ ids: UnsafeBufferPointer<Int32>) -> Int32 {
        let mask = keys.count &- 1
        var slot = shortSlot(key, keys.count)
        while true {
            let k = keys[slot]
            if k == key { return ids[slot] }
            if k == 0 { return -1 }
            slot = (slot &+ 1) & mask
        }
    }

    @inline(__always) private static func filterBit(_ part: UnsafeBufferPointer<UInt8>) -> Int {
        Int(truncatingIfNeeded: WordMap<Int>.hash(part) >> 49)
    }

    private mutating func addToFilter(_ part: String) {
        var part = part
        let bit = part.withUTF8 { Self.filterBit($0) }
        partFilter[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// One bit per part of an entry's key, at 16 bits of its `prefixCode` (8 KB):
    /// `parts(of:text:)` rules out most lower-case words by the first four bytes of their fold,
    /// without making their keys.
    private var namePrefixFilter = [UInt64](repeating: 0, count: 1 << 10)
    /// The same for every part of the vocabulary (also those `internPart(_:)` added: title and
    /// stop words), for capitalised words, whose flags are read.
    private var partPrefixFilter = [UInt64](repeating: 0, count: 1 << 10)

    /// The first four bytes of a key or part (fewer for a shorter one, the rest zero). Equal
    /// keys have equal codes: the entity annotator's filter of name parts seen in a document
    /// uses it (`KeyParts.prefixes`).
    @inline(__always) public static func prefixCode(_ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var code: UInt32 = 0
        for k in 0..<min(4, b.count) { code |= UInt32(b[k]) << UInt32(8 * k) }
        return code
    }

    /// `prefixCode` of a key given as a String.
    public static func prefixCode(_ key: String) -> UInt32 {
        var key = key
        return key.withUTF8 { prefixCode($0) }
    }

    /// 16 well-mixed bits of a prefix code.
    @inline(__always) public static func prefixBit(_ code: UInt32) -> Int {
        Int(truncatingIfNeeded: (code &* 0x9E37_79B1) >> 16)
    }

    private static func addPrefix(_ part: String, to filter: inout [UInt64]) {
        let bit = prefixBit(prefixCode(part))
        filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// Nonzero when a byte of `w` is at or above 0x80, below 0x21, or "-" (`isPlain`'s test of
    /// eight bytes).
    @inline(__always) static func notPlain(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let h = w ^ (0x2D &* ones)
        return (w & highs) | ((w &- 0x21 &* ones) & ~w & highs) | ((h &- ones) & ~h & highs)
    }

    /// Eight ASCII bytes in lower case: adding 0x3F (0x25) carries into bit 7 for "A" (past
    /// "Z") and never into the next byte.
    @inline(__always) static func asciiLower(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let upper = (w &+ 0x3F &* ones) & ~(w &+ 0x25 &* ones) & ~lows
        return w | (upper >> 2)
    }

    /// Bit 7 of each byte of `w` (ASCII) that equals `c` (exact per byte: no borrows).
    @inline(__always) static func equalBytes(_ w: UInt64, _ c: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let t = w ^ (c &* ones)
        return ~(((t & lows) &+ lows) | t | lows)
    }

    /// Bit 7 of each byte of `w` (ASCII) that follows an a, o or u: an e there is dropped by
    /// the fold.
    @inline(__always) static func afterVowel(_ w: UInt64) -> UInt64 {
        (equalBytes(w, 0x61) | equalBytes(w, 0x6F) | equalBytes(w, 0x75)) << 8
    }

    /// Whether the word `text[s..<e]` is all ASCII letters, digits and apostrophes or other
    /// punctuation above "!" but no hyphen (no space, line end or byte above ASCII): such a word
    /// is its own text (`Tokenizer.normalizedText` changes only other bytes), its key is one
    /// part, and `plainPrefix` finds that part's `prefixCode` from the first bytes alone.
    /// Eight bytes at a time: a word is tested with one or two loads.
    @inline(__always) static func isPlain(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        #if _endian(little)
        guard e - s > 0, let base = text.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        // `notPlain`'s borrow tests have no false negatives and only false positives after a
        // true one.
        var acc: UInt64 = 0
        var k = s
        while k + 8 <= e {
            acc |= notPlain(raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
            k += 8
        }
        if k < e {
            if k + 8 <= text.count {
                // The bytes past the word read as "A", which passes.
                let keep: UInt64 = (1 &<< UInt64(truncatingIfNeeded: (e &- k) &<< 3)) &- 1
                let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
                acc |= notPlain((w & keep) | (0x4141_4141_4141_4141 & ~keep))
            } else {
                for j in k..<e {
                    let c = text[j]
                    if c &- 0x21 >= 0x5F || c == 0x2D { return false }
                }
            }
        }
        return acc == 0
        #else
        guard e - s > 0 else { return false }
        for j in s..<e {
            let c = text[j]
            if c &- 0x21 >= 0x5F || c == 0x2D { return false }
        }
        return true
        #endif
    }

    /// The first eight bytes of a word that `isPlain` accepts, in lower case (bytes past the
    /// word zero), when none of them is an e after a, o or u (the fold drops it): the word's fold
    /// then begins with them. nil when there is such an e, or eight bytes cannot be read.
    @inline(__always) static func plainLowerWord(_ text: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> UInt64? {
        #if _endian(little)
        guard s + 8 <= text.count, let base = text.baseAddress else { return nil }
        var w = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: s, as: UInt64.self)
        if e - s < 8 { w &= (1 &<< UInt64(truncatingIfNeeded: (e &- s) &<< 3)) &- 1 }
        let lower = asciiLower(w)
        if equalBytes(lower, 0x65) & afterVowel(lower) != 0 { return nil }
        return lower
        #else
        return nil
        #endif
    }

    /// The `prefixCode` of the key of a word that `isPlain` accepts, folded from its first
    /// bytes only: its key is one part, and stemming keeps at least four letters, so the first
    /// four bytes of the fold are the key's (a shorter fold is not stemmed: it is the key).
    @inline(__always) static func plainPrefix(_ b: UnsafeBufferPointer<UInt8>) -> UInt32 {
        // The fold as `fastKey`: lower case, and an e after a, o or u dropped.
        var code: UInt32 = 0
        var shift: UInt32 = 0
        var prev: UInt8 = 0
        var k = 0
        let n = b.count
        while k < n, shift < 32 {
            let c = b[k]
            let f = c | ((c &- 0x41) < 26 ? 0x20 : 0)
            k += 1
            let drop = f == 0x65 && (prev == 0x61 || prev == 0x6F || prev == 0x75)
            prev = f
            if drop { continue }
            code |= UInt32(f) << shift
            shift += 8
        }
        return code
    }

    public init() {}

    /// Adds a phrase unless it is already there (the first row of a lexicon wins).
    public mutating func add(_ phrase: String, _ value: Value) {
        let key = FoldedPhraseTable.key(phrase: phrase)
        guard !key.isEmpty, entries.id(key) == nil else { return }
        entries[key] = value
        // An ASCII key (nearly all) is split on bytes: a split into Characters cost more than
        // the rest of the build.
        let byteParts: [String]?? = key.utf8.withContiguousStorageIfAvailable { b -> [String]? in
            if b.contains(where: { $0 >= 0x80 }) { return nil }
            var parts: [String] = []
            var s = 0
            for i in 0...b.count where i == b.count || b[i] == 0x20 {
                if i > s { parts.append(String(decoding: UnsafeBufferPointer(rebasing: b[s..<i]), as: UTF8.self)) }
                s = i + 1
            }
            return parts
        }
        let parts: [String] = (byteParts ?? nil) ?? key.split(separator: " ").map(String.init)
        maxParts = max(maxParts, parts.count)
        var node = 0
        for part in parts {
            var pid = vocabulary.id(part) ?? -1
            if pid < 0 {
                vocabulary[part] = -1
                addToFilter(part)
                pid = vocabulary.id(part) ?? -1
                if pid >= 0 { addShort(part, id: pid) }
            }
            Self.addPrefix(part, to: &namePrefixFilter)
            Self.addPrefix(part, to: &partPrefixFilter)
            guard pid >= 0 else { return }
            let next = child(node, Int32(pid))
            if next >= 0 { node = next; continue }
            let fresh = nodeEntry.count
            nodeEntry.append(-1)
            nodeContinues.append(false)
            nodeContinues[node] = true
            if node == 0 {
                vocabulary[part] = Int32(fresh)
                while rootChild.count <= pid { rootChild.append(-1) }
                rootChild[pid] = Int32(fresh)
                while startsKey.count <= pid >> 6 { startsKey.append(0) }
                startsKey[pid >> 6] |= 1 << UInt64(pid & 63)
            } else { edges.set(node, Int32(pid), Int32(fresh)) }
            node = fresh
        }
        if nodeEntry[node] < 0, let e = entries.id(key) { nodeEntry[node] = Int32(e) }
    }

    @inline(__always) private func child(_ node: Int, _ part: Int32) -> Int {
        if part < 0 { return -1 }
        if node == 0 { return Int(part) < rootChild.count ? Int(rootChild[Int(part)]) : -1 }
        return Int(edges.get(node, part))
    }

    public subscript(key: String) -> Value? { entries[key] }

    /// The id `parts(of:)` gives a key part, adding the part (as one that starts no key) when
    /// it is new: a caller can then keep its own data per part (the gazetteer's title and stop
    /// flags) in an array indexed by the ids it gets for a document anyway. Matching is
    /// unchanged: a part that starts no key has no child in the trie, as an unknown part.
    public mutating func internPart(_ part: String) -> Int {
        if vocabulary[part] == nil {
            vocabulary[part] = -1
            addToFilter(part)
            if let id = vocabulary.id(part) { addShort(part, id: id) }
        }
        Self.addPrefix(part, to: &partPrefixFilter)
        return vocabulary.id(part) ?? -1
    }

    /// One past the largest part id (`parts(of:)`, `internPart(_:)`).
    public var partLimit: Int { vocabulary.idLimit }

    /// Per token: the ids of its key's parts in this table (-1 for a part that is in no key),
    /// token `j`'s at `ids[starts[j]..<starts[j + 1]]`; none for a non-word.
    public struct KeyParts: Sendable {
        public var ids: [Int32] = []
        public var starts: [Int32] = [0]
        /// Per token: `prefixCode` of its key (0 for a non-word or an empty key).
        public var prefixes: [UInt32] = []
    }

    /// The part ids of token keys (`key(word:)` of each token), for `longestMatch(_:from:to:)`: the reference
    /// on Strings that `parts(of:text:)`, the pipeline's byte path, is tested against.
    public func parts(of keys: [String]) -> KeyParts {
        var p = KeyParts()
        p.ids.reserveCapacity(keys.count)
        p.starts.reserveCapacity(keys.count + 1)
        p.prefixes.reserveCapacity(keys.count)
        partFilter.withUnsafeBufferPointer { filter in
            for key in keys {
                p.prefixes.append(Self.prefixCode(key))
                if !key.isEmpty { appendParts(of: key, filter, to: &p) }
                p.starts.append(Int32(p.ids.count))
            }
        }
        return p
    }

    /// The part ids and `prefixCode`s of the tokens' keys, made from the document's bytes
    /// without a String per key: the entity annotator's pass over every word of a corpus, which
    /// needs a key only as part ids, and for a capitalised word as a code to test for a name
    /// part seen before.
    ///
    /// Nearly every word is no part of any entry. A word of plain ASCII (`isPlain`) is ruled
    /// out by the first four bytes of its fold (`plainPrefix`) before its key is made. A
    /// lower-case one is tested against the parts of entries' keys only: it then has the part
    /// id -1 even when `internPart(_:)` gave its key one (a title or stop word), as those ids
    /// are read only for capitalised words, and a part in no entry's key matches nothing
    /// either way.
    /// `text`: the UTF-8 text the tokens' spans index; a token whose span is outside it (or
    /// whose text differs from its bytes: not foldable by `fastKey`) is keyed from its text.
    public func parts(of tokens: UnsafeBufferPointer<Token>, text: UnsafeBufferPointer<UInt8>) -> KeyParts {
        var starts = [Int32](repeating: 0, count: tokens.count + 1)
        var prefixes = [UInt32](repeating: 0, count: tokens.count)
        let ids = partFilter.withUnsafeBufferPointer { filter in
            namePrefixFilter.withUnsafeBufferPointer { names in
                partPrefixFilter.withUnsafeBufferPointer { all in
                    starts.withUnsafeMutableBufferPointer { starts in
                        prefixes.withUnsafeMutableBufferPointer { prefixes in
                            TextFolding.latinFold.withUnsafeBufferPointer { fold in
                                shortKeys.withUnsafeBufferPointer { shortKeys in
                                    shortIDs.withUnsafeBufferPointer { shortIDs in
                                        longKeys.withUnsafeBufferPointer { longKeys in
                                            longLengths.withUnsafeBufferPointer { longLengths in
                                                longIDs.withUnsafeBufferPointer { longIDs in
                                                    partsLoop(tokens, text, filter, names, all, fold,
                                                              Tables(shortKeys: shortKeys, shortIDs: shortIDs,
                                                                     longKeys: longKeys, longLengths: longLengths,
                                                                     longIDs: longIDs),
                                                              starts, prefixes)
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return KeyParts(ids: ids, starts: starts, prefixes: prefixes)
    }

    /// A growing buffer of part ids, written without the checks of `Array.append`.
    private struct IDBuffer {
        var base: UnsafeMutablePointer<Int32>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = max(16, capacity)
            base = UnsafeMutablePointer<Int32>.allocate(capacity: self.capacity)
        }

        @inline(__always) mutating func append(_ id: Int32) {
            if count == capacity {
                let grown = UnsafeMutablePointer<Int32>.allocate(capacity: capacity * 2)
                grown.update(from: base, count: count)
                base.deallocate()
                base = grown
                capacity *= 2
            }
            base[count] = id
            count += 1
        }

        /// The ids as an array; the buffer is freed.
        mutating func finish() -> [Int32] {
            let ids = Array(UnsafeBufferPointer(start: base, count: count))
            base.deallocate()
            count = 0
            return ids
        }
    }

    /// The short and long part tables as buffers, for `partsLoop`.
    private struct Tables {
        var shortKeys: UnsafeBufferPointer<UInt64>
        var shortIDs: UnsafeBufferPointer<Int32>
        var longKeys: UnsafeBufferPointer<UInt64>
        var longLengths: UnsafeBufferPointer<UInt8>
        var longIDs: UnsafeBufferPointer<Int32>

        /// The id of a key of 1 to 16 bytes written at `key` (eight bytes past it readable),
        /// -1 for none; nil for a longer key.
        @inline(__always) func id(_ key: UnsafeRawPointer, _ n: Int) -> Int32? {
            let first = key.loadUnaligned(as: UInt64.self)
            if n <= 8 {
                let word = n == 8 ? first : first & ((1 &<< UInt64(truncatingIfNeeded: n &<< 3)) &- 1)
                return FoldedPhraseTable.shortID(word, shortKeys, shortIDs)
            }
            if n > 16 { return nil }
            let last = key.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            return FoldedPhraseTable.longID(first, last, n, longKeys, longLengths, longIDs)
        }
    }

    /// The loop of `parts(of:text:)`, on buffers. Its state is local, not captured by a
    /// closure: a captured variable was checked for exclusive access at every use (a call to
    /// the runtime per token).
    private func partsLoop(_ tokens: UnsafeBufferPointer<Token>, _ text: UnsafeBufferPointer<UInt8>,
                           _ filter: UnsafeBufferPointer<UInt64>, _ names: UnsafeBufferPointer<UInt64>,
                           _ all: UnsafeBufferPointer<UInt64>, _ fold: UnsafeBufferPointer<UInt8>,
                           _ tables: Tables, _ starts: UnsafeMutableBufferPointer<Int32>,
                           _ prefixes: UnsafeMutableBufferPointer<UInt32>) -> [Int32] {
        var ids = IDBuffer(capacity: tokens.count + tokens.count / 4)
        var capacity = 64
        var out = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        defer { out.deallocate() }
        for i in 0..<tokens.count {
            starts[i] = Int32(truncatingIfNeeded: ids.count)
            guard tokens[i].kind == .word else { continue }
            let span = tokens[i].span
            var made: Int?
            if span.start >= 0, span.start <= span.end, span.end <= text.count {
                // Most words: a plain word (`isPlain`) whose first eight bytes can be read as
                // one word, tested on that word alone (and the rest of a longer word read as
                // `isPlain` does), its prefix code from its first four bytes in lower case.
                if span.end > span.start, span.start &+ 8 <= text.count, let base = text.baseAddress {
                    let st = span.start, len = span.end - span.start
                    let raw = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: st, as: UInt64.self)
                    let keep: UInt64 = len >= 8 ? ~0 : (1 &<< UInt64(truncatingIfNeeded: len &<< 3)) &- 1
                    let w = raw & keep
                    var acc = Self.notPlain(w | (0x4141_4141_4141_4141 & ~keep))
                    if len > 8, acc == 0, !Self.isPlain(text, st + 8, span.end) { acc = 1 }
                    if acc == 0 {
                        let lower = Self.asciiLower(w)
                        // An e after a, o or u in bytes 1-3 (the fold drops it) moves the first
                        // four bytes of the fold: rare, folded byte by byte then. The vowels
                        // are only looked at when one of those bytes is an e.
                        let es = Self.equalBytes(lower, 0x65)
                        var code = UInt32(truncatingIfNeeded: lower)
                        if es & 0x8080_8000 != 0, es & Self.afterVowel(lower) & 0x8080_8000 != 0 {
                            code = Self.plainPrefix(UnsafeBufferPointer(rebasing: text[st..<span.end]))
                        }
                        prefixes[i] = code
                        let bit = Self.prefixBit(code)
                        let prefixFilter = raw & 0xFF &- 0x41 < 26 ? all : names
                        if prefixFilter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 {
                            ids.append(-1)
                            continue
                        }
                        if len <= 8, es & Self.afterVowel(lower) == 0, let outBase = out.baseAddress {
                            // No e dropped: the fold is the lower-case word; its key the stem.
                            UnsafeMutableRawPointer(outBase).storeBytes(of: lower, as: UInt64.self)
                            let n = Self.stemmedLength(out, 0, len)
                            let key = n >= 8 ? lower : lower & ((1 &<< UInt64(truncatingIfNeeded: n &<< 3)) &- 1)
                            ids.append(Self.shortID(key, tables.shortKeys, tables.shortIDs))
                            continue
                        }
                        // A longer word (the buffer holds 64 bytes, eight past the word), folded
                        // eight bytes at a time when no e is dropped (a vowel that ends a block
                        // carries into the next).
                        if len > 8, len <= 56, st + ((len + 7) & ~7) <= text.count, let outBase = out.baseAddress {
                            let o = UnsafeMutableRawPointer(outBase)
                            var vowels = Self.equalBytes(lower, 0x61) | Self.equalBytes(lower, 0x6F) | Self.equalBytes(lower, 0x75)
                            var drops = es & (vowels << 8)
                            o.storeBytes(of: lower, as: UInt64.self)
                            var k = 8
                            while k < len, drops == 0 {
                                var chunk = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: st + k, as: UInt64.self)
                                if len - k < 8 { chunk &= (1 &<< UInt64(truncatingIfNeeded: (len - k) &<< 3)) &- 1 }
                                let l = Self.asciiLower(chunk)
                                let carry = vowels >> 56
                                vowels = Self.equalBytes(l, 0x61) | Self.equalBytes(l, 0x6F) | Self.equalBytes(l, 0x75)
                                drops = Self.equalBytes(l, 0x65) & ((vowels << 8) | carry)
                                o.storeBytes(of: l, toByteOffset: k, as: UInt64.self)
                                k += 8
                            }
                            if drops == 0 {
                                let n = Self.stemmedLength(out, 0, len)
                                if let id = tables.id(UnsafeRawPointer(o), n) {
                                    ids.append(id)
                                } else {
                                    ids.append(partID(UnsafeBufferPointer(rebasing: out[0..<n]), filter))
                                }
                                continue
                            }
                        }
                    }
                }
                let b = UnsafeBufferPointer(rebasing: text[span.start..<span.end])
                if capacity < b.count {
                    out.deallocate()
                    capacity = b.count * 2
                    out = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
                }
                if Self.isPlain(text, span.start, span.end) {
                    let lowerWord = Self.plainLowerWord(text, span.start, span.end)
                    let code = lowerWord.map { UInt32(truncatingIfNeeded: $0) } ?? Self.plainPrefix(b)
                    prefixes[i] = code
                    let bit = Self.prefixBit(code)
                    let prefixFilter = b[0] &- 0x41 < 26 ? all : names
                    if prefixFilter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 {
                        ids.append(-1)
                        continue
                    }
                    // One part, the same prefix code: only the id is missing.
                    let n: Int
                    if let lowerWord, b.count <= 8, let base = out.baseAddress {
                        // No e dropped: the fold is the lower-case word.
                        UnsafeMutableRawPointer(base).storeBytes(of: lowerWord, as: UInt64.self)
                        n = Self.stemmedLength(out, 0, b.count)
                    } else {
                        n = Self.plainKey(b, into: out)
                    }
                    ids.append(partID(UnsafeBufferPointer(rebasing: out[0..<n]), filter))
                    continue
                }
                // A word with letters above ASCII (umlauts): folded once (`latinFold`, which also
                // checks that it is one part), tested by the first bytes of its fold, stemmed
                // only when that passes.
                if !b.isEmpty, let m = Self.latinFold(b, fold, into: out) {
                    let code = Self.prefixCode(UnsafeBufferPointer(rebasing: out[0..<min(m, 4)]))
                    prefixes[i] = code
                    let bit = Self.prefixBit(code)
                    // Lower case: an ASCII letter, or a Latin-1 letter from ß on ("über"), which
                    // `Token.isCapitalized` calls lower case too.
                    let lower = b[0] &- 0x61 < 26 || (b[0] == 0xC3 && b[1] >= 0x9F)
                    let prefixFilter = lower ? names : all
                    if prefixFilter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 {
                        ids.append(-1)
                        continue
                    }
                    // One part (no hyphen): the fold stemmed is the key, a short one looked up
                    // as one or two words.
                    let n = Self.stemmedLength(out, 0, m)
                    if n > 0, let outBase = out.baseAddress, let id = tables.id(UnsafeRawPointer(outBase), n) {
                        ids.append(id)
                    } else {
                        ids.append(partID(UnsafeBufferPointer(rebasing: out[0..<n]), filter))
                    }
                    continue
                }
                made = Self.fastKey(b, into: out)
            }
            // An empty key (a word of hyphens) has no parts, as in `parts(of:)`.
            if let n = made {
                if n > 0 {
                    let key = UnsafeBufferPointer(rebasing: out[0..<n])
                    prefixes[i] = Self.prefixCode(key)
                    var s = 0
                    for k in 0...n where k == n || key[k] == 0x20 {
                        // A part of at most 16 bytes from the tables (eight bytes past the key
                        // are readable: the buffer holds twice the word, at least 64 bytes).
                        if k > s, s + 16 <= capacity, let base = out.baseAddress,
                           let id = tables.id(UnsafeRawPointer(base + s), k - s) {
                            ids.append(id)
                        } else {
                            ids.append(partID(UnsafeBufferPointer(rebasing: key[s..<k]), filter))
                        }
                        s = k + 1
                    }
                }
            } else {
                var key = Self.generalKey(tokens[i].text)
                if !key.isEmpty {
                    let keyParts: [Int32] = key.withUTF8 { key in
                        prefixes[i] = Self.prefixCode(key)
                        var partIDs: [Int32] = []
                        forEachPart(of: key) { partIDs.append(partID($0, filter)) }
                        return partIDs
                    }
                    for id in keyParts { ids.append(id) }
                }
            }
        }
        starts[tokens.count] = Int32(truncatingIfNeeded: ids.count)
        return ids.finish()
    }

    /// The fold of a word of one part that `fastKey` folds (no hyphen, no byte below "!",
    /// every letter above ASCII one that `TextFolding.latinFold` maps to ASCII), written into
    /// `out` (at least `b.count` bytes) as `fastKey` writes it before stemming, and its length:
    /// the key is then `stemmedLength` of it, and the key's `prefixCode` its first four bytes
    /// (stemming keeps at least four letters). nil for any other word (`fastKey` decides it
    /// then). Such a word is also its token's text: `Tokenizer.normalizedText` changes none of
    /// its bytes.
    @inline(__always)
    static func latinFold(_ b: UnsafeBufferPointer<UInt8>, _ fold: UnsafeBufferPointer<UInt8>,
                          into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let n = b.count
        var m = 0
        var prev: UInt8 = 0
        var i = 0
        while i < n {
            let c = b[i]
            var f: UInt8
            if c < 0x80 {
                // Also no byte below "!" (no line end), so that no key has a zero byte.
                if c == 0x2D || c < 0x21 { return nil }
                f = c | ((c &- 0x41) < 26 ? 0x20 : 0)
                i &+= 1
            } else {
                guard let x = latinPairIndex(b, i) else { return nil }
                f = fold[x]
                i &+= 2
                if f == 0 { return nil }
                if f == 1 {  // ß: "ss"
                    out[m] = 0x73; out[m &+ 1] = 0x73; m &+= 2; prev = 0x73
                    continue
                }
            }
            // As `fastKey`: a dropped e is written and then overwritten.
            let drop = dropsE(after: prev, f)
            out[m] = f
            m &+= 1 &- Int(drop)
            prev = f
        }
        return m
    }

    /// The key of a word that `isPlain` accepts, written into `out`: `fastKey` without the
    /// tests for bytes such a word has not (hyphens, line ends, letters above ASCII).
    @inline(__always)
    static func plainKey(_ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var m = 0
        var prev: UInt8 = 0
        for k in 0..<b.count {
            let c = b[k]
            let f = c | ((c &- 0x41) < 26 ? 0x20 : 0)
            let drop = dropsE(after: prev, f)
            out[m] = f
            m &+= 1 &- Int(drop)
            prev = f
        }
        return stemmedLength(out, 0, m)
    }

    /// Calls `body` with each part of a key (parts separated by single spaces: `key(word:)`
    /// never writes others; an empty part between two spaces too).
    @inline(__always)
    private func forEachPart(of b: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var s = 0
        for i in 0...b.count where i == b.count || b[i] == 0x20 {
            body(UnsafeBufferPointer(rebasing: b[s..<i]))
            s = i + 1
        }
    }

    /// The id of a key part in the vocabulary (-1 for none, and for an empty part), looked up
    /// only when the filter lets it through.
    @inline(__always)
    private func partID(_ part: UnsafeBufferPointer<UInt8>, _ filter: UnsafeBufferPointer<UInt64>) -> Int32 {
        if part.isEmpty { return -1 }
        let bit = Self.filterBit(part)
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0, let id = vocabulary.id(bytes: part) else { return -1 }
        return Int32(truncatingIfNeeded: id)
    }

    /// Appends the part ids of one key (parts separated by single spaces: `key(word:)` never
    /// writes others), each looked up only when the filter lets it through.
    @inline(__always)
    private func appendParts(of b: UnsafeBufferPointer<UInt8>, _ filter: UnsafeBufferPointer<UInt64>,
                             to ids: inout [Int32]) {
        forEachPart(of: b) { ids.append(partID($0, filter)) }
    }

    private func appendParts(of key: String, _ filter: UnsafeBufferPointer<UInt64>, to p: inout KeyParts) {
        let done: Void? = key.utf8.withContiguousStorageIfAvailable { appendParts(of: $0, filter, to: &p.ids) }
        if done == nil {
            for part in key.split(separator: " ", omittingEmptySubsequences: false) {
                p.ids.append(Int32(vocabulary.id(part) ?? -1))
            }
        }
    }

    /// The longest entry that starts at token `start` and ends at or before `end`, by the part
    /// ids of the token keys (`parts(of:)`): the same match as joining the keys with spaces.
    @inline(__always)
    public func longestMatch(_ parts: KeyParts, from start: Int, to end: Int) -> (range: Range<Int>, value: Value)? {
        guard let m = longestMatchEntry(parts, from: start, to: end), let v = entries.value(id: m.entry) else { return nil }
        return (m.range, v)
    }

    /// `longestMatch` with the entry as its id (`value(entry:)`): a scan over every word holds
    /// and copies two integers instead of a value with Strings.
    @inline(__always)
    public func longestMatchEntry(_ parts: KeyParts, from start: Int, to end: Int) -> (range: Range<Int>, entry: Int)? {
        guard start < end, maxParts > 0 else { return nil }
        // Most words start no entry: their first part has no id or starts no key (or they have
        // no parts). This test is inlined into the caller's loop; the walk is not.
        let first = Int(parts.starts[start])
        if first == Int(parts.starts[start + 1]) { return nil }
        let id = Int(parts.ids[first])
        if id < 0 || id >> 6 >= startsKey.count || startsKey[id >> 6] & (1 << UInt64(id & 63)) == 0 { return nil }
        return walk(parts, from: start, to: end)
    }

    /// Whether some key starts with the part `id` (-1: none): `longestMatchEntry`'s first test,
    /// for a caller that reads the part ids itself and calls it only when this holds.
    @inline(__always) public func mayStartKey(part id: Int32) -> Bool {
        let id = Int(id)
        return id >= 0 && id >> 6 < startsKey.count && startsKey[id >> 6] & (1 << UInt64(id & 63)) != 0
    }

    /// The value of an entry id from `longestMatchEntry` (entries are never removed: every id
    /// it returns has one).
    @inline(__always) public func value(entry: Int) -> Value? { entries.value(id: entry) }

    @inline(never)
    private func walk(_ parts: KeyParts, from start: Int, to end: Int) -> (range: Range<Int>, entry: Int)? {
        return parts.ids.withUnsafeBufferPointer { ids in
            parts.starts.withUnsafeBufferPointer { starts -> (range: Range<Int>, entry: Int)? in
                var best: Int32 = -1
                var bestEnd = start
                var node = 0
                var j = start
                walk: while j < end, j - start < maxParts {
                    let s = Int(starts[j]), e = Int(starts[j + 1])
                    if s == e { break }
                    for k in s..<e {
                        node = child(node, ids[k])
                        if node < 0 { break walk }
                    }
                    if nodeEntry[node] >= 0 { best = nodeEntry[node]; bestEnd = j + 1 }
                    if !nodeContinues[node] { break }
                    j += 1
                }
                guard best >= 0 else { return nil }
                return (start..<bestEnd, Int(best))
            }
        }
    }

    /// The entry that covers exactly `range` of the token keys: the entry of the keys joined
    /// by spaces, found by walking the trie over their parts instead of joining them (an
    /// empty key, as a joined phrase with an empty word, matches nothing).
    public func exactMatch(_ keys: [String], _ range: Range<Int>) -> Value? {
        guard !range.isEmpty, range.count <= maxParts else { return nil }
        var node = 0
        for j in range {
            let key = keys[j]
            if key.isEmpty { return nil }
            let reached: Int? = key.utf8.withContiguousStorageIfAvailable { b -> Int in
                var node = node
                var s = 0
                for i in 0...b.count where i == b.count || b[i] == 0x20 {
                    guard i > s, let id = vocabulary.id(bytes: UnsafeBufferPointer(rebasing: b[s..<i])) else { return -1 }
                    node = child(node, Int32(id))
                    if node < 0 { return -1 }
                    s = i + 1
                }
                return node
            }
            guard let reached else { return entries[keys[range].joined(separator: " ")] }
            if reached < 0 { return nil }
            node = reached
        }
        return nodeEntry[node] >= 0 ? entries.value(id: Int(nodeEntry[node])) : nil
    }

    // MARK: - Keys

    /// The key of a phrase as written in a lexicon: its words, split at spaces and hyphens.
    public static func key(phrase: String) -> String {
        if let r = phrase.utf8.withContiguousStorageIfAvailable({ bytePhraseKey($0) }), let key = r { return key }
        return phrase.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { key(word: String($0)) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `key(phrase:)` on the phrase's bytes, each word keyed by `fastKey` into one buffer
    /// (start-up keys every lexicon row; splitting into Characters and a String per word cost
    /// most of the gazetteer's build). Only for a phrase whose every byte above ASCII is part
    /// of a character U+0080–U+02FF (no combining mark: no space or tab can be part of a
    /// longer Character, so byte splits are Character splits); nil for any other phrase, and
    /// when a word is not one `fastKey` folds.
    static func bytePhraseKey(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            guard c >= 0xC2, c <= 0xCB, i + 1 < n, b[i + 1] & 0xC0 == 0x80 else { return nil }
            i += 2
        }
        // A key is never longer than its phrase: each byte folds to at most one ("ß", two
        // bytes, to "ss"), and the spaces between keys replace at least one separator.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(n, 1)) { out -> String? in
            var w = 0
            var s = 0
            for k in 0...n where k == n || b[k] == 0x20 || b[k] == 0x09 {
                if k > s {
                    let word = UnsafeBufferPointer(rebasing: b[s..<k])
                    let start = w == 0 ? 0 : w + 1
                    guard let m = fastKey(word, into: UnsafeMutableBufferPointer(rebasing: out[start..<n])) else { return nil }
                    if m > 0 {
                        if w > 0 { out[w] = 0x20 }
                        w = start + m
                    }
                }
                s = k + 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: out[0..<w]), as: UTF8.self)
        }
    }

    /// Calls `body` with the bytes of `key(word: word)`, made in a scratch buffer: no String
    /// for the common word (`fastKey`).
    public static func withKey<R>(of word: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let n = word.utf8.count
        let r: R?? = word.utf8.withContiguousStorageIfAvailable { b -> R? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(n, 1)) { out -> R? in
                guard let k = fastKey(b, into: out) else { return nil }
                return body(UnsafeBufferPointer(rebasing: out[0..<k]))
            }
        }
        if let r, let r { return r }
        var key = key(word: word)
        return key.withUTF8(body)
    }

    /// The key of one token: folded, split at inner hyphens, each piece stemmed.
    public static func key(word: String) -> String {
        let fast = word.utf8.withContiguousStorageIfAvailable { fastKey($0) } ?? nil
        if let fast { return fast }
        return generalKey(word)
    }

    /// `key(word:)` on Strings, for any word.
    static func generalKey(_ word: String) -> String {
        if let k = asciiKey(word) { return k }
        let folded = TextFolding.fold(word)
        if !folded.utf8.contains(UInt8(ascii: "-")) { return stem(folded) }
        return folded.split(separator: "-").map { stem(String($0)) }.joined(separator: " ")
    }

    /// The key of a word whose fold is ASCII (ASCII letters and the Latin letters that fold to
    /// one, as in `TextFolding.latinFold`: nearly every token), computed in one buffer without
    /// intermediate Strings: fold, split at hyphens, strip endings, exactly as `generalKey`.
    /// nil for any other word (and for line ends, which `generalKey` treats as one character).
    static func fastKey(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        if b.isEmpty { return "" }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: b.count) { out -> String? in
            guard let n = fastKey(b, into: out) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: out[0..<n]), as: UTF8.self)
        }
    }

    /// `fastKey(_:)` written into `out` (at least `b.count` bytes): the key's length, or nil.
    /// The key is ASCII (`latinFold` maps to ASCII letters). For callers that key many words
    /// (`parts(of:text:)`) with one buffer and no String unless they need it.
    @inline(__always)
    static func fastKey(_ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var asciiLower = false
        return fastKey(b, into: out, asciiLower: &asciiLower)
    }

    /// The index in `TextFolding.latinFold` of the two-byte letter starting at `b[i]` (lead
    /// byte C3–C9: U+00C0–U+024F), nil for any other non-ASCII byte sequence.
    @inline(__always)
    static func latinPairIndex(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let c = b[i]
        guard c >= 0xC3, c <= 0xC9, i + 1 < b.count else { return nil }
        let v = (Int(c & 0x1F) << 6) | Int(b[i &+ 1] & 0x3F)
        guard v >= 0xC0, v < 0x250 else { return nil }
        return v &- 0xC0
    }

    /// 1 when the folded letter `f` is an e after a, o or u (`prev`), which the key drops;
    /// else 0. Without branches: bit (prev - "a") of 0x104001, for prev - "a" below 21.
    @inline(__always)
    static func dropsE(after prev: UInt8, _ f: UInt8) -> UInt32 {
        let d = UInt32(prev &- 0x61)
        return (UInt32(0x104001) >> (d & 31)) & (d < 21 ? 1 : 0) & (f == 0x65 ? 1 : 0)
    }

    /// `fastKey(_:into:)`, also telling whether the key is just the word in ASCII lower case
    /// (an ASCII word that no ending, hyphen or "ae"-style pair changed): the caller may then
    /// use the token's lower-case String instead of making one.
    @inline(__always)
    static func fastKey(_ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                        asciiLower: inout Bool) -> Int? {
        let n = b.count
        asciiLower = false
        if n == 0 { return 0 }
        var changed = false
        // Fold (as `TextFolding.foldScalars`): lower case, base letters, ß → ss, and the e
        // after a, o, u dropped. Written without branches on the letters (a dropped e is
        // written and then overwritten): which letter comes next is unpredictable.
        var m = 0
        var prev: UInt8 = 0
        var hyphen = false
        var dropped: UInt32 = 0
        var i = 0
        while i < n {
            let c = b[i]
            var f: UInt8
            if c < 0x80 {
                if c == 10 || c == 13 { return nil }
                f = c | ((c &- 0x41) < 26 ? 0x20 : 0)
                hyphen = hyphen || c == 0x2D
                i &+= 1
            } else {
                guard let x = latinPairIndex(b, i) else { return nil }
                changed = true
                f = TextFolding.latinFold[x]
                i &+= 2
                if f == 0 { return nil }
                if f == 1 {  // ß: "ss"
                    out[m] = 0x73; out[m &+ 1] = 0x73; m &+= 2; prev = 0x73
                    continue
                }
            }
            let drop = dropsE(after: prev, f)
            dropped |= drop
            out[m] = f
            m &+= 1 &- Int(drop)
            prev = f
        }
        if dropped != 0 { changed = true }
        if !hyphen {
            let e = stemmedLength(out, 0, m)
            asciiLower = !changed && e == n
            return e
        }
        // Pieces between hyphens (empty ones dropped), each stemmed, joined by spaces, in
        // place: the write position never passes the read position.
        var w = 0
        var s = 0
        for k in 0...m where k == m || out[k] == 0x2D {
            if k > s {
                let len = stemmedLength(out, s, k) - s
                if w > 0 { out[w] = 0x20; w += 1 }
                for x in 0..<len { out[w + x] = out[s + x] }
                w += len
            }
            s = k + 1
        }
        return w
    }

    /// The end of `out[start..<end]` after `stem` (ASCII: a character is a byte).
    @inline(__always)
    static func stemmedLength(_ out: UnsafeMutableBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var e = end
        // Endings as `stemSuffixes`: en, er, es, em, e, s, n, longest first, each strip
        // keeping at least four letters, until none applies.
        while e - start >= 5 {
            let last = out[e - 1]
            if e - start >= 6, out[e - 2] == 0x65, last == 0x6E || last == 0x72 || last == 0x73 || last == 0x6D {
                e -= 2
            } else if last == 0x65 || last == 0x73 || last == 0x6E {
                e -= 1
            } else {
                break
            }
        }
        return e
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

/// A hash map from (node, part id) pairs to child nodes: the trie edges of a
/// `FoldedPhraseTable` below its root. Open addressing, at most half full.
struct PairMap: Sendable {
    private var keys: [UInt64] = Array(repeating: .max, count: 64)
    private var values: [Int32] = Array(repeating: -1, count: 64)
    private var count = 0

    @inline(__always) private static func pack(_ node: Int, _ part: Int32) -> UInt64 {
        UInt64(truncatingIfNeeded: node) << 32 | UInt64(UInt32(bitPattern: part))
    }

    @inline(__always) func get(_ node: Int, _ part: Int32) -> Int32 {
        let k = Self.pack(node, part)
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: WordMap<Int>.mix(k)) & mask
        while true {
            let s = keys[slot]
            if s == k { return values[slot] }
            if s == .max { return -1 }
            slot = (slot + 1) & mask
        }
    }

    mutating func set(_ node: Int, _ part: Int32, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.pack(node, part)
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: WordMap<Int>.mix(k)) & mask
        while keys[slot] != .max && keys[slot] != k { slot = (slot + 1) & mask }
        if keys[slot] == .max { count += 1 }
        keys[slot] = k
        values[slot] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: .max, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for (k, v) in zip(oldKeys, oldValues) where k != .max {
            var slot = Int(truncatingIfNeeded: WordMap<Int>.mix(k)) & mask
            while keys[slot] != .max { slot = (slot + 1) & mask }
            keys[slot] = k
            values[slot] = v
        }
    }
}
