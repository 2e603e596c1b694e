import ClaimKit

/// `[where EXPR] [sort COLUMN [desc], ...] [limit N]` over any command's table, by column
/// name — for `docs where`, `sentences where` and `mentions LAYER where`:
///
///     let table = try TableQuery.apply(invocation.arguments, offset: invocation.argumentOffset, to: table)
///
/// Errors carry columns of the line (`unknown field 'titel' (did you mean 'title'?)`).
public enum TableQuery {
    public static func apply(_ arguments: String, offset: Int, to table: ResultTable) throws(ShellError) -> ResultTable {
        let invocation = CommandInvocation(name: "", arguments: arguments, argumentOffset: offset, line: arguments)
        return try ClaimSelection.lift(invocation) { () throws(QueryError) -> ResultTable in
            let clauses = try QueryClauses.parse(arguments, allowed: [.where, .sort, .limit])
            var out = table
            if let filter = clauses.filter { out = try out.filtered(by: filter) }
            if !clauses.sort.isEmpty { out = try out.sorted(by: clauses.sort) }
            if let limit = clauses.limit { out.rows = Array(out.rows.prefix(limit)) }
            return out
        }
    }
}
