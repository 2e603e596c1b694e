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
        // Entities and dates grouped by sentence in two flat arrays (no array per sentence:
        // most sentences have no claim), each sentence's run found by its start.
        let entitiesBySentence = BySentence(doc.entities.indices.filter { (0..<sentenceCount).contains(doc.entities[$0].sentence) },
                                            sentence: { doc.entities[$0].sentence }, count: sentenceCount)
        let datesBySentence = BySentence(doc.times.indices.filter { doc.times[$0].type == .date && (0..<sentenceCount).contains(doc.times[$0].sentence) },
                                         sentence: { doc.times[$0].sentence }, count: sentenceCount)
        // The entity names of a sentence, in order, each once (its claims share the list).
        var lastEntities: (sentence: Int, names: [String]) = (-1, [])
        func entities(_ s: Int) -> [String] {
            if lastEntities.sentence == s { return lastEntities.names }
            var names: [String] = []
            for k in entitiesBySentence[s] where !names.contains(doc.entities[k].name) { names.append(doc.entities[k].name) }
            lastEntities = (s, names)
            return names
        }
        func dates(_ s: Int) -> [TimeMention] { datesBySentence[s].map { doc.times[$0] } }

        struct Pending { var start: Int; var claim: Claim }
        var pending: [Pending] = []
        var clauses = Clauses()

        for (index, number) in doc.numbers.enumerated() where number.role == .quantity {
            let s = number.sentence
            let object = objectOf[index] >= 0 ? doc.objects[Int(objectOf[index])] : nil
            var span = number.span
            if let os = object?.span, !(object?.inherited ?? false) { span = span.union(os) }
            let inSentence = s >= 0 && s < sentenceCount
            let time = inSentence && !datesBySentence[s].isEmpty
                ? self.time(for: number, among: dates(s), in: doc, clauses: &clauses) : nil
            var claim = baseClaim(doc, sentence: s, span: span, kind: .quantity,
                                  entities: inSentence ? entities(s) : [], valueText: number.text)
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
        for s in 0..<sentenceCount where !datesBySentence[s].isEmpty {
            guard doc.sentenceEvent.indices.contains(s), let event = doc.sentenceEvent[s] else { continue }
            // One date claim per event: the date expression nearest to the event's verb.
            let dated = doc.eventTime[s].flatMap { doc.times.indices.contains($0) ? [doc.times[$0]] : nil } ?? dates(s)
            for t in dated {
                var claim = baseClaim(doc, sentence: s, span: t.span, kind: .date,
                                      entities: entities(s), valueText: t.text)
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

    /// Indices of a layer's mentions grouped by sentence, in their order within each sentence:
    /// one flat array and each sentence's start (a counting sort), not an array per sentence.
    struct BySentence {
        private var order: [Int32]
        private var start: [Int32]

        init(_ indices: [Int], sentence: (Int) -> Int, count: Int) {
            var start = [Int32](repeating: 0, count: count + 1)
            for i in indices { start[sentence(i) + 1] += 1 }
            for s in 0..<count { start[s + 1] += start[s] }
            var next = start
            var order = [Int32](repeating: 0, count: indices.count)
            for i in indices {
                let s = sentence(i)
                order[Int(next[s])] = Int32(i)
                next[s] += 1
            }
            self.order = order
            self.start = start
        }

        /// The mention indices of sentence `s`.
        subscript(s: Int) -> LazyMapSequence<ArraySlice<Int32>, Int> {
            order[Int(start[s])..<Int(start[s + 1])].lazy.map { Int($0) }
        }
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
