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
        // The keys as ids of the gazetteer's words, once: a name match is then integer lookups,
        // and so are the title and stop tests of a one-part key (`Gazetteer.flags(part:)`).
        // No key String is made: the few tests that need one make it (`key(_:)`).
        let parts = doc.tokens.withUnsafeBufferPointer { tokens in
            doc.withUTF8 { gazetteer.names.parts(of: tokens, text: $0) }
        }
        // The mentions and person names found so far, in one value that the scan below changes
        // through its methods: variables captured by a nested function were checked for
        // exclusive access at run time (a runtime call per sentence and per mention).
        var found = Found()
        let tokens = doc.tokens
        // Read through a copy: the closures below would otherwise copy the inout document
        // for every `text(_:)` call.
        let source = doc

        // Bound once: a method called on `gazetteer.names` in the loop copied the table's
        // fields for every word.
        let names = gazetteer.names
        // Through the buffer: a Token read by index may be copied with both its Strings retained.
        tokens.withUnsafeBufferPointer { tokens in parts.starts.withUnsafeBufferPointer { starts in
          parts.ids.withUnsafeBufferPointer { partIDs in
            /// `tokens[j].isCapitalized`: a flag the tokenizer stored, no String is read.
            @inline(__always) func isCapitalized(_ j: Int) -> Bool { tokens[j].isCapitalized }
            /// The gazetteer match at word `j`, the first test (whether its first part starts
            /// a name: most words have no part id) on the buffers of the part ids.
            @inline(__always) func match(_ j: Int, _ end: Int) -> (range: Range<Int>, entry: Int)? {
                let s = Int(starts[j])
                guard s != Int(starts[j + 1]), names.mayStartKey(part: partIDs[s]) else { return nil }
                return names.longestMatchEntry(parts, from: j, to: end)
            }
            for (s, sentence) in source.sentences.enumerated() {
                let end = sentence.tokens.upperBound
                var i = sentence.tokens.lowerBound
                var afterTitle = false
                // The gazetteer match at token `known`, when the name run below looked it up
                // already: the scan resumes at the word that ended the run.
                var known = -1
                var knownMatch: (range: Range<Int>, entry: Int)?
                while i < end {
                    guard tokens[i].kind == .word else { afterTitle = false; i += 1; continue }
                    let longest = i == known ? knownMatch : match(i, end)
                    if let m = longest, let value = names.value(entry: m.entry), accepts(tokens, (m.range, value), at: i) {
                        found.add(m.range, value.name, value.type, sentence: s, tokens: tokens, source: source)
                        afterTitle = false
                        i = m.range.upperBound
                        continue
                    }
                    guard isCapitalized(i) else { afterTitle = false; i += 1; continue }
                    if isTitle(tokens, starts, partIDs, i) { afterTitle = true; i += 1; continue }
                    if isStop(tokens, starts, partIDs, i) { afterTitle = false; i += 1; continue }
                    // Token i is a name word unless a gazetteer name (of the wrong case) starts
                    // there; then the run is the word alone, as a run that stops after it.
                    var j = i + 1
                    if longest == nil {
                        while j < end, j - i < EntityAnnotator.maxNameWords,
                              tokens[j].kind == .word, isCapitalized(j),
                              !isStop(tokens, starts, partIDs, j), !isTitle(tokens, starts, partIDs, j) {
                            known = j
                            knownMatch = match(j, end)
                            if knownMatch != nil { break }
                            j += 1
                        }
                    }
                    let run = i..<j
                    let initial = i == sentence.tokens.lowerBound || tokens[i - 1].text.isByte(0x22)
                    if run.count == 1, found.mayBeNamePart(parts.prefixes[i]),
                       let full = FoldedPhraseTable<Gazetteer.Entry>.withKey(of: tokens[i].text, { found.nameParts.value(bytes: $0) }) {
                        found.add(run, full, .person, sentence: s, tokens: tokens, source: source)
                    } else if afterTitle || run.count >= 3 && gazetteer.looksLikeRole(tokens[run.lowerBound].lower) {
                        // After a title, or a role noun and a name ("Psychotherapeutin Barbara Preitler"):
                        // the name is the words up to the first common noun.
                        var name = afterTitle ? run : (run.lowerBound + 1)..<run.upperBound
                        if let noun = name.first(where: { gazetteer.looksLikeNoun(tokens[$0].lower, strongly: true) }) {
                            name = name.lowerBound..<noun
                        }
                        if !name.isEmpty {
                            found.add(name, source.text(TextSpan(tokens[name.lowerBound].span.start, tokens[name.upperBound - 1].span.end)),
                                .person, sentence: s, tokens: tokens, source: source)
                        }
                    } else if run.count >= 2, !initial, !run.contains(where: { gazetteer.looksLikeNoun(tokens[$0].lower) }) {
                        found.add(run, source.text(TextSpan(tokens[run.lowerBound].span.start, tokens[run.upperBound - 1].span.end)),
                            .other, sentence: s, tokens: tokens, source: source)
                    }
                    afterTitle = false
                    i = run.upperBound
                }
            }
        } } }
        doc.entities = found.entities
    }

    /// What `annotate` has found in a document so far.
    struct Found {
        var entities: [EntityMention] = []
        /// First or last word of a multiword person name seen so far → the full name.
        var nameParts = WordMap<String>()
        /// A bit per key in `nameParts` (`filterBit`): most single capitalised words are tested
        /// against it with a few byte reads instead of making their key for a hash lookup.
        var nameFilter = [UInt64](repeating: 0, count: 4)

        mutating func add(_ range: Range<Int>, _ name: String, _ type: EntityType, sentence: Int,
                          tokens: UnsafeBufferPointer<Token>, source: AnnotatedDocument) {
            let span = TextSpan(tokens[range.lowerBound].span.start, tokens[range.upperBound - 1].span.end)
            entities.append(EntityMention(span: span, text: source.text(span), name: name, type: type, sentence: sentence))
            if type == .person, let (first, last) = EntityAnnotator.firstAndLastWord(name) {
                for part in [last, first] {
                    // The key's bytes in a scratch buffer: no key String.
                    FoldedPhraseTable<Gazetteer.Entry>.withKey(of: String(part)) { key in
                        nameParts.set(bytes: key, name)
                        let bit = EntityAnnotator.filterBit(FoldedPhraseTable<Gazetteer.Entry>.prefixCode(key))
                        nameFilter[bit >> 6] |= 1 << UInt64(bit & 63)
                    }
                }
            }
        }

        /// Whether a key with this `prefixCode` may be in `nameParts`.
        @inline(__always) func mayBeNamePart(_ code: UInt32) -> Bool {
            let bit = EntityAnnotator.filterBit(code)
            return nameFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        }
    }

    /// One of 256 bits for a key, from its first bytes (`FoldedPhraseTable.prefixCode`, as
    /// `KeyParts.prefixes` holds them).
    @inline(__always) static func filterBit(_ code: UInt32) -> Int {
        FoldedPhraseTable<Gazetteer.Entry>.prefixBit(code) & 255
    }

    /// The first and last of the space-separated words of a name of two words or more
    /// (`name.split(separator: " ")`), found on bytes when no space touches a byte above
    /// ASCII (where a space could be part of a longer Character).
    static func firstAndLastWord(_ name: String) -> (Substring, Substring)? {
        let u = name.utf8
        // Byte offsets of the first word and of the last, when found on bytes.
        let found: (Int, Int, Int, Int, Int)?? = u.withContiguousStorageIfAvailable { b -> (Int, Int, Int, Int, Int)? in
            var words = 0
            var firstStart = 0, firstEnd = 0, lastStart = 0, lastEnd = 0
            var i = 0
            let n = b.count
            while i < n {
                if b[i] == 0x20 {
                    if i > 0, b[i - 1] >= 0x80 { return nil }
                    if i + 1 < n, b[i + 1] >= 0x80 { return nil }
                    i += 1
                    continue
                }
                let start = i
                while i < n, b[i] != 0x20 { i += 1 }
                if words == 0 { firstStart = start; firstEnd = i }
                lastStart = start
                lastEnd = i
                words += 1
            }
            return (words, firstStart, firstEnd, lastStart, lastEnd)
        }
        if let found, let (words, fs, fe, ls, le) = found {
            guard words >= 2 else { return nil }
            func index(_ k: Int) -> String.Index { u.index(u.startIndex, offsetBy: k) }
            return (name[index(fs)..<index(fe)], name[index(ls)..<index(le)])
        }
        let parts = name.split(separator: " ")
        guard parts.count >= 2, let first = parts.first, let last = parts.last else { return nil }
        return (first, last)
    }

    /// The lookup key of token `j`, made for the rare test that needs it as a String.
    func key(_ tokens: UnsafeBufferPointer<Token>, _ j: Int) -> String {
        tokens[j].kind == .word ? FoldedPhraseTable<Gazetteer.Entry>.key(word: tokens[j].text) : ""
    }

    /// Whether the case of the tokens fits a gazetteer match at `i`: nouns must be capitalised,
    /// short acronyms in capitals; adjective stems match in any case.
    func accepts(_ tokens: UnsafeBufferPointer<Token>, _ m: (range: Range<Int>, value: Gazetteer.Entry), at i: Int) -> Bool {
        if m.value.capitalsOnly, tokens[i].text != tokens[i].text.uppercased() { return false }
        if !m.value.isAdjective, !tokens[i].isCapitalized { return false }
        // Two tokens split by a sentence-internal punctuation mark are not one name.
        for k in m.range.dropFirst() where tokens[k].kind != .word { return false }
        return true
    }

    /// A title word, also as the last part of a compound ("Daimler-Chef", "Grünen-Abgeordnete"),
    /// by the part ids of token `j`: a one-part key (nearly all) by its flag,
    /// a longer one by its last part's flag or else the whole key.
    @inline(__always)
    func isTitle(_ tokens: UnsafeBufferPointer<Token>, _ starts: UnsafeBufferPointer<Int32>, _ ids: UnsafeBufferPointer<Int32>,
                 _ j: Int) -> Bool {
        let s = Int(starts[j]), e = Int(starts[j + 1])
        if e - s == 1 { return gazetteer.flags(part: ids[s]) & Gazetteer.titleFlag != 0 }
        if e - s > 1, gazetteer.flags(part: ids[e - 1]) & Gazetteer.titleFlag != 0 { return true }
        // A key of more than one part is a title only if some title's key is.
        return (e == s || gazetteer.multiPartTitles) && gazetteer.titles.contains(key(tokens, j))
    }

    /// Whether the key of token `j` is a stop word, by its part ids (`KeyParts`: valid for
    /// a capitalised word).
    @inline(__always)
    func isStop(_ tokens: UnsafeBufferPointer<Token>, _ starts: UnsafeBufferPointer<Int32>, _ ids: UnsafeBufferPointer<Int32>,
                _ j: Int) -> Bool {
        let s = Int(starts[j]), e = Int(starts[j + 1])
        if e - s == 1 { return gazetteer.flags(part: ids[s]) & Gazetteer.stopFlag != 0 }
        // A key of more than one part is a stop word only if some stop word's key is.
        return (e - s <= 1 || gazetteer.multiPartStops) && gazetteer.stops.contains(key(tokens, j))
    }
}
