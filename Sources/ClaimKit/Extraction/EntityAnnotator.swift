/// Finds places, people and organisations (layer `entities`): gazetteer names with their
/// inflected and adjective forms ("Russlands", "russische" → Russland), names after a title word
/// ("General Syrsky"), multiword proper names (runs of capitalised words that are not sentence
/// initial and not stop words: "Vedant Patel"), and a surname alone after the full name earlier
/// in the document ("Lee" → "Lee Seong-kweun").
public struct EntityAnnotator: Annotator {
    public let name = "entities"
    let gazetteer: Gazetteer
    /// Longest run of capitalised words taken as one unknown name.
    static let maxNameWords = 4

    public init(lexicon: Lexicon = .shared) {
        gazetteer = lexicon.built(Gazetteer.init(lexicon:))
    }

    public func annotate(_ doc: inout AnnotatedDocument) {
        let keys = doc.lookupKeys()
        let tokens = doc.tokens
        // The keys as ids of the gazetteer's words, once: a name match is then integer lookups.
        let parts = gazetteer.names.parts(of: keys)
        var entities: [EntityMention] = []
        // First or last word of a multiword person name seen so far → the full name.
        var nameParts = WordMap<String>()

        func add(_ range: Range<Int>, _ name: String, _ type: EntityType, sentence: Int) {
            let span = TextSpan(tokens[range.lowerBound].span.start, tokens[range.upperBound - 1].span.end)
            entities.append(EntityMention(span: span, text: doc.text(span), name: name, type: type, sentence: sentence))
            if type == .person {
                let parts = name.split(separator: " ")
                if parts.count >= 2, let first = parts.first, let last = parts.last {
                    nameParts[FoldedPhraseTable<Gazetteer.Entry>.key(word: String(last))] = name
                    nameParts[FoldedPhraseTable<Gazetteer.Entry>.key(word: String(first))] = name
                }
            }
        }

        for (s, sentence) in doc.sentences.enumerated() {
            let end = sentence.tokens.upperBound
            var i = sentence.tokens.lowerBound
            var afterTitle = false
            while i < end {
                guard tokens[i].kind == .word else { afterTitle = false; i += 1; continue }
                if let m = match(tokens, parts, at: i, end: end) {
                    add(m.range, m.value.name, m.value.type, sentence: s)
                    afterTitle = false
                    i = m.range.upperBound
                    continue
                }
                guard tokens[i].isCapitalized else { afterTitle = false; i += 1; continue }
                let key = keys[i]
                if isTitle(key) { afterTitle = true; i += 1; continue }
                if gazetteer.stops.contains(key) { afterTitle = false; i += 1; continue }
                var j = i
                while j < end, j - i < EntityAnnotator.maxNameWords, isNameWord(tokens, keys, parts, j, end) { j += 1 }
                let run = i..<max(j, i + 1)
                let initial = i == sentence.tokens.lowerBound || tokens[i - 1].text == "\""
                if run.count == 1, let full = nameParts[key] {
                    add(run, full, .person, sentence: s)
                } else if afterTitle || run.count >= 3 && gazetteer.looksLikeRole(tokens[run.lowerBound].lower) {
                    // After a title, or a role noun and a name ("Psychotherapeutin Barbara Preitler"):
                    // the name is the words up to the first common noun.
                    var name = afterTitle ? run : (run.lowerBound + 1)..<run.upperBound
                    if let noun = name.first(where: { gazetteer.looksLikeNoun(tokens[$0].lower, strongly: true) }) {
                        name = name.lowerBound..<noun
                    }
                    if !name.isEmpty {
                        add(name, doc.text(TextSpan(tokens[name.lowerBound].span.start, tokens[name.upperBound - 1].span.end)),
                            .person, sentence: s)
                    }
                } else if run.count >= 2, !initial, !run.contains(where: { gazetteer.looksLikeNoun(tokens[$0].lower) }) {
                    add(run, doc.text(TextSpan(tokens[run.lowerBound].span.start, tokens[run.upperBound - 1].span.end)),
                        .other, sentence: s)
                }
                afterTitle = false
                i = run.upperBound
            }
        }
        doc.entities = entities
    }

    /// A gazetteer name at `i`, respecting case: nouns must be capitalised, short acronyms in
    /// capitals; adjective stems match in any case.
    func match(_ tokens: [Token], _ parts: FoldedPhraseTable<Gazetteer.Entry>.KeyParts, at i: Int, end: Int)
        -> (range: Range<Int>, value: Gazetteer.Entry)? {
        guard let m = gazetteer.names.longestMatch(parts, from: i, to: end) else { return nil }
        if m.value.capitalsOnly, tokens[i].text != tokens[i].text.uppercased() { return nil }
        if !m.value.isAdjective, !tokens[i].isCapitalized { return nil }
        // Two tokens split by a sentence-internal punctuation mark are not one name.
        for k in m.range.dropFirst() where tokens[k].kind != .word { return nil }
        return m
    }

    /// A title word, also as the last part of a compound: "Daimler-Chef", "Grünen-Abgeordnete".
    func isTitle(_ key: String) -> Bool {
        if gazetteer.titles.contains(key) { return true }
        guard let space = key.utf8.lastIndex(of: UInt8(ascii: " ")) else { return false }
        return gazetteer.titles.contains(key[key.utf8.index(after: space)...])
    }

    /// A capitalised word that may continue an unknown proper name.
    func isNameWord(_ tokens: [Token], _ keys: [String], _ parts: FoldedPhraseTable<Gazetteer.Entry>.KeyParts,
                    _ j: Int, _ end: Int) -> Bool {
        guard tokens[j].kind == .word, tokens[j].isCapitalized, !gazetteer.stops.contains(keys[j]), !isTitle(keys[j]) else { return false }
        return gazetteer.names.longestMatch(parts, from: j, to: end) == nil
    }
}
