/// `where`, `count by` and `stats ... by` over the store's columns: each comparison is tested
/// once per distinct value of a coded field (a truth table by code) or on a numeric column,
/// so a filter over a million claims is a few loops over integer arrays. The comparisons are
/// compiled by `Evaluator`, so answers and errors are exactly those of testing every claim.
public struct ColumnarQuery: Sendable {
    public let store: ClaimStore

    public init(_ store: ClaimStore) {
        self.store = store
    }

    /// Row numbers (indices into `store.claims`) of the claims matching `expression`, in order.
    public func rows(matching expression: Expression) throws(QueryError) -> [Int32] {
        let schema = ClaimField.schema(for: store)
        // Compiled whole first: the same errors, in the same order, as the row-by-row path.
        _ = try Evaluator.compile(expression, schema)
        return try evaluate(expression, Array(0..<Int32(store.count)), schema)
    }

    private func evaluate(_ e: Expression, _ rows: [Int32], _ schema: QuerySchema<Claim>) throws(QueryError) -> [Int32] {
        switch e {
        case let .and(a, b):
            return try evaluate(b, evaluate(a, rows, schema), schema)
        case let .or(a, b):
            return Self.union(try evaluate(a, rows, schema), try evaluate(b, rows, schema))
        case let .not(a):
            return Self.difference(rows, try evaluate(a, rows, schema))
        case let .comparison(c):
            return try filter(rows, c, schema)
        }
    }

    private func filter(_ rows: [Int32], _ c: Expression.Comparison, _ schema: QuerySchema<Claim>) throws(QueryError) -> [Int32] {
        let test = try Evaluator.compile(c, schema)
        let name = schema.field(named: c.field)?.name ?? c.field.lowercased()
        let columns = store.columns
        var out: [Int32] = []
        if let column = columns.coded(name) {
            // One test per distinct value (and one for null), then a table lookup per row.
            var probe = ClaimColumns.probe()
            var truth = [Bool](repeating: false, count: column.strings.count + 1)
            ClaimColumns.set(name, nil, on: &probe)
            truth[0] = test(probe)
            for code in 0..<column.strings.count {
                ClaimColumns.set(name, column.strings.values[code], on: &probe)
                truth[code + 1] = test(probe)
            }
            column.codes.withUnsafeBufferPointer { codes in
                truth.withUnsafeBufferPointer { t in
                    for r in rows where t[Int(codes[Int(r)]) + 1] { out.append(r) }
                }
            }
            return out
        }
        if let numbers = columns.numbers(name) {
            var probe = ClaimColumns.probe()
            numbers.withUnsafeBufferPointer { x in
                for r in rows {
                    ClaimColumns.set(name, x[Int(r)], on: &probe)
                    if test(probe) { out.append(r) }
                }
            }
            return out
        }
        let claims = store.claims
        return rows.filter { test(claims[Int($0)]) }
    }

    /// Groups of rows by the values of `fields`, in first-seen order, when every field is
    /// coded; nil otherwise (list fields, free text). Keys are the fields' values as the
    /// row-by-row grouping gives them.
    public func groups(_ rows: [Int32], by fields: [ClaimField]) -> [(key: [Value], rows: [Int32])]? {
        let columns = store.columns
        var coded: [ClaimColumns.Coded] = []
        for f in fields {
            guard let c = columns.coded(f.name) else { return nil }
            coded.append(c)
        }
        // A row's group: its codes in mixed radix (each code + 1, for null).
        var radix: [Int] = []
        var size = 1
        for c in coded {
            radix.append(size)
            let (product, overflow) = size.multipliedReportingOverflow(by: c.strings.count + 1)
            guard !overflow, product < 1 << 40 else { return nil }
            size = product
        }
        var groupOf: [Int: Int] = [:]
        var dense = size <= 1 << 16 ? [Int32](repeating: -1, count: size) : []
        var members: [[Int32]] = []
        var first: [Int32] = []
        for r in rows {
            var key = 0
            for k in coded.indices { key += (Int(coded[k].codes[Int(r)]) + 1) * radix[k] }
            var g: Int
            if !dense.isEmpty {
                g = Int(dense[key])
                if g < 0 { g = members.count; dense[key] = Int32(g) }
            } else {
                g = groupOf[key] ?? members.count
                if g == members.count { groupOf[key] = g }
            }
            if g == members.count {
                members.append([])
                first.append(r)
            }
            members[g].append(r)
        }
        return members.indices.map { g in
            let c = store.claims[Int(first[g])]
            return (fields.map { $0.get(c) }, members[g])
        }
    }

    /// The numbers of a numeric field on `rows`, nulls left out; nil for other fields.
    public func numbers(_ field: ClaimField, _ rows: [Int32]) -> [Double]? {
        guard let column = store.columns.numbers(field.name) else { return nil }
        var out: [Double] = []
        out.reserveCapacity(rows.count)
        column.withUnsafeBufferPointer { x in
            for r in rows where !x[Int(r)].isNaN { out.append(x[Int(r)]) }
        }
        return out
    }

    /// The distinct values of a coded field, most frequent first (first seen on ties); nil for
    /// other fields.
    public func distinctValues(of field: String) -> [String]? {
        guard let column = store.columns.coded(field) else { return nil }
        var counts = [Int](repeating: 0, count: column.strings.count)
        for code in column.codes where code >= 0 { counts[Int(code)] += 1 }
        // Codes are given in first-seen order, so code order breaks ties like first-seen order.
        // Every loaded document is a value of `doc`, also one without claims (count 0).
        let all = field == "doc"
        return counts.indices.filter { all || counts[$0] > 0 }.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
            .map { column.strings.values[$0] }
    }

    static func union(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) { out.append(a[i]); i += 1 }
            else if i == a.count || b[j] < a[i] { out.append(b[j]); j += 1 }
            else { out.append(a[i]); i += 1; j += 1 }
        }
        return out
    }

    static func difference(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(a.count)
        var j = 0
        for x in a {
            while j < b.count, b[j] < x { j += 1 }
            if j < b.count, b[j] == x { continue }
            out.append(x)
        }
        return out
    }
}
