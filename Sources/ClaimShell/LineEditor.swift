@preconcurrency import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line editing through libedit's readline-compatible API: Emacs bindings, UTF-8 input,
/// history with Ctrl-R, `~/.editrc` (read by `rl_initialize`, lines prefixed `claimsh:` apply
/// to claimsh only) and Tab completion.
///
/// libedit keeps global state, so there is one editor per process.
public final class LineEditor {
    public enum Input: Equatable {
        case line(String)
        /// Ctrl-C: readline returned NULL with EINTR; the typed text is dropped.
        case interrupted
        /// Ctrl-D on an empty line, or end of input.
        case end
    }

    /// The history file; nil keeps history in memory only.
    public let historyPath: String?
    public static let historyLimit: Int32 = 1000
    private var historyWarned = false
    /// Where the prompt and the echo go.
    public private(set) var terminalOutput = STDOUT_FILENO
    private var lastAdded: String?

    /// Completion for the C callback, which has no context pointer. Set on the main thread
    /// before `readline` and read only from libedit's callback on the same thread.
    nonisolated(unsafe) static var completer: ((String, Int) -> Completion.Result)?

    /// Sets libedit up and reads the history file. Call `Terminal.useUTF8Locale()` first.
    public init(historyPath: String?, completer: @escaping (String, Int) -> Completion.Result) {
        self.historyPath = historyPath
        Self.completer = completer
        // Results may go to a file while a person types: prompt and editing then use stderr.
        if isatty(STDOUT_FILENO) == 0, isatty(STDERR_FILENO) == 1 {
            rl_outstream = stderr
            terminalOutput = STDERR_FILENO
        }
        rl_readline_name = UnsafePointer(strdup("claimsh"))
        rl_basic_word_break_characters = UnsafePointer(strdup(Completion.wordBreakCharacters))
        rl_completer_word_break_characters = strdup(Completion.wordBreakCharacters)
        rl_attempted_completion_function = { text, start, end in
            LineEditor.complete(text: text, start: Int(start), end: Int(end))
        }
        rl_initialize()
        using_history()
        stifle_history(Self.historyLimit)
        if let historyPath { _ = read_history(historyPath) }
    }

    /// Writes to where the prompt goes (the `^C` of an interrupt, the newline after Ctrl-D).
    public func echo(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = write(terminalOutput, buffer.baseAddress, buffer.count) }
    }

    /// The entries of the history, oldest first (those of earlier sessions included).
    public var historyEntries: [String] {
        var entries: [String] = []
        for i in 0..<history_length {
            if let entry = history_get(history_base + i), let line = entry.pointee.line {
                entries.append(String(cString: line))
            }
        }
        return entries
    }

    /// Reads one line. The prompt may hold UTF-8 (`·`).
    public func read(prompt: String) -> Input {
        errno = 0
        guard let raw = readline(prompt) else {
            let interrupted = errno == EINTR
            if SignalHandling.takeInterrupt() || interrupted { return .interrupted }
            return .end
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    /// Adds a line to the history and saves the history file (mode 0600). A file that cannot
    /// be written gives one warning (returned), never a failure.
    public func addHistory(_ line: String) -> String? {
        guard !line.allSatisfy(\.isWhitespace), line != lastAdded else { return nil }
        lastAdded = line
        add_history(line)
        guard let historyPath, !historyWarned else { return nil }
        let fd = open(historyPath, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        var failure: Int32 = fd < 0 ? errno : 0
        if fd >= 0 { close(fd) }
        if failure == 0 {
            failure = write_history(historyPath)
            _ = chmod(historyPath, 0o600)
        }
        guard failure != 0 else { return nil }
        historyWarned = true
        return "warning: cannot write history file '\(historyPath)': \(String(cString: strerror(failure))); history is kept for this session only"
    }

    /// `rl_attempted_completion_function`. libedit passes `start`/`end` as character offsets
    /// while `rl_line_buffer` holds UTF-8 bytes: decode it and count characters, or completion
    /// after an umlaut would look at the wrong place.
    static func complete(text: UnsafePointer<CChar>?, start: Int, end: Int)
        -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        rl_attempted_completion_over = 1
        guard let completer, let buffer = rl_line_buffer else { return nil }
        let line = String(cString: buffer)
        let scalars = line.unicodeScalars
        let cursorScalars = min(end, scalars.count)
        let beforeCursor = String(String.UnicodeScalarView(scalars.prefix(cursorScalars)))
        let result = completer(line, beforeCursor.count)
        guard !result.candidates.isEmpty else { return nil }
        let candidates = result.candidates
        var replacement = candidates[0]
        if candidates.count > 1 {
            replacement = commonPrefix(candidates)
            if replacement.count < result.word.count { replacement = result.word }
        }
        // A directory is not finished: no space after it.
        rl_completion_append_character = candidates.count == 1 && replacement.hasSuffix("/") ? 0 : 32
        // [replacement, matches..., NULL]; libedit peeks at matches[2] even for one match.
        let list = candidates.count == 1 ? [replacement] : [replacement] + candidates
        let size = list.count + 2
        guard let matches = calloc(size, MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
            .bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: size) else { return nil }
        for (i, s) in list.enumerated() { matches[i] = strdup(s) }
        return matches
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let chars = Array(word)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
            prefix.removeSubrange(n...)
        }
        return String(prefix)
    }
}
