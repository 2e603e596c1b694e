/// Claims as a result table with chosen fields as columns.
public enum ClaimTable {
    /// Readable defaults for terminals and tsv (no `doc`: the id starts with it); json and jsonl
    /// get every field.
    public static let defaultFields = ["id", "kind", "value", "approx", "object", "class", "aspect", "time",
                                       "source", "modality", "phrase"]

    public static func table(_ claims: [Claim], fields names: [String]) -> ResultTable {
        let fields = names.compactMap(ClaimField.named)
        let rows = claims.map { c in fields.map { $0.get(c) } }
        var t = ResultTable(columns: fields.map { f in
            ResultTable.Column(f.name, f.type.isNumeric ? .number : .text, longText: f.name == "text" || f.name == "phrase")
        }, rows: rows)
        t.rows = rows
        return t
    }

    /// Claims sorted by `sort` keys (stable; nulls last).
    public static func sorted(_ claims: [Claim], by keys: [SortKey]) throws(QueryError) -> [Claim] {
        var getters: [((Claim) -> Value, FieldType, Bool)] = []
        for k in keys {
            let f = try ClaimField.require(k.field, at: k.columns)
            getters.append((f.get, f.type, k.descending))
        }
        return ValueOrdering.stableSorted(claims, by: getters)
    }
}
