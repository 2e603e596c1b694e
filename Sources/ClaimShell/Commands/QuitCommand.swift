import ClaimKit

/// `quit` / `exit`.
public enum QuitCommand: ShellCommand {
    public static let name = "quit"
    public static let aliases = ["exit"]
    public static let usage = "quit"
    public static let summary = "Leave claimsh (also `exit`, or Ctrl-D on an empty line)."
    public static let help = "Ends the session; in a script, stops reading further commands with status 0."
    public static let examples = [CommandExample("quit", expected: "")]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        session.shouldQuit = true
        return .none
    }
}
