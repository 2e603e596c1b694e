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
        let strong = documents.compactMap { d -> ReferenceDate? in
            guard let r = ReferenceDate(d.date) else { return nil }
            if !d.dateInferred { return r }
            return DocumentDateBasis(d)?.isStrong == true ? r : nil
        }
        guard !strong.isEmpty, strong.count >= 3 || strong.count * 10 >= documents.count else { return nil }
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
    /// Annotates again, with the batch's prior, the documents whose date is a weak guess the
    /// prior does not admit; the rest are returned as they are. `annotate(_:[Document])` does
    /// this for its batch; a caller that annotates a load in chunks can call it once more on
    /// the whole load, where the prior has more support.
    public func reviseDates(_ annotated: [AnnotatedDocument]) -> [AnnotatedDocument] {
        var revised = annotated
        reviseDates(&revised)
        return revised
    }

    /// `reviseDates` in place and in chunks of `chunk` documents, so that a large load never
    /// holds a second array of documents nor both readings of many documents at once. Returns
    /// false when `interrupted` says so between chunks (the documents revised so far stay
    /// revised, the rest as they were).
    @discardableResult
    public func reviseDates(_ annotated: inout [AnnotatedDocument], chunk: Int = 512,
                            interrupted: () -> Bool = { false }) -> Bool {
        guard !knowsDatePeriod, let prior = CorpusDatePrior(annotated.map(\.document)) else { return true }
        let far = annotated.indices.filter { prior.contradicts(annotated[$0].document) }
        guard !far.isEmpty else { return true }
        // A new pipeline has no progress callback: these bytes were counted the first time.
        let again = datePrior(prior)
        var start = 0
        while start < far.count {
            if interrupted() { return false }
            let indices = far[start..<min(start + max(1, chunk), far.count)]
            let redone = again.redate(indices.map { annotated[$0] })
            for (i, doc) in zip(indices, redone) { annotated[i] = doc }
            start += indices.count
        }
        return true
    }

    /// Annotates documents again after their reference date changed (a corpus prior, a
    /// refdate): only the layers that depend on the document date are redone, on all cores.
    ///
    /// The document date resolver, the time annotator (values) and the claims depend on it.
    /// Entities, numbers, objects, sources and modality never read the date or the times, and
    /// events read only where date expressions stand, which does not depend on the reference
    /// date (`TimeAnnotator.scan`): those layers are carried over. The documents come compacted
    /// (no tokens), so the tokens are made again; the sentences are carried over, and the date
    /// resolver and time annotator read only the tokens where the old times layer has
    /// expressions (their places do not depend on the reference date, only their values do).
    public func redate(_ annotated: [AnnotatedDocument]) -> [AnnotatedDocument] {
        let plan = redatePlan()
        return concurrentMap(annotated.count) { redate(annotated[$0], plan: plan) }
    }

    /// What `redate` does with each annotator, decided once per batch (not per document: the
    /// type tests are dynamic casts).
    enum RedateStep: Sendable {
        case sentences, redo, events, carry
    }

    /// Per annotator its step, or nil when some annotator is of a kind `redate` does not know
    /// (a caller's own): then every document is annotated from scratch.
    func redatePlan() -> [RedateStep]? {
        guard annotators.first is SentenceAnnotator,
              annotators.dropFirst().allSatisfy({ Self.carriesOver($0) || Self.redoes($0) }) else { return nil }
        return annotators.map { a in
            if a is SentenceAnnotator { return .sentences }
            if Self.redoes(a) { return .redo }
            if a is EventAnnotator { return .events }
            return .carry
        }
    }

    /// Annotators whose layers `redate` carries over. Any other kind of annotator (a caller's
    /// own) makes it annotate from scratch.
    private static func carriesOver(_ a: any Annotator) -> Bool {
        a is EntityAnnotator || a is NumberAnnotator || a is ObjectAnnotator || a is EventAnnotator
            || a is SourceAnnotator || a is ModalityAnnotator
    }

    private static func redoes(_ a: any Annotator) -> Bool {
        a is DocumentDateResolver || a is TimeAnnotator || a is ClaimAssembler
    }

    func redate(_ old: AnnotatedDocument, plan: [RedateStep]?) -> AnnotatedDocument {
        // Without its layers (a corpus document) there is nothing to carry over.
        guard old.hasMentionLayers, let plan, plan.count == annotators.count else {
            var doc = annotate(old.document)
            doc.compact()
            return doc
        }
        var doc = AnnotatedDocument(document: old.document)
        for (a, step) in zip(annotators, plan) {
            switch step {
            case .sentences:
                if !retokenize(old, into: &doc) { a.annotate(&doc) }
                carry(from: old, into: &doc)
                doc.timeStarts = old.times.map(\.tokens.lowerBound)
            case .redo:
                a.annotate(&doc)
            case .events where !Self.sameDatePlaces(old.times, doc.times):
                // Events rest on where the date expressions stand: should that ever differ,
                // they are found again.
                doc.sentenceEvent = Array(repeating: nil, count: doc.sentences.count)
                doc.eventTime = [:]
                a.annotate(&doc)
            case .events, .carry:
                continue
            }
        }
        doc.compact()
        return doc
    }

    /// The tokens of `old`'s text and its sentences, without splitting again: the sentence
    /// annotator tokenises with `Tokenizer.tokenize` and builds each sentence's span from its
    /// tokens. False (nothing set) when the old sentences do not fit the new tokens: the
    /// sentence annotator then runs in full.
    private func retokenize(_ old: AnnotatedDocument, into doc: inout AnnotatedDocument) -> Bool {
        let tokens = Tokenizer.tokenize(doc.bytes)
        let fits = tokens.withUnsafeBufferPointer { t in
            old.sentences.allSatisfy { s in
                !s.tokens.isEmpty && s.tokens.upperBound <= t.count
                    && t[s.tokens.lowerBound].span.start == s.span.start && t[s.tokens.upperBound - 1].span.end == s.span.end
            }
        }
        guard fits, (old.sentences.last?.tokens.upperBound ?? 0) == tokens.count else { return false }
        doc.tokens = tokens
        doc.sentences = old.sentences
        return true
    }

    /// The date-independent layers of `old` into the freshly tokenised `doc`.
    private func carry(from old: AnnotatedDocument, into doc: inout AnnotatedDocument) {
        doc.entities = old.entities
        doc.numbers = old.numbers
        doc.objects = old.objects
        doc.sources = old.sources
        doc.sentenceSource = old.sentenceSource
        doc.sentenceModality = old.sentenceModality
        doc.sentenceEvent = old.sentenceEvent
        doc.eventTime = old.eventTime
    }

    /// Whether two time layers have their date expressions at the same tokens (what events read).
    private static func sameDatePlaces(_ a: [TimeMention], _ b: [TimeMention]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.tokens == $1.tokens && $0.type == $1.type }
    }

    /// The corpus date prior of `documents` as `reviseDates` would form it after annotating
    /// them all, found by the sentence splitter and the document date resolver alone (on all
    /// cores). A caller that streams a large input in batches (`claimsh extract`) gives it to
    /// `datePrior(_:)` first, and every batch then reads its documents as one whole load would.
    /// nil when the pipeline already knows the period or the documents give no prior.
    public func corpusDatePrior(_ documents: [Document]) -> CorpusDatePrior? {
        guard !knowsDatePeriod else { return nil }
        var p = Pipeline(annotators: annotators.filter { $0 is SentenceAnnotator || $0 is DocumentDateResolver })
        p.threads = threads
        let dating = p
        let dated = dating.concurrentMap(documents.count) { i -> Document in
            var doc = AnnotatedDocument(document: documents[i])
            for a in dating.annotators { a.annotate(&doc) }
            return doc.document
        }
        return CorpusDatePrior(dated)
    }

    /// The same pipeline with `prior` given to its document date resolver.
    public func datePrior(_ prior: CorpusDatePrior?) -> Pipeline {
        var p = Pipeline(annotators: annotators.map { annotator -> any Annotator in
            guard var dates = annotator as? DocumentDateResolver else { return annotator }
            dates.prior = prior
            return dates
        })
        p.threads = threads
        return p
    }

    /// Whether this pipeline already knows the period its documents come from (a refdate or a
    /// prior), or has no document dates to correct.
    var knowsDatePeriod: Bool {
        guard let dates = annotators.lazy.compactMap({ $0 as? DocumentDateResolver }).first else { return true }
        return dates.referenceDate != nil || dates.prior != nil
    }
}
