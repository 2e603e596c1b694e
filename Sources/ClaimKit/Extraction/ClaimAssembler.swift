/// The last pipeline step: turns the layers into claims (SPEC §4).
///
/// Quantity claims come from numbers whose role is `quantity`; date claims from date
/// expressions in sentences that name an event. Every claim takes its sentence's time,
/// attribution, modality and entities.
public struct ClaimAssembler: Annotator {
    public let name = "claims"

    public init() {}

    public func annotate(_ doc: inout AnnotatedDocument) {
        doc.claims = claims(of: doc)
    }

    /// The claims of a document (a parameter, not the `inout` document: closures that read an
    /// `inout` value copy it at each call they make with it).
    func claims(of doc: AnnotatedDocument) -> [Claim] {
        // Per number, per sentence: arrays indexed directly rather than dictionaries hashed per
        // claim. The first object of a number counts.
        var objectOf = [Int32](repeating: -1, count: doc.numbers.count)
        for (k, o) in doc.objects.enumerated() where objectOf.indices.contains(o.number) && objectOf[o.number] < 0 {
            objectOf[o.number] = Int32(k)
        }
        let sentenceCount = doc.sentences.count
        // Entities and dates grouped by sentence in two flat arrays (no array per sentence:
        // most sentences have no claim), each sentence's run found by its start.
        let entitiesBySentence = doc.entities.withUnsafeBufferPointer { entities in
            BySentence(sentences: sentenceCount, mentions: entities.count) { k in
                let s = entities[k].sentence
                return (0..<sentenceCount).contains(s) ? s : nil
            }
        }
        let datesBySentence = doc.times.withUnsafeBufferPointer { times in
            BySentence(sentences: sentenceCount, mentions: times.count) { k in
                let s = times[k].sentence
                return times[k].type == .date && (0..<sentenceCount).contains(s) ? s : nil
            }
        }

        // What each claim is made of, as indices into the layers: the claims are built once,
        // in text order with their final ids, instead of built, copied, sorted and renumbered.
        // (The layers are read in place: a mention copy retains and releases its Strings.)
        var pending: [Pending] = []
        pending.reserveCapacity(doc.numbers.count + doc.times.count)
        var clauses = Clauses()
        doc.numbers.withUnsafeBufferPointer { numbers in
            for index in numbers.indices where numbers[index].role == .quantity {
                let s = numbers[index].sentence
                let o = objectOf[index]
                var span = numbers[index].span
                if o >= 0, !doc.objects[Int(o)].inherited, let os = doc.objects[Int(o)].span { span = span.union(os) }
                let inSentence = s >= 0 && s < sentenceCount
                let time = inSentence && !datesBySentence[s].isEmpty
                    ? self.time(sentence: s, span: numbers[index].span, among: datesBySentence[s], in: doc, clauses: &clauses)
                    : -1
                pending.append(Pending(start: span.start, span: span, number: Int32(index), object: o, time: Int32(time),
                                       sentence: Int32(clamping: s)))
            }
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
        guard !pending.isEmpty else { return [] }
        // (The same keys in the same order as ever: ties keep their order.)
        pending.sort { $0.start < $1.start }

        var claims: [Claim] = []
        claims.reserveCapacity(pending.count)
        let id = doc.document.id
        let ids = ClaimIDs(document: id)
        var sentenceCache = SentenceFields()
        doc.withUTF8 { bytes in
            doc.numbers.withUnsafeBufferPointer { numbers in
                doc.objects.withUnsafeBufferPointer { objects in
                    doc.times.withUnsafeBufferPointer { times in
                        for (n, p) in pending.enumerated() {
                            let s = Int(p.sentence)
                            sentenceCache.load(s, doc: doc, entities: entitiesBySentence)
                            // The end's offset counted on from the start's, over the phrase only.
                            let lo = max(0, min(p.span.start, bytes.count)), hi = max(lo, min(p.span.end, bytes.count))
                            let first = doc.scalarOffset(ofByte: p.span.start)
                            let last = p.span.end >= lo ? first + Self.scalars(bytes, lo, max(0, min(p.span.end, bytes.count)))
                                : doc.scalarOffset(ofByte: p.span.end)
                            let scalarSpan = Range32(first, last)
                            let phrase = String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
                            if p.number >= 0 {
                                let k = Int(p.number)
                                let unit = numbers[k].unit
                                let o = Int(p.object), t = Int(p.time)
                                let timeText = t >= 0 ? times[t].text : nil
                                let codes = ClaimStrings.shared.codes(
                                    object: o >= 0 ? objects[o].object : nil,
                                    cls: (o >= 0 ? objects[o].cls : nil) ?? (unit == "%" ? "percent" : nil),
                                    aspect: o >= 0 ? objects[o].aspect : nil, unit: unit,
                                    time: t >= 0 ? times[t].value : nil,
                                    source: sentenceCache.source, event: sentenceCache.event)
                                claims.append(Claim(id: ids.id(n + 1), doc: id, sentenceText: sentenceCache.text, phrase: phrase,
                                                    valueText: numbers[k].text, timeText: timeText,
                                                    sourceText: sentenceCache.sourceText, entities: sentenceCache.entities,
                                                    value: numbers[k].value, high: numbers[k].high, span: scalarSpan,
                                                    sentence: Int32(clamping: s + 1), codes: codes, kind: .quantity,
                                                    approx: numbers[k].approx, modality: sentenceCache.modality))
                            } else {
                                let t = Int(p.time)
                                let codes = ClaimStrings.shared.codes(object: nil, cls: nil, aspect: nil, unit: nil,
                                                                      time: times[t].value, source: sentenceCache.source,
                                                                      event: sentenceCache.event)
                                claims.append(Claim(id: ids.id(n + 1), doc: id, sentenceText: sentenceCache.text, phrase: phrase,
                                                    valueText: times[t].text, timeText: times[t].text,
                                                    sourceText: sentenceCache.sourceText, entities: sentenceCache.entities,
                                                    value: nil, high: nil, span: scalarSpan, sentence: Int32(clamping: s + 1),
                                                    codes: codes, kind: .date, approx: nil, modality: sentenceCache.modality))
                            }
                        }
                    }
                }
            }
        }
        return claims
    }

    /// Unicode scalars in `bytes[lo..<hi]` (every byte but a continuation byte starts one).
    static func scalars(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        var n = 0
        var i = lo
        while i < hi {
            if bytes[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
    }

    /// Claim ids `<doc>:<n>`, written as bytes (no interpolation, no concatenation per claim).
    struct ClaimIDs {
        let prefix: [UInt8]

        init(document: String) { prefix = Array(document.utf8) + [UInt8(ascii: ":")] }

        func id(_ n: Int) -> String {
            guard n > 0 else { return String(decoding: prefix, as: UTF8.self) + String(n) }
            var digits = 0
            var m = n
            while m > 0 { digits += 1; m /= 10 }
            return prefix.withUnsafeBufferPointer { p in
                String(unsafeUninitializedCapacity: p.count + digits) { out in
                    _ = out.initialize(from: p)
                    var m = n
                    var i = p.count + digits
                    while m > 0 {
                        i -= 1
                        out[i] = UInt8(ascii: "0") + UInt8(m % 10)
                        m /= 10
                    }
                    return p.count + digits
                }
            }
        }
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
        var source: String? = nil
        var sourceText: String? = nil
        var modality: Modality = .asserted
        var event: String? = nil
        var entities: [String] = []

        mutating func load(_ s: Int, doc: AnnotatedDocument, entities byS: BySentence) {
            guard s != sentence else { return }
            sentence = s
            text = doc.slice(doc.sentences[s].span)
            let sourceIndex = doc.sentenceSource.indices.contains(s) ? doc.sentenceSource[s] : nil
            source = sourceIndex.map { doc.sources[$0].source }
            sourceText = sourceIndex.map { doc.sources[$0].text }
            modality = doc.sentenceModality.indices.contains(s) ? doc.sentenceModality[s] : (sourceIndex == nil ? .asserted : .reported)
            event = doc.sentenceEvent.indices.contains(s) ? doc.sentenceEvent[s] : nil
            let run = byS[s]
            guard !run.isEmpty else {
                entities = []
                return
            }
            var names: [String] = []
            names.reserveCapacity(run.underestimatedCount)
            doc.entities.withUnsafeBufferPointer { all in
                for k in run where !names.contains(all[k].name) { names.append(all[k].name) }
            }
            entities = names
        }
    }

    /// Indices of a layer's mentions grouped by sentence, in their order within each sentence:
    /// one flat array and each sentence's start (a counting sort), not an array per sentence.
    struct BySentence {
        /// Per sentence, the end of its run of indices (its start is the previous sentence's
        /// end); after them, the mention indices: one array for the whole layer.
        private var runs: [Int32]
        private let count: Int

        /// `sentence(k)`: the sentence of mention `k`, nil to leave it out.
        init(sentences count: Int, mentions n: Int, sentence: (Int) -> Int?) {
            var runs = [Int32]()
            runs.reserveCapacity(count + n)
            runs.append(contentsOf: repeatElement(0, count: count))
            var total = 0
            for k in 0..<n {
                if let s = sentence(k) { runs[s] += 1; total += 1 }
            }
            // Counts to starts, then each start moves on to its run's end as the run fills.
            var sum: Int32 = 0
            for s in 0..<count {
                let c = runs[s]
                runs[s] = sum
                sum += c
            }
            runs.append(contentsOf: repeatElement(0, count: total))
            for k in 0..<n {
                if let s = sentence(k) {
                    runs[count + Int(runs[s])] = Int32(k)
                    runs[s] += 1
                }
            }
            self.runs = runs
            self.count = count
        }

        /// The mention indices of sentence `s`.
        subscript(s: Int) -> LazyMapSequence<ArraySlice<Int32>, Int> {
            let lo = s == 0 ? 0 : Int(runs[s - 1]), hi = Int(runs[s])
            return runs[(count + lo)..<(count + hi)].lazy.map { Int($0) }
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
    func time(sentence: Int, span: TextSpan, among times: LazyMapSequence<ArraySlice<Int32>, Int>, in doc: AnnotatedDocument,
              clauses: inout Clauses) -> Int {
        guard !times.isEmpty, doc.sentences.indices.contains(sentence) else { return -1 }
        if clauses.sentence != sentence {
            let range = doc.sentences[sentence].tokens
            var boundaries: [Int] = []
            doc.tokens.withUnsafeBufferPointer { tokens in
                for k in range where tokens.indices.contains(k) {
                    if tokens[k].kind == .punct, Self.isClauseBoundary(tokens[k].text) { boundaries.append(tokens[k].span.start) }
                }
            }
            clauses = Clauses(sentence: sentence, boundaries: boundaries)
        }
        let own = clauses.clause(span.start)
        let t = doc.times.withUnsafeBufferPointer { all in
            nearest(times, all, where: { clauses.clause($0) == own }, to: span)
        }
        if t >= 0 { return t }
        // Clauses that hold a quantity of the sentence (read in place: no mention copies), as
        // flags by clause number (a sentence has few clauses).
        var quantityClauses = [Bool](repeating: false, count: clauses.boundaries.count + 1)
        doc.numbers.withUnsafeBufferPointer { numbers in
            for k in numbers.indices where numbers[k].sentence == sentence && numbers[k].role == .quantity {
                quantityClauses[clauses.clause(numbers[k].span.start)] = true
            }
        }
        return doc.times.withUnsafeBufferPointer { all in
            nearest(times, all, where: { !quantityClauses[clauses.clause($0)] }, to: span)
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
