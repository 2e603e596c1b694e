import ClaimKit

/// `unload DOC...`: removes documents and their claims.
public enum UnloadCommand: ShellCommand {
    public static let name = "unload"
    public static let usage = "unload DOC..."
    public static let summary = "Remove documents (and their claims) from the corpus."
    public static let help = """
        Removes the named documents and their claims. A document is named by its id or any
        unique prefix of it (002 for 002_2cc7b7632708e469). Nothing is removed when one name
        is unknown or ambiguous.
        """
    public static let examples = [
        CommandExample("unload 000 001", expected: "", note: "says unloaded 000_dbee2a27689250e2, 001_0d1eacb0812e2af7 on stderr"),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let words = try invocation.words()
        guard !words.isEmpty else {
            throw ShellError("unload needs a document: \(usage)", at: invocation.argumentOffset..<(invocation.argumentOffset + 1))
        }
        var ids: [String] = []
        for w in words {
            let i = try DocsCommand.resolve(w, in: session)
            let id = session.corpus.documents[i].document.id
            if !ids.contains(id) { ids.append(id) }
        }
        session.corpus.remove(ids: Set(ids))
        session.diagnostics.append("unloaded " + ids.joined(separator: ", "))
        return .none
    }
}
