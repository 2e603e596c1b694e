/// The last pipeline step: turns the layers into claims (SPEC §4).
///
/// Quantity claims come from numbers whose role is `quantity`; date claims from date
/// expressions in sentences that name an event. Every claim takes its sentence's time,
/// attribution, modality and entities.
public struct ClaimAssembler: Annotator {
    public let name = "claims"

    public init() {}

    public func annotate(_ doc: inout AnnotatedDocument) {
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

        // What each claim is made of, as indices into the layers: the claims are built once,
        // in text order with their final ids, instead of built, copied, sorted and renumbered.
        var pending: [Pending] = []
        var clauses = Clauses()
        for (index, number) in doc.numbers.enumerated() where number.role == .quantity {
            let s = number.sentence
            let o = objectOf[index]
            var span = number.span
            if o >= 0, !doc.objects[Int(o)].inherited, let os = doc.objects[Int(o)].span { span = span.union(os) }
            let inSentence = s >= 0 && s < sentenceCount
            let time = inSentence && !datesBySentence[s].isEmpty
                ? self.time(for: number, among: datesBySentence[s], in: doc, clauses: &clauses) : -1
            pending.append(Pending(start: span.start, span: span, number: Int32(index), object: o, time: Int32(time),
                                   sentence: Int32(clamping: s)))
        }
        // Sentence by sentence (their claims are ordered by position below).
        for s in 0..<sentenceCount where !datesBySentence[s].isEmpty {
            guard doc.sentenceEvent.indices.contains(s), doc.sentenceEvent[s] != nil else { continue }
            // One date claim per event: the date expression nearest to the event's verb.
            if let t = doc.eventTime[s] {
                if doc.times.indices.contains(t) {
                    pending.append(Pending(date: t, span: doc.times[t].span, sentence: s))
                    continue
                }
            }
            for t in datesBySentence[s] {
                pending.append(Pending(date: t, span: doc.times[t].span, sentence: s))
            }
        }
        // (The same keys in the same order as ever: ties keep their order.)
        pending.sort { $0.start < $1.start }

        var claims: [Claim] = []
        claims.reserveCapacity(pending.count)
        let id = doc.document.id
        let idPrefix = id + ":"
        var sentenceCache = SentenceFields()
        for (n, p) in pending.enumerated() {
            let s = Int(p.sentence)
            sentenceCache.load(s, doc: doc, entities: entitiesBySentence)
            let scalarSpan = Range32(doc.scalarOffset(ofByte: p.span.start), doc.scalarOffset(ofByte: p.span.end))
            let source = sentenceCache.source
            let event = sentenceCache.event
            let phrase = doc.text(p.span)
            if p.number >= 0 {
                let number = doc.numbers[Int(p.number)]
                let object: ObjectMention? = p.object >= 0 ? doc.objects[Int(p.object)] : nil
                let time: TimeMention? = p.time >= 0 ? doc.times[Int(p.time)] : nil
                let codes = ClaimStrings.shared.codes(object: object?.object,
                                                      cls: object?.cls ?? (number.unit == "%" ? "percent" : nil),
                                                      aspect: object?.aspect, unit: number.unit, time: time?.value,
                                                      source: source?.source, event: event)
                claims.append(Claim(id: idPrefix + String(n + 1), doc: id, sentenceText: sentenceCache.text, phrase: phrase,
                                    valueText: number.text, timeText: time?.text, sourceText: source?.text,
                                    entities: sentenceCache.entities, value: number.value, high: number.high,
                                    span: scalarSpan, sentence: Int32(clamping: s + 1), codes: codes, kind: .quantity,
                                    approx: number.approx, modality: sentenceCache.modality))
            } else {
                let t = doc.times[Int(p.time)]
                let codes = ClaimStrings.shared.codes(object: nil, cls: nil, aspect: nil, unit: nil, time: t.value,
                                                      source: source?.source, event: event)
                claims.append(Claim(id: idPrefix + String(n + 1), doc: id, sentenceText: sentenceCache.text, phrase: phrase,
                                    valueText: t.text, timeText: t.text, sourceText: source?.text,
                                    entities: sentenceCache.entities, value: nil, high: nil,
                                    span: scalarSpan, sentence: Int32(clamping: s + 1), codes: codes, kind: .date,
                                    approx: nil, modality: sentenceCache.modality))
            }
        }
        doc.claims = claims
    }

    /// A claim to build: a quantity (`number` >= 0, with its object and time, -1 for none) or
    /// a date (`number` -1, `time` the expression), and its span in bytes.
    struct Pending {
        var start: Int
        var span: TextSpan
        var number: Int32
        var object: Int32
        var time: Int32
        var sentence: Int32

        init(start: Int, span: TextSpan, number: Int32, object: Int32, time: Int32, sentence: Int32) {
            self.start = start
            self.span = span
            self.number = number
            self.object = object
            self.time = time
            self.sentence = sentence
        }

        init(date t: Int, span: TextSpan, sentence s: Int) {
            self.init(start: span.start, span: span, number: -1, object: -1, time: Int32(t), sentence: Int32(clamping: s))
        }
    }

    /// What the claims of one sentence share (its text, attribution, modality, event and
    /// entity names, in order, each once), made when a sentence's first claim is built: the
    /// claims come in text order, so a sentence's claims come together.
    struct SentenceFields {
        var sentence = -1
        var text: Substring = ""
        var source: SourceMention? = nil
        var modality: Modality = .asserted
        var event: String? = nil
        var entities: [String] = []

        mutating func load(_ s: Int, doc: AnnotatedDocument, entities byS: BySentence) {
            guard s != sentence else { return }
            sentence = s
            text = doc.slice(doc.sentences[s].span)
            let sourceIndex = doc.sentenceSource.indices.contains(s) ? doc.sentenceSource[s] : nil
            source = sourceIndex.map { doc.sources[$0] }
            modality = doc.sentenceModality.indices.contains(s) ? doc.sentenceModality[s] : (source == nil ? .asserted : .reported)
            event = doc.sentenceEvent.indices.contains(s) ? doc.sentenceEvent[s] : nil
            var names: [String] = []
            for k in byS[s] where !names.contains(doc.entities[k].name) { names.append(doc.entities[k].name) }
            entities = names
        }
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

    /// A quantity's time (its index in `doc.times`, -1 for none): the nearest date in its own
    /// clause; else the nearest one in a clause of the sentence that holds no other quantity
    /// ("nachdem Nordkorea im vergangenen Oktober 11.000 Mann entsandt habe, habe Pjöngjang ...
    /// 4000 weitere Soldaten zugesagt": October belongs to the 11.000 only).
    func time(for number: NumberMention, among times: LazyMapSequence<ArraySlice<Int32>, Int>, in doc: AnnotatedDocument,
              clauses: inout Clauses) -> Int {
        guard !times.isEmpty, doc.sentences.indices.contains(number.sentence) else { return -1 }
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
        let t = doc.times.withUnsafeBufferPointer { all in
            nearest(times, all, where: { clauses.clause($0) == own }, to: number.span)
        }
        if t >= 0 { return t }
        // Clauses that hold a quantity of the sentence (read in place: no mention copies).
        var quantityClauses: Set<Int> = []
        doc.numbers.withUnsafeBufferPointer { numbers in
            for k in numbers.indices where numbers[k].sentence == number.sentence && numbers[k].role == .quantity {
                quantityClauses.insert(clauses.clause(numbers[k].span.start))
            }
        }
        return doc.times.withUnsafeBufferPointer { all in
            nearest(times, all, where: { !quantityClauses.contains(clauses.clause($0)) }, to: number.span)
        }
    }

    /// A clause boundary: , ; : ( ) (each one ASCII byte, tested without hashing).
    static func isClauseBoundary(_ text: String) -> Bool {
        let u = text.utf8
        guard u.count == 1, let b = u.first else { return false }
        return b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":") || b == UInt8(ascii: "(")
            || b == UInt8(ascii: ")")
    }

    /// The nearest accepted time (the first of equally near ones; `accept` reads its start
    /// offset), without a filtered array: its index in `all`, -1 for none.
    func nearest(_ times: LazyMapSequence<ArraySlice<Int32>, Int>, _ all: UnsafeBufferPointer<TimeMention>,
                 where accept: (Int) -> Bool, to span: TextSpan) -> Int {
        var best = -1
        var bestDistance = Int.max
        for k in times where accept(all[k].span.start) {
            let d = distance(all[k].span, span)
            if d < bestDistance { best = k; bestDistance = d }
        }
        return best
    }

    func distance(_ a: TextSpan, _ b: TextSpan) -> Int {
        if a.end <= b.start { return b.start - a.end }
        if b.end <= a.start { return a.start - b.end }
        return 0
    }
}
