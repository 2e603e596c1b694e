import ClaimKit

/// `stats FIELD [by FIELD, ...] [where EXPR]`.
public enum StatsCommand: ShellCommand {
    public static let name = "stats"
    public static let usage = "stats FIELD [by FIELD, ...] [from NAME] [where EXPR]"
    public static let summary = "count, min, median, mean, max, sum of a numeric field."
    public static let help = """
        Summarises a numeric field (value, high, sentence) over the claims matching EXPR, in one
        row or one row per group with `by` (largest groups first). `count` counts the claims with
        a value; nulls are left out of every figure.
        """
    public static let examples = [
        CommandExample("stats value where class = soldiers", expected: nil),
        CommandExample("stats value by class where kind = quantity", expected: nil),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let sel = try ClaimSelection(invocation, in: session, allowed: [.by, .where, .from], leading: 1)
        guard let first = sel.clauses.leading.first else {
            throw ShellError("stats needs a numeric field: stats value [by FIELD, ...] [where EXPR]",
                             at: invocation.argumentOffset..<invocation.argumentOffset + 1)
        }
        let field = try sel.field(first, invocation)
        guard field.type.isNumeric else {
            let numeric = ClaimField.all.filter { $0.type.isNumeric }.map(\.name).joined(separator: ", ")
            throw ShellError("'\(field.name)' is not numeric (numeric fields: \(numeric))", at: ClaimSelection.shift(first.columns, invocation))
        }
        try sel.rejectLeading(from: 1, invocation, expecting: "by, from or where")
        let by = try sel.fields(sel.clauses.by, invocation)
        let groups = by.isEmpty ? [([Value](), sel.claims)] : ClaimSelection.grouped(sel.claims, by: by).map { ($0.key, $0.claims) }
        var rows: [[Value]] = groups.map { key, claims in
            let s = Statistics(claims.compactMap { field.get($0).doubleValue })
            return key + [.int(s.count), Value(s.min), Value(s.median), Value(s.mean), Value(s.max), .number(s.sum)]
        }
        if !by.isEmpty { rows = FrequencyOrder.sorted(rows, countColumn: by.count) }
        return .table(ResultTable(by.map(\.name) + ["count", "min", "median", "mean", "max", "sum"], rows: rows))
    }
}
