extension ClaimStore {
    /// The distinct values of a field, most frequent first (for completion and "did you mean").
    /// List fields give their elements; nulls are left out.
    public func distinctValues(of fieldName: String) -> [String] {
        guard let field = ClaimField.named(fieldName) else { return [] }
        if let coded = ColumnarQuery(self).distinctValues(of: field.name) { return coded }
        var counts: [String: Int] = [:]
        var order: [String] = []
        func add(_ v: Value) {
            switch v {
            case .null: return
            case let .list(items) where field.type == .list: items.forEach(add)
            default:
                let s = v.plainText
                if counts[s] == nil { order.append(s) }
                counts[s, default: 0] += 1
            }
        }
        for c in claims { add(field.get(c)) }
        return order.enumerated().sorted { (a, b) in
            let ca = counts[a.element, default: 0], cb = counts[b.element, default: 0]
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map(\.element)
    }

    /// The claims matching `expression`, in store order.
    public func filtered(by expression: Expression?) throws(QueryError) -> [Claim] {
        guard let expression else { return Array(claims) }
        let p = try Evaluator.compile(expression, ClaimField.schema(for: self))
        return claims.filter(p)
    }
}
