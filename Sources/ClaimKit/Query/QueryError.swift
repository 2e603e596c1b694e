/// A malformed or meaningless query. `columns` are 0-based character offsets in the text that
/// was parsed; the shell shifts them to the line and draws a caret.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var columns: Range<Int>

    public init(_ message: String, at columns: Range<Int>) {
        self.message = message
        self.columns = columns
    }

    public var description: String { message }

    static func suggesting(_ message: String, _ word: String, in candidates: [String], at columns: Range<Int>) -> QueryError {
        let s = Suggestion.closest(to: word, in: candidates)
        return QueryError(message + (s.map { " (did you mean '\($0)'?)" } ?? ""), at: columns)
    }
}
