import ClaimKit
import ClaimTestSupport
import Testing

@Suite struct ParserTests {
    func p(_ s: String) throws -> Expression { try QueryParser.parse(s) }

    func cmp(_ e: Expression) -> Expression.Comparison? {
        if case let .comparison(c) = e { return c }
        return nil
    }

    @Test func everyComparisonOperator() throws {
        let cases: [(String, ComparisonOperator)] = [
            ("value = 1", .equal), ("value != 1", .notEqual), ("value < 1", .less), ("value <= 1", .lessOrEqual),
            ("value > 1", .greater), ("value >= 1", .greaterOrEqual), ("text ~ x", .contains), ("text !~ x", .notContains),
            ("class in (a, b)", .isIn), ("class not in (a)", .notIn), ("value between 1 and 2", .between),
            ("source is null", .isNull), ("source is not null", .isNotNull),
        ]
        for (input, op) in cases {
            let e = try p(input)
            #expect(cmp(e)?.op == op, "\(input)")
        }
        #expect(cmp(try p("class in (a, b, 'c d')"))?.operand == .list([
            .init("a", 10..<11), .init("b", 13..<14), .init("c d", 16..<21, quoted: true)]))
        #expect(cmp(try p("value between 10k and 8 Mio"))?.operand == .range(.init("10k", 14..<17), .init("8 Mio", 22..<27)))
        #expect(cmp(try p("text ~ /a|b/"))?.operand == .regex(.init("a|b", 7..<12, quoted: true)))
        guard case let .not(inner) = try p("value not between 1 and 2") else { Issue.record("not between"); return }
        #expect(cmp(inner)?.op == .between)
        #expect(cmp(try p("value not in (1)"))?.op == .notIn)
    }

    @Test func precedenceNotOverAndOverOr() throws {
        let a = try p("a = 1"), b = try p("b = 2"), c = try p("c = 3")
        func shift(_ e: Expression, _ n: Int) -> Expression {
            guard case var .comparison(x) = e else { return e }
            x.fieldColumns = (x.fieldColumns.lowerBound + n)..<(x.fieldColumns.upperBound + n)
            x.opColumns = (x.opColumns.lowerBound + n)..<(x.opColumns.upperBound + n)
            if case let .literal(l) = x.operand {
                x.operand = .literal(.init(l.text, (l.columns.lowerBound + n)..<(l.columns.upperBound + n), quoted: l.quoted))
            }
            return .comparison(x)
        }
        // a or b and c  ==  a or (b and c)
        #expect(try p("a = 1 or b = 2 and c = 3") == .or(a, .and(shift(b, 9), shift(c, 19))))
        // not a and b  ==  (not a) and b
        #expect(try p("not a = 1 and b = 2") == .and(.not(shift(a, 4)), shift(b, 14)))
        // parentheses override
        #expect(try p("(a = 1 or b = 2) and c = 3") == .and(.or(shift(a, 1), shift(b, 10)), shift(c, 21)))
        // keywords are case-insensitive
        #expect(try p("a = 1 OR b = 2 AND NOT c = 3") == .or(a, .and(shift(b, 9), .not(shift(c, 23)))))
    }

    /// Every malformed input gives a message and the columns a caret goes under; none crashes.
    @Test func malformedInputsPointAtTheSpot() throws {
        let store = KurskClaims.store
        func failure(_ s: String) -> QueryError? {
            do {
                let clauses = try QueryClauses.parse(s, allowed: [.from, .where, .sort, .limit, .select], leading: 0)
                if let f = clauses.filter { _ = try Evaluator.compile(f, ClaimField.schema(for: store)) }
                _ = try ClaimTable.sorted(Array(store.claims), by: clauses.sort)
                for n in clauses.select { _ = try ClaimField.require(n.text, at: n.columns) }
                return nil
            } catch {
                return error
            }
        }
        let cases: [(String, String, Range<Int>)] = [
            ("where", "expected an expression after 'where'", 0..<5),
            ("where vaule > 1000", "unknown field 'vaule' (did you mean 'value'?)", 6..<11),
            ("where value >", "expected a value after '>', got end of input", 13..<14),
            ("where value 1000", "expected an operator after 'value' (=, !=, <, <=, >, >=, ~, !~, in, between, is null), got '1000'", 12..<16),
            ("where (value > 1", "missing ')' to close '('", 6..<7),
            ("where value > 1)", "unexpected ')' (no '(' to close)", 15..<16),
            ("where value > abc", "'abc' is not a number (field 'value' is numeric; write 10000, 10.000, 10k, 8 Mio or 1,5)", 14..<17),
            ("where time >= Juni", "'Juni' is not a date (write 2025, 2024-06, 2024-06-19, 2024-W23 or 2025-07/2025-08)", 14..<18),
            ("where class in soldiers", "expected '(' after 'in', got 'soldiers'", 15..<23),
            ("where class in ()", "expected a value after '(', got ')'", 16..<17),
            ("where class in (soldiers", "missing ')' to close the list", 15..<16),
            ("where value between 1", "expected 'and' in 'between A and B', got end of input", 21..<22),
            ("where value between 1 and", "expected a value after 'and', got end of input", 25..<26),
            ("where source is 5", "expected 'null' or 'not null' after 'is', got '5'", 16..<17),
            ("where and value > 1", "expected a field name, got 'and'", 6..<9),
            ("where value > 1 and", "expected a field name, got end of input", 19..<20),
            ("where value > 1 class = soldiers", "expected 'and', 'or' or a clause (from, limit, select, sort, where), got 'class'", 16..<21),
            ("where text ~ /[/", "invalid regular expression /[/", 13..<16),
            ("where value ~ /1/", "'~' does not apply to the numeric field 'value' (use =, !=, <, <=, >, >=, in, between)", 12..<13),
            ("where value > /1/", "a /regular expression/ goes with '~' or '!~', not '>'", 14..<17),
            ("where class = 'soldiers", "unterminated quote", 14..<23),
            ("where text ~ /abc", "unterminated regular expression (missing closing '/')", 13..<17),
            ("where value ! 5", "'!' must be followed by '=' or '~'", 12..<13),
            ("where class = soldires", "no claim with class 'soldires' (did you mean 'soldiers'?)", 14..<22),
            ("where kind = quantiy", "no claim with kind 'quantiy' (did you mean 'quantity'?)", 13..<20),
            ("where not", "expected a field name, got end of input", 9..<10),
            ("limit many", "expected a row count after 'limit', got 'many'", 6..<10),
            ("sort vaule desc", "unknown field 'vaule' (did you mean 'value'?)", 5..<10),
            ("select", "expected a field name after 'select', got end of input", 6..<7),
            ("select id,", "expected a field name after ',', got end of input", 10..<11),
            ("wher value > 1", "unexpected 'wher' (expected 'where')", 0..<4),
            ("where value > 1 limit 2 limit 3", "'limit' given twice", 24..<29),
            ("where doc = 0", "'0' names several: 000_dbee2a27689250e2, 001_0d1eacb0812e2af7, 002_2cc7b7632708e469, 003_b3ede1b15ff85e9a, 004_37545d6c4a403162", 12..<13),
            ("where span > 3", "field 'span' can only be tested with 'is null' / 'is not null'", 11..<12),
        ]
        #expect(cases.count >= 20)
        for (input, message, columns) in cases {
            let e = failure(input)
            #expect(e?.message.hasPrefix(message) == true, "\(input): \(e?.message ?? "no error")")
            #expect(e?.columns == columns, "\(input): columns \(String(describing: e?.columns))")
        }
    }

    @Test func numbersAsUsersTypeThem() {
        #expect(NumberLiteral.parse("10000") == 10000)
        #expect(NumberLiteral.parse("10.000") == 10000)
        #expect(NumberLiteral.parse("12'000") == 12000)
        #expect(NumberLiteral.parse("1,5") == 1.5)
        #expect(NumberLiteral.parse("1.234.567,5") == 1234567.5)
        #expect(NumberLiteral.parse("10k") == 10000)
        #expect(NumberLiteral.parse("8 Mio") == 8_000_000)
        #expect(NumberLiteral.parse("2,5 Milliarden") == 2_500_000_000)
        #expect(NumberLiteral.parse("8 Mio.") == 8_000_000)
        #expect(NumberLiteral.parse("-3") == -3)
        #expect(NumberLiteral.parse("3.5") == 3.5)
        #expect(NumberLiteral.parse("soldiers") == nil)
        #expect(NumberLiteral.parse("1,2,3") == nil)
    }

    /// Every prefix of a long query, and odd inputs, either parse or give a QueryError whose
    /// columns lie inside the text (plus one for "end of input"): nothing traps.
    @Test func noInputCrashes() {
        let store = KurskClaims.store
        let full = "where (value >= 8 Mio or text ~ /Pjöngjang|Kursk/) and not class in ('soldiers', workers) and time between 2024-06 and 2025 sort value desc limit 3 select id, phrase"
        var inputs = (0...full.count).map { String(full.prefix($0)) }
        inputs += ["((((", ")", "'", "\"", "/", "!", "= = =", "where value in (,)", "where value between and and", "where ~",
                   "where value > 1,", "where value < 'x", "where text ~ //", "where is null", "where (", "where not not not",
                   "where class in ((soldiers))", "sort", "sort ,", "limit -1", "where value >= 1e999", "where time = 2024-13",
                   "where time = 2024-02-30", "where value = 1.2.3", "where entities !~ ''", "where id ~ /(/"]
        for input in inputs {
            do {
                let c = try QueryClauses.parse(input, allowed: [.where, .sort, .limit, .select])
                if let f = c.filter { _ = try store.filtered(by: f) }
            } catch {
                #expect(error.columns.lowerBound >= 0 && error.columns.upperBound <= input.count + 1, "\(input): \(error.columns)")
                #expect(!error.message.isEmpty)
            }
        }
    }
}
