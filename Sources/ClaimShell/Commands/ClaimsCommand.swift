import ClaimKit

/// `claims [from NAME] [where EXPR] [sort FIELD [desc], ...] [limit N] [select FIELD, ...]`.
public enum ClaimsCommand: ShellCommand {
    public static let name = "claims"
    public static let usage = "claims [from NAME] [where EXPR] [sort FIELD [desc], ...] [limit N] [select FIELD, ...]"
    public static let summary = "List claims, filtered, sorted and with chosen fields."
    public static let help = """
        Lists the claims of the loaded documents (fields: `help fields`; expressions: `help where`).
        Tables and tsv show id, doc, kind, value, approx, object, class, aspect, time, source,
        modality and phrase; json and jsonl give every field. `select` picks the fields.
        `from NAME` starts from a set kept with `NAME = claims ...` (see `sets`).
        """
    public static let examples = [
        CommandExample("claims where class = soldiers sort value desc", expected: nil),
        CommandExample("claims where value >= 10k and time >= 2024 select id, value, time, phrase",
                       expected: "id\tvalue\ttime\tphrase\n000_dbee2a27689250e2:4\t14000\t2024-01/2024-03\tetwa 14.000 Soldaten\n001_0d1eacb0812e2af7:3\t11000\t2024-10/2024-12\trund 11.000 Soldaten\n002_2cc7b7632708e469:4\t11000\t2024-10\t11.000 Mann\n"),
        CommandExample("claims where text ~ pjongjang limit 3", expected: "id\tkind\tvalue\tapprox\tobject\tclass\taspect\ttime\tsource\tmodality\tphrase\n001_0d1eacb0812e2af7:6\tquantity\t10000\trange\tMann\tsoldiers\teach\t\tExperten\tpossible\t10.000 bis 20.000 Mann\n002_2cc7b7632708e469:3\tdate\t\t\t\t\t\t2024-10\tLee Seong-kweun\tplanned\tim vergangenen Oktober\n002_2cc7b7632708e469:4\tquantity\t11000\texact\tMann\tsoldiers\tsent\t2024-10\tLee Seong-kweun\tplanned\t11.000 Mann\n", note: "finds Pjöngjang"),
        CommandExample("troops = claims where class = soldiers", expected: nil, note: "keep a set"),
    ]

    static let clauses: Set<QueryClauses.Clause> = [.from, .where, .sort, .limit, .select]

    /// The claims the line selects, sorted and limited: also what `NAME = claims ...` keeps.
    static func selection(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> (ClaimSelection, [Claim]) {
        let sel = try ClaimSelection(invocation, in: session, allowed: clauses)
        try sel.rejectLeading(from: 0, invocation, expecting: "from, where, sort, limit or select")
        var claims = try ClaimSelection.lift(invocation) { () throws(QueryError) in
            try ClaimTable.sorted(sel.claims, by: sel.clauses.sort)
        }
        if let limit = sel.clauses.limit { claims = Array(claims.prefix(limit)) }
        return (sel, claims)
    }

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let (sel, claims) = try selection(invocation, in: session)
        var names: [String]
        if !sel.clauses.select.isEmpty {
            names = try sel.fields(sel.clauses.select, invocation).map(\.name)
        } else if session.settings.format == .json || session.settings.format == .jsonl {
            names = ClaimField.names
        } else {
            names = ClaimTable.defaultFields
        }
        return .table(ClaimTable.table(claims, fields: names))
    }
}
