/// Sets each sentence's modality (`sentenceModality`) from the cue words of modality.tsv and the
/// sentence's attribution. Precedence, when cues of several kinds occur:
/// denied > possible > planned > estimated > reported > asserted.
public struct ModalityAnnotator: Annotator {
    public let name = "modality"

    enum Condition: Sendable, Hashable {
        case none, infinitive, perfect
        case particle(String)
        /// One of these words occurs in the sentence ("bestritt, dass ...", "bestritt die Vorwürfe").
        case with(Set<String>)
    }

    struct Cue: Sendable, Hashable {
        var modality: Modality
        var condition: Condition
    }

    /// Folded cue phrase → its readings (one word may have several: "soll" plans or reports).
    let cues: [String: [Cue]]
    /// The first words of the cue phrases: a token that is none of them starts no cue.
    let starters: Set<String>
    let maxWords: Int
    /// Infinitives that begin with "ge" and so look like participles ("geben").
    let geInfinitives: Set<String>
    /// Modal infinitives that close a passive ("gebaut werden müssen"), not a plan.
    let modals: Set<String>
    /// "sein", "haben" closing a perfect infinitive ("geliefert worden sein").
    let perfectAuxiliaries: Set<String>
    /// "worden", "gewesen": participles of auxiliaries.
    let perfectParticiples: Set<String>
    /// Infinitives too short to end in "-en" ("sein", "tun").
    let shortInfinitives: Set<String>

    static let precedence: [Modality] = [.denied, .possible, .planned, .estimated, .reported]

    public init(lexicon: Lexicon = .shared) {
        var cues: [String: [Cue]] = [:]
        var ge: Set<String> = []
        var modals: Set<String> = []
        var perfectAuxiliaries: Set<String> = [], perfectParticiples: Set<String> = [], shortInfinitives: Set<String> = []
        var maxWords = 1
        for row in lexicon.table("modality").rows where row.count >= 2 && !row[0].isEmpty {
            // Lowercased, not umlaut-folded: "könnte" is possible, "konnte" is not.
            let phrase = row[0].split(separator: " ").map { $0.lowercased() }.joined(separator: " ")
            if row[1] == "infinitive-ge" { ge.insert(phrase); continue }
            if row[1] == "modal" { modals.insert(phrase); continue }
            if row[1] == "perfect-auxiliary" { perfectAuxiliaries.insert(phrase); continue }
            if row[1] == "perfect-participle" { perfectParticiples.insert(phrase); continue }
            if row[1] == "infinitive-short" { shortInfinitives.insert(phrase); continue }
            guard let modality = Modality(rawValue: row[1]) else { continue }
            let spec = row.count > 2 ? row[2] : ""
            let condition: Condition
            if spec == "infinitive" { condition = .infinitive }
            else if spec == "perfect" { condition = .perfect }
            else if spec.hasPrefix("particle:") { condition = .particle(spec.dropFirst(9).lowercased()) }
            else if spec.hasPrefix("with:") { condition = .with(Set(spec.dropFirst(5).lowercased().split(separator: "|").map(String.init))) }
            else { condition = .none }
            // Hearsay readings are tried first: "sollen ... geliefert worden sein" is no plan.
            if condition == .perfect { cues[phrase, default: []].insert(Cue(modality: modality, condition: condition), at: 0) }
            else { cues[phrase, default: []].append(Cue(modality: modality, condition: condition)) }
            maxWords = max(maxWords, phrase.split(separator: " ").count)
        }
        self.cues = cues
        starters = Set(cues.keys.compactMap { $0.split(separator: " ").first.map(String.init) })
        self.maxWords = maxWords
        geInfinitives = ge
        self.modals = modals
        self.perfectAuxiliaries = perfectAuxiliaries
        self.perfectParticiples = perfectParticiples
        self.shortInfinitives = shortInfinitives
    }

    public func annotate(_ doc: inout AnnotatedDocument) {
        let lower = doc.tokens.map(\.lower)
        var result: [Modality] = []
        for (s, sentence) in doc.sentences.enumerated() {
            var found: Set<Modality> = []
            if doc.sentenceSource.indices.contains(s), doc.sentenceSource[s] != nil { found.insert(.reported) }
            let range = sentence.tokens
            for i in range where doc.tokens[i].isWord && starters.contains(lower[i]) {
                var phrase = ""
                for n in 1...maxWords where i + n <= range.upperBound {
                    guard doc.tokens[i + n - 1].isWord else { break }
                    phrase += (n > 1 ? " " : "") + lower[i + n - 1]
                    guard let readings = cues[phrase] else { continue }
                    for cue in readings where holds(cue.condition, at: i, in: range, doc.tokens, lower) {
                        found.insert(cue.modality)
                        // "soll ... geliefert worden sein" is hearsay only, not also a plan.
                        if cue.condition == .perfect { break }
                    }
                }
            }
            result.append(ModalityAnnotator.precedence.first(where: found.contains) ?? .asserted)
        }
        doc.sentenceModality = result
    }

    func holds(_ condition: Condition, at i: Int, in range: Range<Int>, _ tokens: [Token], _ lower: [String]) -> Bool {
        switch condition {
        case .none: return true
        case let .particle(p): return ((i + 1)..<range.upperBound).contains { lower[$0] == p }
        case let .with(words): return range.contains { words.contains(lower[$0]) }
        case .infinitive: return hasInfinitive(near: i, in: range, tokens, lower)
        case .perfect: return hasPerfectInfinitive(after: i, in: range, tokens, lower)
        }
    }

    /// Token `k` closes its clause (punctuation, the sentence end, or a finite auxiliary that
    /// itself closes the clause: "entsenden wird.").
    func closesClause(_ k: Int, _ range: Range<Int>, _ tokens: [Token]) -> Bool {
        k + 1 >= range.upperBound || tokens[k + 1].kind == .punct
    }

    /// An infinitive closes the clause of the auxiliary at `i`: "wird ... entsenden,", or, in a
    /// verb-final clause, stands right before it: "... entsenden wird.".
    func hasInfinitive(near i: Int, in range: Range<Int>, _ tokens: [Token], _ lower: [String]) -> Bool {
        if i > range.lowerBound, closesClause(i, range, tokens), isInfinitive(i - 1, tokens, lower) { return true }
        var k = i + 1
        while k < range.upperBound, tokens[k].kind != .punct || tokens[k].text == "." && k + 1 < range.upperBound {
            if closesClause(k, range, tokens), isInfinitive(k, tokens, lower) { return true }
            k += 1
        }
        return false
    }

    /// "sollen ... geliefert worden sein", "soll ... beteiligt gewesen sein".
    func hasPerfectInfinitive(after i: Int, in range: Range<Int>, _ tokens: [Token], _ lower: [String]) -> Bool {
        var k = i + 1
        while k < range.upperBound, tokens[k].kind != .punct || tokens[k].text == "." && k + 1 < range.upperBound {
            if closesClause(k, range, tokens), perfectAuxiliaries.contains(lower[k]), k - 1 > i,
               perfectParticiples.contains(lower[k - 1]) || isParticiple(lower[k - 1]) {
                return true
            }
            k += 1
        }
        return false
    }

    func isInfinitive(_ k: Int, _ tokens: [Token], _ lower: [String]) -> Bool {
        let t = tokens[k]
        guard t.isWord, t.text == t.lower else { return false }
        let f = lower[k]
        if modals.contains(f) { return false }
        // "beteiligt sein" is a state (or hearsay), not an intention.
        if shortInfinitives.contains(f) {
            return k == 0 || !(isParticiple(lower[k - 1]) || perfectParticiples.contains(lower[k - 1]))
        }
        guard f.count >= 4, f.hasSuffix("en") || f.hasSuffix("ern") || f.hasSuffix("eln") else { return false }
        return geInfinitives.contains(f) || !isParticiple(f)
    }

    /// Looks like a past participle: "geliefert", "angegriffen", "weitergegeben", "beteiligt";
    /// "ge" after a prefix unless the rest is an infinitive ("abgeben", "vorgehen").
    func isParticiple(_ f: String) -> Bool {
        let chars = Array(f)
        if chars.count >= 6 {
            for p in 0...min(7, chars.count - 6) where chars[p] == "g" && chars[p + 1] == "e" {
                if !geInfinitives.contains(String(chars[p...])) { return true }
            }
        }
        return f.hasSuffix("t") && f.count >= 5
    }

}
