/// A hash map from words to values, keyed by the words' UTF-8 bytes: the annotators' lexicon
/// lookups, which run several times per token.
///
/// `Dictionary<String, V>` hashes a String with SipHash after a Unicode-normalisation check
/// and compares keys by canonical equivalence; profiles of the extraction pipeline showed
/// those two at about a third of its time. Tokens and lexicon entries are already NFC
/// (`Tokenizer`, `Lexicon`), so byte equality is the same test here, and a short
/// multiply-xor hash over 8-byte words is enough for tables of a few thousand entries.
/// Open addressing with linear probing, at most a quarter full: most lookups are for words
/// that are not there (every token against a lexicon), and such a probe then ends at its first
/// slot far more often than in a half-full table.
///
///     var months = WordMap<Int>()
///     months["januar"] = 1
///     months["januar"]            // 1
///     months.id("januar")         // 0: the entry's position, stable (an interning id)
public struct WordMap<Value> {
    /// The keys' bytes, one after the other; entry `e` spans `offsets[e]..<offsets[e + 1]`.
    private var bytes: [UInt8] = []
    private var offsets: [Int32] = [0]
    /// nil for a removed entry (its slot stays, so that probing sequences stay intact).
    private var values: [Value?] = []
    /// Per slot: the entry's hash tag in the upper 32 bits and its index + 1 in the lower, 0 for
    /// an empty slot, so that a probe past another key reads no other array; the count is a
    /// power of two.
    private var slots: [UInt64]
    private var live = 0
    /// Some entry was removed: only then can a key found in the slots have no value, so only
    /// then does a lookup read `values` to tell.
    private var removedAny = false

    public init() { slots = [UInt64](repeating: 0, count: 16) }

    public init(minimumCapacity: Int) {
        var n = 16
        while n < minimumCapacity * 4 { n <<= 1 }
        slots = [UInt64](repeating: 0, count: n)
    }

    @inline(__always) private static func slotValue(_ tag: UInt32, _ e: Int) -> UInt64 {
        UInt64(tag) << 32 | UInt64(UInt32(truncatingIfNeeded: e + 1))
    }

    /// How many keys have a value.
    public var count: Int { live }
    public var isEmpty: Bool { live == 0 }

    // MARK: - Lookup

    public subscript(_ word: String) -> Value? {
        get {
            guard let e = id(word) else { return nil }
            return values[e]
        }
        set { set(word, newValue) }
    }

    public subscript(_ word: Substring) -> Value? {
        guard let e = id(word) else { return nil }
        return values[e]
    }

    public subscript(_ word: String, default fallback: @autoclosure () -> Value) -> Value {
        get { self[word] ?? fallback() }
        set { set(word, newValue) }
    }

    public func value(bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let e = entry(bytes) else { return nil }
        return values[e]
    }

    /// The position of a key's entry, stable once added: an interning id for the word (0 for
    /// the first key added, then 1, 2, …). nil when the key has no value.
    public func id(_ word: String) -> Int? {
        if let r = word.utf8.withContiguousStorageIfAvailable({ entry($0) }) { return r }
        return Array(word.utf8).withUnsafeBufferPointer { entry($0) }
    }

    public func id(_ word: Substring) -> Int? {
        if let r = word.utf8.withContiguousStorageIfAvailable({ entry($0) }) { return r }
        return Array(word.utf8).withUnsafeBufferPointer { entry($0) }
    }

    public func id(bytes: UnsafeBufferPointer<UInt8>) -> Int? { entry(bytes) }

    /// The value of the entry with id `id`.
    public func value(id: Int) -> Value? { id >= 0 && id < values.count ? values[id] : nil }

    /// The key of the entry with id `id`.
    public func key(id: Int) -> String {
        let s = Int(offsets[id]), e = Int(offsets[id + 1])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[s..<e]), as: UTF8.self) }
    }

    /// One past the largest id handed out (removed entries keep theirs).
    public var idLimit: Int { values.count }

    public func contains(_ word: String) -> Bool { self[word] != nil }

    /// Every key with a value, in the order they were added.
    public var keys: [String] { (0..<values.count).compactMap { values[$0] == nil ? nil : key(id: $0) } }

    /// Every key with its value, in the order they were added.
    public var pairs: [(key: String, value: Value)] {
        (0..<values.count).compactMap { e in values[e].map { (key(id: e), $0) } }
    }

    @inline(__always)
    private func entry(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = WordMap.hash(key)
        let tag = UInt64(UInt32(truncatingIfNeeded: h >> 32))
        return slots.withUnsafeBufferPointer { slots -> Int? in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let v = slots[slot]
                if v == 0 { return nil }
                if v >> 32 == tag {
                    let e = Int(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1
                    if keyEquals(e, key) { return removedAny && values[e] == nil ? nil : e }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    private func keyEquals(_ e: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        offsets.withUnsafeBufferPointer { offsets in
            let s = Int(offsets[e]), t = Int(offsets[e + 1])
            guard t - s == key.count else { return false }
            if key.count == 0 { return true }
            return bytes.withUnsafeBufferPointer { stored in memcmpEqual(stored.baseAddress! + s, key.baseAddress!, key.count) }
        }
    }

    // MARK: - Changes

    /// Adds or replaces a key's value; nil removes it.
    public mutating func set(_ word: String, _ value: Value?) {
        var w = word
        w.withUTF8 { set(bytes: $0, value) }
    }

    /// Adds a key unless it is there; true when it was added (the first row of a lexicon wins).
    @discardableResult
    public mutating func insert(_ word: String, _ value: Value) -> Bool {
        if self[word] != nil { return false }
        set(word, value)
        return true
    }

    public mutating func set(bytes key: UnsafeBufferPointer<UInt8>, _ value: Value?) {
        let h = WordMap.hash(key)
        let tag = UInt32(truncatingIfNeeded: h >> 32)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let v = slots[slot]
            if v == 0 { break }
            let e = Int(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1
            if v >> 32 == UInt64(tag), keyEquals(e, key) {
                if values[e] == nil, value != nil { live += 1 }
                if values[e] != nil, value == nil { live -= 1; removedAny = true }
                values[e] = value
                return
            }
            slot = (slot + 1) & mask
        }
        guard let value else { return }
        let e = values.count
        bytes.append(contentsOf: key)
        offsets.append(Int32(bytes.count))
        values.append(value)
        live += 1
        slots[slot] = Self.slotValue(tag, e)
        if values.count * 4 > slots.count { grow() }
    }

    private mutating func grow() {
        let n = slots.count * 2
        var fresh = [UInt64](repeating: 0, count: n)
        bytes.withUnsafeBufferPointer { stored in
            for e in 0..<values.count {
                let s = Int(offsets[e]), t = Int(offsets[e + 1])
                // The slot's tag is the upper half of the hash, recomputed with it.
                let h = WordMap.hash(UnsafeBufferPointer(rebasing: stored[s..<t]))
                var slot = Int(truncatingIfNeeded: h) & (n - 1)
                while fresh[slot] != 0 { slot = (slot + 1) & (n - 1) }
                fresh[slot] = Self.slotValue(UInt32(truncatingIfNeeded: h >> 32), e)
            }
        }
        slots = fresh
    }

    // MARK: - Hash

    /// A multiply-xor hash over 8-byte words (the finaliser of SplitMix64 after each word); the
    /// tail of a key is read as one overlapping load, not byte by byte (like wyhash).
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = key.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        guard let base = key.baseAddress, n > 0 else { return mix(h) }
        let raw = UnsafeRawPointer(base)
        if n >= 8 {
            var i = 0
            while i + 8 <= n {
                h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            if i < n { h = mix(h ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) }
            return h
        }
        let w: UInt64
        if n >= 4 {
            w = UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
                | UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32
        } else {
            w = UInt64(base[0]) | UInt64(base[n >> 1]) << 8 | UInt64(base[n - 1]) << 16
        }
        return mix(h ^ w)
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        z = z &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }
}

/// Byte equality of two ranges of `n` bytes: in 8-byte words with the tail as one overlapping
/// load, 4-byte words for short keys, never a byte loop but under 4 bytes.
@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
    if n >= 8 {
        var i = 0
        while i + 8 <= n {
            if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        return i == n || ra.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == rb.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }
    if n >= 4 {
        return ra.loadUnaligned(fromByteOffset: 0, as: UInt32.self) == rb.loadUnaligned(fromByteOffset: 0, as: UInt32.self)
            && ra.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == rb.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
    }
    var i = 0
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}

extension WordMap: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        self.init(minimumCapacity: elements.count)
        for (k, v) in elements { self[k] = v }
    }
}

/// A set of words with `WordMap`'s byte-keyed lookups (see there for why).
public struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    private var map: WordMap<Bool>

    public init() { map = WordMap() }

    public init<S: Sequence>(_ words: S) where S.Element == String {
        map = WordMap()
        for w in words { map[w] = true }
    }

    public init(arrayLiteral elements: String...) { self.init(elements) }

    public var count: Int { map.count }
    public var isEmpty: Bool { map.isEmpty }

    public func contains(_ word: String) -> Bool { map.id(word) != nil }
    public func contains(_ word: Substring) -> Bool { map.id(word) != nil }
    public func contains(bytes: UnsafeBufferPointer<UInt8>) -> Bool { map.id(bytes: bytes) != nil }

    @discardableResult
    public mutating func insert(_ word: String) -> (inserted: Bool, memberAfterInsert: String) {
        (map.insert(word, true), word)
    }

    public mutating func remove(_ word: String) { map[word] = nil }

    public mutating func formUnion<S: Sequence>(_ words: S) where S.Element == String {
        for w in words { map[w] = true }
    }

    public func makeIterator() -> IndexingIterator<[String]> { map.keys.makeIterator() }
}

extension WordMap: Sendable where Value: Sendable {}

/// A set of words that answers only "certainly not" or "maybe" (a Bloom filter with one hash):
/// one bit per hash of a word's byte length and its first, second and last byte, 4096 bits.
/// Placed before a `WordMap` probe that most tokens of a text fail (lexicons of a few hundred
/// words), it rules out most of them without hashing their whole text.
struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    init() {}

    init<S: Sequence>(_ words: S) where S.Element == String {
        for w in words { insert(w) }
    }

    mutating func insert(_ word: String) {
        var w = word
        let bit = w.withUTF8 { Self.bit($0) }
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    @inline(__always)
    static func bit(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = b.count
        guard n > 0 else { return 0 }
        return bit(count: n, first: b[0], second: b[n > 1 ? 1 : 0], last: b[n - 1])
    }

    /// The bit of a word of `count` bytes (at least one) with these first, second (the first
    /// again for a one-byte word) and last bytes.
    @inline(__always)
    static func bit(count: Int, first: UInt8, second: UInt8, last: UInt8) -> Int {
        var h = UInt32(truncatingIfNeeded: count) &* 0x9E37_79B1
        h ^= UInt32(first) &* 0x85EB_CA77
        h ^= UInt32(second) &* 0xC2B2_AE3D
        h ^= UInt32(last) &* 0x27D4_EB2F
        h ^= h >> 15
        h = h &* 0x2C1B_3C6D
        h ^= h >> 12
        return Int(h & 4095)
    }

    /// The bit of a word.
    static func bit(_ word: String) -> Int {
        var w = word
        return w.withUTF8 { bit($0) }
    }

    /// False when `word` was certainly not inserted.
    @inline(__always)
    func mayContain(_ word: String) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { mayContain(bytes: $0) } ?? true
    }

    @inline(__always)
    func mayContain(bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        mayContain(bit: Self.bit(b))
    }

    /// False when the token's lower case was certainly not inserted: its bit is stored in the
    /// token, so no String is read.
    @inline(__always)
    func mayContain(lowerOf token: Token) -> Bool {
        mayContain(bit: Int(token.lowerBit))
    }

    @inline(__always)
    func mayContain(bit: Int) -> Bool {
        bits.withUnsafeBufferPointer { $0[(bit >> 6) & 63] } & (1 << UInt64(bit & 63)) != 0
    }
}
