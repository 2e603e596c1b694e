/// A time mention with the facts document-date inference needs, which the TIMEX value alone
/// hides: what was written explicitly and at which granularity.
struct TimeExpression: Sendable {
    var mention: TimeMention
    /// The year as written in the text ("Juni 2024"); nil when it came from the reference date.
    var writtenYear: Int?
    /// The (last) month named, if any.
    var month: Int?
    var day: Int?
    /// Month or day granularity (not a season, part of a year, or a bare year).
    var monthPrecise: Bool
    /// Introduced by a preposition that opens a coming period ("ab Juli-August 2025").
    var future: Bool
    /// Its match read the reference date (for its value or extent): with another reference
    /// date it must be matched again; otherwise its mention holds for every reference date.
    var readsReference: Bool = true
}
