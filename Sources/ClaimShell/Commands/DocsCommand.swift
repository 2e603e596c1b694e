import ClaimKit

/// `docs`: the loaded documents.
public enum DocsCommand: ShellCommand {
    public static let name = "docs"
    public static let usage = "docs"
    public static let summary = "List the loaded documents."
    public static let help = """
        Lists the loaded documents with their id, title, date, url, number of sentences and claims.
        """
    public static let examples = [
        CommandExample("docs", expected: nil),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let rows: [[Value]] = session.corpus.documents.map { d in
            [.string(d.document.id), Value(d.document.title), Value(d.document.date),
             .bool(d.document.dateInferred), Value(d.document.url), Value(d.document.source),
             .int(d.sentences.count), .int(d.claims.count), .int(d.document.text.unicodeScalars.count),
             .string(d.document.encoding.rawValue), Value(d.document.path)]
        }
        return .table(ResultTable(["id", "title", "date", "date_inferred", "url", "source", "sentences", "claims",
                                   "chars", "encoding", "path"], rows: rows))
    }
}
