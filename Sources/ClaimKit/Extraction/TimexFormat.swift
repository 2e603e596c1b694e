/// TIMEX3-style value strings: ISO 8601 truncated to what is known, `X` for unknown digits.
enum TimexFormat {
    static func year(_ y: Int?) -> String {
        guard let y else { return "XXXX" }
        let s = String(y)
        return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
    }

    static func two(_ n: Int?) -> String {
        guard let n else { return "XX" }
        return n < 10 ? "0\(n)" : "\(n)"
    }

    static func month(_ y: Int?, _ m: Int) -> String { "\(year(y))-\(two(m))" }
    static func day(_ y: Int?, _ m: Int, _ d: Int) -> String { "\(year(y))-\(two(m))-\(two(d))" }
    static func week(_ y: Int?, _ w: Int?) -> String { "\(year(y))-W\(two(w))" }

    /// "2025-07/2025-08"; a single month when both ends are equal.
    static func interval(_ a: String, _ b: String) -> String { a == b ? a : "\(a)/\(b)" }

    /// "P3M", "P1.5Y".
    static func duration(_ n: Double, _ unit: String) -> String {
        let amount = n == n.rounded() ? String(Int(n)) : String(n)
        return "P\(amount)\(unit)"
    }
}
