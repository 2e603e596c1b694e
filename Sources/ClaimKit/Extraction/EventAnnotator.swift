/// Names what happened in sentences that carry a date (layer `sentenceEvent`): lemmatised key
/// words "Noun verb" from the events lexicon, so that "im Juni 2024 unterzeichneten ...
/// Partnerschaftsabkommen", "durch einen Vertrag besiegelt" and "ein Abkommen ... geschlossen"
/// all read "Abkommen unterzeichnen" and can be compared.
///
/// The verb is the lexicon verb nearest to a date expression; the noun is the lexicon noun
/// (or compound head: "Gegenoffensiven" → Offensive) nearest to that verb in the same clause.
/// Distances count clause boundaries (`ClauseDistance`), and words inside a quotation do not
/// pair with a date outside it. Kinds of one thing share a canonical noun, and a verb takes its
/// canonical synonym for that noun (an Abkommen that is geschlossen is unterzeichnet).
/// Without a verb, a noun in the date's clause names the event alone ("Wahl"). The chosen date
/// expression is recorded in `eventTime` for the date claim.
public struct EventAnnotator: Annotator {
    public let name = "events"
    /// Written form → canonical noun. Byte-keyed (`WordMap`): `noun(_:)` probes every suffix
    /// of every capitalised word in a dated sentence for a compound head.
    let nouns: WordMap<String>
    /// The noun forms written backwards (payload: their id in `nouns`), so that one walk from
    /// the end of a word finds every lexicon noun that ends it, longest last.
    let reversedNouns: LetterTrie
    /// Written form → (lemma, particle that must stand in the sentence or "").
    let verbs: WordMap<[(lemma: String, particle: String)]>
    /// The forms of `verbs`: most words of a sentence are ruled out without a lookup.
    let verbFilter: WordFilter
    /// "Noun|verb lemma" → canonical verb.
    let synonyms: [String: String]
    /// Compound heads are looked for only when the head is this long.
    let minimumHead = 4
    /// Every noun form is in `reversedNouns`.
    let nounsAreLetters: Bool

    public init(lexicon: Lexicon = .shared) {
        var nouns = WordMap<String>()
        var verbs = WordMap<[(lemma: String, particle: String)]>()
        var synonyms: [String: String] = [:]
        for row in lexicon.table("events").rows where row.count >= 3 {
            switch row[0] {
            case "noun":
                for form in row[1].split(separator: " ") { nouns[form.lowercased()] = row[2] }
            case "verb":
                let particle = row.count > 3 ? row[3].lowercased() : ""
                for form in row[1].split(separator: " ") { verbs[form.lowercased(), default: []].append((row[2], particle)) }
            case "synonym" where row.count >= 4:
                synonyms["\(row[1])|\(row[2])"] = row[3]
            default:
                continue
            }
        }
        self.nouns = nouns
        var reversed = LetterTrie()
        var letterForms = true
        for form in nouns.keys {
            guard form.unicodeScalars.allSatisfy({ LetterTrie.letter($0) >= 0 }), let id = nouns.id(form) else {
                letterForms = false
                continue
            }
            reversed.insert(form.unicodeScalars.reversed(), payload: id)
        }
        reversedNouns = reversed
        // A form with other characters than German letters is not in the trie: `noun` then
        // probes every suffix instead.
        nounsAreLetters = letterForms
        self.verbs = verbs
        verbFilter = WordFilter(verbs.keys)
        self.synonyms = synonyms
    }

    public func annotate(_ doc: inout AnnotatedDocument) {
        if doc.sentenceEvent.count != doc.sentences.count {
            doc.sentenceEvent = Array(repeating: nil, count: doc.sentences.count)
        }
        for (s, dates, ranges) in Self.datesBySentence(doc.times) where doc.sentences.indices.contains(s) {
            // A day date the splitter cut after "28." carries the clause on into the next sentence.
            var words = doc.sentences[s].tokens
            if let last = ranges.map(\.upperBound).max(), last > words.upperBound,
               let following = doc.sentences.first(where: { $0.tokens.contains(last - 1) }) {
                words = words.lowerBound..<following.tokens.upperBound
            }
            if let found = event(in: words, tokens: doc.tokens, dates: ranges) {
                doc.sentenceEvent[s] = found.event
                doc.eventTime[s] = dates[found.date]
            }
        }
    }

    /// The indices of the date expressions of each sentence that has one, in the order of
    /// `times`. The time annotator writes them in text order, so one pass groups them, without
    /// a dictionary (whose order the caller does not depend on: each sentence is written once).
    /// With each group, the token ranges of its dates.
    static func datesBySentence(_ times: [TimeMention]) -> [(sentence: Int, dates: [Int], ranges: [Range<Int>])] {
        var groups: [(sentence: Int, dates: [Int], ranges: [Range<Int>])] = []
        for n in times.indices where times[n].type == .date {
            // One copy of the mention for both computed fields (each read from the array
            // would copy it).
            let m = times[n]
            let s = m.sentence
            if let last = groups.last?.sentence, last == s {
                groups[groups.count - 1].dates.append(n)
                groups[groups.count - 1].ranges.append(m.tokens)
            } else if groups.last.map({ $0.sentence < s }) ?? true {
                groups.append((s, [n], [m.tokens]))
            } else {
                // Out of order: group through a dictionary.
                var bySentence: [Int: [Int]] = [:]
                for (n, t) in times.enumerated() where t.type == .date { bySentence[t.sentence, default: []].append(n) }
                return bySentence.map { ($0.key, $0.value, $0.value.map { times[$0].tokens }) }
            }
        }
        return groups
    }

    /// The event of one sentence and which of `dates` (index) it is placed at.
    func event(in range: Range<Int>, tokens: [Token], dates: [Range<Int>]) -> (event: String, date: Int)? {
        var verbHits: [(index: Int, lemma: String)] = []
        var nounHits: [(index: Int, noun: String)] = []
        // Through the buffer: a Token read by index is copied with both its Strings retained.
        tokens.withUnsafeBufferPointer { t in
            for i in range where t[i].kind == .word && !dates.contains(where: { $0.contains(i) }) {
                let capitalized = t[i].isCapitalized
                if capitalized, let noun = noun(t[i].lower) { nounHits.append((i, noun)) }
                if !capitalized || i == range.lowerBound, let lemma = verb(at: i, in: range, tokens: t) {
                    verbHits.append((i, lemma))
                }
            }
        }
        // No candidate, no event: the clause boundaries are only counted for a sentence with one.
        if verbHits.isEmpty && nounHits.isEmpty { return nil }
        let clause = ClauseDistance(tokens: tokens, range: range)
        // The choices below take the first of the cheapest candidates (as `min(by:)` would),
        // in loops rather than through filtered and mapped arrays.
        // Words in a quotation belong to the quoted speaker's time, not to a date outside it.
        func nearestDate(_ i: Int) -> (date: Int, cost: Int)? {
            var best: (date: Int, cost: Int)? = nil
            let quoted = clause.quoted(i)
            for d in dates.indices where clause.quoted(dates[d].lowerBound) == quoted {
                let c = clause.cost(i, dates[d])
                if let b = best, b.cost <= c { continue }
                best = (d, c)
            }
            return best
        }
        var chosen: (verb: (index: Int, lemma: String), date: (date: Int, cost: Int))? = nil
        for v in verbHits {
            guard let d = nearestDate(v.index) else { continue }
            if let c = chosen, c.date.cost <= d.cost { continue }
            chosen = (v, d)
        }
        if let (verb, date) = chosen {
            var noun: (index: Int, noun: String)? = nil
            var nounCost = ClauseDistance.boundaryCost
            for n in nounHits where n.index != verb.index {
                let c = clause.cost(verb.index, n.index..<(n.index + 1))
                if c < nounCost { noun = n; nounCost = c }
            }
            guard let noun else { return (synonyms["*|\(verb.lemma)"] ?? verb.lemma, date.date) }
            let canonical = synonyms["\(noun.noun)|\(verb.lemma)"] ?? synonyms["*|\(verb.lemma)"] ?? verb.lemma
            return ("\(noun.noun) \(canonical)", date.date)
        }
        var fallback: (noun: (index: Int, noun: String), date: (date: Int, cost: Int))? = nil
        for n in nounHits {
            guard let d = nearestDate(n.index) else { continue }
            if let f = fallback, f.date.cost <= d.cost { continue }
            fallback = (n, d)
        }
        if let (noun, date) = fallback, date.cost < ClauseDistance.boundaryCost {
            return (noun.noun, date.date)
        }
        return nil
    }

    /// A lexicon noun, or the longest lexicon noun that ends a compound ("partnerschaftsabkommens").
    /// A noun listed with canonical "-" is not an event, nor is a compound it ends ("Auswahl").
    /// The compound head starts at the word's fourth character or later and is at least
    /// `minimumHead` characters long.
    func noun(_ lower: String) -> String? {
        var word = lower
        return word.withUTF8 { bytes in
            if let n = nouns.value(bytes: bytes) { return n == "-" ? nil : n }
            if nounsAreLetters, !bytes.contains(where: { $0 >= 0x80 }) {
                // ASCII (one byte per character): one walk back from the word's end through
                // the reversed forms; the deepest form that starts late enough is the longest head.
                let count = bytes.count
                guard count > minimumHead + 2 else { return nil }
                var node = 0, start = count
                var best: Int? = nil
                while start > 3 {
                    node = reversedNouns.step(node, letter: LetterTrie.letter(bytes, start - 1).0)
                    if node < 0 { break }
                    start -= 1
                    if count - start >= minimumHead, let id = reversedNouns.payload(at: node) { best = id }
                }
                guard let best, let n = nouns.value(id: best) else { return nil }
                return n == "-" ? nil : n
            }
            // Otherwise probe the suffixes from the fourth character (grapheme cluster) on,
            // longest first, as byte ranges of the word (no String per suffix).
            if let found = latinSuffixNoun(bytes) { return found }
            return characterSuffixNoun(lower, bytes)
        }
    }

    /// `noun`'s probe of the suffixes that start at the word's fourth Character or later, for
    /// any word: Characters counted and walked by String indices (`bytes`: the word's UTF-8).
    func characterSuffixNoun(_ lower: String, _ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let count = lower.count
        guard count > minimumHead + 2 else { return nil }
        var index = lower.startIndex
        for c in 0...(count - minimumHead) {
            if c >= 3 {
                let offset = lower.utf8.distance(from: lower.startIndex, to: index)
                if let n = nouns.value(bytes: UnsafeBufferPointer(rebasing: bytes[offset...])) { return n == "-" ? nil : n }
            }
            lower.formIndex(after: &index)
        }
        return nil
    }

    /// `noun`'s probe of suffixes for a word of ASCII and two-byte Latin-1 letters (nearly
    /// every word with an umlaut or ß): there every scalar is a Character, so the suffixes start
    /// at the bytes that begin a scalar, and no String index walks the word. nil when the word
    /// has other characters (the caller then walks Characters); `.some(nil)` for no noun.
    func latinSuffixNoun(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        var count = 0
        for b in bytes where b & 0xC0 != 0x80 {
            // A line end ("\r\n" is one Character) or a scalar outside Latin-1.
            if b == 0x0D || (b >= 0x80 && b != 0xC2 && b != 0xC3) { return nil }
            count += 1
        }
        guard count > minimumHead + 2 else { return .some(nil) }
        var c = 0
        for offset in bytes.indices where bytes[offset] & 0xC0 != 0x80 {
            if c > count - minimumHead { break }
            if c >= 3, let n = nouns.value(bytes: UnsafeBufferPointer(rebasing: bytes[offset...])) {
                return .some(n == "-" ? nil : n)
            }
            c += 1
        }
        return .some(nil)
    }

    /// The verb lemma of token `i`, when its separable particle (if any) stands in the sentence:
    /// right before it ("bekannt gegeben") or closing a clause after it ("gab ... bekannt").
    /// (`tokens`: a buffer, whose elements are read without a copy of their Strings.)
    func verb(at i: Int, in range: Range<Int>, tokens: UnsafeBufferPointer<Token>) -> String? {
        guard verbFilter.mayContain(lowerOf: tokens[i]) else { return nil }
        let lower = tokens[i].lower
        guard let candidates = verbs[lower] else { return nil }
        for c in candidates {
            if c.particle.isEmpty { return c.lemma }
            if i > range.lowerBound, tokens[i - 1].lower == c.particle { return c.lemma }
            var u = i + 1
            while u < range.upperBound {
                // The particle closes its clause: before punctuation, the end, or a coordinating "und".
                if tokens[u].lower == c.particle,
                   u + 1 == range.upperBound || tokens[u + 1].kind == .punct || tokens[u + 1].lower == "und"
                    || tokens[u + 1].lower == "oder" { return c.lemma }
                u += 1
            }
        }
        return nil
    }
}
