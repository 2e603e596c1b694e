import Foundation

/// The `months` and `time_words` tables as lookups for the time annotator.
///
/// Every word the tables name has one `Entry` with its categories decoded (numbers parsed,
/// month pairs split, preposition flags read), so that the matchers, which ask a token for
/// several categories, look the token up once (`id(_:)`, per document in `TimeWordIDs`) and
/// then read fields instead of hashing the word for every question. A class: the cursors of
/// every sentence share it without copying its tables.
final class TimeLexicon: Sendable {
    /// What one word means to the time annotator; nil or false: not in that category.
    struct Entry: Sendable {
        var flags: Flags = []
        /// `prep`: the preposition's flags ("ab": future, year).
        var prep: Prep = []
        /// `unit`: "D", "W", "M", "Y".
        var unit: String? = nil
        /// `set`: the TIMEX3 period ("P1Y").
        var set: String? = nil
        var count: Double? = nil
        var shift: Int? = nil
        var ordinal: Int? = nil
        var period: Int? = nil
        var day: Int? = nil
        var yearword: Int? = nil
        var weekdays: Int? = nil
        var part: (Int, Int)? = nil
        var season: (Int, Int)? = nil
        var yearpart: (Int, Int)? = nil
        /// From `months`: the month number.
        var month: Int? = nil
        /// A month form that abbreviates a longer form of the same month ("jun", "sept"): it needs a period.
        var monthAbbreviation = false
        /// A day name, also with a part of day ("donnerstagabend"): its ISO weekday.
        var weekday: Int? = nil

        /// Whether a time expression can begin with this word after a preposition (or with
        /// no preposition): one of `TimeCursor.core`'s matchers reads a category it has.
        /// Articles, singular units, "Uhr" and the like only continue an expression (a plural
        /// unit begins one after "seit": "seit Jahren").
        var beginsCore: Bool {
            !flags.isDisjoint(with: [.weekend, .every, .approx, .yearcue, .plural])
                || set != nil || count != nil || shift != nil || ordinal != nil || day != nil || yearword != nil
                || weekdays != nil || part != nil || season != nil || yearpart != nil || month != nil || weekday != nil
        }
    }

    /// The matchers of `TimeCursor.core` that can match at a word with an entry: each reads
    /// a category of the word at its first token and fails at once without it.
    struct Matchers: OptionSet, Sendable {
        let rawValue: UInt16
        static let partOf = Matchers(rawValue: 1 << 0)
        static let season = Matchers(rawValue: 1 << 1)
        static let month = Matchers(rawValue: 1 << 2)
        static let period = Matchers(rawValue: 1 << 3)
        static let shifted = Matchers(rawValue: 1 << 4)
        static let yearWord = Matchers(rawValue: 1 << 5)
        static let weekend = Matchers(rawValue: 1 << 6)
        static let dayWord = Matchers(rawValue: 1 << 7)
        static let weekday = Matchers(rawValue: 1 << 8)
        static let frequency = Matchers(rawValue: 1 << 9)
        /// "seit Jahren": a plural unit.
        static let since = Matchers(rawValue: 1 << 10)
        static let duration = Matchers(rawValue: 1 << 11)
        static let yearExpression = Matchers(rawValue: 1 << 12)

        init(rawValue: UInt16) { self.rawValue = rawValue }

        init(_ e: Entry) {
            var m = Matchers()
            if e.part != nil { m.insert(.partOf) }
            if e.season != nil { m.insert(.season) }
            if e.month != nil { m.insert(.month) }
            if e.ordinal != nil { m.insert(.period) }
            if e.shift != nil { m.insert(.shifted) }
            if e.yearword != nil || e.yearpart != nil { m.insert(.yearWord) }
            if e.flags.contains(.weekend) { m.insert(.weekend) }
            if e.day != nil { m.insert(.dayWord) }
            if e.weekday != nil { m.insert(.weekday) }
            if e.set != nil || e.weekdays != nil || e.flags.contains(.every) { m.insert(.frequency) }
            if e.flags.contains(.plural) && e.unit != nil { m.insert(.since) }
            if e.flags.contains(.approx) || e.count != nil { m.insert(.duration) }
            if e.flags.contains(.yearcue) { m.insert(.yearExpression) }
            self = m
        }
    }

    /// Categories that are only asked whether a word has them.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        static let prep = Flags(rawValue: 1 << 0)
        static let article = Flags(rawValue: 1 << 1)
        static let plural = Flags(rawValue: 1 << 2)
        static let weekend = Flags(rawValue: 1 << 3)
        static let every = Flags(rawValue: 1 << 4)
        static let approx = Flags(rawValue: 1 << 5)
        static let clock = Flags(rawValue: 1 << 6)
        static let notyear = Flags(rawValue: 1 << 7)
        static let yearcue = Flags(rawValue: 1 << 8)

        static let byCategory: [String: Flags] = [
            "prep": .prep, "article": .article, "plural": .plural, "weekend": .weekend, "every": .every,
            "approx": .approx, "clock": .clock, "notyear": .notyear, "yearcue": .yearcue,
        ]
    }

    /// The flags of a preposition's value ("future year").
    struct Prep: OptionSet, Sendable {
        let rawValue: UInt8
        /// Opens a coming period ("ab Juli").
        static let future = Prep(rawValue: 1 << 0)
        /// Counts back ("vor zwei Jahren").
        static let past = Prep(rawValue: 1 << 1)
        /// Makes a bare plural unit a vague duration ("seit Jahren").
        static let since = Prep(rawValue: 1 << 2)
        /// Makes a following 4-digit number a year.
        static let year = Prep(rawValue: 1 << 3)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(_ value: String) {
            var p = Prep()
            for flag in value.split(separator: " ") {
                switch flag {
                case "future": p.insert(.future)
                case "past": p.insert(.past)
                case "since": p.insert(.since)
                case "year": p.insert(.year)
                default: continue
                }
            }
            self = p
        }
    }

    /// Lowercase word → index in `entries`.
    let ids: WordMap<Int32>
    let entries: [Entry]
    /// Per entry: `Entry.beginsCore`.
    let beginsCore: [Bool]
    /// Per entry: the matchers that can match at the word (`Matchers`).
    let matchers: [Matchers]
    /// Per entry: it can begin an expression (a preposition, or `beginsCore`); other words are
    /// skipped at once.
    let begins: [Bool]
    /// The words that can begin an expression (`begins`): rules out most tokens of a text
    /// without hashing their whole text and probing `ids`.
    let beginFilter: WordFilter
    /// `beginFilter`'s bits, read directly by `nextCandidate` (a loop over every token).
    let beginBits: [UInt64]
    /// The words of `ids` by their filter bit (`WordFilter.bit`, which every token stores as
    /// `lowerBit`): bit b's entries are `bucketEntries[bucketStart[b]..<bucketStart[b + 1]]`,
    /// rarely more than one. A token's entry is then found without hashing its text
    /// (`entry(lowerOf:)`), by comparing its bytes with the bucket's words.
    private let bucketStart: [Int32]
    private let bucketEntries: [Int32]
    /// Per entry: its word's bytes, `wordBytes[wordStart[e]..<wordStart[e + 1]]`.
    private let wordBytes: [UInt8]
    private let wordStart: [Int32]
    /// Per pair of first bytes (first * 256 + second): some month form begins with it. A
    /// compound token opens a month pair ("Juli-August") only with a month's first bytes.
    let monthStarts: [UInt64]

    init(lexicon: Lexicon) {
        var months: [String: Int] = [:]
        for row in lexicon.table("months").rows where row.count >= 2 {
            if let m = Int(row[1]), (1...12).contains(m) { months[row[0].lowercased()] = m }
        }
        let abbreviations = Set(months.keys.filter { form in
            months.contains { $0.key != form && $0.key.hasPrefix(form) && $0.value == months[form] }
        })
        // word → category → value (a word may have several categories: "jahr" is a unit and a year
        // cue); a later row of the same word and category replaces an earlier one.
        var words: [String: [String: String]] = [:]
        var order: [String] = []
        for row in lexicon.table("time_words").rows where row.count >= 2 {
            let word = row[0].lowercased()
            if words[word] == nil { order.append(word) }
            words[word, default: [:]][row[1]] = row.count > 2 ? row[2] : ""
        }
        // "Donnerstagabend": a day name with a part of day is the same day.
        var compounds: [String: Int] = [:]
        for word in order {
            guard let day = words[word]?["weekday"].flatMap({ Int($0) }) else { continue }
            compounds[word] = day
            for part in order where words[part]?["daypart"] != nil { compounds[word + part] = day }
        }

        var ids = WordMap<Int32>()
        var entries: [Entry] = []
        func entry(_ word: String) -> Int {
            if let e = ids[word] { return Int(e) }
            ids[word] = Int32(entries.count)
            entries.append(Entry())
            return entries.count - 1
        }
        func pair(_ v: String?) -> (Int, Int)? {
            guard let p = v?.split(separator: "/"), p.count == 2, let a = Int(p[0]), let b = Int(p[1]),
                  (1...12).contains(a), (1...12).contains(b) else { return nil }
            return (a, b)
        }
        for word in order {
            guard let categories = words[word] else { continue }
            let e = entry(word)
            for category in categories.keys {
                if let f = Flags.byCategory[category] { entries[e].flags.insert(f) }
            }
            let c = categories
            entries[e].prep = c["prep"].map(Prep.init) ?? []
            entries[e].unit = c["unit"]
            entries[e].set = c["set"]
            entries[e].count = c["count"].flatMap(Double.init)
            entries[e].shift = c["shift"].flatMap { Int($0) }
            entries[e].ordinal = c["ordinal"].flatMap { Int($0) }
            entries[e].period = c["period"].flatMap { Int($0) }
            entries[e].day = c["day"].flatMap { Int($0) }
            entries[e].yearword = c["yearword"].flatMap { Int($0) }
            entries[e].weekdays = c["weekdays"].flatMap { Int($0) }
            entries[e].part = pair(c["part"])
            entries[e].season = pair(c["season"])
            entries[e].yearpart = pair(c["yearpart"])
        }
        for (form, m) in months.sorted(by: { $0.key < $1.key }) {
            let e = entry(form)
            entries[e].month = m
            entries[e].monthAbbreviation = abbreviations.contains(form)
        }
        for (word, day) in compounds.sorted(by: { $0.key < $1.key }) {
            entries[entry(word)].weekday = day
        }
        self.ids = ids
        self.entries = entries
        beginsCore = entries.map(\.beginsCore)
        matchers = entries.map(Matchers.init)
        begins = entries.map { $0.beginsCore || $0.flags.contains(.prep) }
        var filter = WordFilter()
        var bits = [UInt64](repeating: 0, count: 64)
        for (word, e) in ids.pairs where begins[Int(e)] {
            filter.insert(word)
            let bit = WordFilter.bit(word)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        beginFilter = filter
        beginBits = bits
        var entryWords = [String](repeating: "", count: entries.count)
        for (word, e) in ids.pairs { entryWords[Int(e)] = word }
        var wordBytes: [UInt8] = []
        var wordStart: [Int32] = [0]
        for w in entryWords {
            wordBytes.append(contentsOf: w.utf8)
            wordStart.append(Int32(wordBytes.count))
        }
        var buckets = [[Int32]](repeating: [], count: 4096)
        for (word, e) in ids.pairs { buckets[WordFilter.bit(word)].append(e) }
        var bucketStart: [Int32] = [0]
        var bucketEntries: [Int32] = []
        for b in buckets {
            bucketEntries.append(contentsOf: b)
            bucketStart.append(Int32(bucketEntries.count))
        }
        self.wordBytes = wordBytes
        self.wordStart = wordStart
        self.bucketStart = bucketStart
        self.bucketEntries = bucketEntries
        var starts = [UInt64](repeating: 0, count: 1024)
        for form in months.keys {
            let u = Array(form.utf8)
            // A one-byte form would need every word tested: set all of its pairs.
            let seconds = u.count >= 2 ? [Int(u[1])] : Array(0..<256)
            for second in seconds where !u.isEmpty {
                let k = Int(u[0]) << 8 | second
                starts[k >> 6] |= 1 << UInt64(k & 63)
            }
        }
        monthStarts = starts
    }

    /// False when a token's lower case certainly does not begin with a month form, from its
    /// first two bytes (`Token.lowerPrefix`).
    @inline(__always)
    func mayOpenMonthPair(prefix: UInt16) -> Bool {
        let k = Int(prefix)
        // One byte (or none): any month form may follow.
        if k & 0xFF == 0 { return true }
        return monthStarts.withUnsafeBufferPointer { $0[(k >> 6) & 1023] } & (1 << UInt64(k & 63)) != 0
    }

    /// The first token from `i` on (before `end`) that `TimeCursor.canStart` may accept, else
    /// `end`: a number, a word whose filter bit a beginning word has (`beginBits`), or a
    /// capitalised word whose first bytes open a month form (`monthStarts`). Every token of a
    /// document passes here, read in place, with the two bit tables at hand.
    @inline(__always)
    static func nextCandidate(_ t: UnsafeBufferPointer<Token>, _ bits: UnsafeBufferPointer<UInt64>,
                              _ months: UnsafeBufferPointer<UInt64>, from i: Int, to end: Int) -> Int {
        var i = i
        while i < end {
            switch t[i].kind {
            case .number:
                return i
            case .word:
                let b = Int(t[i].lowerBit)
                if bits[(b >> 6) & 63] & (1 << UInt64(b & 63)) != 0 { return i }
                if t[i].isCapitalized {
                    let k = Int(t[i].lowerPrefix)
                    if k & 0xFF == 0 || months[(k >> 6) & 1023] & (1 << UInt64(k & 63)) != 0 { return i }
                }
            default:
                break
            }
            i += 1
        }
        return end
    }

    /// The entry of a token's lower case (-1 for none), as `id(token.lower)`: the words with
    /// the token's filter bit compared with its bytes.
    @inline(__always)
    func entry(lowerOf token: Token) -> Int32 {
        let b = Int(token.lowerBit) & 4095
        let (lo, hi) = bucketStart.withUnsafeBufferPointer { (Int($0[b]), Int($0[b + 1])) }
        if lo == hi { return -1 }
        if let r = token.lower.utf8.withContiguousStorageIfAvailable({ key -> Int32 in
            bucketEntries.withUnsafeBufferPointer { entries in
                wordStart.withUnsafeBufferPointer { start in
                    wordBytes.withUnsafeBufferPointer { bytes in
                        for k in lo..<hi {
                            let e = Int(entries[k])
                            let s = Int(start[e]), n = Int(start[e + 1]) - s
                            guard n == key.count else { continue }
                            if n == 0 || memcmp(bytes.baseAddress! + s, key.baseAddress!, n) == 0 { return Int32(e) }
                        }
                        return -1
                    }
                }
            }
        }) {
            return r
        }
        return id(token.lower) ?? -1
    }

    /// The entry of a lowercase word.
    func id(_ word: String) -> Int32? { ids[word] }
    func id(_ word: Substring) -> Int32? { ids[word] }

    func entry(_ word: Substring) -> Entry? { ids[word].map { entries[Int($0)] } }
}

/// The lexicon entry of each token of a document (`TimeLexicon.ids`), looked up when a matcher
/// first asks: the first scan of a document reads every token, the second only the tokens
/// where expressions start and their neighbours.
final class TimeWordIDs {
    /// Per token: the entry index, -1 for none, -2 not looked up yet. A buffer rather than an
    /// array property: the scan asks for every token, and a class's array would be checked for
    /// exclusive access on each write.
    private let ids: UnsafeMutableBufferPointer<Int32>
    private let tokens: [Token]
    private let words: TimeLexicon
    /// How often the cursors read the reference date (`TimeCursor.ref`).
    var referenceReads = 0
    /// The number token `TimeCursor.digits` read last, and what it read.
    var digitsToken = -1
    var digitsValue: (value: Int, count: Int)? = nil

    init(tokens: [Token], words: TimeLexicon) {
        self.tokens = tokens
        self.words = words
        ids = .allocate(capacity: tokens.count)
        ids.initialize(repeating: -2)
    }

    deinit { ids.deallocate() }

    /// The entry index of token `i` (which must exist), nil when the lexicon does not know it.
    @inline(__always)
    func id(_ i: Int) -> Int? {
        var e = ids[i]
        if e == -2 { e = lookUp(i) }
        return e < 0 ? nil : Int(e)
    }

    /// The first ask for token `i`: out of line, so that the many inlined `id` stay small. The
    /// token is read in place (no Token copy), its entry found by its filter bit's bucket.
    @inline(never)
    private func lookUp(_ i: Int) -> Int32 {
        let e = tokens.withUnsafeBufferPointer { words.entry(lowerOf: $0[i]) }
        ids[i] = e
        return e
    }
}
