/// Compiles an `Expression` once into a closure over rows; literals are parsed, folded and
/// checked at compile time so that a row costs only field reads and comparisons.
///
/// Semantics: text compares case- and umlaut-insensitively; a null field satisfies only
/// `is null` (as in SQL, `source != NIS` leaves out claims without a source); a list field
/// satisfies a comparison when one of its elements does (`!=`, `!~`, `not in`: when none does).
/// Time values are intervals A, literals intervals L:
/// `=` A within L · `!=` not within · `~` overlaps · `!~` does not overlap ·
/// `>=` A starts at or after L's start · `>` A starts after L ends · `<=` A ends by L's end ·
/// `<` A ends before L starts · `between L1 and L2` within L1's start..L2's end · `in` within one.
public enum Evaluator {
    public typealias Predicate<Row> = (Row) -> Bool

    public static func compile<Row>(_ e: Expression, _ schema: QuerySchema<Row>) throws(QueryError) -> Predicate<Row> {
        switch e {
        case let .and(a, b):
            let l = try compile(a, schema), r = try compile(b, schema)
            return { l($0) && r($0) }
        case let .or(a, b):
            let l = try compile(a, schema), r = try compile(b, schema)
            return { l($0) || r($0) }
        case let .not(a):
            let p = try compile(a, schema)
            return { !p($0) }
        case let .comparison(c):
            return try compile(c, schema)
        }
    }

    static func compile<Row>(_ c: Expression.Comparison, _ schema: QuerySchema<Row>) throws(QueryError) -> Predicate<Row> {
        let field = try schema.require(c.field, at: c.fieldColumns)
        let get = field.get
        switch c.op {
        case .isNull: return { isEmpty(get($0)) }
        case .isNotNull: return { !isEmpty(get($0)) }
        default: break
        }
        switch field.type {
        case .number, .int: return try numeric(c, field, schema)
        case .time: return try time(c, field)
        case .bool: return try boolean(c, field)
        case .span:
            throw QueryError("field '\(field.name)' can only be tested with 'is null' / 'is not null'", at: c.opColumns)
        case .text, .list: return try text(c, field, rowName: schema.rowName)
        }
    }

    static func isEmpty(_ v: Value) -> Bool {
        switch v {
        case .null: return true
        case let .list(items): return items.isEmpty
        case let .string(s): return s.isEmpty
        default: return false
        }
    }

    // MARK: numbers

    static func number(_ l: Expression.Literal, _ field: String) throws(QueryError) -> Double {
        if let v = NumberLiteral.parse(l.text) { return v }
        throw QueryError("'\(l.text)' is not a number (field '\(field)' is numeric; write 10000, 10.000, 10k, 8 Mio or 1,5)", at: l.columns)
    }

    static func numeric<Row>(_ c: Expression.Comparison, _ field: QuerySchema<Row>.Field, _ schema: QuerySchema<Row>) throws(QueryError) -> Predicate<Row> {
        let get = field.get
        func test(_ f: @escaping (Double) -> Bool) -> Predicate<Row> {
            return { row in
                switch get(row) {
                case let .int(i): return f(Double(i))
                case let .number(d): return f(d)
                case let .list(items): return items.contains { $0.doubleValue.map(f) ?? false }
                default: return false
                }
            }
        }
        switch (c.op, c.operand) {
        case let (.isIn, .list(items)), let (.notIn, .list(items)):
            var set: Set<Double> = []
            for l in items { set.insert(try number(l, field.name)) }
            return c.op == .isIn ? test { set.contains($0) } : test { !set.contains($0) }
        case let (.between, .range(a, b)):
            let lo = try number(a, field.name), hi = try number(b, field.name)
            return test { $0 >= lo && $0 <= hi }
        case let (op, .literal(l)) where !l.quoted && NumberLiteral.parse(l.text) == nil:
            // `high > value`: an unquoted field name compares two fields of the same row.
            guard let other = schema.field(named: l.text), other.type.isNumeric else { _ = try number(l, field.name); break }
            let getOther = other.get
            let compare: (Double, Double) -> Bool
            switch op {
            case .equal: compare = { $0 == $1 }
            case .notEqual: compare = { $0 != $1 }
            case .less: compare = { $0 < $1 }
            case .lessOrEqual: compare = { $0 <= $1 }
            case .greater: compare = { $0 > $1 }
            case .greaterOrEqual: compare = { $0 >= $1 }
            default: throw QueryError("'\(op.rawValue)' does not apply to the numeric field '\(field.name)' (use =, !=, <, <=, >, >=, in, between)", at: c.opColumns)
            }
            return { row in
                guard let a = get(row).doubleValue, let b = getOther(row).doubleValue else { return false }
                return compare(a, b)
            }
        case let (op, .literal(l)):
            let v = try number(l, field.name)
            switch op {
            case .equal: return test { $0 == v }
            case .notEqual: return test { $0 != v }
            case .less: return test { $0 < v }
            case .lessOrEqual: return test { $0 <= v }
            case .greater: return test { $0 > v }
            case .greaterOrEqual: return test { $0 >= v }
            default: break
            }
        default: break
        }
        throw QueryError("'\(c.op.rawValue)' does not apply to the numeric field '\(field.name)' (use =, !=, <, <=, >, >=, in, between)", at: c.opColumns)
    }

    // MARK: time

    static func timeRange(_ l: Expression.Literal) throws(QueryError) -> TimeRange {
        if let t = TimeRange.parse(l.text) { return t }
        throw QueryError("'\(l.text)' is not a date (write 2025, 2024-06, 2024-06-19, 2024-W23 or 2025-07/2025-08)", at: l.columns)
    }

    static func time<Row>(_ c: Expression.Comparison, _ field: QuerySchema<Row>.Field) throws(QueryError) -> Predicate<Row> {
        let get = field.get
        func test(_ f: @escaping (TimeRange) -> Bool) -> Predicate<Row> {
            return { row in
                guard case let .string(s) = get(row), let t = TimeRange.parse(s) else { return false }
                return f(t)
            }
        }
        switch (c.op, c.operand) {
        case let (.isIn, .list(items)), let (.notIn, .list(items)):
            var ranges: [TimeRange] = []
            for l in items { ranges.append(try timeRange(l)) }
            let r = ranges
            return c.op == .isIn ? test { t in r.contains { t.within($0) } } : test { t in !r.contains { t.within($0) } }
        case let (.between, .range(a, b)):
            let lo = try timeRange(a), hi = try timeRange(b)
            let whole = TimeRange(start: lo.start, end: max(lo.end, hi.end))
            return test { $0.within(whole) }
        case let (op, .literal(l)):
            let v = try timeRange(l)
            switch op {
            case .equal: return test { $0.within(v) }
            case .notEqual: return test { !$0.within(v) }
            case .contains: return test { $0.overlaps(v) }
            case .notContains: return test { !$0.overlaps(v) }
            case .less: return test { $0.end <= v.start }
            case .lessOrEqual: return test { $0.end <= v.end }
            case .greater: return test { $0.start >= v.end }
            case .greaterOrEqual: return test { $0.start >= v.start }
            default: break
            }
        case let (op, .regex(l)) where op == .contains || op == .notContains:
            return try text(c, QuerySchema<Row>.Field(name: field.name, type: .text, get: get), regex: l)
        default: break
        }
        throw QueryError("'\(c.op.rawValue)' does not apply to the time field '\(field.name)'", at: c.opColumns)
    }

    // MARK: booleans

    static func boolean<Row>(_ c: Expression.Comparison, _ field: QuerySchema<Row>.Field) throws(QueryError) -> Predicate<Row> {
        guard case let .literal(l) = c.operand, c.op == .equal || c.op == .notEqual else {
            throw QueryError("'\(c.op.rawValue)' does not apply to the true/false field '\(field.name)' (use = or !=)", at: c.opColumns)
        }
        let want: Bool
        switch l.text.lowercased() {
        case "true", "yes", "ja", "1": want = true
        case "false", "no", "nein", "0": want = false
        default: throw QueryError("'\(l.text)' is not true or false", at: l.columns)
        }
        let get = field.get
        let eq = c.op == .equal
        return { row in
            guard case let .bool(b) = get(row) else { return false }
            return (b == want) == eq
        }
    }

    // MARK: text

    /// The literal as the data spells it: a unique prefix of a known value, or an error
    /// suggesting the closest known value when there is one and the literal matches nothing.
    static func canonical<Row>(_ l: Expression.Literal, _ field: QuerySchema<Row>.Field, schemaRows: String) throws(QueryError) -> String {
        guard let known = field.knownValues?(), !known.isEmpty else { return l.text }
        let folded = TextFolding.fold(l.text)
        if known.contains(where: { TextFolding.fold($0) == folded }) { return l.text }
        if field.acceptsPrefix {
            let matches = known.filter { TextFolding.fold($0).hasPrefix(folded) }.sorted()
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 {
                throw QueryError("'\(l.text)' names several: " + matches.prefix(5).joined(separator: ", "), at: l.columns)
            }
        }
        if let s = Suggestion.closest(to: folded, in: known) {
            throw QueryError("no \(schemaRows) with \(field.name) '\(l.text)' (did you mean '\(s)'?)", at: l.columns)
        }
        return l.text
    }

    static func text<Row>(_ c: Expression.Comparison, _ field: QuerySchema<Row>.Field, regex: Expression.Literal? = nil,
                          rowName: String = "rows") throws(QueryError) -> Predicate<Row> {
        let get = field.get
        /// Folded text of each element (one for a text field, several for a list).
        func test(any f: @escaping (String) -> Bool, negate: Bool = false) -> Predicate<Row> {
            return { row in
                let hit: Bool
                switch get(row) {
                case .null: return false
                case let .list(items):
                    if items.isEmpty { return false }
                    hit = items.contains { f(TextFolding.fold($0.plainText)) }
                case let v: hit = f(TextFolding.fold(v.plainText))
                }
                return negate ? !hit : hit
            }
        }
        if case let .regex(l) = c.operand {
            let regex: Regex<AnyRegexOutput>
            do { regex = try Regex(l.text).ignoresCase() } catch {
                throw QueryError("invalid regular expression /\(l.text)/: \(error)", at: l.columns)
            }
            let negate = c.op == .notContains
            return { row in
                let hit: Bool
                switch get(row) {
                case .null: return false
                case let .list(items): hit = items.contains { $0.plainText.contains(regex) }
                case let v: hit = v.plainText.contains(regex)
                }
                return negate ? !hit : hit
            }
        }
        switch (c.op, c.operand) {
        case let (.isIn, .list(items)), let (.notIn, .list(items)):
            var set: Set<String> = []
            for l in items { set.insert(TextFolding.fold(try canonical(l, field, schemaRows: rowName))) }
            return test(any: { set.contains($0) }, negate: c.op == .notIn)
        case let (.between, .range(a, b)):
            let lo = TextFolding.fold(a.text), hi = TextFolding.fold(b.text)
            return test(any: { $0 >= lo && $0 <= hi })
        case let (op, .literal(l)):
            switch op {
            case .equal, .notEqual:
                let v = TextFolding.fold(try canonical(l, field, schemaRows: rowName))
                return test(any: { $0 == v }, negate: op == .notEqual)
            case .contains, .notContains:
                let v = TextFolding.fold(l.text)
                return test(any: { $0.contains(v) }, negate: op == .notContains)
            case .less, .lessOrEqual, .greater, .greaterOrEqual:
                let v = TextFolding.fold(l.text)
                switch op {
                case .less: return test(any: { $0 < v })
                case .lessOrEqual: return test(any: { $0 <= v })
                case .greater: return test(any: { $0 > v })
                default: return test(any: { $0 >= v })
                }
            default: break
            }
        default: break
        }
        throw QueryError("'\(c.op.rawValue)' does not apply to the field '\(field.name)'", at: c.opColumns)
    }
}
