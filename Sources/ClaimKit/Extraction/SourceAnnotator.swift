/// Finds attributions (layer `sources`) and the source that governs each sentence
/// (`sentenceSource`).
///
/// Cues (attribution_cues.tsv): "laut X", "X zufolge", "nach Angaben des X" / "nach X-Angaben" /
/// "nach südkoreanischen Angaben", verbs of saying with their subject before or after the verb or
/// after a subordinator ("wie TASS berichtete"), ", so X.". The speaker phrase is found by a token
/// scan (articles, adjectives, capitalised words, genitive chains); it is normalised through the
/// alias lexicon sources.tsv, then the entities inside it, then written form without articles.
/// Reported speech carries its speaker into following sentences in the subjunctive.
public struct SourceAnnotator: Annotator {
    public let name = "sources"
    /// The lexicon tables, in one object: a document's `Scan` holds a copy of the annotator,
    /// which then retains one reference instead of every set of the cue lexicon.
    final class Tables: Sendable {
        let cues: AttributionCues
        let aliases: FoldedPhraseTable<String>
        let gazetteer: Gazetteer
        /// The words of `cues.kinds`: most tokens are ruled out without a lookup.
        let cueFilter: WordFilter
        /// The words of `cues.kinds` that may start an attribution (`Kind.cueStart`). Many cue
        /// words are function words (about half of a text's tokens pass `cueFilter`), but the
        /// scan needs every token's kinds only for this bit: the rest are looked up when asked.
        let cueStartFilter: WordFilter
        /// The most space-separated pieces (empty ones too) in an alias key: a range of more
        /// tokens joins to more pieces (each token's key gives at least one) and matches none.
        let aliasPieces: Int
        /// Per bit of `AttributionCues.Kind`, a `WordFilter` of the words with that kind (64
        /// words each, one after the other): a word not looked up in the scan's first pass is
        /// looked up only when it may have a kind asked for (`Scan.has`).
        let kindBits: [UInt64]
        /// `cues.before` and `cues.speech` keyed by bytes: the scan probes them without hashing
        /// a String (nor joining the words of a `before` phrase into one).
        let before: WordSet
        let speech: WordMap<[String]>
        /// `cues.nachNouns` keyed by bytes.
        let nachNouns: WordSet
        /// The second words of the `before` phrases of several words: such a phrase is built
        /// only when the word after the cue may be one.
        let beforeSeconds: WordFilter

        init(cues: AttributionCues, aliases: FoldedPhraseTable<String>, aliasPieces: Int, gazetteer: Gazetteer) {
            self.cues = cues
            self.aliases = aliases
            self.aliasPieces = aliasPieces
            self.gazetteer = gazetteer
            cueFilter = WordFilter(cues.kinds.keys)
            var starts = WordFilter()
            for (word, kind) in cues.kinds.pairs where kind & AttributionCues.Kind.cueStart.rawValue != 0 {
                starts.insert(word)
            }
            cueStartFilter = starts
            var bits = [UInt64](repeating: 0, count: 32 * 64)
            for (word, kind) in cues.kinds.pairs {
                let bit = WordFilter.bit(word)
                var rest = kind
                while rest != 0 {
                    let k = rest.trailingZeroBitCount
                    bits[k << 6 | (bit >> 6) & 63] |= 1 << UInt64(bit & 63)
                    rest &= rest - 1
                }
            }
            kindBits = bits
            before = WordSet(cues.before)
            nachNouns = WordSet(cues.nachNouns)
            var seconds = WordFilter()
            for phrase in cues.before {
                let words = phrase.split(separator: " ")
                if words.count > 1 { seconds.insert(String(words[1])) }
            }
            beforeSeconds = seconds
            var speech = WordMap<[String]>()
            for (word, particles) in cues.speech { speech[word] = particles }
            self.speech = speech
        }

        /// A word with this `Token.lowerBit` may have one of the kinds in `kind`.
        @inline(__always)
        func mayHave(bit: Int, _ kind: UInt32) -> Bool {
            kindBits.withUnsafeBufferPointer { bits in
                var rest = kind
                while rest != 0 {
                    let k = rest.trailingZeroBitCount
                    if bits[k << 6 | (bit >> 6) & 63] & (1 << UInt64(bit & 63)) != 0 { return true }
                    rest &= rest - 1
                }
                return false
            }
        }
    }
    let tables: Tables
    /// Longest speaker phrase in tokens.
    static let maxPhrase = 14

    public init(lexicon: Lexicon = .shared) {
        var aliases = FoldedPhraseTable<String>()
        var pieces = 1
        for row in lexicon.table("sources").rows where row.count >= 2 && !row[0].isEmpty {
            aliases.add(row[0], row[1])
            let key = FoldedPhraseTable<String>.key(phrase: row[0])
            pieces = max(pieces, key.utf8.reduce(1) { $1 == UInt8(ascii: " ") ? $0 + 1 : $0 })
        }
        tables = Tables(cues: AttributionCues(lexicon: lexicon), aliases: aliases, aliasPieces: pieces,
                        gazetteer: lexicon.built(Gazetteer.init(lexicon:)))
    }

    public func annotate(_ doc: inout AnnotatedDocument) {
        var mentions: [SourceMention] = []
        var sentenceSource = Array<Int?>(repeating: nil, count: doc.sentences.count)
        let tokens = doc.tokens
        let document = doc
        tokens.withUnsafeBufferPointer { buffer in
        var scan = Scan(doc: document, annotator: self, buffer: buffer)
        var carried: Int? = nil
        for (s, sentence) in document.sentences.enumerated() {
            scan.previous = mentions.last?.source
            // Appended in place: no array per sentence.
            let first = mentions.count
            scan.mentions(in: sentence, index: s, into: &mentions)
            if mentions.count > first {
                if s > 0, sentenceSource[s - 1] == nil, refersBack(mentions[first], sentence, document) {
                    sentenceSource[s - 1] = first
                }
                sentenceSource[s] = first
                carried = first
            } else if let c = carried, scan.isReportedSpeech(sentence) {
                sentenceSource[s] = c
            } else {
                carried = nil
            }
        }
        }
        doc.sources = mentions
        doc.sentenceSource = sentenceSource
    }

    /// "Das teilte TASS am 17. Juni mit.": an anaphoric demonstrative first, the attribution
    /// (its verb of saying) right after it.
    func refersBack(_ mention: SourceMention, _ sentence: Sentence, _ doc: AnnotatedDocument) -> Bool {
        let first = sentence.tokens.lowerBound
        guard sentence.tokens.count > 2, (tables.cues.kinds[doc.tokens[first].lower] ?? 0) & AttributionCues.Kind.anaphor.rawValue != 0 else { return false }
        return mention.span.start == doc.tokens[first + 1].span.start
    }
}

extension SourceAnnotator {
    /// The per-document state of the scan: tokens with their cue kinds.
    struct Scan {
        typealias Kind = AttributionCues.Kind
        let doc: AnnotatedDocument
        let a: SourceAnnotator
        let tokens: [Token]
        /// The buffer of `tokens`, for the tokens' fields: an element read from the array is a
        /// copy of the Token with both its Strings retained.
        let t: UnsafeBufferPointer<Token>
        /// `Tables.cueStartFilter`, at hand for the scan's test of every word.
        let startFilter: WordFilter
        /// Per token: the cue sets its lowercased text is in (`AttributionCues.kinds`), looked
        /// up once so that the scan tests bits instead of hashing the word again per set.
        let kinds: CueKinds
        /// The source of the last attribution before the current sentence (for "sagte er").
        var previous: String?

        /// `buffer`: the buffer of `doc.tokens`, valid while the scan is used.
        init(doc: AnnotatedDocument, annotator: SourceAnnotator, buffer: UnsafeBufferPointer<Token>) {
            self.doc = doc
            a = annotator
            tokens = doc.tokens
            t = buffer
            startFilter = annotator.tables.cueStartFilter
            // Nothing per token yet: the scan classifies each token as it passes it (`classify`),
            // and the entity test runs for the few tokens of a speaker phrase (`entityFlags`).
            kinds = CueKinds(count: doc.tokens.count)
        }

        /// Token `k`'s cue kinds as far as the scan needs them at once: 0 for a word in no cue
        /// set (and for punctuation and numbers when every cue word is letters), the kinds of a
        /// word that may start a cue, `CueKinds.unknown` for the other cue words (looked up only
        /// when a cue nearby asks, `has`). Stored for the next question.
        @inline(__always)
        func classify(_ k: Int) -> UInt32 {
            let tables = a.tables
            var v: UInt32 = 0
            let kind = t[k].kind
            if !(tables.cues.letterKeys && (kind == .punct || kind == .number)), tables.cueFilter.mayContain(lowerOf: t[k]) {
                v = tables.cueStartFilter.mayContain(lowerOf: t[k]) ? kinds.lookUp(k, tokens: tokens, map: tables.cues.kinds)
                    : CueKinds.unknown
            }
            kinds.values[k] = v
            return v
        }

        /// `CueKinds.inEntity` and `CueKinds.inPerson` of token `k`: it is inside a named entity
        /// (the first entity that ends after the token starts contains it), of a person.
        func entityFlags(_ k: Int) -> UInt8 {
            precondition(k >= 0 && k < kinds.flags.count, "token index out of range")
            let f = kinds.flags[k]
            if f & CueKinds.computed != 0 { return f }
            let span = t[k].span
            var r = CueKinds.computed
            doc.entities.withUnsafeBufferPointer { entities in
                var e = 0
                while e < entities.count, entities[e].span.end <= span.start { e += 1 }
                if e < entities.count, entities[e].span.contains(span) {
                    r |= entities[e].type == .person ? CueKinds.inEntity | CueKinds.inPerson : CueKinds.inEntity
                }
            }
            kinds.flags[k] = r
            return r
        }

        /// Token `k` is inside a named entity, inside a person's name.
        func inEntity(_ k: Int) -> Bool { entityFlags(k) & CueKinds.inEntity != 0 }
        func inPerson(_ k: Int) -> Bool { entityFlags(k) & CueKinds.inPerson != 0 }

        /// Token `k`'s lowercased text is in the cue set(s) `kind`.
        @inline(__always)
        func has(_ k: Int, _ kind: Kind) -> Bool {
            // The buffer has no bounds check of its own (the array it replaced trapped).
            guard k >= 0, k < kinds.values.count else { return false }
            var v = kinds.values[k]
            if v == CueKinds.unscanned { v = classify(k) }
            if v == CueKinds.unknown {
                // Most words asked about lack the kind: their filter bit tells without a lookup.
                guard a.tables.mayHave(bit: Int(t[k].lowerBit), kind.rawValue) else { return false }
                v = kinds.lookUp(k, tokens: tokens, map: a.tables.cues.kinds)
            }
            return v & kind.rawValue != 0
        }

        /// `has(k, Kind.cueStart)` without a lookup: the words not looked up start no cue.
        /// For a token of a sentence (the scan's loop), so without `has`'s bounds test.
        @inline(__always)
        func startsCue(_ k: Int) -> Bool {
            var v = kinds.values[k]
            if v == CueKinds.unscanned { v = classify(k) }
            return v != CueKinds.unknown && v & Kind.cueStart.rawValue != 0
        }

        /// Token `k` ends its clause: punctuation or the sentence end follows.
        func closes(_ k: Int, _ hi: Int) -> Bool {
            if k + 1 >= hi { return true }
            if isQuote(k + 1) { return k + 2 >= hi || t[k + 2].kind == .punct }
            return t[k + 1].kind == .punct
        }

        /// The token's text when it is one byte, else 0: the marks tested here are one ASCII
        /// byte, which a String equals only as its one byte (no String comparison, no copy of
        /// the token).
        @inline(__always)
        func singleByte(_ i: Int) -> UInt8 { ClauseDistance.singleByte(t[i].text) }

        /// The token is a quotation mark (`"` or `'`).
        @inline(__always)
        func isQuote(_ i: Int) -> Bool {
            let b = singleByte(i)
            return b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
        }

        /// A clause boundary inside a sentence: comma, colon, semicolon, dash. Not a period
        /// (ordinals: "am 17. Juni"), a quote ("wie «ZDF» berichtet") or a bracket ("Kurz (ÖVP)").
        func isBoundary(_ i: Int) -> Bool {
            let kind = t[i].kind
            guard kind == .punct || kind == .symbol else { return false }
            let b = singleByte(i)
            return !(b == UInt8(ascii: ".") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
                     || b == UInt8(ascii: "(") || b == UInt8(ascii: ")"))
        }

        // MARK: Sentences

        /// The sentence continues reported speech: it has a subjunctive verb and is not a heading.
        func isReportedSpeech(_ sentence: Sentence) -> Bool {
            guard let last = sentence.tokens.last, t[last].kind == .punct || isQuote(last) else { return false }
            return sentence.tokens.contains { t[$0].kind == .word && has($0, .subjunctive) }
        }

        func mentions(in sentence: Sentence, index s: Int) -> [SourceMention] {
            var out: [SourceMention] = []
            mentions(in: sentence, index: s, into: &out)
            return out
        }

        func mentions(in sentence: Sentence, index s: Int, into out: inout [SourceMention]) {
            let lo = sentence.tokens.lowerBound, hi = sentence.tokens.upperBound
            var i = lo
            while i < hi {
                // Most words start no cue: one bit test instead of the lookups in `attribution`.
                // (A word outside the start filter starts no cue: it is not classified here, only
                // when a cue nearby asks about it.)
                guard t[i].kind == .word, startFilter.mayContain(lowerOf: t[i]), startsCue(i) else { i += 1; continue }
                if let (m, next) = attribution(at: i, lo: lo, hi: hi, sentence: s) {
                    out.append(m)
                    i = max(next, i + 1)
                } else {
                    i += 1
                }
            }
        }

        /// An attribution whose cue is at token `i`, and the token after it.
        func attribution(at i: Int, lo: Int, hi: Int, sentence s: Int) -> (SourceMention, Int)? {
            guard has(i, Kind.cueStart) else { return nil }
            // "laut X", "unter Berufung auf X"
            if has(i, .beforeStart) {
                if a.tables.before.contains(t[i].lower), let np = speaker(from: i + 1, limit: hi) {
                    return (mention(cue: i..<(i + 1), speaker: np, span: i..<np.upperBound, sentence: s), np.upperBound)
                }
                // A phrase of several words: its words joined by spaces, as bytes (no String per
                // candidate), when the next word may be the second of one.
                if a.tables.cues.maxBeforeWords > 1, i + 1 < hi, a.tables.beforeSeconds.mayContain(lowerOf: t[i + 1]) {
                    var phrase: [UInt8] = []
                    var first = t[i].lower
                    first.withUTF8 { phrase.append(contentsOf: $0) }
                    for n in 2...a.tables.cues.maxBeforeWords where i + n <= hi {
                        phrase.append(0x20)
                        var word = t[i + n - 1].lower
                        word.withUTF8 { phrase.append(contentsOf: $0) }
                        if phrase.withUnsafeBufferPointer({ a.tables.before.contains(bytes: $0) }),
                           let np = speaker(from: i + n, limit: hi) {
                            return (mention(cue: i..<(i + n), speaker: np, span: i..<np.upperBound, sentence: s), np.upperBound)
                        }
                    }
                }
            }
            if has(i, .nachPreposition), let r = nach(at: i, lo: lo, hi: hi, sentence: s) { return r }
            // "Quellen zufolge"
            if has(i, .after), let np = speaker(endingAt: i, lo: lo) {
                var m = mention(cue: i..<(i + 1), speaker: np, span: np.lowerBound..<(i + 1), sentence: s)
                // "den Angaben zufolge" points back to the previous source; "Schätzungen zufolge"
                // names none.
                if isGeneric(np) {
                    guard has(np.lowerBound, .definite), let previous else { return nil }
                    m.source = previous
                }
                return (m, i + 1)
            }
            // ", so TASS."
            if has(i, .so), i > lo, t[i - 1].text.isByte(UInt8(ascii: ",")), let np = speaker(from: i + 1, limit: hi) {
                var end = np.upperBound
                while end < hi, isQuote(end) { end += 1 }
                if end == hi || t[end].kind == .punct {
                    return (mention(cue: i..<(i + 1), speaker: np, span: i..<np.upperBound, sentence: s), np.upperBound)
                }
            }
            if has(i, .speech), t[i].text == t[i].lower, let particles = a.tables.speech[t[i].lower] {
                return speech(at: i, particles: particles, lo: lo, hi: hi, sentence: s)
            }
            return nil
        }

        // MARK: Cues

        /// "nach Angaben des X", "nach Angaben von X", "nach südkoreanischen Angaben",
        /// "nach Südkoreas Einschätzung", "nach UN-Angaben", "nach Polizeiangaben".
        func nach(at i: Int, lo: Int, hi: Int, sentence s: Int) -> (SourceMention, Int)? {
            var k = i + 1
            var noun: (index: Int, prefix: String)? = nil
            while k < hi, k - i <= 6, t[k].kind == .word {
                if t[k].isCapitalized, let p = nachNounPrefix(t[k].lower) {
                    noun = (k, p)
                    break
                }
                // Between "nach" and the noun: articles, adjectives, a named genitive ("Südkoreas").
                if has(k, .function) || t[k].isCapitalized && !inEntity(k) { return nil }
                k += 1
            }
            guard let (n, prefix) = noun else { return nil }
            let cueText = "nach " + t[n].text
            var tail: Range<Int>? = nil
            // "nach Angaben des X" (the article opens the speaker), "nach Angaben von X".
            if n + 1 < hi, has(n + 1, .genitive) {
                let start = has(n + 1, .determiner) ? n + 1 : n + 2
                tail = speaker(from: start, limit: hi)
            }
            if let np = tail {
                return (mention(cue: i..<(n + 1), speaker: np, span: i..<np.upperBound, sentence: s, cueText: cueText), np.upperBound)
            }
            let span = TextSpan(t[i].span.start, t[n].span.end)
            let between = (i + 1)..<n
            var source: String? = nil
            if between.count == 1, has(between.lowerBound, .reflexive) {
                // "nach eigenen Angaben": the subject, right before or at the start of the clause.
                var cs = i
                while cs > lo, !isBoundary(cs - 1) { cs -= 1 }
                if let np = speaker(endingAt: i, lo: cs) {
                    source = normalise(np, allowLocation: true)
                } else if let np = speaker(from: cs, limit: i), np.upperBound < i, t[np.upperBound].kind == .word,
                          t[np.upperBound].text == t[np.upperBound].lower,
                          !has(np.upperBound, .function) {
                    // The subject first, then the finite verb: "Beate Zschäpe ist nach eigenen Angaben".
                    source = normalise(np, allowLocation: true)
                } else {
                    return nil
                }
            } else if !between.isEmpty {
                source = normalise(between, allowLocation: true)
            } else if !prefix.isEmpty {
                // "UN-Angaben", "Polizeiangaben": the first part of the compound is the source.
                // Lowercasing keeps the length, so the written prefix is as long.
                var written = String(t[n].text.dropLast(t[n].lower.count - prefix.count))
                while written.hasSuffix("-") { written.removeLast() }
                let key = FoldedPhraseTable<String>.key(word: written)
                source = a.tables.aliases[key] ?? a.tables.gazetteer.names[key]?.name ?? written
            }
            guard let source, !source.isEmpty else { return nil }
            return (SourceMention(span: span, text: doc.text(span), source: source, cue: cueText, sentence: s), n + 1)
        }

        /// When `word` is an attribution noun or a compound ending in one, the part before it
        /// ("" for the noun alone, "un-" for "un-angaben", "polizei" for "polizeiangaben").
        func nachNounPrefix(_ word: String) -> String? {
            if a.tables.nachNouns.contains(word) { return "" }
            var w = word
            return w.withUTF8 { bytes -> String? in
                for noun in a.tables.cues.nachNouns {
                    // The UTF-8 suffix first (tokens and lexicon are NFC, so a word ends with the
                    // noun only if its bytes do): the Character counts and the Unicode-aware
                    // `hasSuffix` cost thousands of instructions per noun, and nearly every
                    // noun fails here.
                    let tail = noun.utf8.withContiguousStorageIfAvailable { n in
                        n.count < bytes.count && n.elementsEqual(bytes[(bytes.count - n.count)...])
                    } ?? true
                    if tail, word.count > noun.count + 1, word.hasSuffix(noun) {
                        return String(word.dropLast(noun.count))
                    }
                }
                return nil
            }
        }

        /// A verb of saying at `i` and its subject.
        func speech(at i: Int, particles: [String], lo: Int, hi: Int, sentence s: Int) -> (SourceMention, Int)? {
            var cs = i
            while cs > lo, !isBoundary(cs - 1) { cs -= 1 }
            var ce = i + 1
            while ce < hi, !isBoundary(ce) { ce += 1 }
            // The separable particle must close the clause: "teilte ... mit.", "gab ... an, dass".
            var last = i
            var cueText = t[i].text
            if !particles.contains("") {
                guard let p = ((i + 1)..<ce).first(where: { k in
                    particles.contains(t[k].lower) && (closes(k, hi) || has(k + 1, .coordinator))
                }) else { return nil }
                last = p
                cueText += " " + t[p].text
            }
            // A passive ("Als Kind wurde mir immer gesagt") names no speaker as subject.
            if closes(i, hi), (cs..<i).contains(where: { has($0, .passive) }) { return nil }
            // A clause-final participle after an auxiliary: the auxiliary is the finite verb.
            var finite = i
            if closes(i, hi), let aux = (cs..<i).first(where: { has($0, .auxiliary) }) { finite = aux }

            // "wie TASS berichtete", "als Russland im April erklärte"
            // (A separated particle means a main clause: "Als Grund gab der Konzern ... an.")
            if finite == i, last == i, closes(i, hi), cs < i, has(cs, .subordinator),
               let np = speaker(from: cs + 1, limit: i) {
                return (mention(cue: cs..<(cs + 1), speaker: np, span: cs..<(last + 1), sentence: s,
                                cueText: Token.lowercase(t[cs].text) + " " + cueText), last + 1)
            }
            // A second verb sharing the clause's subject: "Kim hielt ... ab und verkündete ...".
            if i > cs, has(i - 1, .coordinator) {
                guard let np = speaker(from: cs, limit: i), np.upperBound < i, t[np.upperBound].kind == .word,
                      t[np.upperBound].text == t[np.upperBound].lower,
                      !has(np.upperBound, .function) else { return nil }
                return (mention(cue: i..<(i + 1), speaker: np, span: i..<(last + 1), sentence: s, cueText: cueText),
                        last + 1)
            }
            // A pronoun right after the verb is its subject: "Seinen Rücktritt gab er ... bekannt".
            if finite + 1 < ce, has(finite + 1, .pronoun) {
                return pronoun(finite + 1, span: min(i, finite)..<max(finite + 2, last + 1), cueText: cueText, sentence: s,
                               next: max(finite + 2, last + 1))
            }
            // Subject first: "Lee führte aus", "Einige Experten sagten", "Er sagte"; a conjunction
            // or focus particle before it does not count ("Aber sogar der Präsident sagte").
            while cs < finite, has(cs, .conjunction) { cs += 1 }
            if cs < finite {
                if finite - cs == 1, has(cs, .pronoun) {
                    return pronoun(cs, span: cs..<(last + 1), cueText: cueText, sentence: s, next: last + 1)
                }
                if let np = speaker(from: cs, limit: finite), np.upperBound == finite {
                    return (mention(cue: i..<(i + 1), speaker: np, span: cs..<(last + 1), sentence: s, cueText: cueText),
                            last + 1)
                }
            }
            // Subject after the verb: "sagte der Sekretär ... Schoigu", "Das teilte TASS mit".
            var k = finite + 1
            while k < ce, has(k, .adverb) { k += 1 }
            // "heißt es im ORF", "hieß es in einer Aussendung der Entwickler"
            if k + 1 < ce, has(k, .impersonal) {
                k += 1
                while k < ce, has(k, .adverb) { k += 1 }
                guard k < ce, has(k, .sourcePreposition) else { return nil }
                k += 1
            }
            guard k < ce else { return nil }
            // With an auxiliary the subject may stand before the participle: "hat die X bestätigt".
            let end = max(k + 1, last + 1)
            if has(k, .pronoun) {
                return pronoun(k, span: finite..<end, cueText: cueText, sentence: s, next: end)
            }
            guard let np = speaker(from: k, limit: ce) else { return nil }
            return (mention(cue: i..<(i + 1), speaker: np, span: finite..<max(np.upperBound, last + 1), sentence: s,
                            cueText: cueText), max(np.upperBound, last + 1))
        }

        /// "sagte er": the previous speaker of the document.
        func pronoun(_ k: Int, span: Range<Int>, cueText: String, sentence s: Int, next: Int) -> (SourceMention, Int)? {
            guard let previous else { return nil }
            let ts = TextSpan(t[span.lowerBound].span.start, t[span.upperBound - 1].span.end)
            return (SourceMention(span: ts, text: doc.text(ts), source: previous, cue: Token.lowercase(cueText), sentence: s), next)
        }

        // MARK: Speaker phrases

        /// A speaker phrase starting at `start`: articles, adjectives, capitalised words and
        /// genitive chains ("der Sekretär des russischen Sicherheitsrates Sergei Schoigu"); the
        /// range runs from the first to the last capitalised word (quotes excluded).
        func speaker(from start: Int, limit: Int) -> Range<Int>? {
            var j = start
            while j < limit, isQuote(j) { j += 1 }
            let first = j
            var lastHead: Int? = nil
            var afterDeterminer = true
            var hadArticle = false
            while j < limit, j - first < SourceAnnotator.maxPhrase {
                // Fields of the token, not a copy of it (which retains both its Strings).
                if isQuote(j) {
                    // A quoted name inside the phrase: Nachrichtenagentur „Yonhap“.
                    if j + 1 < limit, t[j + 1].kind == .word, t[j + 1].isCapitalized { j += 1; continue }
                    break
                }
                // A bracket after the head: "Sebastian Kurz (ÖVP)".
                if singleByte(j) == UInt8(ascii: "("), lastHead != nil,
                   let close = (j..<min(limit, j + 8)).first(where: { singleByte($0) == UInt8(ascii: ")") }) {
                    j = close + 1
                    continue
                }
                guard t[j].kind == .word else { break }
                // A truncated compound: "Fleisch- und Wursthersteller".
                if Self.endsWithHyphen(t[j].text), j + 2 < limit, has(j + 1, .coordinator) {
                    j += 2
                    continue
                }
                if let h = lastHead {
                    // After a name an article opens an object: "sagte Nikolic der Zeitung Danas",
                    // "sagte Riad Haddad dem Fernsehsender" (but: "der Sekretär des Sicherheitsrates").
                    if inPerson(h) || !hadArticle, has(j, .definite) { break }
                    if has(j, .genitive) { afterDeterminer = true; j += 1; continue }
                    // A place after the head: "die türkische Botschaft in Bagdad" (see `core`).
                    if has(j, .place), j + 1 < limit, t[j + 1].kind == .word,
                       t[j + 1].isCapitalized || has(j + 1, .determiner) {
                        afterDeterminer = true
                        j += 1
                        continue
                    }
                    if has(j, .determiner) { break }
                } else if has(j, .determiner) {
                    afterDeterminer = true; hadArticle = true; j += 1; continue
                }
                if has(j, [.function, .subjunctive, .verb]) { break }
                if t[j].isCapitalized {
                    // After a head, another capitalised word must be a name ("Nachrichtenagentur TASS"),
                    // not a second noun ("der Konzern Sicherheitsbedenken").
                    // ("in Sofioter Justizkreisen": a capitalised adjective without article is fine.)
                    if let h = lastHead, h == j - 1, h > first, !inEntity(j), a.tables.gazetteer.looksLikeNoun(t[j].lower),
                       t[h - 1].kind == .word, t[h - 1].text == t[h - 1].lower { break }
                    lastHead = j
                    afterDeterminer = false
                    j += 1
                    continue
                }
                if afterDeterminer || lastHead == nil, isAdjective(j), j + 1 < limit, t[j + 1].kind == .word {
                    j += 1
                    continue
                }
                break
            }
            guard let h = lastHead else { return nil }
            return first..<(h + 1)
        }

        /// The longest speaker phrase that ends right before `end` ("Quellen zufolge").
        func speaker(endingAt end: Int, lo: Int) -> Range<Int>? {
            var best: Range<Int>? = nil
            var k = end - 1
            while k >= lo, end - k <= SourceAnnotator.maxPhrase, t[k].kind == .word || isQuote(k) {
                if let np = speaker(from: k, limit: end), np.upperBound == end { best = k..<end }
                k -= 1
            }
            return best
        }

        /// A phrase headed by an attribution noun: "den Angaben", "Berichten", "Schätzungen".
        func isGeneric(_ np: Range<Int>) -> Bool {
            has(np.upperBound - 1, .nachNoun)
        }

        func isAdjective(_ j: Int) -> Bool {
            let f = t[j].lower
            guard !has(j, .speech) else { return false }
            // An ASCII word has one byte per Character: its byte count and last bytes are the
            // Character count and suffixes the String tests give.
            if let ascii = ModalityAnnotator.withASCII(f, { b -> Bool in
                guard b.count >= 4 else { return false }
                let last = b[b.count - 1], second = b[b.count - 2]
                return last == UInt8(ascii: "e")
                    || second == UInt8(ascii: "e") && (last == UInt8(ascii: "n") || last == UInt8(ascii: "r")
                        || last == UInt8(ascii: "s") || last == UInt8(ascii: "m"))
            }) { return ascii }
            return f.count >= 4 && (f.hasSuffix("e") || f.hasSuffix("en") || f.hasSuffix("er") || f.hasSuffix("es") || f.hasSuffix("em"))
        }

        /// `text.hasSuffix("-")`: the last byte is a hyphen after an ASCII byte (or alone), where
        /// no Character can join the hyphen to what precedes it; else the String test.
        static func endsWithHyphen(_ text: String) -> Bool {
            let bytes: Bool?? = text.utf8.withContiguousStorageIfAvailable { b -> Bool? in
                guard let last = b.last, last == UInt8(ascii: "-") else { return false }
                if b.count == 1 || b[b.count - 2] < 0x80 { return true }
                return nil
            }
            if let bytes, let bytes { return bytes }
            return text.hasSuffix("-")
        }

        // MARK: Normalisation

        func mention(cue: Range<Int>, speaker np: Range<Int>, span: Range<Int>, sentence s: Int, cueText: String? = nil) -> SourceMention {
            var end = span.upperBound
            // Include a closing quote around the speaker: laut «Tagesschau».
            if end < tokens.count, isQuote(end), (max(0, np.lowerBound - 1)..<end).contains(where: isQuote) { end += 1 }
            let ts = TextSpan(t[span.lowerBound].span.start, t[end - 1].span.end)
            let text = cueText ?? cue.map { t[$0].text }.joined(separator: " ")
            return SourceMention(span: ts, text: doc.text(ts), source: normalise(np, allowLocation: false),
                                 cue: Token.lowercase(text), sentence: s)
        }

        /// The canonical source of a speaker phrase: an alias inside it (longest), else a person
        /// or organisation named in it, else a place when the phrase is only that place, else the
        /// phrase as written without leading articles.
        /// The phrase without a trailing place: "türkische Botschaft in Bagdad" → "türkische Botschaft".
        func core(_ np: Range<Int>) -> Range<Int> {
            guard let p = np.dropFirst().first(where: { has($0, .place) }) else { return np }
            return np.lowerBound..<p
        }

        /// The phrase up to its first genitive article or "von" after a capitalised word.
        func headPart(_ np: Range<Int>) -> Range<Int>? {
            guard let firstHead = np.first(where: { t[$0].isCapitalized }),
                  let connector = ((firstHead + 1)..<np.upperBound).first(where: { has($0, .genitive) })
            else { return nil }
            return np.lowerBound..<connector
        }

        /// The longest alias inside the phrase (the rightmost of equal length: "Nachrichtenagentur TASS").
        func alias(in np: Range<Int>) -> String? {
            // The lookup keys of the phrase's tokens only: few tokens are in a speaker phrase.
            let keys = np.map { t[$0].kind == .word ? FoldedPhraseTable<String>.key(word: t[$0].text) : "" }
            // Longer ranges than any alias cannot match (`Tables.aliasPieces`).
            for length in stride(from: min(np.count, a.tables.aliasPieces), through: 1, by: -1) {
                for start in stride(from: np.upperBound - length, through: np.lowerBound, by: -1) {
                    let first = start - np.lowerBound
                    if let v = a.tables.aliases.exactMatch(keys, first..<(first + length)) { return v }
                }
            }
            return nil
        }

        /// An alias, person, organisation or unknown name in the phrase, if any.
        func named(_ np: Range<Int>) -> String? {
            if let v = alias(in: np) { return v }
            let span = TextSpan(t[np.lowerBound].span.start, t[np.upperBound - 1].span.end)
            let inside = doc.entities.filter { span.contains($0.span) }
            return (inside.first(where: { $0.type == .person }) ?? inside.first(where: { $0.type == .organisation })
                ?? inside.first(where: { $0.type == .other }))?.name
        }

        func normalise(_ whole: Range<Int>, allowLocation: Bool) -> String {
            let np = core(whole)
            // The head before a genitive or "von" names the speaker first: "Igor Konaschenkow vom
            // Verteidigungsministerium"; "der Sprecher des Außenministeriums" falls through.
            if let head = headPart(np), let name = named(head) { return name }
            if let v = alias(in: np) { return v }
            let span = TextSpan(t[np.lowerBound].span.start, t[np.upperBound - 1].span.end)
            let inside = doc.entities.filter { span.contains($0.span) }
            if let e = inside.first(where: { $0.type == .person }) ?? inside.first(where: { $0.type == .organisation }) {
                return e.name
            }
            var first = np.lowerBound
            while first < np.upperBound - 1, has(first, .determiner) || isQuote(first) { first += 1 }
            // An unknown name opening the phrase: "sagt Andreas Baur von der Steuerungsgruppe".
            if let e = inside.first(where: { $0.type == .other && $0.span.start == t[first].span.start }) {
                return e.name
            }
            if let e = inside.first(where: { $0.type == .location }),
               allowLocation || e.span.start <= t[first].span.start && e.span.end >= t[np.upperBound - 1].span.end {
                return e.name
            }
            return doc.text(TextSpan(t[first].span.start, t[np.upperBound - 1].span.end))
        }
    }
}

/// The cue kinds of a document's tokens (`SourceAnnotator.Scan.kinds`), some looked up when
/// first asked. A class with a buffer: the scan is a value that asks from non-mutating methods.
final class CueKinds {
    /// Per token: the kind bits, `unknown` (may be a cue word; not looked up yet) or
    /// `unscanned` (not classified yet).
    let values: UnsafeMutableBufferPointer<UInt32>
    /// Per token: `computed` once `inEntity` and `inPerson` are known.
    let flags: UnsafeMutableBufferPointer<UInt8>
    /// Not sets of kind bits: the kinds use the low 25 bits.
    static let unknown = UInt32.max, unscanned = UInt32.max - 1
    static let inEntity: UInt8 = 1, inPerson: UInt8 = 2, computed: UInt8 = 0x80

    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: CueKinds.unscanned)
        flags = .allocate(capacity: count)
        flags.initialize(repeating: 0)
    }

    deinit {
        values.deallocate()
        flags.deallocate()
    }

    @inline(never)
    func lookUp(_ k: Int, tokens: [Token], map: WordMap<UInt32>) -> UInt32 {
        let v = map[tokens[k].lower] ?? 0
        values[k] = v
        return v
    }
}
