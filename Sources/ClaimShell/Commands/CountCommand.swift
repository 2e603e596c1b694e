import ClaimKit

/// `count [by FIELD, ...] [where EXPR]`.
public enum CountCommand: ShellCommand {
    public static let name = "count"
    public static let usage = "count [by FIELD, ...] [from NAME] [where EXPR]"
    public static let summary = "Count claims, by the values of fields, most frequent first."
    public static let help = """
        Without `by`, the number of claims (matching EXPR). With `by`, one row per combination of
        values, most frequent first (ties in alphabetical order). A claim naming several
        entities counts once for each with `by entities`.
        """
    public static let examples = [
        CommandExample("count", expected: "count\n45\n"),
        CommandExample("count by class, aspect where kind = quantity", expected: nil),
        CommandExample("count by doc where class = soldiers", expected: nil),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let sel = try ClaimSelection(invocation, in: session, allowed: [.by, .where, .from, .limit])
        try sel.rejectLeading(from: 0, invocation, expecting: "by, from, where or limit")
        let fields = try sel.fields(sel.clauses.by, invocation)
        if fields.isEmpty { return .table(ResultTable(["count"], rows: [[.int(sel.count)]])) }
        var rows = sel.groupedRows(by: fields)?.map { $0.key + [Value.int($0.rows.count)] }
            ?? ClaimSelection.grouped(sel.claims, by: fields).map { $0.key + [Value.int($0.claims.count)] }
        rows = FrequencyOrder.sorted(rows, countColumn: fields.count)
        if let limit = sel.clauses.limit { rows = Array(rows.prefix(limit)) }
        return .table(ResultTable(fields.map(\.name) + ["count"], rows: rows))
    }
}
