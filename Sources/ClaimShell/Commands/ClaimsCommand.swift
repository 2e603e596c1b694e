import ClaimKit

/// `claims`: the claims of the corpus.
public enum ClaimsCommand: ShellCommand {
    public static let name = "claims"
    public static let usage = "claims"
    public static let summary = "List claims."
    public static let help = """
        Lists the claims found in the loaded documents (SPEC §4 fields).
        """
    public static let examples = [
        CommandExample("claims", expected: nil),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let rows: [[Value]] = session.corpus.store.claims.map { c in
            [.string(c.id), .string(c.doc), .int(c.sentence), .string(c.kind.rawValue), Value(c.value), Value(c.high),
             Value(c.approx?.rawValue), Value(c.object), Value(c.cls), Value(c.aspect), Value(c.unit), Value(c.time),
             Value(c.source), .string(c.modality.rawValue), Value(c.event), .string(c.phrase)]
        }
        return .table(ResultTable(["id", "doc", "sentence", "kind", "value", "high", "approx", "object", "class",
                                   "aspect", "unit", "time", "source", "modality", "event", "phrase"], rows: rows))
    }
}
