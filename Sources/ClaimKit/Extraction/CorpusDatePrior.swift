/// The period a batch of documents comes from: documents loaded together are usually from one
/// time (a news dump, a week's clippings). Estimated from the dates that do not rest on a guess:
/// metadata dates and datelines ("(APA, 23.8.2015)"). A document whose date is only the latest
/// date its text names ("1998" in a report on a trial in 2016, a deadline "bis 15. Juni 2017")
/// and lies outside the period is read again with it (`DocumentDateResolver.prior`), so that its
/// relative expressions ("im Jänner", "Vorjahr", "Mitte Februar") resolve in the right year.
public struct CorpusDatePrior: Sendable, Hashable {
    /// The median of the strong dates.
    public var date: ReferenceDate
    /// How many documents' dates it rests on.
    public var support: Int
    /// The interquartile range of the strong dates, in months: a batch spanning years admits more.
    public var spread: Double

    public init(date: ReferenceDate, support: Int, spread: Double = 0) {
        self.date = date
        self.support = support
        self.spread = spread
    }

    /// The median of the batch's metadata and strong inferred dates, when at least three
    /// documents or a tenth of the batch have one; nil otherwise (a few scattered dates say
    /// nothing about the rest).
    public init?(_ documents: [Document]) {
        self.init(strong: documents.compactMap { d -> ReferenceDate? in
            guard let r = ReferenceDate(d.date) else { return nil }
            if !d.dateInferred { return r }
            return DocumentDateBasis(d)?.isStrong == true ? r : nil
        }, of: documents.count)
    }

    /// The prior of a batch of `count` documents of which these have a strong date.
    init?(strong: [ReferenceDate], of count: Int) {
        guard !strong.isEmpty, strong.count >= 3 || strong.count * 10 >= count else { return nil }
        let ordered = strong.sorted { (Self.months($0), $0.day ?? 0) < (Self.months($1), $1.day ?? 0) }
        let spread = Self.months(ordered[ordered.count * 3 / 4]) - Self.months(ordered[ordered.count / 4])
        self.init(date: ordered[(ordered.count - 1) / 2], support: strong.count, spread: spread)
    }

    /// A date as calendar months since year 0 (the day does not count: "within a year" is by
    /// month); a bare year counts as its middle.
    static func months(_ r: ReferenceDate) -> Double {
        Double(r.year) * 12 + (r.month.map { Double($0) - 1 } ?? 5.5)
    }

    /// Within a year of the median (more when the batch's dates spread wider).
    public func admits(_ r: ReferenceDate) -> Bool {
        abs(Self.months(r) - Self.months(date)) <= 12 + spread / 2
    }

    /// Whether `document`'s date is a guess from its text that the prior does not admit.
    public func contradicts(_ document: Document) -> Bool {
        guard DocumentDateBasis(document) == .text, let r = ReferenceDate(document.date) else { return false }
        return !admits(r)
    }
}

extension Pipeline {
    /// The corpus date prior of `documents`: what `CorpusDatePrior(_:)` forms from them once
    /// annotated, found before annotating them from their metadata dates and datelines
    /// (`Dateline`, on the bytes: the strong dates). `annotate(_:[Document])`, a load and
    /// `claimsh extract` give it to `datePrior(_:)` first, so that every document is read once,
    /// with the period of the whole batch (a streamed input in batches reads each batch as one
    /// whole load would). nil when the pipeline already knows the period or the documents give
    /// no prior.
    public func corpusDatePrior(_ documents: [Document]) -> CorpusDatePrior? {
        guard !knowsDatePeriod else { return nil }
        let strong = concurrentMap(documents.count) { i -> ReferenceDate? in
            let d = documents[i]
            // A date given with the document is kept by the resolver; an inferred one is redone.
            if !d.dateInferred, let r = ReferenceDate(d.date) { return r }
            return Dateline.latest(in: d.text).flatMap { ReferenceDate(TimexFormat.day($0.year, $0.month, $0.day)) }
        }
        return CorpusDatePrior(strong: strong.compactMap { $0 }, of: documents.count)
    }

    /// The same pipeline with `prior` given to its document date resolver.
    public func datePrior(_ prior: CorpusDatePrior?) -> Pipeline {
        var p = Pipeline(annotators: annotators.map { annotator -> any Annotator in
            guard var dates = annotator as? DocumentDateResolver else { return annotator }
            dates.prior = prior
            return dates
        })
        p.threads = threads
        p.progress = progress
        return p
    }

    /// Whether this pipeline already knows the period its documents come from (a refdate or a
    /// prior), or has no document dates to correct.
    var knowsDatePeriod: Bool {
        guard let dates = annotators.lazy.compactMap({ $0 as? DocumentDateResolver }).first else { return true }
        return dates.referenceDate != nil || dates.prior != nil
    }
}
