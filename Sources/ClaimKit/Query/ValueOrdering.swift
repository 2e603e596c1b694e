/// The order of values for `sort`: numbers numerically, times by interval, text folded;
/// nulls last in either direction.
public enum ValueOrdering {
    /// -1, 0, 1; nil when either is null.
    public static func compare(_ a: Value, _ b: Value, as type: FieldType) -> Int? {
        if a.isNull || b.isNull { return nil }
        if type == .time, let x = a.stringValue.flatMap(TimeRange.parse), let y = b.stringValue.flatMap(TimeRange.parse) {
            return x < y ? -1 : (y < x ? 1 : 0)
        }
        if let x = a.doubleValue, let y = b.doubleValue { return x < y ? -1 : (x > y ? 1 : 0) }
        if case let .list(xs) = a, case let .list(ys) = b {
            for (x, y) in zip(xs, ys) { if let c = compare(x, y, as: .text), c != 0 { return c } }
            return xs.count < ys.count ? -1 : (xs.count > ys.count ? 1 : 0)
        }
        let x = TextFolding.fold(a.plainText), y = TextFolding.fold(b.plainText)
        return x < y ? -1 : (x > y ? 1 : 0)
    }

    public static func stableSorted<Row>(_ rows: [Row], by keys: [((Row) -> Value, FieldType, Bool)]) -> [Row] {
        guard !keys.isEmpty else { return rows }
        let keyed = rows.enumerated().map { (i, r) in (i, r, keys.map { $0.0(r) }) }
        return keyed.sorted { a, b in
            for (k, key) in keys.enumerated() {
                let x = a.2[k], y = b.2[k]
                if x.isNull != y.isNull { return y.isNull }
                guard let c = compare(x, y, as: key.1), c != 0 else { continue }
                return key.2 ? c > 0 : c < 0
            }
            return a.0 < b.0
        }.map(\.1)
    }
}
