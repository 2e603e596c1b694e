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
        var scan = Scan(doc: doc, annotator: self)
        var mentions: [SourceMention] = []
        var sentenceSource = Array<Int?>(repeating: nil, count: doc.sentences.count)
        var carried: Int? = nil
        for (s, sentence) in doc.sentences.enumerated() {
            scan.previous = mentions.last?.source
            let found = scan.mentions(in: sentence, index: s)
            if !found.isEmpty {
                if s > 0, sentenceSource[s - 1] == nil, refersBack(found[0], sentence, doc) {
                    sentenceSource[s - 1] = mentions.count
                }
                sentenceSource[s] = mentions.count
                carried = mentions.count
                mentions += found
            } else if let c = carried, scan.isReportedSpeech(sentence) {
                sentenceSource[s] = c
            } else {
                carried = nil
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
        /// Per token: the cue sets its lowercased text is in (`AttributionCues.kinds`), looked
        /// up once so that the scan tests bits instead of hashing the word again per set.
        let kinds: CueKinds
        /// Tokens inside a named entity, and inside a person's name.
        let inEntity: [Bool]
        let inPerson: [Bool]
        /// The source of the last attribution before the current sentence (for "sagte er").
        var previous: String?

        init(doc: AnnotatedDocument, annotator: SourceAnnotator) {
            self.doc = doc
            a = annotator
            tokens = doc.tokens
            let n = doc.tokens.count
            let kinds = CueKinds(count: n)
            var inEntity = Array(repeating: false, count: n)
            var inPerson = Array(repeating: false, count: n)
            // Through the buffers: a Token read by index is copied with both its Strings
            // retained, and writes to the arrays need no uniqueness checks.
            doc.tokens.withUnsafeBufferPointer { tokens in
                let map = annotator.tables.cues.kinds
                let wordsOnly = annotator.tables.cues.letterKeys
                let filter = annotator.tables.cueFilter
                let startFilter = annotator.tables.cueStartFilter
                for j in 0..<n {
                    guard !wordsOnly || (tokens[j].kind != .punct && tokens[j].kind != .number),
                          filter.mayContain(lowerOf: tokens[j]) else { continue }
                    // A word that starts no cue is looked up only when a cue nearby asks for it.
                    if startFilter.mayContain(lowerOf: tokens[j]) {
                        kinds.values[j] = map[tokens[j].lower] ?? 0
                    } else {
                        kinds.values[j] = CueKinds.unknown
                    }
                }
                doc.entities.withUnsafeBufferPointer { entities in
                    inEntity.withUnsafeMutableBufferPointer { inEntity in
                        inPerson.withUnsafeMutableBufferPointer { inPerson in
                            var e = 0
                            for j in 0..<n {
                                let span = tokens[j].span
                                while e < entities.count, entities[e].span.end <= span.start { e += 1 }
                                if e < entities.count, entities[e].span.contains(span) {
                                    inEntity[j] = true
                                    inPerson[j] = entities[e].type == .person
                                }
                            }
                        }
                    }
                }
            }
            self.kinds = kinds
            self.inEntity = inEntity
            self.inPerson = inPerson
        }

        /// Token `k`'s lowercased text is in the cue set(s) `kind`.
        @inline(__always)
        func has(_ k: Int, _ kind: Kind) -> Bool {
            // The buffer has no bounds check of its own (the array it replaced trapped).
            guard k >= 0, k < kinds.values.count else { return false }
            var v = kinds.values[k]
            if v == CueKinds.unknown { v = kinds.lookUp(k, tokens: tokens, map: a.tables.cues.kinds) }
            return v & kind.rawValue != 0
        }

        /// `has(k, Kind.cueStart)` without a lookup: the words not looked up start no cue.
        /// For a token of a sentence (the scan's loop), so without `has`'s bounds test.
        @inline(__always)
        func startsCue(_ k: Int) -> Bool {
            let v = kinds.values[k]
            return v != CueKinds.unknown && v & Kind.cueStart.rawValue != 0
        }

        /// Token `k` ends its clause: punctuation or the sentence end follows.
        func closes(_ k: Int, _ hi: Int) -> Bool {
            if k + 1 >= hi { return true }
            if isQuote(k + 1) { return k + 2 >= hi || tokens[k + 2].kind == .punct }
            return tokens[k + 1].kind == .punct
        }

        func isQuote(_ i: Int) -> Bool { tokens[i].text == "\"" || tokens[i].text == "'" }

        /// A clause boundary inside a sentence: comma, colon, semicolon, dash. Not a period
        /// (ordinals: "am 17. Juni"), a quote ("wie «ZDF» berichtet") or a bracket ("Kurz (ÖVP)").
        func isBoundary(_ i: Int) -> Bool {
            let t = tokens[i]
            guard t.kind == .punct || t.kind == .symbol else { return false }
            return !(t.text == "." || isQuote(i) || t.text == "(" || t.text == ")")
        }

        // MARK: Sentences

        /// The sentence continues reported speech: it has a subjunctive verb and is not a heading.
        func isReportedSpeech(_ sentence: Sentence) -> Bool {
            guard let last = sentence.tokens.last, tokens[last].kind == .punct || isQuote(last) else { return false }
            return sentence.tokens.contains { has($0, .subjunctive) && tokens[$0].isWord }
        }

        func mentions(in sentence: Sentence, index s: Int) -> [SourceMention] {
            var out: [SourceMention] = []
            let lo = sentence.tokens.lowerBound, hi = sentence.tokens.upperBound
            var i = lo
            while i < hi {
                // Most words start no cue: one bit test instead of the lookups in `attribution`.
                guard startsCue(i), tokens[i].isWord else { i += 1; continue }
                if let (m, next) = attribution(at: i, lo: lo, hi: hi, sentence: s) {
                    out.append(m)
                    i = max(next, i + 1)
                } else {
                    i += 1
                }
            }
            return out
        }

        /// An attribution whose cue is at token `i`, and the token after it.
        func attribution(at i: Int, lo: Int, hi: Int, sentence s: Int) -> (SourceMention, Int)? {
            guard has(i, Kind.cueStart) else { return nil }
            // "laut X", "unter Berufung auf X"
            if has(i, .beforeStart) {
                var phrase = tokens[i].lower
                for n in 1...a.tables.cues.maxBeforeWords where i + n <= hi {
                    if n > 1 { phrase += " " + tokens[i + n - 1].lower }
                    if a.tables.cues.before.contains(phrase), let np = speaker(from: i + n, limit: hi) {
                        return (mention(cue: i..<(i + n), speaker: np, span: i..<np.upperBound, sentence: s), np.upperBound)
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
            if has(i, .so), i > lo, tokens[i - 1].text == ",", let np = speaker(from: i + 1, limit: hi) {
                var end = np.upperBound
                while end < hi, isQuote(end) { end += 1 }
                if end == hi || tokens[end].kind == .punct {
                    return (mention(cue: i..<(i + 1), speaker: np, span: i..<np.upperBound, sentence: s), np.upperBound)
                }
            }
            if has(i, .speech), tokens[i].text == tokens[i].lower, let particles = a.tables.cues.speech[tokens[i].lower] {
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
            while k < hi, k - i <= 6, tokens[k].isWord {
                if tokens[k].isCapitalized, let p = nachNounPrefix(tokens[k].lower) {
                    noun = (k, p)
                    break
                }
                // Between "nach" and the noun: articles, adjectives, a named genitive ("Südkoreas").
                if has(k, .function) || tokens[k].isCapitalized && !inEntity[k] { return nil }
                k += 1
            }
            guard let (n, prefix) = noun else { return nil }
            let cueText = "nach " + tokens[n].text
            var tail: Range<Int>? = nil
            // "nach Angaben des X" (the article opens the speaker), "nach Angaben von X".
            if n + 1 < hi, has(n + 1, .genitive) {
                let start = has(n + 1, .determiner) ? n + 1 : n + 2
                tail = speaker(from: start, limit: hi)
            }
            if let np = tail {
                return (mention(cue: i..<(n + 1), speaker: np, span: i..<np.upperBound, sentence: s, cueText: cueText), np.upperBound)
            }
            let span = TextSpan(tokens[i].span.start, tokens[n].span.end)
            let between = (i + 1)..<n
            var source: String? = nil
            if between.count == 1, has(between.lowerBound, .reflexive) {
                // "nach eigenen Angaben": the subject, right before or at the start of the clause.
                var cs = i
                while cs > lo, !isBoundary(cs - 1) { cs -= 1 }
                if let np = speaker(endingAt: i, lo: cs) {
                    source = normalise(np, allowLocation: true)
                } else if let np = speaker(from: cs, limit: i), np.upperBound < i, tokens[np.upperBound].isWord,
                          tokens[np.upperBound].text == tokens[np.upperBound].lower,
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
                var written = String(tokens[n].text.dropLast(tokens[n].lower.count - prefix.count))
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
            if a.tables.cues.nachNouns.contains(word) { return "" }
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
            var cueText = tokens[i].text
            if !particles.contains("") {
                guard let p = ((i + 1)..<ce).first(where: { k in
                    particles.contains(tokens[k].lower) && (closes(k, hi) || has(k + 1, .coordinator))
                }) else { return nil }
                last = p
                cueText += " " + tokens[p].text
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
                                cueText: tokens[cs].text.lowercased() + " " + cueText), last + 1)
            }
            // A second verb sharing the clause's subject: "Kim hielt ... ab und verkündete ...".
            if i > cs, has(i - 1, .coordinator) {
                guard let np = speaker(from: cs, limit: i), np.upperBound < i, tokens[np.upperBound].isWord,
                      tokens[np.upperBound].text == tokens[np.upperBound].lower,
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
            let ts = TextSpan(tokens[span.lowerBound].span.start, tokens[span.upperBound - 1].span.end)
            return (SourceMention(span: ts, text: doc.text(ts), source: previous, cue: cueText.lowercased(), sentence: s), next)
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
                let t = tokens[j]
                if isQuote(j) {
                    // A quoted name inside the phrase: Nachrichtenagentur „Yonhap“.
                    if j + 1 < limit, tokens[j + 1].isWord, tokens[j + 1].isCapitalized { j += 1; continue }
                    break
                }
                // A bracket after the head: "Sebastian Kurz (ÖVP)".
                if t.text == "(", lastHead != nil,
                   let close = (j..<min(limit, j + 8)).first(where: { tokens[$0].text == ")" }) {
                    j = close + 1
                    continue
                }
                guard t.isWord else { break }
                // A truncated compound: "Fleisch- und Wursthersteller".
                if t.text.hasSuffix("-"), j + 2 < limit, has(j + 1, .coordinator) {
                    j += 2
                    continue
                }
                if let h = lastHead {
                    // After a name an article opens an object: "sagte Nikolic der Zeitung Danas",
                    // "sagte Riad Haddad dem Fernsehsender" (but: "der Sekretär des Sicherheitsrates").
                    if inPerson[h] || !hadArticle, has(j, .definite) { break }
                    if has(j, .genitive) { afterDeterminer = true; j += 1; continue }
                    // A place after the head: "die türkische Botschaft in Bagdad" (see `core`).
                    if has(j, .place), j + 1 < limit, tokens[j + 1].isWord,
                       tokens[j + 1].isCapitalized || has(j + 1, .determiner) {
                        afterDeterminer = true
                        j += 1
                        continue
                    }
                    if has(j, .determiner) { break }
                } else if has(j, .determiner) {
                    afterDeterminer = true; hadArticle = true; j += 1; continue
                }
                if has(j, [.function, .subjunctive, .verb]) { break }
                if t.isCapitalized {
                    // After a head, another capitalised word must be a name ("Nachrichtenagentur TASS"),
                    // not a second noun ("der Konzern Sicherheitsbedenken").
                    // ("in Sofioter Justizkreisen": a capitalised adjective without article is fine.)
                    if let h = lastHead, h == j - 1, h > first, !inEntity[j], a.tables.gazetteer.looksLikeNoun(t.lower),
                       tokens[h - 1].isWord, tokens[h - 1].text == tokens[h - 1].lower { break }
                    lastHead = j
                    afterDeterminer = false
                    j += 1
                    continue
                }
                if afterDeterminer || lastHead == nil, isAdjective(j), j + 1 < limit, tokens[j + 1].isWord {
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
            while k >= lo, end - k <= SourceAnnotator.maxPhrase, tokens[k].isWord || isQuote(k) {
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
            let f = tokens[j].lower
            return !has(j, .speech) && f.count >= 4 && (f.hasSuffix("e") || f.hasSuffix("en") || f.hasSuffix("er") || f.hasSuffix("es") || f.hasSuffix("em"))
        }

        // MARK: Normalisation

        func mention(cue: Range<Int>, speaker np: Range<Int>, span: Range<Int>, sentence s: Int, cueText: String? = nil) -> SourceMention {
            var end = span.upperBound
            // Include a closing quote around the speaker: laut «Tagesschau».
            if end < tokens.count, isQuote(end), (max(0, np.lowerBound - 1)..<end).contains(where: isQuote) { end += 1 }
            let ts = TextSpan(tokens[span.lowerBound].span.start, tokens[end - 1].span.end)
            let text = cueText ?? cue.map { tokens[$0].text }.joined(separator: " ")
            return SourceMention(span: ts, text: doc.text(ts), source: normalise(np, allowLocation: false),
                                 cue: text.lowercased(), sentence: s)
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
            guard let firstHead = np.first(where: { tokens[$0].isCapitalized }),
                  let connector = ((firstHead + 1)..<np.upperBound).first(where: { has($0, .genitive) })
            else { return nil }
            return np.lowerBound..<connector
        }

        /// The longest alias inside the phrase (the rightmost of equal length: "Nachrichtenagentur TASS").
        func alias(in np: Range<Int>) -> String? {
            // The lookup keys of the phrase's tokens only: few tokens are in a speaker phrase.
            let keys = np.map { tokens[$0].kind == .word ? FoldedPhraseTable<String>.key(word: tokens[$0].text) : "" }
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
            let span = TextSpan(tokens[np.lowerBound].span.start, tokens[np.upperBound - 1].span.end)
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
            let span = TextSpan(tokens[np.lowerBound].span.start, tokens[np.upperBound - 1].span.end)
            let inside = doc.entities.filter { span.contains($0.span) }
            if let e = inside.first(where: { $0.type == .person }) ?? inside.first(where: { $0.type == .organisation }) {
                return e.name
            }
            var first = np.lowerBound
            while first < np.upperBound - 1, has(first, .determiner) || isQuote(first) { first += 1 }
            // An unknown name opening the phrase: "sagt Andreas Baur von der Steuerungsgruppe".
            if let e = inside.first(where: { $0.type == .other && $0.span.start == tokens[first].span.start }) {
                return e.name
            }
            if let e = inside.first(where: { $0.type == .location }),
               allowLocation || e.span.start <= tokens[first].span.start && e.span.end >= tokens[np.upperBound - 1].span.end {
                return e.name
            }
            return doc.text(TextSpan(tokens[first].span.start, tokens[np.upperBound - 1].span.end))
        }
    }
}

/// The cue kinds of a document's tokens (`SourceAnnotator.Scan.kinds`), some looked up when
/// first asked. A class with a buffer: the scan is a value that asks from non-mutating methods.
final class CueKinds {
    /// Per token: the kind bits, or `unknown` (may be a cue word; not looked up yet).
    let values: UnsafeMutableBufferPointer<UInt32>
    /// Not a set of kind bits: the kinds use the low 25 bits.
    static let unknown = UInt32.max

    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: 0)
    }

    deinit { values.deallocate() }

    @inline(never)
    func lookUp(_ k: Int, tokens: [Token], map: WordMap<UInt32>) -> UInt32 {
        let v = map[tokens[k].lower] ?? 0
        values[k] = v
        return v
    }
}
