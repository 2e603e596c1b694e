/// Gives a document without a metadata date an inferred one (SPEC §3), so that relative time
/// expressions can be resolved; runs before the time annotator. The date keeps only the
/// granularity the text supports ("2025", "2025-04", "2025-06-17") and is marked inferred;
/// `extra["date_basis"]` records what it rests on (`DocumentDateBasis`).
///
/// Inference, on the explicit time expressions of the text:
/// 0. A dateline, "(APA, 23.8.2015)", "(APA; red, 1.4.2016)": a full numeric date closing a short
///    parenthesis after a comma or semicolon is the publication date (the latest, if several;
///    `Dateline`).
/// 1. The year: the latest year written in the text (not a period opening in the future, "ab
///    2020", nor a bare year more than two years ahead of all others, "bis 2030"). News omits the current year in day dates
///    ("am 17. Juni"); when the text has such year-less day dates and names its latest year only
///    coarsely ("Mitte 2024", "2024", never with a month), that year is a past one and the
///    document is from the next year. A reference date (`refdate`) overrides this guess.
/// 2. Within that year, the latest date given to the month or day, not counting periods that
///    start in the future ("ab Juli-August 2025"); year-less day dates count as that year's.
/// 3. A reference date (`refdate`) that lies inside the inferred period refines it.
/// 4. A date from steps 1-2 more than a year away from the period the document is known to
///    come from (`prior`: the corpus prior, else `refdate`) rests on history or a plan the text
///    names ("1998", "bis 15. Juni 2017"): the document takes the latest year it writes whose
///    date (step 2) lies within that period, else the period's own year, refined by step 2.
/// 5. Nothing dated in the text: no date (relative expressions then use the reference date).
public struct DocumentDateResolver: Annotator {
    public let name = "docdate"
    let times: TimeAnnotator
    public var referenceDate: ReferenceDate?
    /// The period the batch's documents come from; weak guesses far from it are replaced (step 4).
    public var prior: CorpusDatePrior?

    public init(lexicon: Lexicon = .shared, referenceDate: ReferenceDate? = nil, prior: CorpusDatePrior? = nil) {
        times = TimeAnnotator(lexicon: lexicon)
        self.referenceDate = referenceDate
        self.prior = prior
    }

    public func annotate(_ doc: inout AnnotatedDocument) {
        doc.timeScan = nil
        // An earlier inference is redone (the refdate may have changed); a given date is kept.
        guard ReferenceDate(doc.document.date) == nil || doc.document.dateInferred else {
            doc.document.extra[DocumentDateBasis.key] = nil
            return
        }
        doc.document.date = nil
        doc.document.dateInferred = false
        doc.document.extra[DocumentDateBasis.key] = nil
        // A dateline is the publication date: the text's other dates are not needed for it.
        if let day = doc.bytes.withUnsafeBufferPointer({ Dateline.latest(in: $0) }) {
            doc.document.date = TimexFormat.day(day.year, day.month, day.day)
            doc.document.dateInferred = true
            doc.document.extra[DocumentDateBasis.key] = DocumentDateBasis.dateline.rawValue
            return
        }
        // The time annotator takes the expressions found here (and matches again, with its
        // reference date, those whose values depend on it).
        let expressions = times.scan(doc, reference: nil)
        let inferred = inferFromText(DatedFact.facts(expressions))
        doc.timeScan = expressions
        guard let (date, basis) = inferred else { return }
        doc.document.date = date
        doc.document.dateInferred = true
        doc.document.extra[DocumentDateBasis.key] = basis.rawValue
    }

    /// Steps 1-4: the date and what it rests on.
    func inferFromText(_ facts: [DatedFact]) -> (String, DocumentDateBasis)? {
        guard let guess = infer(facts) else { return nil }
        var date = guess.date
        var basis = guess.yearFromReference ? DocumentDateBasis.referenceDate : .text
        let anchor = prior ?? referenceDate.map { CorpusDatePrior(date: $0, support: 1) }
        if basis == .text, let anchor, let r = date.parsed, !anchor.admits(r) {
            date = redate(facts, within: anchor) ?? date
            basis = prior != nil ? .corpusPrior : .referenceDate
        }
        // A reference date inside the inferred period ("2025" and refdate 2025-06-19) refines it.
        let text = date.iso
        if let r = referenceDate, r.iso.hasPrefix(text) {
            return (r.iso, .referenceDate)
        }
        return (text, basis)
    }

    /// Step 4: the latest year the text writes whose date (step 2) lies within the period,
    /// else the period's own year.
    func redate(_ facts: [DatedFact], within anchor: CorpusDatePrior) -> InferredDate? {
        let written = Set(facts.lazy.filter { !$0.future }.compactMap(\.writtenYear)).sorted(by: >)
        for y in written {
            if let d = infer(facts, year: y)?.date, let r = d.parsed, anchor.admits(r) { return d }
        }
        return infer(facts, year: anchor.date.year)?.date
    }

    /// The latest year the text writes (of facts with a written year), not counting periods
    /// that open in the future ("ab 2020") unless nothing else is dated, and dropping a year far
    /// ahead of all others ("bis 2030").
    static func latestYear(_ written: [DatedFact]) -> Int? {
        let anyPast = written.contains { !$0.future }
        // The two latest distinct years of the pool, and whether the latest is anchored.
        var first: Int? = nil, second: Int? = nil
        for f in written where !anyPast || !f.future {
            guard let y = f.writtenYear else { continue }
            if let a = first {
                if y > a { second = a; first = y } else if y < a, second.map({ y > $0 }) ?? true { second = y }
            } else {
                first = y
            }
        }
        guard let latest = first else { return nil }
        // A date to the month ("März 2015") anchors its year; a bare far-ahead year is a plan.
        // Once only: dropping further would walk back into history ("Abwahl 2012", "2002").
        if let next = second, latest - next > 2,
           !written.contains(where: { (!anyPast || !$0.future) && $0.monthPrecise && $0.writtenYear == latest }) {
            return next
        }
        return latest
    }

    /// Steps 1-2; `year` given: step 2 within that year. `yearFromReference`: the year is the refdate's.
    func infer(_ dated: [DatedFact], year given: Int? = nil) -> (date: InferredDate, year: Int, yearFromReference: Bool)? {
        var hasYearlessDays = false
        for e in dated where e.writtenYear == nil && e.day != nil && e.month != nil { hasYearlessDays = true; break }
        var year: Int
        var fromReference = false
        if let given {
            year = given
        } else if hasYearlessDays, let r = referenceDate {
            year = r.year
            fromReference = true
        } else {
            // (The written years are gathered only here: with a given year they are not read.)
            let written = dated.filter { $0.writtenYear != nil }
            guard let latest = DocumentDateResolver.latestYear(written) else { return nil }
            year = latest
            let namedToMonth = written.contains { $0.writtenYear == latest && $0.monthPrecise }
            if hasYearlessDays && !namedToMonth { year = latest + 1 }
        }
        var best: (month: Int, day: Int?)? = nil
        for e in dated where !e.future && e.monthPrecise {
            guard let m = e.month, e.writtenYear == year || (e.writtenYear == nil && e.day != nil) else { continue }
            if let b = best, (b.month, b.day ?? 0) >= (m, e.day ?? 0) { continue }
            best = (m, e.day)
        }
        guard let b = best else { return (InferredDate(year: year), year, fromReference) }
        return (InferredDate(year: year, month: b.month, day: b.day), year, fromReference)
    }

    /// The facts of a dated expression that inference reads (a small value: the steps filter and
    /// re-read them several times, and an expression holds two Strings).
    struct DatedFact {
        var writtenYear: Int?
        var month: Int?
        var day: Int?
        var monthPrecise: Bool
        var future: Bool

        /// The expressions inference reads: explicit dates (relative ones rest on a date).
        static func facts(_ expressions: [TimeExpression]) -> [DatedFact] {
            var facts: [DatedFact] = []
            // Read in place: an expression copy retains and releases its mention's Strings.
            expressions.withUnsafeBufferPointer { es in
                for k in es.indices where es[k].mention.type == .date && !es[k].mention.relative {
                    facts.append(DatedFact(writtenYear: es[k].writtenYear, month: es[k].month, day: es[k].day,
                                           monthPrecise: es[k].monthPrecise, future: es[k].future))
                }
            }
            return facts
        }
    }

    /// An inferred date to the year, month or day, formatted (`iso`) only once chosen.
    struct InferredDate {
        var year: Int
        var month: Int? = nil
        var day: Int? = nil

        var iso: String {
            guard let month else { return TimexFormat.year(year) }
            if let day { return TimexFormat.day(year, month, day) }
            return TimexFormat.month(year, month)
        }

        /// `ReferenceDate(iso)`, without formatting and parsing the dates inference makes (a
        /// year of four digits, a month, a day of the month): nil where that reading fails
        /// ("31. Juni" is no day).
        var parsed: ReferenceDate? {
            guard (0...9999).contains(year), month.map({ (1...12).contains($0) }) ?? true,
                  day.map({ (1...31).contains($0) }) ?? true else { return ReferenceDate(iso) }
            guard let month else { return ReferenceDate(year: year) }
            guard let day else { return ReferenceDate(year: year, month: month) }
            guard CalendarDay(validYear: year, month: month, day: day) != nil else { return nil }
            return ReferenceDate(year: year, month: month, day: day)
        }
    }
}

/// What an inferred document date rests on, kept in `Document.extra["date_basis"]`.
public enum DocumentDateBasis: String, Sendable, CaseIterable {
    /// An agency or author dateline, "(APA, 23.8.2015)": the publication date.
    case dateline
    /// The latest date the text writes: history or plans can mislead it.
    case text
    /// The session's `refdate` gave or refined it.
    case referenceDate = "refdate"
    /// The text's guess lay far from the period of the documents loaded with it (`CorpusDatePrior`).
    case corpusPrior = "corpus"

    public static let key = "date_basis"

    /// Strong enough to date a batch of documents (with metadata dates, `CorpusDatePrior`).
    public var isStrong: Bool { self == .dateline || self == .referenceDate }

    public init?(_ document: Document) {
        guard document.dateInferred, let raw = document.extra[Self.key] else { return nil }
        self.init(rawValue: raw)
    }
}
