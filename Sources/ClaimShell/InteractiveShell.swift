import ClaimKit
import Foundation

/// The interactive shell (SPEC §7): prompt with the corpus size, `...> ` after a trailing
/// `\`, history across sessions, Ctrl-C that clears the line or stops a running command,
/// Ctrl-D on an empty line to leave, errors shown with a caret under the input.
public final class InteractiveShell {
    public let session: Session
    let editor: LineEditor
    let standardOutput = OutputSink.standardOutput()
    public static let continuationPrompt = "...> "

    public init(session: Session, historyPath: String? = InteractiveShell.defaultHistoryPath()) {
        self.session = session
        Terminal.useUTF8Locale()
        editor = LineEditor(historyPath: historyPath) { [session] line, cursor in
            Completion(session: session).complete(line: line, cursor: cursor)
        }
        session.interruptCheck = { SignalHandling.interruptPending }
        // `history` lists earlier sessions first, as a shell's does (the init file's commands follow).
        session.history = editor.historyEntries + session.history
    }

    /// `$XDG_STATE_HOME/claimsh/history` (its directory created, mode 0700), else
    /// `~/.claimsh_history`; nil without a home.
    public static func defaultHistoryPath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            let directory = state + "/claimsh"
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
            return directory + "/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.claimsh_history"
    }

    /// Reads and runs commands until `quit` or Ctrl-D. Returns the exit status (0).
    public func run() -> Int32 {
        SignalHandling.catchInterrupts()
        var typed: [String] = []
        while !session.shouldQuit {
            SignalHandling.takeInterrupt()
            let prompt = typed.isEmpty ? session.prompt : Self.continuationPrompt
            switch editor.read(prompt: prompt) {
            case .end:
                editor.echo("\n")
                return 0
            case .interrupted:
                editor.echo("^C\n")
                typed = []
            case let .line(line):
                typed.append(line)
                let text = typed.joined(separator: "\n")
                if ScriptReader.endsWithContinuation(text) { continue }
                typed = []
                runInput(text)
            }
        }
        return 0
    }

    /// Runs what was typed (one or more lines joined by continuations).
    func runInput(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The history keeps one line: continuations joined as ScriptReader joins them.
        let commands = ScriptReader.commands(in: text, origin: "<stdin>")
        let joined = lines.count == 1 ? text : commands.map(\.source).joined(separator: "; ")
        if let warning = editor.addHistory(joined) { OutputSink.writeStandardError("claimsh: " + warning + "\n") }
        for command in commands {
            session.history.append(command.source)
            let outcome = BatchRunner.perform(command, in: session, standardOutput: standardOutput) { error in
                OutputSink.writeStandardError(caret(for: error, in: command, lines: lines))
            }
            switch outcome {
            case .succeeded:
                break
            case .interrupted:
                OutputSink.writeStandardError("interrupted\n")
                return
            case .failed:
                return
            }
            if session.shouldQuit { return }
        }
    }

    /// The error under the input: `^^^^^ message` aligned with the typed text (SPEC §5), in
    /// display columns (wide characters take two). An error on an earlier line of a continued
    /// command repeats that line first.
    func caret(for error: ShellError, in command: ScriptReader.Command, lines: [String]) -> String {
        guard let columns = error.columns else { return "error: \(error.message)\n" }
        let start = command.location(ofColumn: columns.lowerBound)
        let last = command.location(ofColumn: max(columns.lowerBound, columns.upperBound - 1))
        let lineText = start.line - 1 < lines.count ? Array(lines[start.line - 1]) : []
        let from = min(max(0, start.column - 1), lineText.count)
        let to = last.line == start.line ? min(max(from + 1, last.column), lineText.count) : lineText.count
        let marked = TextWidth.of(String(lineText[from..<max(from, to)]))
        let prompt = start.line == 1 ? session.prompt : Self.continuationPrompt
        let indent = String(repeating: " ", count: TextWidth.of(prompt))
        var out = ""
        if start.line != lines.count { out += indent + String(lineText) + "\n" }
        out += indent + String(repeating: " ", count: TextWidth.of(String(lineText[..<from])))
        out += String(repeating: "^", count: max(1, marked)) + " " + error.message + "\n"
        return out
    }
}
