/// The `months` and `time_words` tables as lookups for the time annotator.
struct TimeLexicon: Sendable {
    /// Written form (lowercase) → month number.
    let months: [String: Int]
    /// Forms that abbreviate a longer form of the same month ("jun", "sept"): they need a period.
    let monthAbbreviations: Set<String>
    /// word → category → value (a word may have several categories: "jahr" is a unit and a year cue).
    let words: [String: [String: String]]

    init(lexicon: Lexicon) {
        var months: [String: Int] = [:]
        for row in lexicon.table("months").rows where row.count >= 2 {
            if let m = Int(row[1]), (1...12).contains(m) { months[row[0].lowercased()] = m }
        }
        self.months = months
        monthAbbreviations = Set(months.keys.filter { form in
            months.contains { $0.key != form && $0.key.hasPrefix(form) && $0.value == months[form] }
        })
        var words: [String: [String: String]] = [:]
        for row in lexicon.table("time_words").rows where row.count >= 2 {
            words[row[0].lowercased(), default: [:]][row[1]] = row.count > 2 ? row[2] : ""
        }
        self.words = words
        // "Donnerstagabend": a day name with a part of day is the same day.
        var compounds: [String: Int] = [:]
        for (word, categories) in words {
            guard let day = categories["weekday"].flatMap({ Int($0) }) else { continue }
            compounds[word] = day
            for (part, c) in words where c["daypart"] != nil { compounds[word + part] = day }
        }
        weekdays = compounds
        starters = Set(words.keys).union(months.keys).union(compounds.keys)
    }

    /// Day names, also with a part of day, → ISO weekday.
    let weekdays: [String: Int]
    /// Lowercase words that can begin a time expression; other words are skipped at once.
    let starters: Set<String>

    func value(_ word: String, _ category: String) -> String? { words[word]?[category] }
    func has(_ word: String, _ category: String) -> Bool { words[word]?[category] != nil }
    func int(_ word: String, _ category: String) -> Int? { value(word, category).flatMap { Int($0) } }

    /// "03/05" → (3, 5).
    func monthPair(_ word: String, _ category: String) -> (Int, Int)? {
        guard let v = value(word, category) else { return nil }
        let p = v.split(separator: "/")
        guard p.count == 2, let a = Int(p[0]), let b = Int(p[1]), (1...12).contains(a), (1...12).contains(b) else { return nil }
        return (a, b)
    }
}
