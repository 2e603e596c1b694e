import ClaimKit

/// `history [N]`: the lines entered so far, numbered as in bash.
public enum HistoryCommand: ShellCommand {
    public static let name = "history"
    public static let usage = "history [N]"
    public static let summary = "Show the commands entered so far, numbered (the last N)."
    public static let help = """
        Lists the commands of this session, oldest first, each with its number; in the interactive \
        shell the history of earlier sessions comes first (kept in $XDG_STATE_HOME/claimsh/history, \
        else ~/.claimsh_history). `history 10` shows the last ten. Up and Down recall lines, Ctrl-R searches.
        """
    public static let examples = [
        CommandExample("history 5", expected: nil, note: "the last five commands"),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let words = try invocation.words()
        var shown = session.history.count
        if let first = words.first {
            guard words.count == 1, let n = Int(first.text), n >= 0 else {
                throw ShellError("history takes one count, as in 'history 10'", at: words.count == 1 ? first.columns
                    : first.columns.lowerBound..<(words.last?.columns.upperBound ?? first.columns.upperBound))
            }
            shown = min(n, shown)
        }
        let start = session.history.count - shown
        let width = String(session.history.count).count
        var out = ""
        for (i, line) in session.history.enumerated().dropFirst(start) {
            let number = String(i + 1)
            out += String(repeating: " ", count: max(0, width - number.count) + 2) + number + "  " + line + "\n"
        }
        return .text(out)
    }
}
