/// Splits shell input (a script file, `-c` text, a line typed at the prompt) into commands,
/// each with where it came from, so that errors can name `FILE:LINE:COL` (SPEC §2, §5).
///
/// Rules, outside quotes (`'...'`, `"..."`) and `/regex/`:
/// - one command per line; `;` separates commands on a line;
/// - `\` at the end of a line continues the command on the next line (joined with a space);
/// - `#` at the start of a line or after whitespace starts a comment; a `#!` first line is one;
/// - `| SHELL COMMAND` at the end pipes the output to `/bin/sh -c`: everything after the `|`,
///   `;` and `>` included, belongs to the shell command;
/// - `> FILE` / `>> FILE` at the end write / append to a file, but only when exactly one word
///   follows that is not a number (`10.000`, `10k`, `2024-06`) and contains `.` or `/` or starts
///   with `~`, because `>` is also the comparison of `claims where value > 1000`.
///
/// A `/` opens a regex only at the start of a word and when another `/` closes it on the same
/// line, so paths such as `load data/a.txt` are plain words.
public enum ScriptReader {
    /// A 1-based position in the input.
    public struct Location: Sendable, Equatable, CustomStringConvertible {
        /// The file name as given, `<command N>` or `<stdin>`.
        public var origin: String
        public var line: Int
        public var column: Int

        public init(origin: String, line: Int, column: Int) {
            self.origin = origin
            self.line = line
            self.column = column
        }

        public var description: String { "\(origin):\(line):\(column)" }
    }

    public enum Redirection: Sendable, Equatable {
        /// `> FILE`
        case write(path: String)
        /// `>> FILE`
        case append(path: String)
        /// `| COMMAND`
        case pipe(command: String)
    }

    /// One command with its redirection.
    public struct Command: Sendable, Equatable {
        /// The command as given, redirection included; continuation lines joined with a space.
        public var source: String
        /// What `Session.execute` runs: `source` without the redirection. Error columns of
        /// `ShellError` count characters of this text, which is a prefix of `source`.
        public var text: String
        public var redirection: Redirection?
        /// Where the redirection stands in `source` (character offsets), for error carets.
        public var redirectionColumns: Range<Int>?
        /// The input position of every character of `source`.
        var locations: [Location]

        /// Where the command starts.
        public var start: Location { location(ofColumn: 0) }

        /// The input position of a 0-based character offset in `source` (or `text`); past the
        /// end: just after the last character.
        public func location(ofColumn column: Int) -> Location {
            guard let last = locations.last else { return Location(origin: "", line: 1, column: 1) }
            if column < 0 { return locations[0] }
            if column < locations.count { return locations[column] }
            var after = last
            after.column += 1 + (column - locations.count)
            return after
        }
    }

    /// The commands of `text`; `firstLine` numbers its first line (for input read in pieces).
    public static func commands(in text: String, origin: String, firstLine: Int = 1) -> [Command] {
        var commands: [Command] = []
        for logical in logicalLines(of: text, origin: origin, firstLine: firstLine).lines {
            commands += split(logical)
        }
        return commands
    }

    /// Whether `text` ends inside a command continued with `\`, so a reader must get another
    /// line before running it (interactive `...>` prompt, stdin read line by line).
    public static func endsWithContinuation(_ text: String) -> Bool {
        logicalLines(of: text, origin: "", firstLine: 1).pendingContinuation
    }

    // MARK: - Logical lines

    /// A line after joining continuations and removing comments: characters, their positions,
    /// and whether each is outside quotes and regexes.
    struct LogicalLine {
        var chars: [Character] = []
        var locations: [Location] = []
        var plain: [Bool] = []
    }

    /// Quote and regex state, carried over continued lines.
    struct ScanState {
        var quote: Character?
        var inRegex = false
        var escaped = false

        var isPlain: Bool { quote == nil && !inRegex }

        /// Consumes `line[i]`; returns whether it stands outside quotes and regexes.
        mutating func consume(_ line: [Character], at i: Int) -> Bool {
            let c = line[i]
            if inRegex {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "/" { inRegex = false }
                return false
            }
            if let q = quote {
                if c == q { quote = nil }
                return false
            }
            if c == "'" || c == "\"" {
                quote = c
                return false
            }
            if c == "/", ScanState.startsWord(line, at: i), ScanState.hasClosingSlash(line, after: i) {
                inRegex = true
                return false
            }
            return true
        }

        static func startsWord(_ line: [Character], at i: Int) -> Bool {
            i == 0 || line[i - 1].isWhitespace || "(~=,!".contains(line[i - 1])
        }

        static func hasClosingSlash(_ line: [Character], after i: Int) -> Bool {
            var j = i + 1
            while j < line.count {
                if line[j] == "\\" { j += 2; continue }
                if line[j] == "/" { return true }
                j += 1
            }
            return false
        }
    }

    static func logicalLines(of text: String, origin: String, firstLine: Int)
        -> (lines: [LogicalLine], pendingContinuation: Bool) {
        var result: [LogicalLine] = []
        var current = LogicalLine()
        var state = ScanState()
        var continuing = false
        let physical = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, rawLine) in physical.enumerated() {
            var line = Array(rawLine)
            if line.last == "\r" { line.removeLast() }
            let lineNumber = firstLine + index
            if index == 0, firstLine == 1, line.starts(with: ["#", "!"]) { continue }
            var plain: [Bool] = []
            plain.reserveCapacity(line.count)
            var codeEnd = line.count
            var stateAtEnd = state
            for i in line.indices {
                if state.isPlain, line[i] == "#", i == 0 || line[i - 1].isWhitespace {
                    codeEnd = i
                    break
                }
                plain.append(state.consume(line, at: i))
                stateAtEnd = state
            }
            if codeEnd == 0 { stateAtEnd = state }
            // Trailing blanks do not count; a final backslash continues the command.
            var end = codeEnd
            while end > 0, line[end - 1] == " " || line[end - 1] == "\t" { end -= 1 }
            let continues = end > 0 && line[end - 1] == "\\" && !(stateAtEnd.inRegex && stateAtEnd.escaped)
            let keep = continues ? end - 1 : codeEnd
            for i in 0..<keep {
                current.chars.append(line[i])
                current.locations.append(Location(origin: origin, line: lineNumber, column: i + 1))
                current.plain.append(plain[i])
            }
            if continues {
                current.chars.append(" ")
                current.locations.append(Location(origin: origin, line: lineNumber, column: end))
                current.plain.append(stateAtEnd.isPlain)
                state = stateAtEnd
                state.escaped = false
                continuing = true
            } else {
                result.append(current)
                current = LogicalLine()
                state = ScanState()
                continuing = false
            }
        }
        if continuing { result.append(current) }
        return (result, continuing)
    }

    // MARK: - Commands and redirections

    static func split(_ line: LogicalLine) -> [Command] {
        var commands: [Command] = []
        var start = 0
        var i = 0
        while i <= line.chars.count {
            if i == line.chars.count {
                if let c = command(line, start..<i) { commands.append(c) }
                break
            }
            if line.plain[i], line.chars[i] == "|" {
                // The shell command takes the rest of the line.
                if let c = command(line, start..<line.chars.count) { commands.append(c) }
                break
            }
            if line.plain[i], line.chars[i] == ";" {
                if let c = command(line, start..<i) { commands.append(c) }
                start = i + 1
            }
            i += 1
        }
        return commands
    }

    static func command(_ line: LogicalLine, _ range: Range<Int>) -> Command? {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, line.chars[lo].isWhitespace { lo += 1 }
        while hi > lo, line.chars[hi - 1].isWhitespace { hi -= 1 }
        if lo == hi { return nil }
        let chars = Array(line.chars[lo..<hi])
        let plain = Array(line.plain[lo..<hi])
        var command = Command(source: String(chars), text: String(chars), redirection: nil, redirectionColumns: nil,
                              locations: Array(line.locations[lo..<hi]))
        if let (cut, redirection) = redirection(chars, plain) {
            var end = cut
            while end > 0, chars[end - 1].isWhitespace { end -= 1 }
            command.text = String(chars[..<end])
            command.redirection = redirection
            command.redirectionColumns = cut..<chars.count
        }
        return command
    }

    /// The redirection at the end of a command and where it starts.
    static func redirection(_ chars: [Character], _ plain: [Bool]) -> (Int, Redirection)? {
        if let bar = chars.indices.first(where: { plain[$0] && chars[$0] == "|" }) {
            let rest = trimmed(chars[(bar + 1)...])
            return (bar, .pipe(command: rest))
        }
        var i = 0
        while i < chars.count {
            guard plain[i], chars[i] == ">" else { i += 1; continue }
            let append = i + 1 < chars.count && chars[i + 1] == ">"
            let after = i + (append ? 2 : 1)
            let before: Character? = i > 0 ? chars[i - 1] : nil
            if after < chars.count, chars[after] == "=" || chars[after] == ">" { i = after + 1; continue }
            if let before, "<>!=".contains(before) { i = after; continue }
            if let words = try? ArgumentWord.split(String(chars[after...])), words.count == 1,
               isRedirectionTarget(words[0].text) {
                let path = words[0].text
                return (i, append ? .append(path: path) : .write(path: path))
            }
            i = after
        }
        return nil
    }

    /// A word after `>` names a file when it looks like one (`out.tsv`, `dir/x`, `~/x`) and
    /// is not a number or date (`10.000`, `10k`, `2024-06`).
    static func isRedirectionTarget(_ word: String) -> Bool {
        guard !word.isEmpty else { return false }
        guard word.contains(".") || word.contains("/") || word.hasPrefix("~") else { return false }
        return !looksLikeNumber(word)
    }

    /// Digits with separators (`.,'-/`), ending in a digit, optionally followed by a letter
    /// suffix (`10k`, `8Mio`): what `where` accepts as a number or date.
    static func looksLikeNumber(_ word: String) -> Bool {
        var body = Substring(word)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        while let last = body.last, last.isLetter { body = body.dropLast() }
        guard let first = body.first, first.isASCII, first.isNumber,
              let last = body.last, last.isASCII, last.isNumber else { return false }
        return body.allSatisfy { ($0.isASCII && $0.isNumber) || ".,'-/".contains($0) }
    }

    static func trimmed(_ chars: ArraySlice<Character>) -> String {
        var s = chars
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
