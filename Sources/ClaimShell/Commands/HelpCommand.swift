import ClaimKit

/// `help [COMMAND]`.
public enum HelpCommand: ShellCommand {
    public static let name = "help"
    public static let usage = "help [COMMAND]"
    public static let summary = "Show the commands, or one command's help with examples."
    public static let help = "Without an argument lists the commands; `help COMMAND` shows its usage, help and examples."
    public static let examples = [
        CommandExample("help quit", expected: nil),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let words = try invocation.words()
        if let topic = words.first {
            guard let command = CommandRegistry.command(named: topic.text) else {
                let s = Suggestion.closest(to: topic.text, in: CommandRegistry.names)
                throw ShellError("no help for '\(topic.text)'" + (s.map { " (did you mean '\($0)'?)" } ?? ""), at: topic.columns)
            }
            var out = "usage: \(command.usage)\n\n\(command.help)\n"
            if !command.examples.isEmpty {
                out += "\nexamples:\n"
                for e in command.examples { out += "  \(e.input)" + (e.note.map { "    # \($0)" } ?? "") + "\n" }
            }
            return .text(out)
        }
        let width = CommandRegistry.all.map { $0.usage.count }.max() ?? 0
        var out = "commands:\n"
        for c in CommandRegistry.all {
            out += "  " + c.usage.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + c.summary + "\n"
        }
        return .text(out)
    }
}
