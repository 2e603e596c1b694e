import ClaimKit

/// `sentences`: every sentence of the corpus.
public enum SentencesCommand: ShellCommand {
    public static let name = "sentences"
    public static let usage = "sentences"
    public static let summary = "List the sentences of the loaded documents."
    public static let help = """
        Lists every sentence with its document, 1-based number, text and span (character offsets).
        """
    public static let examples = [
        CommandExample("sentences", expected: nil),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        var rows: [[Value]] = []
        for d in session.corpus.documents {
            for (i, s) in d.sentences.enumerated() {
                rows.append([.string(d.document.id), .int(i + 1), .string(d.text(s.span)),
                             .list([.int(d.scalarOffset(ofByte: s.span.start)), .int(d.scalarOffset(ofByte: s.span.end))])])
            }
        }
        var table = ResultTable(["doc", "sentence", "text", "span"], rows: rows)
        table.columns[2].isLongText = true
        return .table(table)
    }
}
