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
    /// Byte-keyed (`WordMap`), as are the word sets below: they are probed per token.
    let cues: WordMap<[Cue]>
    /// The first words of the cue phrases: a token that is none of them starts no cue. The
    /// value says whether the word is a cue alone (`Starter.single`) and whether it opens a
    /// phrase of several words (`Starter.multi`): only then is a phrase string built.
    let starters: WordMap<UInt8>
    enum Starter {
        static let single: UInt8 = 1
        static let multi: UInt8 = 2
    }
    /// The keys of `starters`: most tokens are ruled out without a lookup.
    let starterFilter: WordFilter
    /// The second words of the phrases of several words: a phrase is looked up only when the
    /// word after its first may be one (most are not).
    let secondFilter: WordFilter
    let maxWords: Int
    /// Infinitives that begin with "ge" and so look like participles ("geben").
    let geInfinitives: WordSet
    /// Modal infinitives that close a passive ("gebaut werden müssen"), not a plan.
    let modals: WordSet
    /// "sein", "haben" closing a perfect infinitive ("geliefert worden sein").
    let perfectAuxiliaries: WordSet
    /// "worden", "gewesen": participles of auxiliaries.
    let perfectParticiples: WordSet
    /// Infinitives too short to end in "-en" ("sein", "tun").
    let shortInfinitives: WordSet

    static let precedence: [Modality] = [.denied, .possible, .planned, .estimated, .reported]

    public init(lexicon: Lexicon = .shared) {
        var cues = WordMap<[Cue]>()
        var ge = WordSet()
        var modals = WordSet()
        var perfectAuxiliaries = WordSet(), perfectParticiples = WordSet(), shortInfinitives = WordSet()
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
        var starters = WordMap<UInt8>()
        var seconds = WordFilter()
        for phrase in cues.keys {
            let words = phrase.split(separator: " ")
            guard let first = words.first.map(String.init) else { continue }
            starters[first] = (starters[first] ?? 0) | (words.count == 1 ? Starter.single : Starter.multi)
            if words.count > 1 { seconds.insert(String(words[1])) }
        }
        self.starters = starters
        starterFilter = WordFilter(starters.keys)
        secondFilter = seconds
        self.maxWords = maxWords
        geInfinitives = ge
        self.modals = modals
        self.perfectAuxiliaries = perfectAuxiliaries
        self.perfectParticiples = perfectParticiples
        self.shortInfinitives = shortInfinitives
    }

    public func annotate(_ doc: inout AnnotatedDocument) {
        let tokens = doc.tokens
        var result: [Modality] = []
        result.reserveCapacity(doc.sentences.count)
        let sentenceSource = doc.sentenceSource
        var phrase: [UInt8] = []
        tokens.withUnsafeBufferPointer { t in
            // The tokens that start a cue phrase, in text order, with their `starters` entry:
            // one tight pass over the buffer (a Token read by index from the array is copied
            // with both its Strings retained), then each sentence visits only its few starters.
            var starterTokens: [Int32] = [], starterKinds: [UInt8] = []
            for j in t.indices where t[j].kind == .word && starterFilter.mayContain(lowerOf: t[j]) {
                if let starter = starters[t[j].lower], starter != 0 {
                    starterTokens.append(Int32(truncatingIfNeeded: j))
                    starterKinds.append(starter)
                }
            }
            for sentence in doc.sentences {
                var found = Found()
                if sentenceSource.indices.contains(result.count), sentenceSource[result.count] != nil { found.insert(.reported) }
                let range = sentence.tokens
                var c = starterTokens.firstPosition(notBelow: range.lowerBound)
                while c < starterTokens.count, Int(starterTokens[c]) < range.upperBound {
                    let i = Int(starterTokens[c]), starter = starterKinds[c]
                    c += 1
                    if starter & Starter.single != 0, let readings = cues[t[i].lower] {
                        collect(readings, at: i, in: range, t, into: &found)
                    }
                    // A phrase of several words needs a second word that may be in one.
                    guard starter & Starter.multi != 0, i + 1 < range.upperBound, t[i + 1].kind == .word,
                          secondFilter.mayContain(lowerOf: t[i + 1]) else { continue }
                    // The phrase's bytes in one buffer for the document, looked up as bytes: no
                    // String is built per word.
                    phrase.removeAll(keepingCapacity: true)
                    Self.append(t[i].lower, to: &phrase)
                    for n in 2...max(2, maxWords) where n <= maxWords && i + n <= range.upperBound {
                        guard t[i + n - 1].kind == .word else { break }
                        phrase.append(0x20)
                        Self.append(t[i + n - 1].lower, to: &phrase)
                        guard let readings = phrase.withUnsafeBufferPointer({ cues.value(bytes: $0) }) else { continue }
                        collect(readings, at: i, in: range, t, into: &found)
                    }
                }
                result.append(found.isEmpty ? .asserted : ModalityAnnotator.precedence.first(where: found.contains) ?? .asserted)
            }
        }
        doc.sentenceModality = result
    }

    /// Appends the word's UTF-8 bytes (contiguous in a native String: no generic walk of its view).
    @inline(__always)
    static func append(_ word: String, to bytes: inout [UInt8]) {
        var w = word
        w.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// The modalities found in a sentence, one bit each: a `Set` would hash on every insert.
    struct Found {
        private var bits: UInt8 = 0

        private static func bit(_ m: Modality) -> UInt8 {
            switch m {
            case .asserted: return 1
            case .reported: return 2
            case .estimated: return 4
            case .planned: return 8
            case .possible: return 16
            case .denied: return 32
            }
        }

        mutating func insert(_ m: Modality) { bits |= Self.bit(m) }
        var isEmpty: Bool { bits == 0 }
        func contains(_ m: Modality) -> Bool { bits & Self.bit(m) != 0 }
    }

    /// Adds the modalities of the readings whose condition holds for the cue at `i`.
    func collect(_ readings: [Cue], at i: Int, in range: Range<Int>, _ tokens: UnsafeBufferPointer<Token>, into found: inout Found) {
        for cue in readings where holds(cue.condition, at: i, in: range, tokens) {
            found.insert(cue.modality)
            // "soll ... geliefert worden sein" is hearsay only, not also a plan.
            if cue.condition == .perfect { break }
        }
    }

    func holds(_ condition: Condition, at i: Int, in range: Range<Int>, _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        switch condition {
        case .none: return true
        case let .particle(p): return ((i + 1)..<range.upperBound).contains { tokens[$0].lower == p }
        case let .with(words): return range.contains { words.contains(tokens[$0].lower) }
        case .infinitive: return hasInfinitive(near: i, in: range, tokens)
        case .perfect: return hasPerfectInfinitive(after: i, in: range, tokens)
        }
    }

    /// Token `k` closes its clause (punctuation, the sentence end, or a finite auxiliary that
    /// itself closes the clause: "entsenden wird.").
    func closesClause(_ k: Int, _ range: Range<Int>, _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        k + 1 >= range.upperBound || tokens[k + 1].kind == .punct
    }

    /// An infinitive closes the clause of the auxiliary at `i`: "wird ... entsenden,", or, in a
    /// verb-final clause, stands right before it: "... entsenden wird.".
    func hasInfinitive(near i: Int, in range: Range<Int>, _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        if i > range.lowerBound, closesClause(i, range, tokens), isInfinitive(i - 1, tokens) { return true }
        var k = i + 1
        while k < range.upperBound, tokens[k].kind != .punct || tokens[k].text == "." && k + 1 < range.upperBound {
            if closesClause(k, range, tokens), isInfinitive(k, tokens) { return true }
            k += 1
        }
        return false
    }

    /// "sollen ... geliefert worden sein", "soll ... beteiligt gewesen sein".
    func hasPerfectInfinitive(after i: Int, in range: Range<Int>, _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        var k = i + 1
        while k < range.upperBound, tokens[k].kind != .punct || tokens[k].text == "." && k + 1 < range.upperBound {
            if closesClause(k, range, tokens), perfectAuxiliaries.contains(tokens[k].lower), k - 1 > i,
               perfectParticiples.contains(tokens[k - 1].lower) || isParticiple(tokens[k - 1].lower) {
                return true
            }
            k += 1
        }
        return false
    }

    func isInfinitive(_ k: Int, _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        // Fields of the token, not a copy of it (which retains both its Strings).
        guard tokens[k].kind == .word, tokens[k].text == tokens[k].lower else { return false }
        let f = tokens[k].lower
        if modals.contains(f) { return false }
        // "beteiligt sein" is a state (or hearsay), not an intention.
        if shortInfinitives.contains(f) {
            return k == 0 || !(isParticiple(tokens[k - 1].lower) || perfectParticiples.contains(tokens[k - 1].lower))
        }
        let ending = ModalityAnnotator.withASCII(f) { b in
            b.count >= 4 && (Self.ends(b, "en") || Self.ends(b, "ern") || Self.ends(b, "eln"))
        } ?? (f.count >= 4 && (f.hasSuffix("en") || f.hasSuffix("ern") || f.hasSuffix("eln")))
        guard ending else { return false }
        return geInfinitives.contains(f) || !isParticiple(f)
    }

    /// Looks like a past participle: "geliefert", "angegriffen", "weitergegeben", "beteiligt";
    /// "ge" after a prefix unless the rest is an infinitive ("abgeben", "vorgehen").
    func isParticiple(_ f: String) -> Bool {
        // An ASCII word (most): index its bytes, no Character array.
        let ascii = ModalityAnnotator.withASCII(f) { b -> Bool in
            if b.count >= 6 {
                for p in 0...min(7, b.count - 6) where b[p] == UInt8(ascii: "g") && b[p + 1] == UInt8(ascii: "e") {
                    if !geInfinitives.contains(bytes: UnsafeBufferPointer(rebasing: b[p...])) { return true }
                }
            }
            return b.last == UInt8(ascii: "t") && b.count >= 5
        }
        if let ascii { return ascii }
        let chars = Array(f)
        if chars.count >= 6 {
            for p in 0...min(7, chars.count - 6) where chars[p] == "g" && chars[p + 1] == "e" {
                if !geInfinitives.contains(String(chars[p...])) { return true }
            }
        }
        return f.hasSuffix("t") && f.count >= 5
    }

    /// Calls `body` with the word's UTF-8 bytes when they are all ASCII, else returns nil. An
    /// ASCII word has one byte per Character, so byte counts and suffixes are the Character
    /// counts and suffixes the String tests would give, at a fraction of their cost.
    static func withASCII<R>(_ word: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        var w = word
        return w.withUTF8 { b in b.contains(where: { $0 >= 0x80 }) ? nil : body(b) }
    }

    /// The bytes end with the ASCII `suffix`.
    static func ends(_ b: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard b.count >= n else { return false }
        let s = suffix.utf8Start
        for k in 0..<n where b[b.count - n + k] != s[k] { return false }
        return true
    }
}

extension Array where Element == Int32 {
    /// In an ascending array: the position of the first element not below `value` (`count`
    /// when there is none), by bisection.
    func firstPosition(notBelow value: Int) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(self[mid]) < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
