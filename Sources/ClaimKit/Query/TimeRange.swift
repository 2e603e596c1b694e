/// A normalised time value as a half-open range of days: `2024` is 2024-01-01..<2025-01-01,
/// `2025-07/2025-08` is 2025-07-01..<2025-09-01. Used by `where time ...`, compare and timeline.
public struct TimeRange: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01.
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public static func < (a: TimeRange, b: TimeRange) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }

    public func overlaps(_ o: TimeRange) -> Bool { start < o.end && o.start < end }
    public func within(_ o: TimeRange) -> Bool { start >= o.start && end <= o.end }

    /// `2024`, `2024-06`, `2024-06-19` (a time after `T` is ignored), `2024-W23`, `2024-Q2`,
    /// `2024-H1`, and `A/B` for an interval. nil for durations (`P3M`) and anything else.
    public static func parse(_ text: String) -> TimeRange? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let a = single(String(parts[0])), let b = single(String(parts[1])), a.start < b.end else { return nil }
            return TimeRange(start: a.start, end: max(a.end, b.end))
        }
        return parts.count == 1 ? single(text) : nil
    }

    static func single(_ raw: String) -> TimeRange? {
        var s = raw.trimmingBlanks()
        if let t = s.firstIndex(of: "T") { s = String(s[..<t]) }
        let p = s.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = p.first, first.count == 4, let year = Int(first) else { return nil }
        switch p.count {
        case 1:
            return TimeRange(start: days(year, 1, 1), end: days(year + 1, 1, 1))
        case 2:
            let q = p[1].uppercased()
            if q.hasPrefix("W"), let w = Int(q.dropFirst()), (1...53).contains(w) {
                // ISO week: the week with the year's first Thursday is week 1.
                let jan4 = days(year, 1, 4)
                let weekday = ((jan4 + 3) % 7 + 7) % 7 // 0 = Monday (1970-01-01 was a Thursday)
                let start = jan4 - weekday + (w - 1) * 7
                return TimeRange(start: start, end: start + 7)
            }
            if q.hasPrefix("Q"), let n = Int(q.dropFirst()), (1...4).contains(n) {
                return TimeRange(start: days(year, (n - 1) * 3 + 1, 1), end: n == 4 ? days(year + 1, 1, 1) : days(year, n * 3 + 1, 1))
            }
            if q.hasPrefix("H"), let n = Int(q.dropFirst()), (1...2).contains(n) {
                return TimeRange(start: days(year, n == 1 ? 1 : 7, 1), end: n == 1 ? days(year, 7, 1) : days(year + 1, 1, 1))
            }
            guard p[1].count == 2, let m = Int(p[1]), (1...12).contains(m) else { return nil }
            return TimeRange(start: days(year, m, 1), end: m == 12 ? days(year + 1, 1, 1) : days(year, m + 1, 1))
        case 3:
            guard p[1].count == 2, p[2].count == 2, let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m),
                  (1...31).contains(d) else { return nil }
            let start = days(year, m, d)
            return TimeRange(start: start, end: start + 1)
        default:
            return nil
        }
    }

    /// Days since 1970-01-01 of a civil date (the calendar arithmetic lives in `CalendarDay`).
    public static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
        CalendarDay(year: y, month: m, day: d).dayNumber
    }

    /// (year, month, day) of a day number.
    public static func civil(_ z: Int) -> (Int, Int, Int) {
        let c = CalendarDay(dayNumber: z)
        return (c.year, c.month, c.day)
    }

    /// Months since year 0 of a day number, for month axes.
    public static func monthIndex(_ day: Int) -> Int {
        let (y, m, _) = civil(day)
        return y * 12 + (m - 1)
    }
}

extension String {
    func trimmingBlanks() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
