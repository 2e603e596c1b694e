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
        // Per number, per sentence: arrays indexed directly rather than dictionaries hashed per
        // claim. The first object of a number counts.
        var objectOf = [Int32](repeating: -1, count: doc.numbers.count)
        for (k, o) in doc.objects.enumerated() where objectOf.indices.contains(o.number) && objectOf[o.number] < 0 {
            objectOf[o.number] = Int32(k)
        }
        let sentenceCount = doc.sentences.count
        var entitiesBySentence = [[String]](repeating: [], count: sentenceCount)
        for e in doc.entities where entitiesBySentence.indices.contains(e.sentence)
            && !entitiesBySentence[e.sentence].contains(e.name) {
            entitiesBySentence[e.sentence].append(e.name)
        }
        var datesBySentence = [[TimeMention]](repeating: [], count: sentenceCount)
        for t in doc.times where t.type == .date && datesBySentence.indices.contains(t.sentence) {
            datesBySentence[t.sentence].append(t)
        }

        struct Pending { var start: Int; var claim: Claim }
        var pending: [Pending] = []
        var clauses = Clauses()

        for (index, number) in doc.numbers.enumerated() where number.role == .quantity {
            let s = number.sentence
            let object = objectOf[index] >= 0 ? doc.objects[Int(objectOf[index])] : nil
            var span = number.span
            if let os = object?.span, !(object?.inherited ?? false) { span = span.union(os) }
            let dates = datesBySentence.indices.contains(s) ? datesBySentence[s] : []
            let time = time(for: number, among: dates, in: doc, clauses: &clauses)
            var claim = baseClaim(doc, sentence: s, span: span, kind: .quantity,
                                  entities: entitiesBySentence.indices.contains(s) ? entitiesBySentence[s] : [],
                                  valueText: number.text)
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
        // Sentence by sentence (their claims are ordered by position below).
        for (s, times) in datesBySentence.enumerated() where !times.isEmpty {
            guard doc.sentenceEvent.indices.contains(s), let event = doc.sentenceEvent[s] else { continue }
            // One date claim per event: the date expression nearest to the event's verb.
            let dated = doc.eventTime[s].flatMap { doc.times.indices.contains($0) ? [doc.times[$0]] : nil } ?? times
            for t in dated {
                var claim = baseClaim(doc, sentence: s, span: t.span, kind: .date,
                                      entities: entitiesBySentence[s], valueText: t.text)
                claim.time = t.value
                claim.timeText = t.text
                claim.event = event
                pending.append(Pending(start: t.span.start, claim: claim))
            }
        }
        pending.sort { $0.start < $1.start }
        claims.reserveCapacity(pending.count)
        for (n, p) in pending.enumerated() {
            var c = p.claim
            c.id = "\(doc.document.id):\(n + 1)"
            claims.append(c)
        }
        doc.claims = claims
    }

    /// The clause boundaries (byte offsets of ",;:()") of the last sentence asked for: a
    /// sentence's quantities share them.
    struct Clauses {
        var sentence = -1
        var boundaries: [Int] = []
        /// The clause of the sentence that holds a byte offset (0 for the first).
        func clause(_ offset: Int) -> Int {
            var n = 0
            while n < boundaries.count, boundaries[n] < offset { n += 1 }
            return n
        }
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
    func time(for number: NumberMention, among times: [TimeMention], in doc: AnnotatedDocument,
              clauses: inout Clauses) -> TimeMention? {
        guard !times.isEmpty, doc.sentences.indices.contains(number.sentence) else { return nil }
        if clauses.sentence != number.sentence {
            let range = doc.sentences[number.sentence].tokens
            var boundaries: [Int] = []
            doc.tokens.withUnsafeBufferPointer { tokens in
                for k in range where tokens.indices.contains(k) {
                    if tokens[k].kind == .punct, Self.isClauseBoundary(tokens[k].text) { boundaries.append(tokens[k].span.start) }
                }
            }
            clauses = Clauses(sentence: number.sentence, boundaries: boundaries)
        }
        let own = clauses.clause(number.span.start)
        if let t = nearest(times, where: { clauses.clause($0.span.start) == own }, to: number.span) { return t }
        // Clauses that hold a quantity of the sentence.
        var quantityClauses: Set<Int> = []
        for n in doc.numbers where n.sentence == number.sentence && n.role == .quantity {
            quantityClauses.insert(clauses.clause(n.span.start))
        }
        return nearest(times, where: { !quantityClauses.contains(clauses.clause($0.span.start)) }, to: number.span)
    }

    /// A clause boundary: , ; : ( ) (each one ASCII byte, tested without hashing).
    static func isClauseBoundary(_ text: String) -> Bool {
        let u = text.utf8
        guard u.count == 1, let b = u.first else { return false }
        return b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") || b == UInt8(ascii: "(")
            || b == UInt8(ascii: ")")
    }

    /// The nearest accepted time (the first of equally near ones), without a filtered array.
    func nearest(_ times: [TimeMention], where accept: (TimeMention) -> Bool, to span: TextSpan) -> TimeMention? {
        var best: TimeMention? = nil
        var bestDistance = Int.max
        for t in times where accept(t) {
            let d = distance(t.span, span)
            if d < bestDistance { best = t; bestDistance = d }
        }
        return best
    }

    func distance(_ a: TextSpan, _ b: TextSpan) -> Int {
        if a.end <= b.start { return b.start - a.end }
        if b.end <= a.start { return a.start - b.end }
        return 0
    }
}
