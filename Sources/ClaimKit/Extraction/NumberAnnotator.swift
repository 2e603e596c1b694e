/// Finds numbers (layer `numbers`): digits in German, Swiss and international notation, number
/// words, scale words ("acht Millionen", "5 Mio."), ranges ("25.000 bis 30.000", "zwischen 11.000
/// und 15.000"), approximators ("rund", "mehr als", "40.000 übersteigen"), vague amounts
/// ("Tausende", "einige Millionen"), units and currencies.
///
/// Each number gets a role: only `quantity` numbers become claims. Years, dates, times of day,
/// durations, ordinals ("3."), identifiers ("Resolutionen 1718, 1874 und 2270", "Artikel 5"),
/// phone numbers, counters ("Kommentar (0)") and scores ("2:1") keep other roles. A number
/// glued to a word by a hyphen is a modifier, not a count: "35-Jährige", "3-Zimmer-Wohnung"
/// are identifiers (ages are an attribute of a person, so they never become quantity claims).
/// Durations ("drei Jahre") and numbers in parentheses ("Mexiko (2)", "Müller (35)") are not
/// quantities either.
///
/// One pass over the tokens: each word costs one walk in a letter trie; the context of a number
/// is read with dictionary lookups on lowercased tokens.
public struct NumberAnnotator: Annotator {
    public let name = "numbers"

    struct UnitCue: Sendable {
        var unit: String?
        var cls: String?
        var role: NumberRole
    }

    struct ApproxCue: Sendable {
        var approx: Approx
        var low: Double
        var high: Double
    }

    /// A number as read from the tokens, before its context is considered.
    struct Reading {
        var start: Int
        var end: Int
        var value: Double
        var high: Double
        var vague = false
        var scale: Double?
        /// Digits of a single number token (nil for words and for "12 000" joined over a space).
        var digits: DigitNumber?

        /// "1570" after a year cue ("seit 1570").
        var isEarlyYear: Bool {
            guard let d = digits, d.isPlain, d.firstGroup.utf8.count == 4, scale == nil else { return false }
            return value >= 1000 && value <= 2100
        }

        /// "2024": four plain digits in the range of years, no scale word.
        var isYearLike: Bool {
            guard let d = digits, d.isPlain, d.firstGroup.utf8.count == 4, scale == nil else { return false }
            return value >= 1800 && value <= 2100
        }
    }

    let words: NumberWordParser
    let scales: FilteredPhrases<Double>
    let approxBefore: FilteredPhrases<ApproxCue>
    let approxAfter: FilteredPhrases<ApproxCue>
    let unitsAfter: FilteredPhrases<UnitCue>
    let cuesBefore: FilteredPhrases<UnitCue>
    /// One-word "before" cues that are not units, also matched as compound heads ("UN-Resolutionen").
    let compoundCues: WordMap<NumberRole>
    /// Words before "N." that make it an ordinal at the end of a sentence: "dem 20.", "am 27."
    let ordinalCues: WordSet
    let months: WordSet
    let objects: ObjectLexicon
    /// Per lowercase word: may it start a vague quantifier, is it a vague amount, an article.
    let wordFlags: LetterTrie
    /// The words of `wordFlags`: most words are ruled out without a walk in the trie.
    let wordFlagFilter: WordFilter
    static let startsVagueQuantifier: UInt8 = 1, isVagueWord: UInt8 = 2, isArticle: UInt8 = 4

    public init(lexicon: Lexicon = .shared) {
        words = NumberWordParser(lexicon: lexicon)
        objects = lexicon.built(ObjectLexicon.init(lexicon:))
        scales = FilteredPhrases(lexicon.table("scales").rows.compactMap { row in
            row.count >= 2 ? Double(row[1]).map { (row[0], $0) } : nil
        })
        var before: [(String, ApproxCue)] = [], after: [(String, ApproxCue)] = []
        for row in lexicon.table("approximators").rows where row.count >= 3 {
            guard let approx = Approx(rawValue: row[1]) else { continue }
            let low = row.count > 3 ? Double(row[3]) ?? 1 : 1
            let high = row.count > 4 ? Double(row[4]) ?? low : low
            let cue = ApproxCue(approx: approx, low: low, high: high)
            if row[2] == "after" { after.append((row[0], cue)) } else { before.append((row[0], cue)) }
        }
        approxBefore = FilteredPhrases(before)
        var flags: [String: UInt8] = [:]
        for (phrase, cue) in before where cue.approx == .vague {
            if let first = Tokenizer.tokenize(Array(phrase.utf8)).first?.lower { flags[first, default: 0] |= Self.startsVagueQuantifier }
        }
        for w in words.vague.keys { flags[w, default: 0] |= Self.isVagueWord }
        for w in words.articles { flags[w, default: 0] |= Self.isArticle }
        var trie = LetterTrie()
        for (w, f) in flags { trie.insert(w, payload: Int(f)) }
        wordFlags = trie
        wordFlagFilter = WordFilter(flags.keys)
        approxAfter = FilteredPhrases(after)
        var unitsAfter: [(String, UnitCue)] = [], unitsBefore: [(String, UnitCue)] = []
        var compound = WordMap<NumberRole>()
        var ordinal = WordSet()
        for row in lexicon.table("units").rows where row.count >= 5 {
            guard let role = NumberRole(rawValue: row[3]) else { continue }
            let cue = UnitCue(unit: row[1] == "-" ? nil : row[1], cls: row[2] == "-" ? nil : row[2], role: role)
            if row[4] == "before" {
                unitsBefore.append((row[0], cue))
                let form = row[0].lowercased()
                if role == .identifier || role == .counter || role == .phone, form.count >= 4,
                   form.allSatisfy(\.isLetter) { compound[form] = role }
                if role == .ordinal { ordinal.insert(form) }
            } else {
                unitsAfter.append((row[0], cue))
            }
        }
        self.unitsAfter = FilteredPhrases(unitsAfter)
        cuesBefore = FilteredPhrases(unitsBefore)
        compoundCues = compound
        ordinalCues = ordinal
        months = WordSet(lexicon.table("months").rows.compactMap { $0.first?.lowercased() })
    }

    public func annotate(_ doc: inout AnnotatedDocument) {
        var found: [NumberMention] = []
        // Nearly every article has numbers: room for the first few without growing step by step.
        found.reserveCapacity(16)
        let tokens = doc.tokens
        let sentences = doc.sentences
        // Through the buffer: a Token read by index is copied with both its Strings retained.
        tokens.withUnsafeBufferPointer { t in
            for index in sentences.indices {
                let start = sentences[index].tokens.lowerBound, end = sentences[index].tokens.upperBound
                let firstInSentence = found.count
                // What the next mention asks of the previous one of the sentence, taken from the
                // mention as it is made (not a copy of it, with its Strings, out of the array).
                var previous: Previous? = nil
                var i = start
                while i < end {
                    // Only numbers and words start a number (`read`); most words are ruled out here by
                    // the two tests `read` makes first, on fields of the token, without a call.
                    let kind = t[i].kind
                    let mayStart = kind == .number
                        || kind == .word && (wordFlagFilter.mayContain(lowerOf: t[i]) || words.mayStart(prefix: t[i].lowerPrefix))
                    guard mayStart, let reading = read(tokens, t, at: i, end: end) else { i += 1; continue }
                    let m = mention(doc, tokens, t, reading, sentence: index, start: start, end: end, previous: previous)
                    i = max(m.tokens.upperBound, i + 1)
                    previous = Previous(tokens: m.tokens, role: m.role)
                    found.append(m)
                }
                if found.count - firstInSentence >= 2 { shareUnits(&found, from: firstInSentence, tokens) }
            }
        }
        doc.numbers = found
    }

    /// "von 1,40 auf 0,60 Euro", "20 oder 30 Prozent": a number without a unit takes the unit of
    /// the next number when only a short link stands between them.
    func shareUnits(_ found: inout [NumberMention], from first: Int, _ t: [Token]) {
        guard found.count - first >= 2 else { return }
        for k in stride(from: found.count - 2, through: first, by: -1) {
            // Stored fields first, read in place: a mention copied out of the array (and each
            // computed field read from it) retains its Strings.
            guard found[k].role == .quantity, found[k + 1].role == .quantity, found[k].unit == nil,
                  found[k].approx != .vague, let unit = found[k + 1].unit else { continue }
            let a = found[k].tokens, b = found[k + 1].tokens
            guard b.lowerBound - a.upperBound <= 2, b.lowerBound > a.upperBound else { continue }
            if (a.upperBound..<b.lowerBound).allSatisfy({ Self.unitLinks.contains(t[$0].lower) }) {
                found[k].unit = unit
            }
        }
    }

    static let unitLinks: Set<String> = ["auf", "und", "oder", "bzw", "bis", ",", "statt", "von", "zu"]
    /// What joins the numbers of a list under one cue: "Resolutionen 1718, 1874 und 2270".
    static let listLinks: WordSet = [",", "und", "oder", "sowie", "bzw", ".", "-", "/"]

    /// The previous mention of the sentence, as far as the next one asks about it.
    struct Previous {
        var tokens: Range<Int>
        var role: NumberRole
    }

    // MARK: - Reading numbers

    /// `tokens` for the phrase tables, `t` (its buffer) for the tokens' fields: an element read
    /// from the array is a copy of the Token with both its Strings retained.
    func read(_ tokens: [Token], _ t: UnsafeBufferPointer<Token>, at i: Int, end: Int) -> Reading? {
        let kind = t[i].kind
        if kind == .number {
            guard let d = DigitNumber(t[i].text) else { return nil }
            guard var value = d.value else {
                return Reading(start: i, end: i + 1, value: 0, high: 0, digits: d)
            }
            var j = i + 1
            var digits: DigitNumber? = d
            // "12 000": thousands grouped with an ordinary space arrive as two tokens.
            if d.isPlain, d.firstGroup.utf8.count <= 3, !d.hasLeadingZero {
                while j < end, t[j].kind == .number, t[j].spaceBefore, t[j].newlinesBefore == 0,
                      t[j].text.utf8.count == 3, let g = DigitNumber(t[j].text), g.isPlain, let gv = g.value {
                    value = value * 1000 + gv
                    digits = nil
                    j += 1
                }
            }
            var r = Reading(start: i, end: j, value: value, high: value, digits: digits)
            applyScale(&r, tokens, t, end)
            return r
        }
        guard kind == .word else { return nil }
        // "einige Millionen", "ein paar hundert": a vague quantifier needs a scale word.
        // Most words have no flag (the filter bit stored in the token says so): then only a
        // number word is possible.
        if !wordFlagFilter.mayContain(lowerOf: t[i]) {
            guard words.mayStart(prefix: t[i].lowerPrefix),
                  let v = t[i].lower.utf8.withContiguousStorageIfAvailable({ words.value(bytes: $0) }) ?? words.value(of: t[i].lower)
            else { return nil }
            var r = Reading(start: i, end: i + 1, value: v, high: v)
            applyScale(&r, tokens, t, end)
            return r
        }
        let w = t[i].lower
        // One trie walk decides whether this word can start a number at all.
        let flags = wordFlags.exact(w).map { UInt8($0) } ?? 0
        if flags & Self.startsVagueQuantifier != 0,
           let q = approxBefore.match(tokens, at: i, end: end, where: { $0.approx == .vague }) {
            if let s = scales.match(tokens, at: i + q.length, end: end) {
                return Reading(start: i, end: i + q.length + s.length, value: q.value.low * s.value,
                               high: q.value.high * s.value, vague: true, scale: s.value)
            }
            // "mehrere hunderttausend": a round number word works as a scale.
            let k = i + q.length
            if k < end, t[k].kind == .word, let v = words.value(of: t[k].lower), v >= 100, isPowerOfTen(v) {
                return Reading(start: i, end: k + 1, value: q.value.low * v, high: q.value.high * v, vague: true, scale: v)
            }
        }
        if flags & Self.isVagueWord != 0, let v = words.vague[w] {
            // "dutzende Millionen"
            if let s = scales.match(tokens, at: i + 1, end: end) {
                return Reading(start: i, end: i + 1 + s.length, value: v.low * s.value, high: v.high * s.value,
                               vague: true, scale: s.value)
            }
            return Reading(start: i, end: i + 1, value: v.low, high: v.high, vague: true)
        }
        if flags & Self.isArticle != 0 {
            guard let s = scales.match(tokens, at: i + 1, end: end) else { return nil }
            return Reading(start: i, end: i + 1 + s.length, value: s.value, high: s.value, scale: s.value)
        }
        guard let v = words.value(of: w) else { return nil }
        var r = Reading(start: i, end: i + 1, value: v, high: v)
        applyScale(&r, tokens, t, end)
        return r
    }

    private func isPowerOfTen(_ v: Double) -> Bool {
        var x = v
        while x >= 10 && x.truncatingRemainder(dividingBy: 10) == 0 { x /= 10 }
        return x == 1
    }

    private func applyScale(_ r: inout Reading, _ tokens: [Token], _ t: UnsafeBufferPointer<Token>, _ end: Int) {
        guard let s = scales.match(tokens, at: r.end, end: end) else { return }
        // "Mio." at the very end of a sentence: the period closes the sentence, not the abbreviation.
        var length = s.length
        if r.end + length == end, length > 1, t[end - 1].text.isByte(UInt8(ascii: ".")) { length -= 1 }
        r.value *= s.value
        r.high = r.value
        r.scale = s.value
        r.end += length
    }

    // MARK: - Context

    func mention(_ doc: AnnotatedDocument, _ tokens: [Token], _ t: UnsafeBufferPointer<Token>, _ r: Reading, sentence: Int, start: Int, end: Int,
                 previous: Previous?) -> NumberMention {
        var first = r.start, last = r.end
        var value = r.value, high: Double? = r.high
        var approx: Approx = r.vague ? .vague : .exact
        var unit: String?
        var role: NumberRole = .quantity
        // Words before the number that the previous mention already took are not this one's.
        let floor = max(start, previous?.tokens.upperBound ?? start)

        if let d = r.digits, let shape = shapeRole(d, tokens, t, r, start: start, end: end, last: &last, first: &first) {
            role = shape
        }

        // Ranges: "25.000 bis 30.000", "10.000-20.000", "zwischen 11.000 und 15.000".
        if role == .quantity, !r.vague, last == r.end, last + 1 < end {
            // Byte comparisons: these ASCII words equal only their own bytes.
            let link = t[last].lower
            let between = first > floor && t[first - 1].lower.matchesASCII("zwischen") && link.matchesASCII("und")
            let bis = link.matchesASCII("bis") && !(last + 2 < end && t[last + 1].lower.matchesASCII("zu"))
            if between || bis || link.isByte(UInt8(ascii: "-")), let r2 = read(tokens, t, at: last + 1, end: end), !r2.vague,
               r2.digits?.value != nil || r2.digits == nil, !(r.isYearLike && r2.isYearLike) {
                var low = r.value
                // A shared scale: "100 bis 300 Milliarden".
                if r.scale == nil, let s2 = r2.scale, r.value <= r2.value / s2 { low = r.value * s2 }
                if low < r2.value {
                    value = low
                    high = r2.high
                    approx = .range
                    last = r2.end
                    if between { first -= 1 }
                }
            }
        }

        // A sign: "-3,5 Prozent", "minus 5 Grad", "+2 Prozent".
        if role == .quantity, !r.vague, first == r.start, first > floor {
            let sign = first - 1
            let glued = !t[first].spaceBefore && (first - 1 == floor || t[sign].spaceBefore || !(t[first - 2].kind == .number))
            if t[sign].lower.matchesASCII("minus") || (t[sign].text.isByte(UInt8(ascii: "-")) && glued) {
                value = -value
                // "minus 5 bis 10": the sign belongs to the first number only.
                if approx != .range { high = high.map { -$0 } }
                first -= 1
            } else if t[sign].text.isByte(UInt8(ascii: "+")), glued, !(last < end && t[last].kind == .number) {
                first -= 1
            }
        }

        // Approximators before: "rund", "mehr als", "bis zu".
        var approxTokens = 0
        if role == .quantity, let a = approxBefore.match(tokens, endingBefore: first, start: floor, where: { $0.approx != .vague }) {
            if approx == .exact { approx = a.value.approx }
            approxTokens = a.length
            first -= a.length
        }

        // Units and cues: "5 Mio. Euro", "14.30 Uhr", "Artikel 5", "UN-Resolutionen 1718".
        if role == .quantity || role == .time, let u = unitsAfter.match(tokens, at: last, end: end) {
            if role == .quantity, u.value.role == .quantity {
                unit = u.value.unit
                last += u.length
            } else if u.value.role == .time {
                role = .time
                last += u.length
            }
        } else if role == .quantity, last + 1 < end, ObjectLexicon.isAdjectiveLike(t[last].lower),
                  let u = unitsAfter.match(tokens, at: last + 1, end: end), u.value.role == .time {
            // "zwei weitere Jahre"
            role = .time
        }
        let numberStart = first + approxTokens
        if role == .quantity {
            // Year cues ("seit", "Ende", "im Jahr") only decide for numbers that look like years.
            if let c = cuesBefore.match(tokens, endingBefore: numberStart, start: floor, where: {
                $0.role != .ordinal && ($0.role != .year || r.isYearLike || r.isEarlyYear)
            }) {
                if c.value.role == .quantity {
                    if unit == nil { unit = c.value.unit }
                    if approxTokens == 0 { first -= c.length }
                } else if approxTokens == 0, unit == nil {
                    role = c.value.role
                }
            } else if approxTokens == 0, numberStart > start, t[numberStart - 1].kind == .word, let cue = compoundCue(lower: t[numberStart - 1].lower) {
                role = cue
            }
        }
        // "Lumia 950", "Darmstadt 98", "GTA 5": a plain number right after a name, with no noun,
        // unit or scale after it and no count before it in the sentence, is part of the name
        // ("nach der Türkenbelagerung 1683": a year).
        if role == .quantity, approx == .exact, unit == nil, previous?.role != .quantity, !r.isYearLike, approxTokens == 0,
           let d = r.digits, d.isPlain, d.firstGroup.utf8.count <= 4, first > start, first == r.start, last == r.end {
            let name = t[first - 1]
            // "Darmstadt" ends in a known noun but is not one. (The objects lexicon is asked
            // only when the cheaper tests hold.)
            if name.isWord, name.isCapitalized, first - 1 > start, !nounFollows(t, from: last, end: end),
               objects.match(name.text).isNotCountedNoun, !months.contains(name.lower) {
                role = r.isEarlyYear ? .year : .identifier
            }
        }
        // "Resolutionen 1718, 1874 und 2270": the cue governs the whole list.
        if role == .quantity, let p = previous, p.role == .identifier,
           p.tokens.upperBound < first, (p.tokens.upperBound..<first).allSatisfy({ Self.listLinks.contains(t[$0].lower) }) {
            role = .identifier
        }

        if role == .quantity, r.isYearLike, approx != .range, unit == nil, isYear(t, r, approxTokens: approxTokens, end: end) {
            role = .year
        }
        if role == .year, last == r.end {
            // "2015/16"
            if last + 1 < end, t[last].text.isByte(UInt8(ascii: "/")), !t[last].spaceBefore, t[last + 1].kind == .number, !t[last + 1].spaceBefore {
                last += 2
            }
        }

        // Approximators after: "40.000 übersteigen", "1.000 Soldaten und mehr".
        if role == .quantity, approx == .exact {
            if let a = approxAfter.match(tokens, at: last, end: end) {
                approx = a.value.approx
                last += a.length
            } else if last + 1 < end, t[last].kind == .word, t[last].isCapitalized,
                      let a = approxAfter.match(tokens, at: last + 1, end: end) {
                approx = a.value.approx
            }
        }

        switch approx {
        case .moreThan, .atLeast: high = nil
        case .exact, .about, .lessThan, .upTo: high = value
        case .range, .vague: break
        }
        first = max(min(floor, r.start), first)
        let span = TextSpan(t[first].span.start, t[last - 1].span.end)
        return NumberMention(span: span, text: doc.text(span), value: value, high: high, approx: approx, unit: unit,
                             role: role, sentence: sentence, tokens: first..<last)
    }

    /// Roles that the written shape of a digit number decides: dates ("28.4.", "17. Juni"),
    /// phone numbers, scores and times ("2:1", "14:30"), counters ("(0)"), hyphen modifiers
    /// ("35-Jährige"), ordinals ("3. Mal") and path parts of addresses.
    func shapeRole(_ d: DigitNumber, _ tokens: [Token], _ t: UnsafeBufferPointer<Token>, _ r: Reading, start: Int, end: Int,
                   last: inout Int, first: inout Int) -> NumberRole? {
        let i = r.start
        // Indices, not copies of the tokens (each would retain two Strings); marks are compared
        // as bytes (an ASCII mark equals only its own bytes).
        let next: Int? = r.end < end ? r.end : nil
        let nextAdjacent = next.map { !t[$0].spaceBefore } ?? false
        let prev: Int? = i > start ? i - 1 : nil
        let prevAdjacent = !t[i].spaceBefore && prev != nil
        func nextIs(_ b: UInt8) -> Bool { next.map { t[$0].text.isByte(b) } ?? false }
        func prevIs(_ b: UInt8) -> Bool { prev.map { t[$0].text.isByte(b) } ?? false }
        // The groups read in place (`DigitNumber.groups` would make an array).
        let groupCount = d.groupCount
        let oneDot = d.separators.count == 1 && d.separators[0] == "."
        if r.scale == nil, groupCount >= 2, groupCount <= 3, d.separators.allSatisfy({ $0 == "." }),
           d.firstGroup.utf8.count <= 2, d.group(1).utf8.count <= 2,
           let day = Int(d.firstGroup), let month = Int(d.group(1)), (1...31).contains(day), (1...12).contains(month) {
            if groupCount == 3 { return .date }
            if nextIs(UInt8(ascii: ".")), nextAdjacent { last = r.end + 1; return .date }
        }
        if let n = next, t[n].lower.matchesASCII("uhr") { last = r.end + 1; return .time }
        // "18.30 MAGAZIN", "Bis 0.00": German groups thousands by three digits and writes
        // decimals with a comma, so H.MM without a unit after it is a time of day.
        if r.scale == nil, oneDot, groupCount == 2, d.firstGroup.utf8.count <= 2, d.group(1).utf8.count == 2,
           let h = Int(d.firstGroup), let m = Int(d.group(1)), (0...24).contains(h), (0...59).contains(m),
           unitsAfter.match(tokens, at: r.end, end: end) == nil {
            return .time
        }
        if d.value == nil { return .identifier }
        // "0316 888 5555", "+43 1 5555": the following digit groups belong to the number.
        func phone() -> NumberRole {
            last = r.end
            while last < end, t[last].kind == .number, t[last].spaceBefore, t[last].newlinesBefore == 0 { last += 1 }
            return .phone
        }
        if d.hasLeadingZero { return phone() }
        // A word glued to the number: "1990er-Jahre" is a decade, "1080p", "3D-Drucker" names;
        // "5km" is a number with its unit.
        // A glued capital letter is a name too: "5G" is a network, not grams.
        if let n = next, t[n].kind == .word, nextAdjacent,
           (t[n].text.utf8.count == 1 && t[n].isCapitalized)
            || (scales.match(tokens, at: r.end, end: end) == nil && unitsAfter.match(tokens, at: r.end, end: end) == nil) {
            last = r.end + 1
            return r.isYearLike && t[n].lower.hasPrefix("er") ? .year : .identifier
        }
        if prevIs(UInt8(ascii: "+")), prevAdjacent, let n = next, t[n].kind == .number { first = i - 1; return phone() }
        if nextIs(UInt8(ascii: ":")), nextAdjacent, r.end + 1 < end, t[r.end + 1].kind == .number, !t[r.end + 1].spaceBefore {
            last = r.end + 2
            // "14:30 Uhr", "3:03 Minuten"; otherwise a score "2:1".
            if let u = unitsAfter.match(tokens, at: last, end: end), u.value.role == .time { last += u.length; return .time }
            return .counter
        }
        if prevIs(UInt8(ascii: "(")), nextIs(UInt8(ascii: ")")) { return .counter }
        if prevIs(UInt8(ascii: "/")), prevAdjacent, nextIs(UInt8(ascii: "/")), nextAdjacent { return .identifier }
        if nextIs(UInt8(ascii: "-")), nextAdjacent, r.end + 1 < end {
            let w = r.end + 1
            if t[w].kind == .word, !t[w].spaceBefore, scales.match(tokens, at: r.end + 1, end: end) == nil,
               unitsAfter.match(tokens, at: r.end + 1, end: end) == nil {
                last = r.end + 2
                return .identifier
            }
        }
        // "17. Juni" (also when a sentence split wrongly cut after the period), "zum 3. Mal".
        if r.scale == nil, nextIs(UInt8(ascii: ".")), nextAdjacent, r.end + 1 < t.count {
            let after = r.end + 1
            if t[after].kind == .word && months.contains(t[after].lower) { last = r.end + 1; return .date }
            // "(80., 94.)", "Rang 3.", "13./Elfmeter"
            if r.end + 1 < end, t[after].kind == .word || t[after].kind == .number || Self.isOrdinalFollower(t[after].text) {
                last = r.end + 1
                return .ordinal
            }
        }
        // "in Brigittenau, dem 20." at the end of a sentence
        // "Tabelle: 1.", "– 12.", a list item "9." on its own
        if r.scale == nil, d.isPlain, nextIs(UInt8(ascii: ".")), nextAdjacent,
           prev.map({ ordinalCues.contains(t[$0].lower) || Self.isOrdinalOpener(t[$0].text) }) ?? true {
            last = r.end + 1
            return .ordinal
        }
        if r.scale == nil, let n = next, t[n].kind == .word, months.contains(t[n].lower), d.isPlain, d.firstGroup.utf8.count <= 2 { return .date }
        return nil
    }

    /// "," ")" "/" ";" after "N.": an ordinal.
    static func isOrdinalFollower(_ text: String) -> Bool {
        let u = text.utf8
        guard u.count == 1 else { return false }
        let b = u[u.startIndex]
        return b == UInt8(ascii: ",") || b == UInt8(ascii: ")") || b == UInt8(ascii: "/") || b == UInt8(ascii: ";")
    }

    /// ":" "-" "(" "," before "N." at a sentence end: an ordinal.
    static func isOrdinalOpener(_ text: String) -> Bool {
        let u = text.utf8
        guard u.count == 1 else { return false }
        let b = u[u.startIndex]
        return b == UInt8(ascii: ":") || b == UInt8(ascii: "-") || b == UInt8(ascii: "(") || b == UInt8(ascii: ",")
    }

    /// A noun follows, maybe after adjectives or a partitive article: "15 solcher Städte",
    /// "60 der 100 Stimmen".
    func nounFollows(_ t: UnsafeBufferPointer<Token>, from: Int, end: Int) -> Bool {
        var j = from
        while j < end, j < from + 3, t[j].kind == .word {
            if t[j].isCapitalized { return true }
            if !ObjectLexicon.isAdjectiveLike(t[j].lower) && !ObjectLexicon.genitiveArticles.contains(t[j].lower) { return false }
            j += 1
        }
        return j < end && t[j].kind == .number
    }

    /// A "before" cue as the head of a compound: "UN-Resolutionen", "Hausnummer".
    /// The tails are probed as byte ranges of the word, from its second scalar on, longest
    /// first, while they hold at least four scalars; then the whole word.
    func compoundCue(_ token: Token) -> NumberRole? {
        guard token.isWord else { return nil }
        return compoundCue(lower: token.lower)
    }

    /// `compoundCue` of a word's lower case.
    func compoundCue(lower word: String) -> NumberRole? {
        var lower = word
        return lower.withUTF8 { b -> NumberRole? in
            var scalars = 0
            for x in b where x & 0xC0 != 0x80 { scalars += 1 }
            var p = 0
            for i in 0..<b.count where b[i] & 0xC0 != 0x80 {
                if p >= 1 {
                    if scalars - p < 4 { break }
                    if let role = compoundCues.value(bytes: UnsafeBufferPointer(rebasing: b[i...])) { return role }
                }
                p += 1
            }
            return compoundCues.value(bytes: b)
        }
    }

    /// The last non-empty piece of the word between hyphens ("" when there is none) is in the
    /// set: the test on bytes, as the set keys its words, without an array of pieces.
    static func lastPiece(_ word: String, isIn set: WordSet) -> Bool {
        var w = word
        return w.withUTF8 { b in
            var e = b.count
            while e > 0, b[e - 1] == UInt8(ascii: "-") { e -= 1 }
            var s = e
            while s > 0, b[s - 1] != UInt8(ascii: "-") { s -= 1 }
            return set.contains(bytes: UnsafeBufferPointer(rebasing: b[s..<e]))
        }
    }

    /// A four-digit number in the range of years is a year unless what follows makes it a count
    /// ("2.000 Soldaten" has grouping and never gets here; "2000 Soldaten", "mehr als 2000").
    func isYear(_ t: UnsafeBufferPointer<Token>, _ r: Reading, approxTokens: Int, end: Int) -> Bool {
        // "Juli-August 2025", "im Juni 2024"
        if r.start > 0, t[r.start - 1].kind == .word, Self.lastPiece(t[r.start - 1].lower, isIn: months) { return true }
        if approxTokens >= 2 { return false }
        // The counted noun must follow at once or after one adjective of a clear adjective
        // form: "2000 Soldaten", "2000 nordkoreanische Soldaten", but "1960 wurde Eichmann ...".
        var j = r.end
        // The adjective test only matters when a capitalised word follows it: else neither
        // the word nor the one after it is the counted noun.
        if j < end, t[j].kind == .word, !t[j].isCapitalized, j + 1 < end, t[j + 1].kind == .word, t[j + 1].isCapitalized,
           ObjectLexicon.isClearAdjective(t[j].lower) { j += 1 }
        guard j < end, t[j].kind == .word, t[j].isCapitalized else { return true }
        return objects.match(t[j].text).cls == nil
    }
}

/// A `PhraseTable` behind filters of its phrases' first and last words (split and lowercased
/// as `PhraseTable` splits them): the number annotator asks its tables at nearly every number
/// and most of the words next to numbers start or end no phrase, which the filters tell
/// without hashing the word as a `String`.
struct FilteredPhrases<Value: Sendable>: Sendable {
    let table: PhraseTable<Value>
    let firsts: WordFilter
    let lasts: WordFilter

    init(_ phrases: [(String, Value)]) {
        table = PhraseTable(phrases)
        var firsts = WordFilter(), lasts = WordFilter()
        for (phrase, _) in phrases {
            let tokens = Tokenizer.tokenize(Array(phrase.utf8))
            guard let first = tokens.first, let last = tokens.last else { continue }
            firsts.insert(first.lower)
            lasts.insert(last.lower)
        }
        self.firsts = firsts
        self.lasts = lasts
    }

    /// `PhraseTable.match(_:at:end:where:)`.
    @inline(__always)
    func match(_ tokens: [Token], at i: Int, end: Int, where accept: (Value) -> Bool = { _ in true })
        -> (length: Int, value: Value)? {
        guard i < end, tokens.withUnsafeBufferPointer({ firsts.mayContain(lowerOf: $0[i]) }) else { return nil }
        return table.match(tokens, at: i, end: end, where: accept)
    }

    /// `PhraseTable.match(_:endingBefore:start:where:)`.
    @inline(__always)
    func match(_ tokens: [Token], endingBefore i: Int, start: Int, where accept: (Value) -> Bool = { _ in true })
        -> (length: Int, value: Value)? {
        guard i > start, tokens.withUnsafeBufferPointer({ lasts.mayContain(lowerOf: $0[i - 1]) }) else { return nil }
        return table.match(tokens, endingBefore: i, start: start, where: accept)
    }
}

extension ObjectLexicon.Match {
    /// No class, or a class only through a compound head that is not the whole word
    /// ("Darmstadt"): not a counted noun before a number.
    var isNotCountedNoun: Bool { cls == nil || lemma != head }
}

extension String {
    /// The text is exactly these ASCII bytes (a String comparison first checks both sides for
    /// normalisation; an ASCII text equals only its own bytes).
    @inline(__always)
    func matchesASCII(_ literal: StaticString) -> Bool {
        let u = utf8
        let n = literal.utf8CodeUnitCount
        guard u.count == n else { return false }
        let p = literal.utf8Start
        var k = 0
        for b in u {
            if b != p[k] { return false }
            k += 1
        }
        return true
    }
}
