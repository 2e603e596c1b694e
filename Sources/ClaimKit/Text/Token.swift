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

    // Stored in this order, the line-break count in 32 bits, so that it and the two one-byte
    // fields share the last word: 56 bytes a token, not 72 (every document holds thousands,
    // and every annotator walks them).
    public var span: TextSpan
    public var text: String
    public var lower: String
    private var storedNewlines: Int32
    public var kind: Kind
    /// Whitespace (of any kind) precedes the token.
    public var spaceBefore: Bool

    /// Line breaks between the previous token and this one (2 or more: a paragraph break).
    public var newlinesBefore: Int {
        @inline(__always) get { Int(storedNewlines) }
        set { storedNewlines = Int32(clamping: newValue) }
    }

    public init(span: TextSpan, kind: Kind, text: String, spaceBefore: Bool, newlinesBefore: Int) {
        self.span = span
        self.kind = kind
        self.text = text
        self.lower = Token.lowercase(text)
        self.spaceBefore = spaceBefore
        self.storedNewlines = Int32(clamping: newlinesBefore)
    }

    /// A token whose lower-case form the tokenizer already has.
    @inline(__always)
    init(span: TextSpan, kind: Kind, text: String, lower: String, spaceBefore: Bool, newlinesBefore: Int) {
        self.span = span
        self.kind = kind
        self.text = text
        self.lower = lower
        self.spaceBefore = spaceBefore
        self.storedNewlines = Int32(clamping: newlinesBefore)
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
    public var isCapitalized: Bool {
        // ASCII or Latin-1 first letter (most tokens): no Unicode property lookup.
        text.startsUppercase
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
        guard let b = u.first else { return false }
        let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        return u.count == length
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
