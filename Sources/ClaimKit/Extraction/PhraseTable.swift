/// Multi-token phrases from a lexicon column ("mehr als", "ca.", "km/h"), matched against
/// lowercased tokens by dictionary lookup on the first or last token, longest phrase first.
struct PhraseTable<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        var tokens: [String]
        var value: Value
    }

    /// By first and by last token: `WordMap`s, because every number looks up its neighbours
    /// here (a `Dictionary` hashes each with SipHash).
    private var byFirst = WordMap<[Entry]>()
    private var byLast = WordMap<[Entry]>()

    /// Phrases are split with the document tokenizer so that "ca." matches the tokens "ca" ".".
    init(_ phrases: [(String, Value)]) {
        var first: [String: [Entry]] = [:]
        var last: [String: [Entry]] = [:]
        for (phrase, value) in phrases {
            let tokens = Tokenizer.tokenize(Array(phrase.utf8)).map(\.lower)
            guard let f = tokens.first, let l = tokens.last else { continue }
            let entry = Entry(tokens: tokens, value: value)
            first[f, default: []].append(entry)
            last[l, default: []].append(entry)
        }
        // Stable sort: for phrases of equal length the lexicon's order decides.
        for (key, entries) in first { byFirst[key] = stableLongestFirst(entries) }
        for (key, entries) in last { byLast[key] = stableLongestFirst(entries) }
    }

    private func stableLongestFirst(_ entries: [Entry]) -> [Entry] {
        entries.enumerated().sorted { a, b in
            a.element.tokens.count != b.element.tokens.count
                ? a.element.tokens.count > b.element.tokens.count : a.offset < b.offset
        }.map(\.element)
    }

    /// The longest phrase starting at token `i` (not reaching `end`), with its length in tokens.
    func match(_ tokens: [Token], at i: Int, end: Int, where accept: (Value) -> Bool = { _ in true })
        -> (length: Int, value: Value)? {
        guard i < end, let entries = byFirst[tokens[i].lower] else { return nil }
        for e in entries where i + e.tokens.count <= end && accept(e.value) {
            var ok = true
            for k in 1..<e.tokens.count where tokens[i + k].lower != e.tokens[k] { ok = false; break }
            if ok { return (e.tokens.count, e.value) }
        }
        return nil
    }

    /// The longest phrase ending just before token `i` (not starting before `start`).
    func match(_ tokens: [Token], endingBefore i: Int, start: Int, where accept: (Value) -> Bool = { _ in true })
        -> (length: Int, value: Value)? {
        guard i > start, let entries = byLast[tokens[i - 1].lower] else { return nil }
        for e in entries where i - e.tokens.count >= start && accept(e.value) {
            let s = i - e.tokens.count
            var ok = true
            for k in 0..<(e.tokens.count - 1) where tokens[s + k].lower != e.tokens[k] { ok = false; break }
            if ok { return (e.tokens.count, e.value) }
        }
        return nil
    }
}
