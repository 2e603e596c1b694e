import ClaimKit

/// `reset`: removes every document, claim and named set.
public enum ResetCommand: ShellCommand {
    public static let name = "reset"
    public static let usage = "reset"
    public static let summary = "Remove all documents, claims and named sets."
    public static let help = """
        Empties the corpus and forgets the named result sets; settings and history stay.
        Use `load` to start again.
        """
    public static let examples = [
        CommandExample("reset", expected: "", note: "says removed 5 documents on stderr"),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let words = try invocation.words()
        if let extra = words.first {
            throw ShellError("reset takes no arguments (to remove some documents: unload DOC...)", at: extra.columns)
        }
        let n = session.corpus.documents.count
        session.corpus.removeAll()
        session.sets = [:]
        session.diagnostics.append("removed \(n) document\(n == 1 ? "" : "s")")
        return .none
    }
}
