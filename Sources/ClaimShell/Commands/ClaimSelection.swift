import ClaimKit

/// What the analysis commands share: parsing their clauses with errors placed in the line,
/// and picking the claims they work on (`from NAME`, `where EXPR`).
struct ClaimSelection {
    var clauses: QueryClauses
    /// The selected claims when they come from a named set; otherwise `rows` says which.
    private var picked: [Claim]?
    /// The selected claims as rows of the store, when they come from it (not from a named
    /// set): filters and group-bys then run on the store's columns.
    var rows: [Int32]?
    var store: ClaimStore

    /// The selected claims, built from the store's rows when read (a command that answers
    /// from the columns never builds them).
    var claims: [Claim] {
        if let picked { return picked }
        return (rows ?? []).map { store.claim(row: Int($0)) }
    }

    /// How many claims are selected.
    var count: Int { picked?.count ?? rows?.count ?? 0 }

    init(_ invocation: CommandInvocation, in session: Session, allowed: Set<QueryClauses.Clause>, leading: Int = 0) throws(ShellError) {
        clauses = try ClaimSelection.lift(invocation) { () throws(QueryError) in
            try QueryClauses.parse(invocation.arguments, allowed: allowed, leading: leading)
        }
        store = session.corpus.store
        guard let from = clauses.from else {
            let store = self.store
            if let filter = clauses.filter {
                rows = try ClaimSelection.lift(invocation) { () throws(QueryError) in
                    try ColumnarQuery(store).rows(matching: filter)
                }
            } else {
                rows = Array(0..<Int32(store.count))
            }
            return
        }
        guard let ids = session.sets[from.text] else {
            let s = Suggestion.closest(to: from.text, in: Array(session.sets.keys))
            throw ShellError("no set '\(from.text)'" + (s.map { " (did you mean '\($0)'?)" } ?? " (sets are made with NAME = claims ...)"),
                             at: ClaimSelection.shift(from.columns, invocation))
        }
        let store = session.corpus.store
        var pool = ids.compactMap { store[id: $0] }
        if let filter = clauses.filter {
            let p = try ClaimSelection.lift(invocation) { () throws(QueryError) in
                try Evaluator.compile(filter, ClaimField.schema(for: store))
            }
            pool = pool.filter(p)
        }
        picked = pool
    }

    /// Runs query code, moving its error columns from the arguments to the line.
    static func lift<T>(_ invocation: CommandInvocation, _ body: () throws(QueryError) -> T) throws(ShellError) -> T {
        do {
            return try body()
        } catch {
            throw ShellError(error.message, at: shift(error.columns, invocation))
        }
    }

    static func shift(_ r: Range<Int>, _ invocation: CommandInvocation) -> Range<Int> {
        (r.lowerBound + invocation.argumentOffset)..<(r.upperBound + invocation.argumentOffset)
    }

    /// Claim fields named in `by`/`on`/`select`, with "did you mean".
    func fields(_ names: [QueryClauses.Name], _ invocation: CommandInvocation) throws(ShellError) -> [ClaimField] {
        var out: [ClaimField] = []
        for n in names {
            out.append(try ClaimSelection.lift(invocation) { () throws(QueryError) in try ClaimField.require(n.text, at: n.columns) })
        }
        return out
    }

    /// A leading word (`stats FIELD`, `top FIELD`) as a claim field.
    func field(_ token: QueryToken, _ invocation: CommandInvocation) throws(ShellError) -> ClaimField {
        try ClaimSelection.lift(invocation) { () throws(QueryError) in try ClaimField.require(token.text, at: token.columns) }
    }

    /// Error for leading words a command does not take.
    func rejectLeading(from index: Int, _ invocation: CommandInvocation, expecting: String) throws(ShellError) {
        guard clauses.leading.count > index else { return }
        let t = clauses.leading[index]
        throw ShellError("unexpected '\(t.text)' (expected \(expecting))", at: ClaimSelection.shift(t.columns, invocation))
    }

    /// Groups by the values of `fields` as counts and rows, on the store's columns; nil when the
    /// claims come from a named set or a field is not a column (then `grouped` does it).
    func groupedRows(by fields: [ClaimField]) -> [(key: [Value], rows: [Int32])]? {
        guard let rows else { return nil }
        return ColumnarQuery(store).groups(rows, by: fields)
    }

    /// The numbers of a numeric field over the selection (nulls left out), from its column.
    func numbers(_ field: ClaimField, _ rows: [Int32]? = nil) -> [Double]? {
        guard let r = rows ?? self.rows else { return nil }
        return ColumnarQuery(store).numbers(field, r)
    }

    /// Groups of claims by the values of `fields`; a list field (entities) puts a claim in one
    /// group per element. Groups in first-seen order.
    static func grouped(_ claims: [Claim], by fields: [ClaimField]) -> [(key: [Value], claims: [Claim])] {
        var order: [[Value]] = []
        var members: [[Value]: [Claim]] = [:]
        for c in claims {
            var keys: [[Value]] = [[]]
            for f in fields {
                let v = f.get(c)
                if f.type == .list, case let .list(items) = v {
                    let elements: [Value] = items.isEmpty ? [.null] : items
                    keys = keys.flatMap { k in elements.map { k + [$0] } }
                } else {
                    keys = keys.map { $0 + [v] }
                }
            }
            for k in keys {
                if members[k] == nil { order.append(k) }
                members[k, default: []].append(c)
            }
        }
        return order.map { ($0, members[$0] ?? []) }
    }
}
