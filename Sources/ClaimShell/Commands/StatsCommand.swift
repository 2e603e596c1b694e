import ClaimKit

/// `stats FIELD [by FIELD, ...] [where EXPR]`.
public enum StatsCommand: ShellCommand {
    public static let name = "stats"
    public static let usage = "stats FIELD [by FIELD, ...] [from NAME] [where EXPR]"
    public static let summary = "count, min, median, mean, max, sum of a numeric field."
    public static let help = """
        Summarises a numeric field (value, high, sentence) over the claims matching EXPR, in one
        row or one row per group with `by` (largest groups first). `count` counts the claims with
        a value; nulls are left out of every figure, and a group without values has null
        figures (its sum too, as in SQL).
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
        // The numbers of each group: from the store's columns when the selection allows it.
        let groups: [([Value], [Double])]
        if by.isEmpty, let numbers = sel.numbers(field) {
            groups = [([], numbers)]
        } else if let grouped = sel.groupedRows(by: by), let first = grouped.first, sel.numbers(field, first.rows) != nil {
            groups = grouped.map { ($0.key, sel.numbers(field, $0.rows) ?? []) }
        } else {
            let claims = by.isEmpty ? [([Value](), sel.claims)] : ClaimSelection.grouped(sel.claims, by: by).map { ($0.key, $0.claims) }
            groups = claims.map { key, claims in (key, claims.compactMap { field.get($0).doubleValue }) }
        }
        var rows: [[Value]] = groups.map { key, values in key + figures(Statistics(values)) }
        if !by.isEmpty { rows = FrequencyOrder.sorted(rows, countColumn: by.count) }
        return .table(ResultTable(by.map(\.name) + ["count", "min", "median", "mean", "max", "sum"], rows: rows))
    }

    /// count, min, median, mean, max, sum: null figures (the sum too, as in SQL) for a group
    /// without values.
    static func figures(_ s: Statistics) -> [Value] {
        [.int(s.count), Value(s.min), Value(s.median.map(tidy)), Value(s.mean.map(tidy)), Value(s.max),
         s.count == 0 ? .null : .number(tidy(s.sum))]
    }

    /// Four decimals are plenty for a mean, and hide binary noise in sums of decimals
    /// (19405.90000000001).
    static func tidy(_ d: Double) -> Double {
        guard d.isFinite, abs(d) < 1e11 else { return d }
        return (d * 10_000).rounded() / 10_000
    }
}
