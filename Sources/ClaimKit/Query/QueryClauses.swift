/// The clauses of an analysis command, in any order, each at most once:
/// `[from NAME] [where EXPR] [sort FIELD [desc], ...] [limit N] [select FIELD, ...] [by FIELD, ...] [on FIELD, ...]`.
/// Words before the first clause are `leading` (`stats value ...`, `top class 5 ...`, `--explain`).
public struct QueryClauses: Sendable {
    public enum Clause: String, Sendable, CaseIterable {
        case from, `where`, sort, limit, select, by, on
    }

    /// A field name as typed, with its columns.
    public struct Name: Sendable, Equatable {
        public var text: String
        public var columns: Range<Int>
    }

    public var leading: [QueryToken] = []
    public var from: Name?
    public var filter: Expression?
    public var sort: [SortKey] = []
    public var limit: Int?
    public var select: [Name] = []
    public var by: [Name] = []
    public var on: [Name] = []

    public init() {}

    /// `leading`: how many words may come before the first clause (`stats FIELD`: 1).
    public static func parse(_ text: String, allowed: Set<Clause>, leading maxLeading: Int = 0) throws(QueryError) -> QueryClauses {
        let tokens = try QueryLexer.tokens(text)
        let stop = Set(allowed.map(\.rawValue))
        var p = QueryParser(tokens: tokens, stopWords: stop)
        var out = QueryClauses()
        var seen: Set<Clause> = []
        let expected = allowed.map(\.rawValue).sorted().joined(separator: ", ")
        // Leading words: anything before the first clause keyword.
        while p.peek.kind != .end, !(p.peek.kind == .word && stop.contains(p.peek.text.lowercased())) {
            let t = p.next()
            if out.leading.count >= maxLeading || t.kind == .op || t.kind == .leftParen || t.kind == .rightParen || t.kind == .comma {
                let suggestion = t.kind == .word ? Suggestion.closest(to: t.text, in: allowed.map(\.rawValue)) : nil
                throw QueryError("unexpected '\(t.text)' (expected \(suggestion.map { "'\($0)'" } ?? expected))", at: t.columns)
            }
            out.leading.append(t)
        }
        while p.peek.kind != .end {
            let kw = p.next()
            guard kw.kind == .word, let clause = Clause(rawValue: kw.text.lowercased()), allowed.contains(clause) else {
                let suggestion = Suggestion.closest(to: kw.text, in: allowed.map(\.rawValue))
                throw QueryError("unexpected '\(kw.text)' (expected \(suggestion.map { "'\($0)'" } ?? expected))", at: kw.columns)
            }
            guard !seen.contains(clause) else { throw QueryError("'\(clause.rawValue)' given twice", at: kw.columns) }
            seen.insert(clause)
            switch clause {
            case .from:
                let n = p.next()
                guard n.kind == .word || n.kind == .quoted else { throw p.unexpected(n, expecting: "a set name after 'from'") }
                out.from = Name(text: n.text, columns: n.columns)
            case .where:
                out.filter = try p.parseExpression(after: kw)
                let t = p.peek
                if t.kind != .end, !(t.kind == .word && stop.contains(t.text.lowercased())) {
                    if t.kind == .rightParen { throw QueryError("unexpected ')' (no '(' to close)", at: t.columns) }
                    throw p.unexpected(t, expecting: "'and', 'or'" + (stop.count > 1 ? " or a clause (\(expected))" : ""))
                }
            case .limit:
                let n = p.next()
                guard n.kind == .word, let v = Int(n.text), v >= 0 else {
                    throw p.unexpected(n, expecting: "a row count after 'limit'")
                }
                out.limit = v
            case .sort:
                for name in try names(&p, after: kw, allowDesc: true) {
                    out.sort.append(SortKey(field: name.0.text, descending: name.1, columns: name.0.columns))
                }
            case .select: out.select = try names(&p, after: kw, allowDesc: false).map(\.0)
            case .by: out.by = try names(&p, after: kw, allowDesc: false).map(\.0)
            case .on: out.on = try names(&p, after: kw, allowDesc: false).map(\.0)
            }
        }
        return out
    }

    /// `FIELD [desc|asc], FIELD ...`
    static func names(_ p: inout QueryParser, after kw: QueryToken, allowDesc: Bool) throws(QueryError) -> [(Name, Bool)] {
        var out: [(Name, Bool)] = []
        while true {
            let n = p.peek
            guard n.kind == .word, !p.isStop(n) else {
                throw p.unexpected(n, expecting: "a field name after '\(out.isEmpty ? kw.text : ",")'")
            }
            _ = p.next()
            var desc = false
            if allowDesc, p.peek.isKeyword("desc") || p.peek.isKeyword("asc") { desc = p.next().isKeyword("desc") }
            out.append((Name(text: n.text, columns: n.columns), desc))
            guard p.peek.kind == .comma else { break }
            _ = p.next()
        }
        return out
    }
}
