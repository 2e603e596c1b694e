/// The matchers of `TimeAnnotator` over one sentence's tokens: each `func` recognises one
/// kind of expression at a token and returns its extent and value, or nil.
struct TimeCursor {
    let tokens: [Token]
    /// A var: the scan moves one cursor from sentence to sentence (a new one per sentence
    /// retained and released its references every time).
    var end: Int
    let words: TimeLexicon
    /// The tokens' lexicon entries, shared by the cursors of one document.
    let ids: TimeWordIDs
    let reference: ReferenceDate?

    /// The reference date, counted in `ids.referenceReads` when a matcher reads it: a match
    /// that never read it is the same with any reference date (`TimeExpression.readsReference`).
    var ref: ReferenceDate? {
        ids.referenceReads &+= 1
        return reference
    }

    /// The same tokens up to the end of the document: the splitter may end a sentence at an
    /// ordinal's period ("am 17." | "Juni").
    var whole: TimeCursor { TimeCursor(tokens: tokens, end: tokens.count, words: words, ids: ids, reference: reference) }

    // MARK: Token access

    func lower(_ i: Int) -> String { i < end && i >= 0 ? tokens[i].lower : "" }

    /// The lexicon entry of token `i` (index into `words.entries`), nil outside the sentence.
    @inline(__always)
    func entry(_ i: Int) -> Int? { i < end && i >= 0 ? ids.id(i) : nil }

    func has(_ i: Int, _ flag: TimeLexicon.Flags) -> Bool {
        guard let e = entry(i) else { return false }
        return words.entries[e].flags.contains(flag)
    }

    func unit(_ i: Int) -> String? { entry(i).flatMap { words.entries[$0].unit } }
    func shift(_ i: Int) -> Int? { entry(i).flatMap { words.entries[$0].shift } }

    /// A capitalised word with a hyphen ("Juli-August").
    func isCapitalizedCompound(_ i: Int) -> Bool {
        guard isCapitalized(i) else { return false }
        let u = tokens[i].text.utf8
        return u.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "-")) } ?? u.contains(UInt8(ascii: "-"))
    }

    /// Whether the token's text is exactly one ASCII byte `b` ("-", "/").
    func isByte(_ i: Int, _ b: UInt8) -> Bool {
        guard i < end, i >= 0 else { return false }
        let u = tokens[i].text.utf8
        return u.count == 1 && u.first == b
    }

    /// How many "." the token holds: a dotted number is a date ("28.4.2025") or a time ("14.00").
    func dots(_ i: Int) -> Int {
        let u = tokens[i].text.utf8
        if let n = u.withContiguousStorageIfAvailable({ b -> Int in
            var n = 0
            for c in b where c == UInt8(ascii: ".") { n += 1 }
            return n
        }) {
            return n
        }
        var n = 0
        for b in u where b == UInt8(ascii: ".") { n += 1 }
        return n
    }
    func isCapitalized(_ i: Int) -> Bool { i < end && tokens[i].kind == .word && tokens[i].isCapitalized }
    func isPunct(_ i: Int, _ s: String) -> Bool { i < end && tokens[i].kind == .punct && tokens[i].text == s }
    func attached(_ i: Int) -> Bool { i < end && !tokens[i].spaceBefore }

    /// A number written with digits only ("2024", "17"), no separators.
    func digits(_ i: Int) -> (value: Int, count: Int)? {
        guard i < end, tokens[i].kind == .number else { return nil }
        // Several matchers ask for the same number in turn: the last reading is kept.
        if ids.digitsToken == i { return ids.digitsValue }
        let r = readDigits(i)
        ids.digitsToken = i
        ids.digitsValue = r
        return r
    }

    private func readDigits(_ i: Int) -> (value: Int, count: Int)? {
        // On the bytes in place (asked several times per number token by the matchers).
        if let r = tokens[i].text.utf8.withContiguousStorageIfAvailable({ b -> (value: Int, count: Int)? in
            guard b.count <= 9, b.count > 0 else { return nil }
            var v = 0
            for c in b {
                guard c >= 0x30 && c <= 0x39 else { return nil }
                v = v * 10 + Int(c &- 0x30)
            }
            return (v, b.count)
        }) {
            return r
        }
        let t = tokens[i].text
        guard t.utf8.count <= 9, t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let v = Int(t) else { return nil }
        return (v, t.utf8.count)
    }

    /// A four-digit year in the range news text plausibly names.
    func year(_ i: Int) -> Int? {
        guard let d = digits(i), d.count == 4, (1800...2099).contains(d.value) else { return nil }
        return d.value
    }

    /// A month name: capitalised; an abbreviation only with its period ("Sept.").
    func month(_ i: Int) -> (month: Int, end: Int)? {
        guard isCapitalized(i), let e = entry(i), let m = words.entries[e].month else { return nil }
        if words.entries[e].monthAbbreviation {
            return isPunct(i + 1, ".") && attached(i + 1) ? (m, i + 2) : nil
        }
        return (m, i + 1)
    }

    func skipQuotes(_ i: Int) -> Int {
        var j = i
        while j < end, tokens[j].kind == .punct, tokens[j].text == "\"" || tokens[j].text == "'" { j += 1 }
        return j
    }

    // MARK: Entry

    /// Cheap test before matching: a number, a lexicon word, or a hyphenated month pair.
    /// The scan asks it of every token of a document: the kind and the begin filter are read
    /// from the token (its stored filter bit), without a Token copy or a String read.
    @inline(__always)
    func canStart(_ i: Int) -> Bool {
        let (kind, mayBegin, prefix, capitalized) = tokens.withUnsafeBufferPointer { t in
            (t[i].kind, words.beginFilter.mayContain(lowerOf: t[i]), t[i].lowerPrefix, t[i].isCapitalized)
        }
        switch kind {
        case .number: return true
        case .word:
            // The filters rule out most words without a lookup; a compound begins an
            // expression only as a month pair ("Juli-August", `monthExpression`), capitalised.
            if mayBegin, let e = ids.id(i), words.begins[e] { return true }
            return capitalized && words.mayOpenMonthPair(prefix: prefix) && isCapitalizedCompound(i)
        default: return false
        }
    }

    func match(at i: Int) -> TimeMatch? {
        if let e = entry(i), words.entries[e].flags.contains(.prep) {
            let kind = words.entries[e].prep
            var j = skipQuotes(i + 1)
            // "bis zum", "bis Ende", "seit dem": a second preposition or an article may follow.
            if has(j, .prep) { j += 1 }
            if has(j, .article) { j += 1 }
            if var m = core(j, afterPrep: true, prep: kind) {
                m.start = i
                m.future = kind.contains(.future)
                // A quote opened after the preposition closes after the expression: „Juli oder August“.
                if j > i + 1, isPunct(m.end, "\"") || isPunct(m.end, "'") { m.end += 1 }
                return m
            }
        }
        return core(i, afterPrep: false, prep: [])
    }

    /// The expression proper, after an optional preposition.
    func core(_ j: Int, afterPrep: Bool, prep: TimeLexicon.Prep) -> TimeMatch? {
        guard j < end else { return nil }
        // Every matcher below needs a number or a word of one of its categories ("Juli-August" aside).
        if tokens[j].kind == .number {
            // A number (it begins with a digit) is no lexicon word: only the matchers that read
            // digits can match, in the same order as below.
            if let m = numericDate(j) { return m }
            if let m = dayMonth(j) { return m }
            if let m = period(j) { return m }
            if let m = clock(j) { return m }
            if let m = duration(j, past: prep.contains(.past)) { return m }
            return yearExpression(j, context: prep.contains(.year))
        }
        // A word: only the matchers that read one of its categories (`TimeLexicon.Matchers`);
        // the others fail at once, and the matchers that need a number are passed over.
        var can: TimeLexicon.Matchers = []
        if let e = entry(j) {
            guard words.beginsCore[e] else { return isCapitalizedCompound(j) ? coreWord(j, [.month], afterPrep: afterPrep, prep: prep) : nil }
            can = words.matchers[e]
        } else {
            guard isCapitalizedCompound(j) else { return nil }
            can = [.month]
        }
        return coreWord(j, can, afterPrep: afterPrep, prep: prep)
    }

    /// `core` at a word, trying only the matchers in `can`, in `core`'s order.
    private func coreWord(_ j: Int, _ can: TimeLexicon.Matchers, afterPrep: Bool, prep: TimeLexicon.Prep) -> TimeMatch? {
        if can.contains(.partOf), let m = partOf(j) { return m }
        if can.contains(.season), let m = season(j, afterPrep: afterPrep) { return m }
        if can.contains(.month) || isCapitalizedCompound(j), let m = monthExpression(j, bare: afterPrep) { return m }
        if can.contains(.period), let m = period(j) { return m }
        if can.contains(.shifted), let m = shifted(j) { return m }
        if can.contains(.yearWord), let m = yearWord(j) { return m }
        if can.contains(.weekend), let m = weekend(j) { return m }
        if can.contains(.dayWord), let m = dayWord(j) { return m }
        if can.contains(.weekday), let m = weekday(j) { return m }
        if can.contains(.frequency), let m = frequency(j) { return m }
        // "seit Jahren": a vague duration.
        if can.contains(.since), prep.contains(.since), has(j, .plural), let unit = unit(j) {
            return TimeMatch(start: j, end: j + 1, value: "PX\(unit)", type: .duration)
        }
        if can.contains(.duration), let m = duration(j, past: prep.contains(.past)) { return m }
        if can.contains(.yearExpression), let m = yearExpression(j, context: prep.contains(.year)) { return m }
        return nil
    }

    // MARK: Calendar dates

    /// "28.4.2025", "28.04.25", "2025-04-28".
    func numericDate(_ j: Int) -> TimeMatch? {
        guard tokens[j].kind == .number else { return nil }
        if dots(j) == 2 {
            // Split as bytes (a Character split walks grapheme breaks): the counts are those of
            // Characters for digits, and a part with any other byte is no Int either way.
            let parts = tokens[j].text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 2 || parts[2].count == 4,
                  let d = Int(Substring(parts[0])), let m = Int(Substring(parts[1])), var y = Int(Substring(parts[2]))
            else { return nil }
            if parts[2].count == 2 { y += y < 50 ? 2000 : 1900 }
            guard (1800...2099).contains(y), CalendarDay(validYear: y, month: m, day: d) != nil else { return nil }
            return TimeMatch(start: j, end: j + 1, value: TimexFormat.day(y, m, d), writtenYear: y, month: m, day: d,
                             monthPrecise: true)
        }
        if let y = year(j), isPunct(j + 1, "-"), attached(j + 1), let m = digits(j + 2), m.count == 2, attached(j + 2),
           isPunct(j + 3, "-"), attached(j + 3), let d = digits(j + 4), d.count == 2, attached(j + 4),
           CalendarDay(validYear: y, month: m.value, day: d.value) != nil {
            return TimeMatch(start: j, end: j + 5, value: TimexFormat.day(y, m.value, d.value), writtenYear: y,
                             month: m.value, day: d.value, monthPrecise: true)
        }
        return nil
    }

    /// "17. Juni", "28. April 2025".
    func dayMonth(_ j: Int) -> TimeMatch? {
        guard let d = digits(j), d.count <= 2, (1...31).contains(d.value) else { return nil }
        // The period first (`whole.isPunct(j + 1, ".")`, `whole.attached(j + 1)`): most numbers
        // have none, and a whole-document cursor is then not made.
        guard j + 1 < tokens.count, tokens[j + 1].kind == .punct, !tokens[j + 1].spaceBefore,
              tokens[j + 1].text == "." else { return nil }
        // The splitter may end a sentence at the ordinal's period: look past it.
        let whole = self.whole
        guard whole.isPunct(j + 1, "."), whole.attached(j + 1), let m = whole.month(j + 2) else { return nil }
        if let y = whole.year(m.end) {
            guard CalendarDay(validYear: y, month: m.month, day: d.value) != nil else { return nil }
            return TimeMatch(start: j, end: m.end + 1, value: TimexFormat.day(y, m.month, d.value), writtenYear: y,
                             month: m.month, day: d.value, monthPrecise: true)
        }
        let y = ref?.year
        return TimeMatch(start: j, end: m.end, value: TimexFormat.day(y, m.month, d.value), relative: y != nil,
                         month: m.month, day: d.value, monthPrecise: true)
    }

    /// A year given after a month or part of year: "2024", "letzten Jahres", "dieses Jahres".
    func yearSpec(_ k: Int) -> (year: Int?, written: Bool, end: Int)? {
        if let y = year(k) { return (y, true, k + 1) }
        var k2 = k
        if has(k2, .article) { k2 += 1 }
        if let shift = shift(k2), unit(k2 + 1) == "Y" {
            return (ref.map { $0.year + shift }, false, k2 + 2)
        }
        if k2 > k, unit(k2) == "Y", lower(k2) == "jahres" {
            return (ref?.year, false, k2 + 1)  // "Ende des Jahres": this year
        }
        return nil
    }

    /// "Anfang 2024" → 2024-01/2024-03, "Ende letzten Jahres", "Ende April".
    func partOf(_ j: Int) -> TimeMatch? {
        guard isCapitalized(j), let (a, b) = entry(j).flatMap({ words.entries[$0].part }) else { return nil }
        let k = j + 1
        if let m = month(k) {
            if let ys = yearSpec(m.end) {
                return TimeMatch(start: j, end: ys.end, value: TimexFormat.month(ys.year, m.month), relative: !ys.written,
                                 writtenYear: ys.written ? ys.year : nil, month: m.month, monthPrecise: true)
            }
            let y = ref?.year
            return TimeMatch(start: j, end: m.end, value: TimexFormat.month(y, m.month), relative: y != nil,
                             month: m.month, monthPrecise: true)
        }
        if let ys = yearSpec(k) {
            let value = TimexFormat.interval(TimexFormat.month(ys.year, a), TimexFormat.month(ys.year, b))
            return TimeMatch(start: j, end: ys.end, value: value, relative: !ys.written,
                             writtenYear: ys.written ? ys.year : nil, month: b)
        }
        return nil
    }

    /// "Frühjahr 2025" → 2025-03/2025-05; "im Sommer" (this year's).
    func season(_ j: Int, afterPrep: Bool) -> TimeMatch? {
        guard isCapitalized(j), let (a, b) = entry(j).flatMap({ words.entries[$0].season }) else { return nil }
        if let ys = yearSpec(j + 1) {
            return TimeMatch(start: j, end: ys.end, value: seasonValue(ys.year, a, b), relative: !ys.written,
                             writtenYear: ys.written ? ys.year : nil, month: b)
        }
        guard afterPrep else { return nil }
        return TimeMatch(start: j, end: j + 1, value: seasonValue(ref?.year, a, b), relative: ref != nil, month: b)
    }

    func seasonValue(_ y: Int?, _ a: Int, _ b: Int) -> String {
        TimexFormat.interval(TimexFormat.month(y, a), TimexFormat.month(b < a ? y.map { $0 + 1 } : y, b))
    }

    /// "Juni 2024", "Juli-August 2025", "Juli oder August", "im April", "Oktober letzten Jahres".
    func monthExpression(_ j: Int, bare: Bool) -> TimeMatch? {
        var first: Int, last: Int, k: Int
        if let m = month(j) {
            first = m.month; last = m.month; k = m.end
            // Range: "Juli bis August", "Juli oder August", "Juli - August", "Juli/August".
            let connector = lower(k)
            if connector == "-" || connector == "bis" || connector == "oder" || connector == "und" || connector == "/",
               let m2 = month(k + 1) {
                last = m2.month; k = m2.end
            }
        } else if isCapitalizedCompound(j) {
            // "Juli-August" is one token.
            // Split as bytes: a hyphen inside a word token is always a Character of its own.
            let parts = tokens[j].lower.utf8.split(separator: UInt8(ascii: "-"))
            guard parts.count == 2, let ea = words.entry(Substring(parts[0])), let a = ea.month,
                  let b = words.entry(Substring(parts[1]))?.month, !ea.monthAbbreviation else { return nil }
            first = a; last = b; k = j + 1
        } else {
            return nil
        }
        if let ys = yearSpec(k) {
            let firstYear = last < first ? ys.year.map { $0 - 1 } : ys.year
            let value = TimexFormat.interval(TimexFormat.month(firstYear, first), TimexFormat.month(ys.year, last))
            return TimeMatch(start: j, end: ys.end, value: value, relative: !ys.written,
                             writtenYear: ys.written ? ys.year : nil, month: last, monthPrecise: true)
        }
        // A month name alone is a time only after a preposition or as a range ("Mai" may be a name).
        guard bare || first != last else { return nil }
        let y = ref?.year
        let value = TimexFormat.interval(TimexFormat.month(y, first),
                                         TimexFormat.month(last < first ? y.map { $0 + 1 } : y, last))
        return TimeMatch(start: j, end: k, value: value, relative: y != nil, month: last, monthPrecise: true)
    }

    /// "im dritten Quartal 2015" → 2015-07/2015-09, "im 3. Quartal", "im ersten Halbjahr 2015"
    /// → 2015-01/2015-06 (month intervals compare with the other values).
    func period(_ j: Int) -> TimeMatch? {
        var n: Int, k: Int
        if let o = entry(j).flatMap({ words.entries[$0].ordinal }) {
            n = o; k = j + 1
        } else if let d = digits(j), d.count == 1, isPunct(j + 1, "."), attached(j + 1) {
            // The splitter may end a sentence at the ordinal's period: look past it.
            if beyondEnd(j + 2) { return whole.period(j) }
            n = d.value; k = j + 2
        } else {
            return nil
        }
        guard let size = entry(k).flatMap({ words.entries[$0].period }), size > 0, 12 % size == 0 else { return nil }
        if n < 0 { n = 12 / size }  // "im letzten Quartal"
        guard (1...(12 / size)).contains(n) else { return nil }
        let a = (n - 1) * size + 1, b = n * size
        if let ys = yearSpec(k + 1) {
            return TimeMatch(start: j, end: ys.end, value: TimexFormat.interval(TimexFormat.month(ys.year, a), TimexFormat.month(ys.year, b)),
                             relative: !ys.written, writtenYear: ys.written ? ys.year : nil, month: b)
        }
        let y = ref?.year
        return TimeMatch(start: j, end: k + 1, value: TimexFormat.interval(TimexFormat.month(y, a), TimexFormat.month(y, b)),
                         relative: true, month: b)
    }

    /// True when `i` lies past this cursor's end but inside the document.
    func beyondEnd(_ i: Int) -> Bool { i >= end && i < tokens.count }

    /// "im Vorjahr", "heuer", "zum Jahresende" (of the document's year unless one follows).
    func yearWord(_ j: Int) -> TimeMatch? {
        guard let e = entry(j) else { return nil }
        if let offset = words.entries[e].yearword {
            return TimeMatch(start: j, end: j + 1, value: TimexFormat.year(ref.map { $0.year + offset }), relative: true)
        }
        guard let (a, b) = words.entries[e].yearpart else { return nil }
        if let y = year(j + 1) {
            return TimeMatch(start: j, end: j + 2, value: TimexFormat.interval(TimexFormat.month(y, a), TimexFormat.month(y, b)),
                             writtenYear: y, month: b)
        }
        let y = ref?.year
        return TimeMatch(start: j, end: j + 1, value: TimexFormat.interval(TimexFormat.month(y, a), TimexFormat.month(y, b)),
                         relative: true, month: b)
    }

    /// "am Wochenende" → 2025-W24-WE: the weekend before the document date, or that week's
    /// when the report is from Thursday on (then it speaks of the coming or current one).
    func weekend(_ j: Int) -> TimeMatch? {
        guard has(j, .weekend) else { return nil }
        var value = "XXXX-WXX-WE"
        if let day = ref?.calendarDay {
            let w = (day.weekday >= 4 ? day : day.adding(days: -7)).isoWeek
            value = TimexFormat.week(w.year, w.week) + "-WE"
        }
        return TimeMatch(start: j, end: j + 1, value: value, relative: true)
    }

    // MARK: Relative expressions

    /// "vergangene Woche", "im vergangenen Jahr", "letzten Jahres", "im vergangenen Oktober",
    /// "vergangenen Donnerstag", "in den vergangenen drei Monaten" (a duration).
    func shifted(_ j: Int) -> TimeMatch? {
        guard let shift = shift(j) else { return nil }
        let k = j + 1
        if let d = duration(k, past: false) { return TimeMatch(start: j, end: d.end, value: d.value, type: .duration) }
        if let unit = unit(k) {
            if has(k, .plural) { return nil }
            var m = TimeMatch(start: j, end: k + 1, value: "", relative: true)
            switch unit {
            case "W":
                if let day = ref?.calendarDay {
                    let w = day.adding(days: 7 * shift).isoWeek
                    m.value = TimexFormat.week(w.year, w.week)
                } else {
                    m.value = "XXXX-WXX"
                }
            case "M":
                if let r = ref, let rm = r.month {
                    let n = r.year * 12 + (rm - 1) + shift
                    m.value = TimexFormat.month(n / 12, n % 12 + 1)
                    m.month = n % 12 + 1
                } else {
                    m.value = "XXXX-XX"
                }
            case "Y":
                m.value = TimexFormat.year(ref.map { $0.year + shift })
            case "D":
                if let day = ref?.calendarDay { m.value = day.adding(days: shift).iso } else { m.value = "XXXX-XX-XX" }
            default:
                return nil
            }
            return m
        }
        if let mo = month(k) {
            var y: Int? = nil
            if let r = ref {
                let rm = r.month ?? 0  // month unknown: "vergangenen Oktober" lies in the year before
                switch shift {
                case ..<0: y = rm > mo.month ? r.year : r.year - 1
                case 0: y = r.year
                default: y = (r.month ?? 0) < mo.month ? r.year : r.year + 1
                }
            }
            return TimeMatch(start: j, end: mo.end, value: TimexFormat.month(y, mo.month), relative: true,
                             month: mo.month, monthPrecise: true)
        }
        if isCapitalized(k), let (a, b) = entry(k).flatMap({ words.entries[$0].season }) {
            let y = ref.map { r -> Int in
                if shift < 0 { return (r.month ?? 0) > max(a, b) && b >= a ? r.year : r.year - 1 }
                return r.year + shift
            }
            return TimeMatch(start: j, end: k + 1, value: seasonValue(y, a, b), relative: true, month: b)
        }
        if has(k, .weekend) {
            var value = "XXXX-WXX-WE"
            if let day = ref?.calendarDay {
                let target = shift < 0 ? day.adding(days: -7) : (shift == 0 || day.weekday <= 5 ? day : day.adding(days: 7))
                value = TimexFormat.week(target.isoWeek.year, target.isoWeek.week) + "-WE"
            }
            return TimeMatch(start: j, end: k + 1, value: value, relative: true)
        }
        if let wd = weekdayNumber(k) {
            var value = "XXXX-WXX-\(wd)"
            if let day = ref?.calendarDay {
                let back = (day.weekday - wd + 7) % 7
                let target: CalendarDay
                switch shift {
                case ..<0: target = day.adding(days: back == 0 ? -7 : -back)
                case 0: target = day.adding(days: wd - day.weekday)
                default: let fwd = (wd - day.weekday + 7) % 7; target = day.adding(days: fwd == 0 ? 7 : fwd)
                }
                value = target.iso
            }
            return TimeMatch(start: j, end: k + 1, value: value, relative: true)
        }
        return nil
    }

    /// "heute", "gestern", "vorgestern", "morgen" (lowercase: "Morgen" is the morning).
    func dayWord(_ j: Int) -> TimeMatch? {
        guard let offset = entry(j).flatMap({ words.entries[$0].day }) else { return nil }
        if offset > 0, tokens[j].isCapitalized { return nil }
        let value = ref?.calendarDay.map { $0.adding(days: offset).iso } ?? "XXXX-XX-XX"
        return TimeMatch(start: j, end: j + 1, value: value, relative: true)
    }

    /// A capitalised day name, also with a part of day ("Donnerstagabend").
    func weekdayNumber(_ j: Int) -> Int? {
        guard isCapitalized(j), let e = entry(j) else { return nil }
        return words.entries[e].weekday
    }

    /// "am Donnerstag": the last such day on or before the reference date (agency style uses
    /// "am Donnerstag" also for the day of publication).
    func weekday(_ j: Int) -> TimeMatch? {
        guard let wd = weekdayNumber(j) else { return nil }
        var value = "XXXX-WXX-\(wd)"
        if let day = ref?.calendarDay {
            value = day.adding(days: -((day.weekday - wd + 7) % 7)).iso
        }
        return TimeMatch(start: j, end: j + 1, value: value, relative: true)
    }

    /// "15 Uhr" T15:00, "14.00 Uhr" and "15:30 Uhr" (TIMEX3 type time, without the day).
    func clock(_ j: Int) -> TimeMatch? {
        guard j < end, tokens[j].kind == .number else { return nil }
        // "Uhr" follows the number or its minutes ("15:30 Uhr"): most numbers have none.
        guard has(j + 1, .clock) || (isByte(j + 1, UInt8(ascii: ":")) && has(j + 3, .clock)) else { return nil }
        var hour: Int, minute = 0, k = j + 1
        // Split as bytes, as in `numericDate`.
        let parts = dots(j) == 1 ? tokens[j].text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) : []
        if parts.count == 2, parts[0].count <= 2, parts[1].count == 2, let h = Int(Substring(parts[0])), let m = Int(Substring(parts[1])) {
            hour = h; minute = m
        } else if let h = digits(j), h.count <= 2 {
            hour = h.value
            if isPunct(k, ":"), attached(k), let m = digits(k + 1), m.count == 2, attached(k + 1) { minute = m.value; k += 2 }
        } else {
            return nil
        }
        guard hour <= 24, minute < 60, has(k, .clock) else { return nil }
        return TimeMatch(start: j, end: k + 1, value: "T\(TimexFormat.two(hour)):\(TimexFormat.two(minute))", type: .time)
    }

    // MARK: Durations and sets

    /// "jährlich", "montags", "jeden Montag", "jedes Jahr".
    func frequency(_ j: Int) -> TimeMatch? {
        guard let e = entry(j) else { return nil }
        if let period = words.entries[e].set { return TimeMatch(start: j, end: j + 1, value: period, type: .set) }
        if let wd = words.entries[e].weekdays { return TimeMatch(start: j, end: j + 1, value: "XXXX-WXX-\(wd)", type: .set) }
        if words.entries[e].flags.contains(.every) {
            if let wd = weekdayNumber(j + 1) {
                return TimeMatch(start: j, end: j + 2, value: "XXXX-WXX-\(wd)", type: .set)
            }
            if has(j + 1, .weekend) {
                return TimeMatch(start: j, end: j + 2, value: "XXXX-WXX-WE", type: .set)
            }
            if let unit = unit(j + 1) {
                return TimeMatch(start: j, end: j + 2, value: "P1\(unit)", type: .set)
            }
        }
        return nil
    }

    /// "einen Monat" P1M, "fast drei Monaten" P3M, "zwei Jahre" P2Y; after "vor" a date
    /// ("vor zwei Jahren" → the year two years before the reference).
    func duration(_ j: Int, past: Bool) -> TimeMatch? {
        var k = j
        if has(k, .approx) {
            k += 1
            if lower(k) == "als" { k += 1 }
        }
        // The unit first: most words and numbers have none after them.
        guard let unit = unit(k + 1) else { return nil }
        var amount: Double? = nil
        if let n = entry(k).flatMap({ words.entries[$0].count }) {
            amount = n
        } else if k < end, tokens[k].kind == .number {
            if let d = digits(k), d.value <= 999 {
                amount = Double(d.value)
            } else if tokens[k].text.utf8.count <= 4 {
                // "1,5": the decimal comma as a point (same byte count).
                if let v = Double(String(tokens[k].text.map { $0 == "," ? "." : $0 })) { amount = v }
            }
        }
        guard let n = amount, n > 0 else { return nil }
        var m = TimeMatch(start: j, end: k + 2, value: TimexFormat.duration(n, unit), type: .duration)
        guard past, n == n.rounded() else { return m }
        let back = Int(n)
        m.type = .date
        m.relative = true
        switch unit {
        case "Y":
            m.value = TimexFormat.year(ref.map { $0.year - back })
        case "M":
            if let r = ref, let rm = r.month {
                let t = r.year * 12 + rm - 1 - back
                m.value = TimexFormat.month(t / 12, t % 12 + 1)
            } else {
                m.value = "XXXX-XX"
            }
        case "W":
            if let w = ref?.calendarDay?.adding(days: -7 * back).isoWeek { m.value = TimexFormat.week(w.year, w.week) } else { m.value = "XXXX-WXX" }
        default:
            m.value = ref?.calendarDay?.adding(days: -back).iso ?? "XXXX-XX-XX"
        }
        return m
    }

    // MARK: Years

    /// "im Jahr 2022", "seit 2015", "2014 bis 2016", and a bare year where nothing makes it a
    /// count: "Kim 2024 mit Putin unterzeichnet" is a year, "2000 Soldaten" and "2.000" are not.
    func yearExpression(_ j: Int, context: Bool) -> TimeMatch? {
        var k = j
        var cued = context
        if has(k, .yearcue), year(k + 1) != nil { k += 1; cued = true }
        guard let y = year(k) else { return nil }
        // "in den 1980er-Jahren": a decade, ISO 8601 "198".
        if y % 10 == 0, k + 1 < end, attached(k + 1), tokens[k + 1].kind == .word, tokens[k + 1].lower.hasPrefix("er") {
            return TimeMatch(start: j, end: k + 2, value: String(TimexFormat.year(y).prefix(3)))
        }
        if !cued {
            guard (1900...2099).contains(y), j == 0 || !isYearBlocker(j - 1) else { return nil }
        }
        // "2013/14": a season or school year across the turn of the year.
        if isPunct(k + 1, "/"), attached(k + 1), attached(k + 2), let next = digits(k + 2), next.count == 2,
           next.value == (y + 1) % 100 {
            return TimeMatch(start: j, end: k + 3, value: "\(TimexFormat.year(y))/\(TimexFormat.year(y + 1))", writtenYear: y + 1)
        }
        // "2014 bis 2016", "2014-2016"
        if lower(k + 1) == "bis" || isPunct(k + 1, "-"), let y2 = year(k + 2), y2 > y {
            if !cued, isCapitalized(k + 3) { return nil }
            return TimeMatch(start: j, end: k + 3, value: "\(TimexFormat.year(y))/\(TimexFormat.year(y2))", writtenYear: y2)
        }
        if !cued {
            // A following noun makes it a count ("2024 Soldaten"), as does a following range of counts.
            if isCapitalized(k + 1), entry(k + 1).flatMap({ words.entries[$0].month }) == nil { return nil }
            if k + 1 < end, tokens[k + 1].kind == .symbol { return nil }
            if k + 2 < end, tokens[k + 2].kind == .number {
                switch lower(k + 1) {
                case "bis", "und", "oder", "-": return nil
                default: break
                }
            }
        }
        return TimeMatch(start: j, end: k + 1, value: TimexFormat.year(y), writtenYear: y)
    }

    /// Words before a number that make it an identifier or an approximate count.
    func isYearBlocker(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let w = tokens[i].lower
        // "EU-Richtlinie 2012": the compound's last part decides.
        if w.utf8.contains(UInt8(ascii: "-")), let dash = w.lastIndex(of: "-"),
           words.entry(w[w.index(after: dash)...])?.flags.contains(.notyear) == true { return true }
        if let e = ids.id(i), !words.entries[e].flags.isDisjoint(with: [.notyear, .approx]) { return true }
        // "mehr als 2000", "weniger als 2000"
        if w == "als", i > 0, tokens[i - 1].lower == "mehr" || tokens[i - 1].lower == "weniger" { return true }
        return tokens[i].kind == .number || tokens[i].text == "#"
    }
}
