/// An error a command reports to the user. `columns` is a 0-based range of character offsets
/// in the command's own text, for the caret under the input and for `FILE:LINE:COL`.
public struct ShellError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var columns: Range<Int>?

    public init(_ message: String, at columns: Range<Int>? = nil) {
        self.message = message
        self.columns = columns
    }

    public var description: String { message }

    /// The same error, its columns moved by `offset` (from an argument string to the line).
    public func shifted(by offset: Int) -> ShellError {
        ShellError(message, at: columns.map { ($0.lowerBound + offset)..<($0.upperBound + offset) })
    }
}
