import ClaimKit

/// Frequency tables: most frequent first, ties by their keys (case- and umlaut-insensitive),
/// nulls last; the same order for `count`, `top`, `entities` and `sources`.
enum FrequencyOrder {
    static func sorted(_ rows: [[Value]], countColumn: Int) -> [[Value]] {
        rows.sorted { a, b in
            let ca = a[countColumn].doubleValue ?? 0, cb = b[countColumn].doubleValue ?? 0
            if ca != cb { return ca > cb }
            for i in 0..<countColumn {
                if a[i].isNull != b[i].isNull { return b[i].isNull }
                if let c = ValueOrdering.compare(a[i], b[i], as: .text), c != 0 { return c < 0 }
            }
            return false
        }
    }
}
