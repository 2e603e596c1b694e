import Foundation

/// One token of a document: a word, a number, a punctuation mark, or a symbol (also a URL,
/// e-mail address or domain such as "www.allinrechner.at", kept whole).
///
/// `text` is the normalised form (NFC; typographic quotes as `"`/`'`, dashes as `-`, soft
/// hyphens removed, a thin or no-break space inside a number as " "); `span` still points at
/// the original bytes.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable {
        case word, number, punct, symbol
    }

    // `text` and `lower` are stored as the raw bits of their Strings, so that a token holds no
    // reference and is trivially copied and destroyed: freeing a document's token array is one
    // `free` instead of a value-witness call and two String releases per token, and copying a
    // token retains nothing (together a twentieth of all instructions). A String of up to 15
    // UTF-8 bytes is all in its bits (`SmallUTF8`); a longer one (one token in forty, mostly
    // compounds) is interned in `LongStrings.shared`, which keeps it alive for the process.
    // (A String is two words on the 64-bit platforms claimsh builds for.) The line-break count
    // is 16 bits so that it, the two one-byte fields and the two filter fields share the last
    // word: 56 bytes a token.
    public var span: TextSpan
    private var textBits: (UInt64, UInt64)
    private var lowerBits: (UInt64, UInt64)
    private var storedNewlines: UInt16
    /// `WordFilter.bit` of `lower` in the low 12 bits (`lowerBit`), made once by the tokenizer:
    /// the annotators' word filters (`WordFilter.mayContain(lowerOf:)`) rule most tokens out
    /// without reading their Strings; `capitalFlag` when `text` starts upper case (asked of
    /// many tokens by many annotators, `isCapitalized`).
    private var flags: UInt16
    static let bitMask: UInt16 = 0x0FFF
    static let capitalFlag: UInt16 = 0x8000
    var lowerBit: UInt16 { @inline(__always) get { flags & Token.bitMask } }
    /// The first two bytes of `lower`, the first in the high byte (the second 0 for a one-byte
    /// word): the key of the bitmaps of first byte pairs that rule out most words before a
    /// number-word or month-pair reading (`NumberWordParser.mayStart`, `TimeLexicon`).
    private(set) var lowerPrefix: UInt16
    public var kind: Kind
    /// Whitespace (of any kind) precedes the token.
    public var spaceBefore: Bool

    /// The normalised text (see above).
    public var text: String {
        // Inline or interned (kept alive for the process): always a valid String.
        @inline(__always) get { unsafeBitCast(textBits, to: String.self) }
        set {
            setStrings(newValue, lower)
            flags = flags & Token.bitMask | (newValue.startsUppercase ? Token.capitalFlag : 0)
        }
    }

    /// `text` in lower case.
    public var lower: String {
        @inline(__always) get { unsafeBitCast(lowerBits, to: String.self) }
        set {
            setStrings(text, newValue)
            let (bit, prefix) = Token.filterFields(newValue)
            flags = flags & Token.capitalFlag | bit
            lowerPrefix = prefix
        }
    }

    /// Line breaks between the previous token and this one (2 or more: a paragraph break).
    public var newlinesBefore: Int {
        @inline(__always) get { Int(storedNewlines) }
        set { storedNewlines = UInt16(clamping: newValue) }
    }

    public init(span: TextSpan, kind: Kind, text: String, spaceBefore: Bool, newlinesBefore: Int) {
        self.init(span: span, kind: kind, text: text, lower: Token.lowercase(text), spaceBefore: spaceBefore,
                  newlinesBefore: newlinesBefore)
    }

    /// A token whose lower-case form the tokenizer already has.
    init(span: TextSpan, kind: Kind, text: String, lower: String, spaceBefore: Bool, newlinesBefore: Int) {
        let (bit, prefix) = Token.filterFields(lower)
        self.init(span: span, kind: kind, text: text, lower: lower, lowerBit: Int(bit), lowerPrefix: prefix,
                  capitalized: text.startsUppercase, spaceBefore: spaceBefore, newlinesBefore: newlinesBefore)
    }

    /// A token whose lower case, its filter fields and the case of its first letter the
    /// tokenizer already has.
    init(span: TextSpan, kind: Kind, text: String, lower: String, lowerBit: Int, lowerPrefix: UInt16,
         capitalized: Bool, spaceBefore: Bool, newlinesBefore: Int) {
        self.init(span: span, kind: kind, textBits: Token.bits(text), lowerBits: Token.bits(lower),
                  flags: UInt16(truncatingIfNeeded: lowerBit) & Token.bitMask | (capitalized ? Token.capitalFlag : 0),
                  lowerPrefix: lowerPrefix, spaceBefore: spaceBefore, newlines: UInt16(clamping: newlinesBefore))
    }

    /// A token from the bits of its Strings (`Token.bits`) and its `flags` as stored: the
    /// tokenizer's fast path.
    @inline(__always)
    init(span: TextSpan, kind: Kind, textBits: (UInt64, UInt64), lowerBits: (UInt64, UInt64),
         flags: UInt16, lowerPrefix: UInt16, spaceBefore: Bool, newlines: UInt16) {
        self.span = span
        self.textBits = textBits
        self.lowerBits = lowerBits
        self.storedNewlines = newlines
        self.flags = flags
        self.lowerPrefix = lowerPrefix
        self.kind = kind
        self.spaceBefore = spaceBefore
    }

    /// Replaces both Strings (the setters).
    private mutating func setStrings(_ text: String, _ lower: String) {
        textBits = Token.bits(text)
        lowerBits = Token.bits(lower)
    }

    /// The bits a token stores for `s`: inline, or those of its interned copy.
    static func bits(_ s: String) -> (UInt64, UInt64) {
        SmallUTF8.bits(s) ?? LongStrings.shared.bits(s)
    }

    public static func == (a: Token, b: Token) -> Bool {
        a.span == b.span && a.text == b.text && a.lower == b.lower && a.storedNewlines == b.storedNewlines
            && a.flags == b.flags && a.lowerPrefix == b.lowerPrefix && a.kind == b.kind && a.spaceBefore == b.spaceBefore
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(span)
        hasher.combine(text)
        hasher.combine(lower)
        hasher.combine(storedNewlines)
        hasher.combine(flags)
        hasher.combine(lowerPrefix)
        hasher.combine(kind)
        hasher.combine(spaceBefore)
    }

    /// `lowerBit` and `lowerPrefix` of a lower case.
    static func filterFields(_ lower: String) -> (bit: UInt16, prefix: UInt16) {
        var w = lower
        return w.withUTF8 { b in
            let prefix = b.isEmpty ? 0 : UInt16(b[0]) << 8 | (b.count > 1 ? UInt16(b[1]) : 0)
            return (UInt16(WordFilter.bit(b)), prefix)
        }
    }

    /// `text.lowercased()`, on bytes for text in ASCII and Latin-1 (nearly every token):
    /// `String.lowercased()` maps every non-ASCII scalar through its Unicode properties.
    /// U+0080–U+00BF and U+00DF–U+00FF are their own lower case, U+00C0–U+00DE (but ×) are
    /// 0x20 above it, as in ASCII.
    static func lowercase(_ text: String) -> String {
        text.utf8.withContiguousStorageIfAvailable { lowercase($0, text) } ?? text.lowercased()
    }

    /// `lowercase(text)` from `bytes`, the text's UTF-8 (the tokenizer has them at hand): the
    /// text itself when nothing changes.
    @inline(__always)
    static func lowercase(_ b: UnsafeBufferPointer<UInt8>, _ text: String) -> String {
        var change = false
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c >= 0x41 && c <= 0x5A { change = true }
                i += 1
            } else if c == 0xC2 || c == 0xC3, i + 1 < n {
                let d = b[i + 1]
                if c == 0xC3, d >= 0x80, d <= 0x9E, d != 0x97 { change = true }
                i += 2
            } else {
                return text.lowercased()  // other scripts
            }
        }
        if !change { return text }
        return String(unsafeUninitializedCapacity: n) { out in
            var i = 0
            while i < n {
                let c = b[i]
                if c >= 0x41 && c <= 0x5A {
                    out[i] = c + 0x20
                } else if c == 0xC3, i + 1 < n {
                    let d = b[i + 1]
                    out[i] = c
                    out[i + 1] = d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d
                    i += 1
                } else {
                    out[i] = c
                }
                i += 1
            }
            return n
        }
    }

    public var isWord: Bool { kind == .word }
    public var isNumber: Bool { kind == .number }
    /// `text.startsUppercase`, stored (made by the tokenizer from the bytes at hand).
    public var isCapitalized: Bool {
        @inline(__always) get { flags & Token.capitalFlag != 0 }
    }
}

/// A sentence: its span in the text and the range of its tokens in `AnnotatedDocument.tokens`.
public struct Sentence: Sendable, Hashable {
    // 32-bit offsets (16 bytes, not 32): a loaded corpus keeps every document's sentences.
    private var spanStorage: Range32
    private var tokenStorage: Range32

    public var span: TextSpan {
        get { spanStorage.span }
        set { spanStorage = Range32(newValue) }
    }
    public var tokens: Range<Int> {
        get { tokenStorage.range }
        set { tokenStorage = Range32(newValue) }
    }

    public init(span: TextSpan, tokens: Range<Int>) {
        spanStorage = Range32(span)
        tokenStorage = Range32(tokens)
    }
}

extension String {
    /// The text is exactly the one ASCII byte `b` (no String comparison, which would first
    /// check both sides for normalisation).
    @inline(__always)
    func isByte(_ b: UInt8) -> Bool {
        let u = utf8
        return u.count == 1 && u.first == b
    }

    /// The text is one Unicode scalar (valid UTF-8: its length is the first byte's sequence length).
    var isOneScalar: Bool {
        let u = utf8
        // The count first (inline for a short String): most texts are longer than any scalar.
        let count = u.count
        guard count >= 1 && count <= 4, let b = u.first else { return false }
        let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        return count == length
    }

    /// The first scalar is upper case; ASCII (inlined) and Latin-1 without a Unicode property
    /// lookup.
    var startsUppercase: Bool {
        @inline(__always) get {
            guard let b = utf8.first else { return false }
            if b < 0x80 { return b >= 0x41 && b <= 0x5A }
            return nonASCIIStartsUppercase
        }
    }

    @inline(never)
    private var nonASCIIStartsUppercase: Bool {
        let u = utf8
        guard let b = u.first else { return false }
        if b == 0xC3, u.count >= 2, let c = u.dropFirst().first { return c >= 0x80 && c <= 0x9E && c != 0x97 }
        if b == 0xC2 { return false }
        guard let f = unicodeScalars.first else { return false }
        return f.properties.isUppercase
    }

    /// The first scalar is lower case; ASCII (inlined) and Latin-1 without a Unicode property
    /// lookup.
    var startsLowercase: Bool {
        @inline(__always) get {
            guard let b = utf8.first else { return false }
            if b < 0x80 { return b >= 0x61 && b <= 0x7A }
            return nonASCIIStartsLowercase
        }
    }

    @inline(never)
    private var nonASCIIStartsLowercase: Bool {
        let u = utf8
        guard let b = u.first else { return false }
        if b == 0xC3, u.count >= 2, let c = u.dropFirst().first { return c >= 0x9F && c != 0xB7 }
        if b == 0xC2, u.count >= 2, let c = u.dropFirst().first { return c == 0xAA || c == 0xBA || c == 0xB5 }
        guard let f = unicodeScalars.first else { return false }
        return f.properties.isLowercase
    }
}

/// Builds the Strings of short tokens (up to 15 UTF-8 bytes: nearly all) straight from their
/// bytes. The standard library's initialisers validate every String they make and, for one with
/// a byte above 0x7F (an umlaut), validate it a second time on a slow path; with two Strings per
/// token (text and lower case) that was a fifth of the tokenizer's instructions. A String of up
/// to 15 bytes is stored inline in its two words (bytes 0–14, then a discriminator nibble — 0xE
/// for ASCII, 0xA otherwise — and the count in the top byte); this layout is checked once
/// against the standard library (`isAvailable`), and the callers take the ordinary initialisers
/// when it does not hold. Callers pass only valid UTF-8.
enum SmallUTF8 {
    static let capacity = 15

    /// The layout holds on this platform: Strings built here equal, bit for bit, those the
    /// standard library builds from the same bytes.
    static let isAvailable: Bool = {
        guard MemoryLayout<String>.size == 16 else { return false }
        for sample in ["", "a", "Zz9.", "1234567", "12345678", "123456789012345", "über", "Ärzte-Verband", "ß", "Ölpreis"] {
            let bytes = Array(sample.utf8)
            var standard = String(decoding: bytes, as: UTF8.self)
            standard.makeContiguousUTF8()
            let made = bytes.withUnsafeBufferPointer { b -> String in
                let (lo, hi) = load(b, 0, b.count)
                return make(lo, hi, b.count, ascii: !bytes.contains { $0 >= 0x80 })
            }
            let a = unsafeBitCast(standard, to: (UInt64, UInt64).self)
            let m = unsafeBitCast(made, to: (UInt64, UInt64).self)
            guard a == m, made == sample, Array(made.utf8) == bytes, made.count == sample.count else { return false }
        }
        return true
    }()

    /// Bytes `start..<start + count` (count at most 15) as two little-endian words, the unused
    /// bytes zero.
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> (UInt64, UInt64) {
        guard let base = bytes.baseAddress else { return (0, 0) }  // no bytes
        return load(base, bytes.count, start, count)
    }

    /// `load` from the base address of the `n` bytes (the tokenizer has it at hand).
    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ n: Int, _ start: Int, _ count: Int) -> (UInt64, UInt64) {
        if start &+ 16 <= n {
            // One unaligned load per word, then the bytes past the token cleared.
            let raw = UnsafeRawPointer(base + start)
            let w0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            let w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            let bits = UInt64(truncatingIfNeeded: count &* 8)
            let m0: UInt64 = count >= 8 ? ~0 : (1 &<< bits) &- 1
            let m1: UInt64 = count > 8 ? (1 &<< (bits &- 64)) &- 1 : 0
            return (w0 & m0, w1 & m1)
        }
        return loadNearEnd(UnsafeBufferPointer(start: base, count: n), start, count)
    }

    /// `load` within 16 bytes of the end of `bytes`: byte by byte.
    @inline(never)
    static func loadNearEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> (UInt64, UInt64) {
        guard let base = bytes.baseAddress, count > 0 else { return (0, 0) }
        let raw = UnsafeRawPointer(base + start)
        var lo: UInt64 = 0, hi: UInt64 = 0
        for k in 0..<count {
            let b = UInt64(raw.load(fromByteOffset: k, as: UInt8.self))
            if k < 8 { lo |= b << UInt64(k * 8) } else { hi |= b << UInt64((k - 8) * 8) }
        }
        return (lo, hi)
    }

    /// The String of the bytes in `lo`, `hi` (as `load` gives them): `ascii` must say whether
    /// all are below 0x80, and they must be valid UTF-8.
    @inline(__always)
    static func make(_ lo: UInt64, _ hi: UInt64, _ count: Int, ascii: Bool) -> String {
        unsafeBitCast((lo, hi | top(count, ascii: ascii)), to: String.self)
    }

    /// The bits of `s` as a short String (those `make` gives from its bytes), or nil when it
    /// is longer than 15 bytes or the layout does not hold here.
    static func bits(_ s: String) -> (UInt64, UInt64)? {
        guard isAvailable else { return nil }
        var s = s
        return s.withUTF8 { b -> (UInt64, UInt64)? in
            guard b.count <= capacity else { return nil }
            let (lo, hi) = load(b, 0, b.count)
            return (lo, hi | top(b.count, ascii: (lo | hi) & 0x8080_8080_8080_8080 == 0))
        }
    }

    /// The discriminator and count of a short String, in the top byte of its second word.
    @inline(__always)
    static func top(_ count: Int, ascii: Bool) -> UInt64 {
        ((ascii ? 0xE0 : 0xA0) | UInt64(count)) << 56
    }

    /// `WordFilter.bit` of the `count` bytes in `lo`, `hi` (as `load` gives them).
    @inline(__always)
    static func filterBit(_ lo: UInt64, _ hi: UInt64, _ count: Int) -> Int {
        guard count > 0 else { return 0 }
        let first = UInt8(truncatingIfNeeded: lo)
        let second = count > 1 ? UInt8(truncatingIfNeeded: lo >> 8) : first
        let k = count - 1
        let last = UInt8(truncatingIfNeeded: k < 8 ? lo >> UInt64(k * 8) : hi >> UInt64((k - 8) * 8))
        return WordFilter.bit(count: count, first: first, second: second, last: last)
    }

    /// `filterBit(lo, hi, count)` of ASCII bytes (at least one) whose last byte, not yet
    /// lowered, is `c`: no shift by a variable count to find it.
    @inline(__always)
    static func filterBit(_ lo: UInt64, _ count: Int, lastASCII c: UInt8) -> Int {
        let first = UInt8(truncatingIfNeeded: lo)
        let second = count > 1 ? UInt8(truncatingIfNeeded: lo >> 8) : first
        let last = c &- 0x41 < 26 ? c | 0x20 : c
        return WordFilter.bit(count: count, first: first, second: second, last: last)
    }

    /// `Token.lowerPrefix` of the bytes in `lo` (as `load` gives them).
    @inline(__always)
    static func prefix(_ lo: UInt64) -> UInt16 {
        UInt16(truncatingIfNeeded: lo) << 8 | UInt16(truncatingIfNeeded: lo >> 8) & 0xFF
    }

    /// `String.startsUppercase` of the bytes in `lo` (as `load` gives them), when they are ASCII
    /// or Latin-1 as `Tokenizer.latin1Lower` admits them: A-Z, or U+00C0-U+00DE but U+00D7.
    @inline(__always)
    static func startsUppercase(_ lo: UInt64) -> Bool {
        let b = UInt8(truncatingIfNeeded: lo), c = UInt8(truncatingIfNeeded: lo >> 8)
        return (b >= 0x41 && b <= 0x5A) || (b == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
    }

    /// A-Z to a-z in a word of ASCII bytes (SWAR: each byte plus the bias stays below 0x100).
    @inline(__always)
    static func asciiLower(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let upper = (x &+ (0x80 - 0x41) &* ones) & ~(x &+ (0x80 - 0x5B) &* ones) & high
        return x | (upper >> 2)
    }
}

/// The Strings of tokens longer than 15 UTF-8 bytes (or of any token where `SmallUTF8` is not
/// available), one copy of each, kept for the life of the process: `Token` stores only their
/// bits, which stay valid because this table never drops a String. It grows with the
/// vocabulary of long words (compounds, URLs), not with the corpus: the same word in another
/// document is the same entry.
final class LongStrings: @unchecked Sendable {
    static let shared = LongStrings()

    /// Open addressing over the interned Strings themselves (no second copy of their bytes),
    /// at most half full.
    private struct Table {
        /// Per slot: the key's hash tag in the upper 32 bits and its index in `strings` + 1 in
        /// the lower, 0 when empty; the count is a power of two.
        var slots = [UInt64](repeating: 0, count: 1 << 15)
        var strings: [String] = []

        /// The bits of the interned String of `bytes`; `make` makes it when new.
        mutating func bits(_ key: UnsafeBufferPointer<UInt8>, _ make: () -> String) -> (UInt64, UInt64) {
            let h = WordMap<Int>.hash(key)
            let tag = h >> 32
            var mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: h) & mask
            while true {
                let v = slots[slot]
                if v == 0 { break }
                if v >> 32 == tag {
                    let s = strings[Int(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1]
                    if Table.equal(s, key) { return unsafeBitCast(s, to: (UInt64, UInt64).self) }
                }
                slot = (slot + 1) & mask
            }
            let s = make()
            strings.append(s)
            slots[slot] = tag << 32 | UInt64(strings.count)
            if strings.count * 2 > slots.count {
                // Twice the slots, every key placed again by its hash.
                var fresh = [UInt64](repeating: 0, count: slots.count * 2)
                mask = fresh.count - 1
                for (e, string) in strings.enumerated() {
                    var utf8 = string
                    let g = utf8.withUTF8 { WordMap<Int>.hash($0) }
                    var k = Int(truncatingIfNeeded: g) & mask
                    while fresh[k] != 0 { k = (k + 1) & mask }
                    fresh[k] = (g >> 32) << 32 | UInt64(e + 1)
                }
                slots = fresh
            }
            return unsafeBitCast(s, to: (UInt64, UInt64).self)
        }

        static func equal(_ s: String, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
            let same = s.utf8.withContiguousStorageIfAvailable { b -> Bool in
                guard b.count == key.count else { return false }
                guard let x = b.baseAddress, let y = key.baseAddress else { return true }  // both empty
                return memcmp(x, y, b.count) == 0
            }
            return same ?? s.utf8.elementsEqual(key)
        }
    }

    private let lock = NSLock()
    /// Guarded by `lock` (a pointer, not a stored property: no dynamic exclusivity checks).
    private let table: UnsafeMutablePointer<Table> = {
        let p = UnsafeMutablePointer<Table>.allocate(capacity: 1)
        p.initialize(to: Table())
        return p
    }()

    /// How many distinct long Strings the process has interned (it only grows).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return table.pointee.strings.count
    }

    /// The bits of the interned copy of `s`.
    func bits(_ s: String) -> (UInt64, UInt64) {
        var utf8 = s
        return utf8.withUTF8 { b in
            lock.lock()
            defer { lock.unlock() }
            return table.pointee.bits(b) { s }
        }
    }

    /// The bits of the interned Strings of a long token's text and of its lower case (nil: the
    /// same bytes), each made only when new (valid UTF-8 in normal form), under one lock: most
    /// long tokens are capitalised compounds, which need both.
    func bits(bytes text: UnsafeBufferPointer<UInt8>, lower: UnsafeBufferPointer<UInt8>?)
        -> (text: (UInt64, UInt64), lower: (UInt64, UInt64)) {
        lock.lock()
        defer { lock.unlock() }
        let t = table.pointee.bits(text) { String(decoding: text, as: UTF8.self) }
        guard let lower else { return (t, t) }
        return (t, table.pointee.bits(lower) { String(decoding: lower, as: UTF8.self) })
    }
}
