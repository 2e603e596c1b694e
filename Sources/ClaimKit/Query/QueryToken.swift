/// A token of the query language, with its character columns in the parsed text.
public struct QueryToken: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A bare word: field name, keyword, number, date or unquoted value.
        case word
        /// '...' or "..." with the quotes removed.
        case quoted
        /// /.../ with the slashes removed.
        case regex
        /// = != < <= > >= ~ !~
        case op
        case leftParen, rightParen, comma
        case end
    }

    public var kind: Kind
    public var text: String
    public var columns: Range<Int>

    public init(_ kind: Kind, _ text: String, _ columns: Range<Int>) {
        self.kind = kind
        self.text = text
        self.columns = columns
    }

    /// Case-insensitive keyword test for bare words.
    public func isKeyword(_ k: String) -> Bool {
        kind == .word && text.lowercased() == k
    }
}
