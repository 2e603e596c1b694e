import ClaimKit

/// One shell command. Each declares its signature, help and examples with their expected
/// output (as `claimsh -c INPUT` prints it on the seeds, tsv); a test runs every example so
/// that help can never lie.
public protocol ShellCommand: Sendable {
    static var name: String { get }
    static var aliases: [String] { get }
    /// One line: `claims [where EXPR] [sort FIELD [desc], ...] [limit N]`.
    static var usage: String { get }
    /// One sentence for the command list.
    static var summary: String { get }
    /// Longer help text.
    static var help: String { get }
    static var examples: [CommandExample] { get }
    static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput
}

extension ShellCommand {
    public static var aliases: [String] { [] }
}

/// An example in a command's help: the input line and the exact output it gives on the seeds
/// (tsv, as in batch mode). `expected == nil` only checks that the command succeeds.
public struct CommandExample: Sendable {
    public var input: String
    public var expected: String?
    public var note: String?

    public init(_ input: String, expected: String?, note: String? = nil) {
        self.input = input
        self.expected = expected
        self.note = note
    }
}

/// A command as typed: its name and the text of its arguments, with where they start in the line.
public struct CommandInvocation: Sendable {
    public var name: String
    /// Everything after the command name, untrimmed at the end.
    public var arguments: String
    /// Character offset of `arguments` in the line, for error carets.
    public var argumentOffset: Int
    /// The whole line as typed (without redirection).
    public var line: String

    public init(name: String, arguments: String, argumentOffset: Int, line: String) {
        self.name = name
        self.arguments = arguments
        self.argumentOffset = argumentOffset
        self.line = line
    }

    /// The arguments split into words, each with its column in the line.
    public func words() throws(ShellError) -> [ArgumentWord] {
        try ArgumentWord.split(arguments, offset: argumentOffset)
    }
}

/// A word of a command's arguments: quotes removed, with its columns in the line.
public struct ArgumentWord: Sendable, Equatable {
    public var text: String
    public var columns: Range<Int>
    public var quoted: Bool

    public init(text: String, columns: Range<Int>, quoted: Bool) {
        self.text = text
        self.columns = columns
        self.quoted = quoted
    }

    /// Splits on blanks; '...' and "..." quote (a doubled quote inside is a literal one).
    public static func split(_ s: String, offset: Int = 0) throws(ShellError) -> [ArgumentWord] {
        var words: [ArgumentWord] = []
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            if chars[i] == " " || chars[i] == "\t" { i += 1; continue }
            let start = i
            var text = ""
            var quoted = false
            while i < chars.count, chars[i] != " ", chars[i] != "\t" {
                let c = chars[i]
                if c == "\"" || c == "'" {
                    quoted = true
                    i += 1
                    var closed = false
                    while i < chars.count {
                        if chars[i] == c {
                            if i + 1 < chars.count, chars[i + 1] == c { text.append(c); i += 2; continue }
                            closed = true
                            i += 1
                            break
                        }
                        text.append(chars[i])
                        i += 1
                    }
                    if !closed { throw ShellError("unterminated quote", at: (offset + start)..<(offset + chars.count)) }
                } else {
                    text.append(c)
                    i += 1
                }
            }
            words.append(ArgumentWord(text: text, columns: (offset + start)..<(offset + i), quoted: quoted))
        }
        return words
    }
}
