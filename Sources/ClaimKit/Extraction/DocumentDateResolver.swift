/// Gives a document without a metadata date an inferred one (SPEC §3), so that relative time
/// expressions can be resolved; runs before the time annotator. The date keeps only the
/// granularity the text supports ("2025", "2025-04", "2025-06-17") and is marked inferred.
///
/// Inference, on the explicit time expressions of the text:
/// 1. The year: the latest year written in the text (not a period opening in the future, "ab
///    2020", nor a bare year more than two years ahead of all others, "bis 2030"). News omits the current year in day dates
///    ("am 17. Juni"); when the text has such year-less day dates and names its latest year only
///    coarsely ("Mitte 2024", "2024", never with a month), that year is a past one and the
///    document is from the next year. A reference date (`refdate`) overrides this guess.
/// 2. Within that year, the latest date given to the month or day, not counting periods that
///    start in the future ("ab Juli-August 2025"); year-less day dates count as that year's.
/// 3. A reference date (`refdate`) that lies inside the inferred period refines it.
/// 4. Nothing dated in the text: no date (relative expressions then use the reference date).
public struct DocumentDateResolver: Annotator {
    public let name = "docdate"
    let times: TimeAnnotator
    public var referenceDate: ReferenceDate?

    public init(lexicon: Lexicon = .shared, referenceDate: ReferenceDate? = nil) {
        times = TimeAnnotator(lexicon: lexicon)
        self.referenceDate = referenceDate
    }

    public func annotate(_ doc: inout AnnotatedDocument) {
        // An earlier inference is redone (the refdate may have changed); a given date is kept.
        guard ReferenceDate(doc.document.date) == nil || doc.document.dateInferred else { return }
        doc.document.date = nil
        doc.document.dateInferred = false
        if var date = infer(times.scan(doc, reference: nil)) {
            // A reference date inside the inferred period ("2025" and refdate 2025-06-19) refines it.
            if let r = referenceDate, r.iso.hasPrefix(date) { date = r.iso }
            doc.document.date = date
            doc.document.dateInferred = true
        }
    }

    /// The latest year the text writes, not counting periods that open in the future ("ab 2020")
    /// unless nothing else is dated, and dropping a year far ahead of all others ("bis 2030").
    static func latestYear(_ written: [TimeExpression]) -> Int? {
        let past = written.filter { !$0.future }
        let pool = past.isEmpty ? written : past
        var years = Set(pool.compactMap(\.writtenYear)).sorted(by: >)
        // A date to the month ("März 2015") anchors its year; a bare far-ahead year is a plan.
        let anchored = Set(pool.filter(\.monthPrecise).compactMap(\.writtenYear))
        // Once only: dropping further would walk back into history ("Abwahl 2012", "2002").
        if years.count >= 2, years[0] - years[1] > 2, !anchored.contains(years[0]) { years.removeFirst() }
        return years.first
    }

    func infer(_ expressions: [TimeExpression]) -> String? {
        let dated = expressions.filter { $0.mention.type == .date && !$0.mention.relative }
        let written = dated.filter { $0.writtenYear != nil }
        let yearlessDays = dated.filter { $0.writtenYear == nil && $0.day != nil && $0.month != nil }
        let latestWritten = DocumentDateResolver.latestYear(written)
        var year: Int
        if !yearlessDays.isEmpty, let r = referenceDate {
            year = r.year
        } else if let latest = latestWritten {
            year = latest
            let namedToMonth = written.contains { $0.writtenYear == latest && $0.monthPrecise }
            if !yearlessDays.isEmpty && !namedToMonth { year = latest + 1 }
        } else {
            return nil
        }
        var best: (month: Int, day: Int?)? = nil
        for e in dated where !e.future && e.monthPrecise {
            guard let m = e.month, e.writtenYear == year || (e.writtenYear == nil && e.day != nil) else { continue }
            if let b = best, (b.month, b.day ?? 0) >= (m, e.day ?? 0) { continue }
            best = (m, e.day)
        }
        guard let b = best else { return TimexFormat.year(year) }
        if let d = b.day { return TimexFormat.day(year, b.month, d) }
        return TimexFormat.month(year, b.month)
    }
}
