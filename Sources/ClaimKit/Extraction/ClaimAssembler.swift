/// The last pipeline step: turns the layers into claims (SPEC §4).
///
/// Quantity claims come from numbers whose role is `quantity`; date claims from date
/// expressions in sentences that name an event. Every claim takes its sentence's time,
/// attribution, modality and entities.
public struct ClaimAssembler: Annotator {
    public let name = "claims"

    public init() {}

    public func annotate(_ doc: inout AnnotatedDocument) {
        var claims: [Claim] = []
        let objectByNumber = Dictionary(doc.objects.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        var entitiesBySentence: [Int: [String]] = [:]
        for e in doc.entities where !(entitiesBySentence[e.sentence]?.contains(e.name) ?? false) {
            entitiesBySentence[e.sentence, default: []].append(e.name)
        }
        var datesBySentence: [Int: [TimeMention]] = [:]
        for t in doc.times where t.type == .date { datesBySentence[t.sentence, default: []].append(t) }

        struct Pending { var start: Int; var claim: Claim }
        var pending: [Pending] = []

        for (index, number) in doc.numbers.enumerated() where number.role == .quantity {
            let s = number.sentence
            let object = objectByNumber[index]
            var span = number.span
            if let os = object?.span, !(object?.inherited ?? false) { span = span.union(os) }
            let time = time(for: number, among: datesBySentence[s] ?? [], in: doc)
            var claim = baseClaim(doc, sentence: s, span: span, kind: .quantity,
                                  entities: entitiesBySentence[s] ?? [], valueText: number.text)
            claim.value = number.value
            claim.high = number.high
            claim.approx = number.approx
            claim.unit = number.unit
            claim.object = object?.object
            claim.cls = object?.cls ?? (number.unit == "%" ? "percent" : nil)
            claim.aspect = object?.aspect
            claim.time = time?.value
            claim.timeText = time?.text
            claim.event = doc.sentenceEvent.indices.contains(s) ? doc.sentenceEvent[s] : nil
            pending.append(Pending(start: span.start, claim: claim))
        }
        for (s, times) in datesBySentence {
            guard doc.sentenceEvent.indices.contains(s), let event = doc.sentenceEvent[s] else { continue }
            // One date claim per event: the date expression nearest to the event's verb.
            let dated = doc.eventTime[s].flatMap { doc.times.indices.contains($0) ? [doc.times[$0]] : nil } ?? times
            for t in dated {
                var claim = baseClaim(doc, sentence: s, span: t.span, kind: .date,
                                      entities: entitiesBySentence[s] ?? [], valueText: t.text)
                claim.time = t.value
                claim.timeText = t.text
                claim.event = event
                pending.append(Pending(start: t.span.start, claim: claim))
            }
        }
        pending.sort { $0.start < $1.start }
        for (n, p) in pending.enumerated() {
            var c = p.claim
            c.id = "\(doc.document.id):\(n + 1)"
            claims.append(c)
        }
        doc.claims = claims
    }

    func baseClaim(_ doc: AnnotatedDocument, sentence s: Int, span: TextSpan, kind: ClaimKind,
                   entities: [String], valueText: String) -> Claim {
        let sourceIndex = doc.sentenceSource.indices.contains(s) ? doc.sentenceSource[s] : nil
        let source = sourceIndex.map { doc.sources[$0] }
        let modality = doc.sentenceModality.indices.contains(s) ? doc.sentenceModality[s] : (source == nil ? .asserted : .reported)
        let scalarSpan = TextSpan(doc.scalarOffset(ofByte: span.start), doc.scalarOffset(ofByte: span.end))
        return Claim(id: "", doc: doc.document.id, sentence: s + 1, span: scalarSpan, kind: kind,
                     source: source?.source, sourceText: source?.text, modality: modality,
                     entities: entities, text: doc.slice(doc.sentences[s].span), phrase: doc.text(span), valueText: valueText)
    }

    /// A quantity's time: the nearest date in its own clause; else the nearest one in a clause
    /// of the sentence that holds no other quantity ("nachdem Nordkorea im vergangenen Oktober
    /// 11.000 Mann entsandt habe, habe Pjöngjang ... 4000 weitere Soldaten zugesagt": October
    /// belongs to the 11.000 only).
    func time(for number: NumberMention, among times: [TimeMention], in doc: AnnotatedDocument) -> TimeMention? {
        guard !times.isEmpty, doc.sentences.indices.contains(number.sentence) else { return nil }
        let range = doc.sentences[number.sentence].tokens
        var boundaries: [Int] = []
        for k in range where doc.tokens.indices.contains(k) {
            let t = doc.tokens[k]
            if t.kind == .punct, Self.clauseBoundaries.contains(t.text) { boundaries.append(t.span.start) }
        }
        func clause(_ offset: Int) -> Int { boundaries.prefix { $0 < offset }.count }
        let own = clause(number.span.start)
        if let t = nearest(times.filter { clause($0.span.start) == own }, to: number.span) { return t }
        let quantityClauses = Set(doc.numbers.filter { $0.sentence == number.sentence && $0.role == .quantity }
            .map { clause($0.span.start) })
        return nearest(times.filter { !quantityClauses.contains(clause($0.span.start)) }, to: number.span)
    }

    static let clauseBoundaries: Set<String> = [",", ";", ":", "(", ")"]

    func nearest(_ times: [TimeMention], to span: TextSpan) -> TimeMention? {
        times.min { distance($0.span, span) < distance($1.span, span) }
    }

    func distance(_ a: TextSpan, _ b: TextSpan) -> Int {
        if a.end <= b.start { return b.start - a.end }
        if b.end <= a.start { return a.start - b.end }
        return 0
    }
}
