/// Finds time expressions and gives them TIMEX3-style values that keep their granularity
/// (layer `times`): "im Juni 2024" → 2024-06, "Juli oder August 2025" → 2025-07/2025-08,
/// "vergangene Woche" → 2025-W24, "fast drei Monaten" → P3M, "jährlich" → P1Y.
///
/// One left-to-right scan over each sentence's tokens with dictionary lookups (months.tsv,
/// time_words.tsv). Relative expressions are resolved against the document date, else against
/// `referenceDate` (the session's `refdate`); unknown parts stay `X` as in TIMEX3 ("XXXX-06-17").
public struct TimeAnnotator: Annotator {
    public let name = "times"
    let words: TimeLexicon
    public var referenceDate: ReferenceDate?

    public init(lexicon: Lexicon = .shared, referenceDate: ReferenceDate? = nil) {
        words = lexicon.built(TimeLexicon.init(lexicon:))
        self.referenceDate = referenceDate
    }

    public func annotate(_ doc: inout AnnotatedDocument) {
        let reference = ReferenceDate(doc.document.date) ?? referenceDate
        doc.timeReference = referenceDate
        doc.times = scan(doc, reference: reference, at: doc.timeStarts).map(\.mention)
    }

    /// All time expressions of a document, in text order.
    /// With `starts` (where an earlier scan found expressions; matching does not depend on the
    /// reference date, only the values do) only those tokens are tried.
    func scan(_ doc: AnnotatedDocument, reference: ReferenceDate?, at starts: [Int]? = nil) -> [TimeExpression] {
        var found: [TimeExpression] = []
        // A day date may run past a sentence end that the splitter put after "17.".
        var consumed = 0
        var nextStart = 0
        let ids = TimeWordIDs(tokens: doc.tokens, words: words)
        let tokens = doc.tokens
        var cursor = TimeCursor(tokens: tokens, end: 0, words: words, ids: ids, ref: reference)
        for (s, sentence) in doc.sentences.enumerated() {
            if let starts {
                // Sentences without a start are passed over without making a cursor.
                let from = max(sentence.tokens.lowerBound, consumed)
                while nextStart < starts.count, starts[nextStart] < from { nextStart += 1 }
                if nextStart == starts.count { break }
                if starts[nextStart] >= sentence.tokens.upperBound { continue }
            }
            cursor.end = sentence.tokens.upperBound
            var i = max(sentence.tokens.lowerBound, consumed)
            while i < sentence.tokens.upperBound {
                if let starts {
                    while nextStart < starts.count, starts[nextStart] < i { nextStart += 1 }
                    guard nextStart < starts.count, starts[nextStart] < sentence.tokens.upperBound else { break }
                    i = starts[nextStart]
                }
                // One test per token (the filter bit stored in the token first).
                guard cursor.canStart(i), let m = cursor.match(at: i), m.end > i else { i += 1; continue }
                let span = TextSpan(doc.tokens[m.start].span.start, doc.tokens[m.end - 1].span.end)
                let mention = TimeMention(span: span, text: doc.text(span), value: m.value, type: m.type,
                                          relative: m.relative, sentence: s, tokens: m.start..<m.end)
                found.append(TimeExpression(mention: mention, writtenYear: m.writtenYear, month: m.month, day: m.day,
                                            monthPrecise: m.monthPrecise, future: m.future))
                i = m.end
                consumed = m.end
            }
        }
        return found
    }
}
