import ClaimKit

/// `timeline [where EXPR]`.
public enum TimelineCommand: ShellCommand {
    public static let name = "timeline"
    public static let usage = "timeline [from NAME] [where EXPR]"
    public static let summary = "Dated claims in time order, drawn on a text time axis."
    public static let help = """
        The claims with a time (dates and quantities with a time) matching EXPR, earliest first.
        The `axis` column draws each claim's time interval (█) on a common axis, one character per
        month (per quarter or per years for long spans), `|` at each January (at each decade when
        a column is a year or more) and `·` elsewhere; the header names the axis's first and last month. Durations (P3M) are left out.
        """
    public static let examples = [
        CommandExample("timeline", expected: nil),
        CommandExample("timeline where kind = date", expected: nil),
    ]

    /// The longest axis drawn with one character per month.
    static let maxColumns = 48

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let sel = try ClaimSelection(invocation, in: session, allowed: [.where, .from, .limit])
        try sel.rejectLeading(from: 0, invocation, expecting: "from, where or limit")
        var dated = sel.claims.compactMap { c in c.time.flatMap(TimeRange.parse).map { (c, $0) } }
        dated = dated.enumerated().sorted { a, b in
            a.element.1 != b.element.1 ? a.element.1 < b.element.1 : a.offset < b.offset
        }.map(\.element)
        if let limit = sel.clauses.limit { dated = Array(dated.prefix(limit)) }
        let columns = ["time", "doc", "kind", "axis", "what", "claim"]
        guard let first = dated.map(\.1.start).min(), let last = dated.map({ $0.1.end - 1 }).max() else {
            return .groups([ResultGroup(header: "timeline — no dated claims", fields: [("claims", .list([]))],
                                        table: ResultTable(columns))])
        }
        let m0 = TimeRange.monthIndex(first), m1 = TimeRange.monthIndex(last)
        let months = m1 - m0 + 1
        let step: Int
        if months <= maxColumns { step = 1 } else if months <= maxColumns * 3 { step = 3 } else {
            // Whole years per column, as many as it takes to stay within maxColumns.
            step = 12 * ((months + maxColumns * 12 - 1) / (maxColumns * 12))
        }
        let cells = (months + step - 1) / step
        let unit = step == 1 ? "month" : (step == 3 ? "quarter" : (step == 12 ? "year" : "\(step / 12) years"))
        // Ticks: each January; with columns of years, each decade (century, millennium) start,
        // whichever leaves several columns between two ticks.
        let years = step / 12
        var period = 10
        while years > 0, period < years * 4 { period *= 10 }
        let tickName = step < 12 ? "January" : (period == 10 ? "decade" : (period == 100 ? "century" : "millennium"))
        func tick(_ cell: Int) -> Bool {
            let m = m0 + cell * step
            if step < 12 { return m % 12 < step }
            let year = m / 12
            let next = ((year + period - 1) / period) * period
            return next < year + years
        }
        func label(_ m: Int) -> String {
            let y = m / 12, mo = m % 12 + 1
            return String(y) + "-" + (mo < 10 ? "0" : "") + String(mo)
        }
        let rows: [[Value]] = dated.map { c, t in
            let a = (TimeRange.monthIndex(t.start) - m0) / step
            let b = (TimeRange.monthIndex(t.end - 1) - m0) / step
            var axis = ""
            for i in 0..<cells {
                if i >= a && i <= b { axis += "█" } else { axis += tick(i) ? "|" : "·" }
            }
            let what = c.kind == .date ? (c.event ?? c.phrase) : c.phrase
            return [.string(c.time ?? ""), .string(c.doc), .string(c.kind.rawValue), .string(axis), .string(what), .string(c.id)]
        }
        var table = ResultTable(columns, rows: rows)
        table.columns[4].isLongText = true
        let header = "timeline \(label(m0)) … \(label(m1)) — \(dated.count) claims, one column per \(unit), | = \(tickName)"
        return .groups([ResultGroup(header: header, fields: [("from", .string(label(m0))), ("to", .string(label(m1))),
                                                             ("unit", .string(unit)), ("claims", .list(dated.map { .string($0.0.id) }))],
                                    table: table)])
    }
}
