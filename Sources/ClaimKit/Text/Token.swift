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

    public var span: TextSpan
    public var kind: Kind
    public var text: String
    public var lower: String
    /// Whitespace (of any kind) precedes the token.
    public var spaceBefore: Bool
    /// Line breaks between the previous token and this one (2 or more: a paragraph break).
    public var newlinesBefore: Int

    public init(span: TextSpan, kind: Kind, text: String, spaceBefore: Bool, newlinesBefore: Int) {
        self.span = span
        self.kind = kind
        self.text = text
        self.lower = text.lowercased()
        self.spaceBefore = spaceBefore
        self.newlinesBefore = newlinesBefore
    }

    public var isWord: Bool { kind == .word }
    public var isNumber: Bool { kind == .number }
    public var isCapitalized: Bool {
        // ASCII first letter (most tokens): no Unicode property lookup.
        if let b = text.utf8.first, b < 0x80 { return b >= 0x41 && b <= 0x5A }
        guard let f = text.unicodeScalars.first else { return false }
        return f.properties.isUppercase
    }
}

/// A sentence: its span in the text and the range of its tokens in `AnnotatedDocument.tokens`.
public struct Sentence: Sendable, Hashable {
    public var span: TextSpan
    public var tokens: Range<Int>

    public init(span: TextSpan, tokens: Range<Int>) {
        self.span = span
        self.tokens = tokens
    }
}
