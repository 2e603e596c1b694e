/// Finds what each quantity counts (layer `objects`): the head noun after the number with
/// adjectives skipped ("11.000 nordkoreanische Soldaten" → Soldat), truncated coordinated
/// compounds ("Artillerie- und Raketengeschosse" → Geschoss), an object elided and inherited
/// within the sentence ("rund 11.000 Soldaten ... weitere rund 3.000" → Soldat), its concept
/// class from the objects lexicon, and its aspect from cue words in the number's clause.
public struct ObjectAnnotator: Annotator {
    public let name = "objects"

    /// Where a cue counts: next to the number, anywhere in its clause, or only before or after
    /// it ("3.000 Soldaten entsenden" is planned, "entsenden 3.000 Soldaten" is sent).
    enum Scope: String, Sendable { case np, clause, before, after }

    struct AspectCue: Sendable {
        var aspect: String
        var scope: Scope
        var priority: Int
        /// Only for counts of living beings.
        var beingsOnly: Bool
        /// The class this cue implies for a count of a generic class ("gefallen" → soldiers).
        var impliedClass: String?
    }

    /// "@located": a count of this class followed by one of these prepositions and a place.
    struct LocatedRule: Sendable {
        var prepositions: Set<String>
        var aspect: String
    }

    let objects: ObjectLexicon
    /// Cue words → index into `aspectCues`; a trie because every word of a clause is looked up.
    let aspects: LetterTrie
    /// The cue words' filter bits: most words of a clause are ruled out by their token's bit
    /// (`Token.lowerBit`) before their lower case is walked in `aspects`.
    let cueFilter: WordFilter
    /// Classes a cue's implied class may replace ("@generic").
    let genericClasses: Set<String>
    let locatedRules: [String: LocatedRule]
    let aspectCues: [[AspectCue]]
    /// Classes of living beings, for cues such as "getötet".
    let beingClasses: Set<String>
    /// Unit → class ("EUR" → money, "%" → percent), from the units lexicon.
    let unitClasses: [String: String]
    /// A token that ends a clause for the aspect search: , ; : ( ) " - (each one ASCII byte).
    /// Read in place from a token buffer: no Token is copied (with both its Strings retained);
    /// a word or number (most tokens, none of them one of these) is told by its kind alone.
    @inline(__always) static func isClauseBoundary(_ t: UnsafeBufferPointer<Token>, _ j: Int) -> Bool {
        if t[j].kind == .word || t[j].kind == .number { return false }
        let u = t[j].text.utf8
        guard u.count == 1, let c = u.first else { return false }
        switch c {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "\""), UInt8(ascii: "-"): return true
        default: return false
        }
    }

    public init(lexicon: Lexicon = .shared) {
        objects = lexicon.built(ObjectLexicon.init(lexicon:))
        var aspects: [String: [AspectCue]] = [:]
        var beings: Set<String> = []
        var generic: Set<String> = []
        var located: [String: LocatedRule] = [:]
        for row in lexicon.table("aspects").rows {
            if row.first == "@beings", row.count > 1 {
                beings.formUnion(row[1].split(separator: ",").map { ObjectLexicon.trimmed($0) })
                continue
            }
            if row.first == "@generic", row.count > 1 {
                generic.formUnion(row[1].split(separator: ",").map { ObjectLexicon.trimmed($0) })
                continue
            }
            if row.first == "@located", row.count > 3 {
                located[row[1]] = LocatedRule(
                    prepositions: Set(row[2].split(separator: ",").map { ObjectLexicon.trimmed($0).lowercased() }),
                    aspect: row[3])
                continue
            }
            guard row.count >= 4 else { continue }
            let form = row[0].lowercased()
            aspects[form, default: []].append(AspectCue(aspect: row[1], scope: Scope(rawValue: row[2]) ?? .clause,
                                                        priority: Int(row[3]) ?? 1,
                                                        beingsOnly: row.count > 4 && row[4] == "beings",
                                                        impliedClass: row.count > 5 && !row[5].isEmpty ? row[5] : nil))
        }
        var trie = LetterTrie()
        var cueLists: [[AspectCue]] = []
        for (form, cues) in aspects.sorted(by: { $0.key < $1.key }) {
            cueLists.append(cues)
            trie.insert(form, payload: cueLists.count - 1)
        }
        self.aspects = trie
        cueFilter = WordFilter(aspects.keys)
        aspectCues = cueLists
        beingClasses = beings
        genericClasses = generic
        locatedRules = located
        var classes: [String: String] = [:]
        for row in lexicon.table("units").rows where row.count >= 4 && row[3] == "quantity" && row[1] != "-" && row[2] != "-" {
            if classes[row[1]] == nil { classes[row[1]] = row[2] }
        }
        unitClasses = classes
    }

    public func annotate(_ doc: inout AnnotatedDocument) {
        var found: [ObjectMention] = []
        let t = doc.tokens
        /// The last number in the current sentence with a noun of its own, for elided objects.
        var antecedent: ObjectMention?
        var antecedentSentence = -1
        // Per token: its cue list in `aspectCues` + 1, 0 for none, -1 until looked up (the
        // clauses of several numbers overlap, and a sentence may be scanned twice).
        var cueMemo: [Int32] = []
        // Per token: whether it is a count noun (1) or not (0), -1 until looked up: the numbers
        // of a sentence look back over the same words.
        var countMemo: [Int8] = []
        for (k, n) in doc.numbers.enumerated() where n.role == .quantity {
            if cueMemo.isEmpty {
                cueMemo = [Int32](repeating: -1, count: t.count)
                countMemo = [Int8](repeating: -1, count: t.count)
            }
            guard doc.sentences.indices.contains(n.sentence) else { continue }
            let sentence = doc.sentences[n.sentence].tokens
            if n.sentence != antecedentSentence { antecedent = nil; antecedentSentence = n.sentence }
            var m = ObjectMention(number: k)
            var headEnd = n.tokens.upperBound
            let unitClass = n.unit.flatMap { unitClasses[$0] }
            if let uc = unitClass {
                m.cls = uc
                // "18 Prozent der Arbeiter": the percentage is of something.
                var from = n.tokens.upperBound
                if from < sentence.upperBound, ObjectLexicon.genitiveArticles.contains(t[from].lower) { from += 1 }
                if uc == "percent", from > n.tokens.upperBound,
                   let head = headNoun(t, from: from, end: sentence.upperBound, vague: false, plural: false) {
                    m.object = head.match.lemma
                    m.span = head.span
                    m.text = doc.text(head.span)
                    headEnd = head.index + 1
                }
            } else if let head = headNoun(t, from: n.tokens.upperBound, end: sentence.upperBound, vague: n.approx == .vague)
                        ?? partitiveHead(t, from: n.tokens.upperBound, end: sentence.upperBound) {
                m.object = head.truncated ? (head.match.head ?? head.match.lemma) : head.match.lemma
                m.cls = head.match.cls
                m.span = head.span
                m.text = doc.text(head.span)
                headEnd = head.index + 1
                antecedent = m
            } else if let a = antecedent {
                m.object = a.object
                m.cls = a.cls
                m.inherited = true
            } else if n.unit == nil,
                      let named = countedByCountNoun(t, before: n.tokens.lowerBound, sentence: sentence, memo: &countMemo) {
                m.object = named.match.lemma
                m.cls = named.match.cls
                m.inherited = true
            }
            let beings = m.object == nil || m.cls.map { beingClasses.contains($0) } ?? false
            let cue = t.withUnsafeBufferPointer {
                aspect($0, number: n.tokens, headEnd: headEnd, sentence: sentence, beings: beings, memo: &cueMemo)
            }
            m.aspect = cue?.aspect
            if let implied = cue?.impliedClass, m.cls.map(genericClasses.contains) ?? true { m.cls = implied }
            if m.aspect == nil, let cls = m.cls, let rule = locatedRules[cls],
               isPlace(after: headEnd, in: doc, sentence: sentence, prepositions: rule.prepositions) {
                m.aspect = rule.aspect
            }
            if m.object != nil || m.cls != nil || m.aspect != nil { found.append(m) }
        }
        doc.objects = found
    }

    struct Head {
        var index: Int
        var span: TextSpan
        var match: ObjectLexicon.Match
        var truncated: Bool
    }

    /// The counted noun after a number: adjectives and determiners skipped, truncated compounds
    /// ("Artillerie- und") carried to the noun that completes them.
    func headNoun(_ t: [Token], from start: Int, end: Int, vague: Bool, plural: Bool = true) -> Head? {
        var j = start
        var skipped = 0
        var truncatedFrom: Int?
        while j < end {
            let token = t[j]
            if token.isWord {
                if token.isCapitalized {
                    if token.text.hasSuffix("-") {
                        if truncatedFrom == nil { truncatedFrom = j }
                        j += 1
                        continue
                    }
                    let span = TextSpan(t[truncatedFrom ?? j].span.start, token.span.end)
                    return Head(index: j, span: span, match: objects.match(token.text, plural: plural), truncated: truncatedFrom != nil)
                }
                if truncatedFrom != nil, token.lower == "und" || token.lower == "oder" || token.lower == "sowie" {
                    j += 1
                    continue
                }
                // "Hunderte von Menschen"
                if vague, j == start, token.lower == "von" { j += 1; continue }
                guard skipped < 3, ObjectLexicon.isAdjectiveLike(token.lower) else { return nil }
                skipped += 1
                j += 1
                continue
            }
            if truncatedFrom != nil, token.text == "," { j += 1; continue }
            return nil
        }
        return nil
    }

    /// "drei der Insassen": a count out of a group named in the genitive.
    func partitiveHead(_ t: [Token], from: Int, end: Int) -> Head? {
        guard from < end, ObjectLexicon.genitiveArticles.contains(t[from].lower) else { return nil }
        return headNoun(t, from: from + 1, end: end, vague: false)
    }

    /// "die Gesamtzahl der nordkoreanischen Soldaten ... 40.000": the noun after a count noun
    /// earlier in the sentence; "die Opferzahl stieg auf 158": the first part of the compound.
    /// The count-noun tests are kept in `memo` (see `annotate`).
    func countedByCountNoun(_ t: [Token], before i: Int, sentence: Range<Int>, memo: inout [Int8]) -> Head? {
        var j = i - 1
        while j >= sentence.lowerBound {
            if memo[j] < 0 {
                // The class alone: most capitalised words are not count nouns.
                memo[j] = t[j].isWord && t[j].isCapitalized && objects.cls(of: t[j].text) == Self.countClass ? 1 : 0
            }
            if memo[j] == 1 {
                let countNoun = objects.match(t[j].text)
                var from = j + 1
                if from < i, ObjectLexicon.genitiveArticles.contains(t[from].lower) { from += 1 }
                if let head = headNoun(t, from: from, end: i, vague: false), head.match.cls != Self.countClass { return head }
                if let h = countNoun.head, countNoun.lemma.count > h.count + 2 {
                    let modifier = objects.match(String(countNoun.lemma.dropLast(h.count)))
                    if modifier.cls != nil { return Head(index: j, span: t[j].span, match: modifier, truncated: false) }
                }
                return nil
            }
            j -= 1
        }
        return nil
    }

    static let countClass = "count"

    /// The aspect cue for a number: cues next to the number ("weitere", "zusätzlichen") and in
    /// its clause; the highest priority wins, then the nearest. A number in a clause without a
    /// cue ("beschlossen, 1.000 Sappeure zu schicken, sowie 5.000 Bauarbeiter, um ...") takes the
    /// nearest cue of its sentence.
    /// The tokens' cue lookups are kept in `memo` (see `annotate`) for the next number.
    func aspect(_ t: UnsafeBufferPointer<Token>, number: Range<Int>, headEnd: Int, sentence: Range<Int>, beings: Bool,
                memo: inout [Int32]) -> AspectCue? {
        var best: (priority: Int, distance: Int, cue: AspectCue)?
        func consider(_ j: Int, distance: Int, at position: Scope) {
            var m = memo[j]
            if m < 0 {
                m = t[j].isWord && cueFilter.mayContain(lowerOf: t[j]) ? Int32((aspects.exact(t[j].lower) ?? -1) + 1) : 0
                memo[j] = m
            }
            guard m > 0 else { return }
            for cue in aspectCues[Int(m) - 1] where beings || !cue.beingsOnly {
                switch (position, cue.scope) {
                case (.np, .np), (.before, .clause), (.before, .before), (.after, .clause), (.after, .after): break
                default: continue
                }
                if let b = best, b.priority > cue.priority || (b.priority == cue.priority && b.distance <= distance) { continue }
                best = (cue.priority, distance, cue)
            }
        }
        // Next to the number: up to two tokens before it, and between it and its noun.
        for j in max(sentence.lowerBound, number.lowerBound - 2)..<number.lowerBound { consider(j, distance: 0, at: .np) }
        for j in number.lowerBound..<min(max(headEnd, number.upperBound + 2), sentence.upperBound) {
            consider(j, distance: 0, at: .np)
        }
        // The clause. A token known to be no cue (memo 0, most words) is passed over without a
        // call: the scans of a sentence's numbers read the same words again.
        func scan(crossing: Bool) {
            var j = number.lowerBound - 1
            while j >= sentence.lowerBound {
                if !crossing, Self.isClauseBoundary(t, j) { break }
                // German puts the participle after its object: on a tie the cue after the number wins.
                // Across clauses a verb form is read as the clause-final verb it usually is there.
                if memo[j] != 0 { consider(j, distance: 2 * (number.lowerBound - j), at: crossing ? .after : .before) }
                j -= 1
            }
            j = number.lowerBound
            while j < sentence.upperBound {
                if !crossing, j >= number.upperBound, Self.isClauseBoundary(t, j) { break }
                if memo[j] != 0 { consider(j, distance: max(0, 2 * (j - number.upperBound) + 1), at: .after) }
                j += 1
            }
        }
        scan(crossing: false)
        if best == nil { scan(crossing: true) }
        return best?.cue
    }

    /// A preposition of the rule, an optional article, then a location entity: "in Russland",
    /// "in der Ukraine".
    func isPlace(after j: Int, in doc: AnnotatedDocument, sentence: Range<Int>, prepositions: Set<String>) -> Bool {
        let t = doc.tokens
        guard j < sentence.upperBound, prepositions.contains(t[j].lower) else { return false }
        var k = j + 1
        if k < sentence.upperBound, ["der", "dem", "den", "die"].contains(t[k].lower) { k += 1 }
        guard k < sentence.upperBound else { return false }
        let start = t[k].span.start
        return doc.entities.contains { $0.type == .location && $0.span.start == start }
    }
}
