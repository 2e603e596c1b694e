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
        if let found = doc.timeScan {
            doc.timeScan = nil
            doc.times = resolve(found, in: doc, reference: reference)
            return
        }
        doc.times = scan(doc, reference: reference).map(\.mention)
    }

    /// The mentions of the expressions an earlier scan without a reference date found (the
    /// document date resolver's): matching does not depend on the reference date, only the
    /// values of the expressions that read it do, and only those are matched again.
    func resolve(_ found: [TimeExpression], in doc: AnnotatedDocument, reference: ReferenceDate?) -> [TimeMention] {
        var mentions: [TimeMention] = []
        mentions.reserveCapacity(found.count)
        // Read in place: an expression copy retains and releases its mention's Strings.
        found.withUnsafeBufferPointer { found in
            guard reference != nil, found.contains(where: \.readsReference) else {
                for k in found.indices { mentions.append(found[k].mention) }
                return
            }
            let tokens = doc.tokens
            var cursor = TimeCursor(tokens: tokens, end: 0, words: words, ids: TimeWordIDs(tokens: tokens, words: words),
                                    reference: reference)
            for k in found.indices {
                guard found[k].readsReference else {
                    mentions.append(found[k].mention)
                    continue
                }
                var mention = found[k].mention
                let i = mention.tokens.lowerBound
                cursor.end = doc.sentences[mention.sentence].tokens.upperBound
                guard let m = cursor.match(at: i), m.end > i else { continue }
                if m.start != mention.tokens.lowerBound || m.end != mention.tokens.upperBound {
                    let span = TextSpan(tokens[m.start].span.start, tokens[m.end - 1].span.end)
                    mention = TimeMention(span: span, text: doc.text(span), value: m.value, type: m.type,
                                          relative: m.relative, sentence: mention.sentence, tokens: m.start..<m.end)
                } else {
                    mention.value = m.value
                    mention.type = m.type
                    mention.relative = m.relative
                }
                mentions.append(mention)
            }
        }
        return mentions
    }

    /// All time expressions of a document, in text order, each with whether its match read the
    /// reference date (`TimeExpression.readsReference`).
    func scan(_ doc: AnnotatedDocument, reference: ReferenceDate?) -> [TimeExpression] {
        var found: [TimeExpression] = []
        // Room for a typical article's expressions without regrowing from one.
        found.reserveCapacity(8)
        // A day date may run past a sentence end that the splitter put after "17.".
        var consumed = 0
        let ids = TimeWordIDs(tokens: doc.tokens, words: words)
        let tokens = doc.tokens
        var cursor = TimeCursor(tokens: tokens, end: 0, words: words, ids: ids, reference: reference)
        // The tokens and the filter tables at hand for the loop over every token.
        tokens.withUnsafeBufferPointer { t in
            words.beginBits.withUnsafeBufferPointer { bits in
                words.monthStarts.withUnsafeBufferPointer { months in
                    for (s, sentence) in doc.sentences.enumerated() {
                        let end = sentence.tokens.upperBound
                        cursor.end = end
                        var i = max(sentence.tokens.lowerBound, consumed)
                        while i < end {
                            // Most tokens fail the cheap part of `canStart` (kind, filter bits).
                            i = TimeLexicon.nextCandidate(t, bits, months, from: i, to: end)
                            guard i < end else { break }
                            guard cursor.canStart(i) else { i += 1; continue }
                            let reads = ids.referenceReads
                            guard let m = cursor.match(at: i), m.end > i else { i += 1; continue }
                            let span = TextSpan(t[m.start].span.start, t[m.end - 1].span.end)
                            let mention = TimeMention(span: span, text: doc.text(span), value: m.value, type: m.type,
                                                      relative: m.relative, sentence: s, tokens: m.start..<m.end)
                            found.append(TimeExpression(mention: mention, writtenYear: m.writtenYear, month: m.month,
                                                        day: m.day, monthPrecise: m.monthPrecise, future: m.future,
                                                        readsReference: ids.referenceReads != reads))
                            i = m.end
                            consumed = m.end
                        }
                    }
                }
            }
        }
        return found
    }
}
