import ClaimKit

/// `sentences`: every sentence of the corpus.
public enum SentencesCommand: ShellCommand {
    public static let name = "sentences"
    public static let usage = "sentences [where EXPR] [sort COLUMN [desc], ...] [limit N]"
    public static let summary = "List the sentences of the loaded documents."
    public static let help = """
        Lists every sentence with its document, 1-based number, text and span (character offsets).
        `where`, `sort` and `limit` work on these columns as on claims: `sentences where text ~ Kursk`.
        """
    public static let examples = [
        CommandExample("sentences", expected: nil),
        CommandExample("sentences where doc ~ 004 and text ~ tagesschau",
                       expected: "doc\tsentence\ttext\tspan\n004_37545d6c4a403162\t6\tLaut «Tagesschau» sind die ersten 1500 Soldaten bereits angekommen.\t572; 639\n"),
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
        return .table(try TableQuery.apply(invocation.arguments, offset: invocation.argumentOffset, to: table))
    }
}
