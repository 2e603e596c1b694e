import ClaimKit

/// `top FIELD [N] [where EXPR]`.
public enum TopCommand: ShellCommand {
    public static let name = "top"
    public static let usage = "top FIELD [N] [from NAME] [where EXPR]"
    public static let summary = "The N most frequent values of a field, with a bar per row."
    public static let help = """
        The N (default 10) most frequent values of FIELD among the claims matching EXPR; the bar
        is drawn with █ blocks, the most frequent value's bar \(barWidth) blocks long. Claims
        without a value of FIELD are left out (`count by FIELD` counts them).
        """
    public static let examples = [
        CommandExample("top class", expected: "class\tcount\tbar\nsoldiers\t18\t██████████████████████████████\nworkers\t3\t█████\nengineers\t2\t███\nmunitions\t2\t███\n"),
        CommandExample("top source 5 where kind = quantity", expected: nil),
    ]

    static let barWidth = 30

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let sel = try ClaimSelection(invocation, in: session, allowed: [.where, .from], leading: 2)
        guard let first = sel.clauses.leading.first else {
            throw ShellError("top needs a field: top FIELD [N] [where EXPR]", at: invocation.argumentOffset..<invocation.argumentOffset + 1)
        }
        let field = try sel.field(first, invocation)
        var n = 10
        if sel.clauses.leading.count > 1 {
            let t = sel.clauses.leading[1]
            guard t.kind == .word, let v = Int(t.text), v > 0 else {
                throw ShellError("expected a number of rows, got '\(t.text)'", at: ClaimSelection.shift(t.columns, invocation))
            }
            n = v
        }
        try sel.rejectLeading(from: 2, invocation, expecting: "from or where")
        // Claims without the field are left out: "no class" is not a class.
        var rows = ClaimSelection.grouped(sel.claims, by: [field]).filter { !($0.key.first?.isNull ?? true) }
            .map { $0.key + [Value.int($0.claims.count)] }
        rows = Array(FrequencyOrder.sorted(rows, countColumn: 1).prefix(n))
        let maxCount = rows.compactMap { $0[1].doubleValue }.max() ?? 1
        rows = rows.map { r in
            let c = r[1].doubleValue ?? 0
            return r + [.string(String(repeating: "█", count: Swift.max(1, Int((c / maxCount * Double(barWidth)).rounded()))))]
        }
        return .table(ResultTable([field.name, "count", "bar"], rows: rows))
    }
}
