extension ResultTable {
    /// A `where` schema over this table's rows, one field per column. A column's type comes
    /// from its values: numbers, true/false, lists; `time`/`date` columns compare as intervals.
    public var schema: QuerySchema<[Value]> {
        let fields = columns.enumerated().map { (i, column) -> QuerySchema<[Value]>.Field in
            let values = rows.lazy.map { $0.indices.contains(i) ? $0[i] : .null }.filter { !$0.isNull }
            var type: FieldType = .text
            if column.name == "time" || column.name == "date" {
                type = .time
            } else if column.name == "span" {
                type = .span
            } else if let first = values.first {
                switch first {
                case .bool: type = .bool
                case .list: type = .list
                case .int, .number: type = column.kind == .number || values.allSatisfy({ $0.doubleValue != nil }) ? .number : .text
                default: type = .text
                }
            }
            let known: (() -> [String])? = type == .text && !column.isLongText
                ? { Array(Set(self.rows.compactMap { $0.indices.contains(i) ? $0[i].stringValue : nil })).sorted() } : nil
            return QuerySchema<[Value]>.Field(name: column.name.lowercased(), type: type, knownValues: known,
                                              acceptsPrefix: column.name == "id" || column.name == "doc") { row in
                row.indices.contains(i) ? row[i] : .null
            }
        }
        return QuerySchema(fields: fields, rowName: "row")
    }

    /// The rows for which `expression` holds (`docs where date >= 2025`, `mentions numbers where value > 100`).
    public func filtered(by expression: Expression) throws(QueryError) -> ResultTable {
        let p = try Evaluator.compile(expression, schema)
        var out = self
        out.rows = rows.filter(p)
        return out
    }

    /// Rows sorted by the given columns (stable; nulls last).
    public func sorted(by keys: [SortKey]) throws(QueryError) -> ResultTable {
        let s = schema
        var getters: [((([Value]) -> Value), FieldType, Bool)] = []
        for k in keys {
            let f = try s.require(k.field, at: k.columns)
            getters.append((f.get, f.type, k.descending))
        }
        var out = self
        out.rows = ValueOrdering.stableSorted(rows, by: getters)
        return out
    }
}
