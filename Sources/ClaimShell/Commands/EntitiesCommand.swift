import ClaimKit

/// `entities [where EXPR]`.
public enum EntitiesCommand: ShellCommand {
    public static let name = "entities"
    public static let usage = "entities [from NAME] [where EXPR]"
    public static let summary = "Places, people and organisations named with the claims, with counts."
    public static let help = """
        Each entity named in the sentences of the claims matching EXPR, with the number of claims
        and of documents it comes with; most frequent first.
        """
    public static let examples = [
        CommandExample("entities", expected: nil),
        CommandExample("entities where class = soldiers", expected: nil),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let sel = try ClaimSelection(invocation, in: session, allowed: [.where, .from, .limit])
        try sel.rejectLeading(from: 0, invocation, expecting: "from, where or limit")
        guard let field = ClaimField.named("entities") else { return .none }
        var rows: [[Value]] = ClaimSelection.grouped(sel.claims, by: [field]).compactMap { key, claims in
            guard let e = key.first, !e.isNull else { return nil }
            return [e, .int(claims.count), .int(Set(claims.map(\.doc)).count)]
        }
        rows = FrequencyOrder.sorted(rows, countColumn: 1)
        if let limit = sel.clauses.limit { rows = Array(rows.prefix(limit)) }
        return .table(ResultTable(["entity", "claims", "docs"], rows: rows))
    }
}
