/// Recursive-descent parser for `where` expressions (precedence: not > and > or) and the
/// clauses around them. Every error carries the columns of the offending token.
public struct QueryParser {
    var tokens: [QueryToken]
    var position = 0
    /// Words that end an expression: the clause keywords of the command being parsed.
    var stopWords: Set<String>

    public init(tokens: [QueryToken], stopWords: Set<String> = []) {
        self.tokens = tokens
        self.stopWords = stopWords
    }

    /// Parses a complete expression: `value > 1000 and class = soldiers`.
    public static func parse(_ text: String) throws(QueryError) -> Expression {
        var p = QueryParser(tokens: try QueryLexer.tokens(text))
        let e = try p.parseExpression(after: nil)
        let t = p.peek
        if t.kind != .end { throw p.unexpected(t, expecting: "'and' or 'or'") }
        return e
    }

    var peek: QueryToken { tokens[min(position, tokens.count - 1)] }

    mutating func next() -> QueryToken {
        let t = peek
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    func isStop(_ t: QueryToken) -> Bool {
        t.kind == .end || t.kind == .rightParen || (t.kind == .word && stopWords.contains(t.text.lowercased()))
    }

    func describe(_ t: QueryToken) -> String {
        switch t.kind {
        case .end: return "end of input"
        case .quoted: return "'\(t.text)'"
        case .regex: return "/\(t.text)/"
        default: return "'\(t.text)'"
        }
    }

    func unexpected(_ t: QueryToken, expecting: String) -> QueryError {
        QueryError("expected \(expecting), got \(describe(t))", at: t.kind == .end ? t.columns.lowerBound..<t.columns.lowerBound + 1 : t.columns)
    }

    /// `after` names what came before, for the message when the expression is missing.
    public mutating func parseExpression(after keyword: QueryToken?) throws(QueryError) -> Expression {
        if let keyword, isStop(peek), peek.kind != .rightParen {
            throw QueryError("expected an expression after '\(keyword.text)'", at: peek.kind == .end ? keyword.columns : peek.columns)
        }
        return try parseOr()
    }

    mutating func parseOr() throws(QueryError) -> Expression {
        var e = try parseAnd()
        while peek.isKeyword("or") {
            _ = next()
            e = .or(e, try parseAnd())
        }
        return e
    }

    mutating func parseAnd() throws(QueryError) -> Expression {
        var e = try parseUnary()
        while peek.isKeyword("and") {
            _ = next()
            e = .and(e, try parseUnary())
        }
        return e
    }

    mutating func parseUnary() throws(QueryError) -> Expression {
        let t = peek
        if t.isKeyword("not") {
            _ = next()
            return .not(try parseUnary())
        }
        if t.kind == .leftParen {
            _ = next()
            let e = try parseOr()
            let close = peek
            guard close.kind == .rightParen else {
                if close.kind == .end { throw QueryError("missing ')' to close '('", at: t.columns) }
                throw unexpected(close, expecting: "')', 'and' or 'or'")
            }
            _ = next()
            return e
        }
        return try parseComparison()
    }

    static let reservedWords: Set<String> = ["and", "or", "not", "in", "between", "is", "null"]

    mutating func parseComparison() throws(QueryError) -> Expression {
        let f = peek
        guard f.kind == .word, !QueryParser.reservedWords.contains(f.text.lowercased()), !isStop(f) else {
            throw unexpected(f, expecting: "a field name")
        }
        _ = next()
        let o = peek
        var op: ComparisonOperator
        var opColumns = o.columns
        var operand: Expression.Operand
        switch o.kind {
        case .op:
            _ = next()
            guard let parsed = ComparisonOperator(rawValue: o.text) else { throw unexpected(o, expecting: "an operator") }
            op = parsed
            let v = peek
            if v.kind == .regex {
                guard op == .contains || op == .notContains else {
                    throw QueryError("a /regular expression/ goes with '~' or '!~', not '\(o.text)'", at: v.columns)
                }
                _ = next()
                operand = .regex(Expression.Literal(v.text, v.columns, quoted: true))
            } else {
                operand = .literal(try parseLiteral(after: o))
            }
        case .word where o.isKeyword("is"):
            _ = next()
            var negated = false
            if peek.isKeyword("not") { _ = next(); negated = true }
            let n = peek
            guard n.isKeyword("null") else { throw unexpected(n, expecting: negated ? "'null' after 'is not'" : "'null' or 'not null' after 'is'") }
            _ = next()
            op = negated ? .isNotNull : .isNull
            opColumns = o.columns.lowerBound..<n.columns.upperBound
            operand = .none
        case .word where o.isKeyword("in") || o.isKeyword("between") || o.isKeyword("not"):
            _ = next()
            var negated = false
            var keyword = o
            if o.isKeyword("not") {
                negated = true
                keyword = peek
                guard keyword.isKeyword("in") || keyword.isKeyword("between") else {
                    throw unexpected(keyword, expecting: "'in' or 'between' after 'not'")
                }
                _ = next()
            }
            opColumns = o.columns.lowerBound..<keyword.columns.upperBound
            if keyword.isKeyword("in") {
                op = negated ? .notIn : .isIn
                let open = peek
                guard open.kind == .leftParen else { throw unexpected(open, expecting: "'(' after 'in'") }
                _ = next()
                var items: [Expression.Literal] = []
                while true {
                    items.append(try parseLiteral(after: items.isEmpty ? open : tokens[position - 1]))
                    let sep = peek
                    if sep.kind == .comma { _ = next(); continue }
                    if sep.kind == .rightParen { _ = next(); break }
                    if sep.kind == .end { throw QueryError("missing ')' to close the list", at: open.columns) }
                    throw unexpected(sep, expecting: "',' or ')'")
                }
                operand = .list(items)
            } else {
                let low = try parseLiteral(after: keyword)
                let and = peek
                guard and.isKeyword("and") else { throw unexpected(and, expecting: "'and' in 'between A and B'") }
                _ = next()
                let high = try parseLiteral(after: and)
                operand = .range(low, high)
                op = .between
                if negated { return .not(.comparison(Expression.Comparison(field: f.text, fieldColumns: f.columns, op: op, opColumns: opColumns, operand: operand))) }
            }
        default:
            throw unexpected(o, expecting: "an operator after '\(f.text)' (=, !=, <, <=, >, >=, ~, !~, in, between, is null)")
        }
        return .comparison(Expression.Comparison(field: f.text, fieldColumns: f.columns, op: op, opColumns: opColumns, operand: operand))
    }

    /// A value: a quoted string, or a word, with a following scale word joined to a number
    /// (`8 Mio`, `2,5 Milliarden`).
    mutating func parseLiteral(after previous: QueryToken) throws(QueryError) -> Expression.Literal {
        let v = peek
        switch v.kind {
        case .quoted:
            _ = next()
            return Expression.Literal(v.text, v.columns, quoted: true)
        case .word where !(v.isKeyword("and") || v.isKeyword("or")):
            _ = next()
            var lit = Expression.Literal(v.text, v.columns)
            let s = peek
            if s.kind == .word, NumberLiteral.parse(v.text) != nil, NumberLiteral.scale(of: s.text) != nil {
                _ = next()
                lit = Expression.Literal(v.text + " " + s.text, v.columns.lowerBound..<s.columns.upperBound)
            }
            return lit
        case .regex:
            throw QueryError("a /regular expression/ goes with '~' or '!~'", at: v.columns)
        default:
            throw unexpected(v, expecting: "a value after '\(previous.text)'")
        }
    }
}
