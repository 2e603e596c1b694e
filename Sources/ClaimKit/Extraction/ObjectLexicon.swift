/// The `objects` lexicon as a lookup: a counted noun as written → its lemma and concept class.
///
/// Matching tries the whole word, then ever shorter compound heads ("Raketengeschosse" →
/// "geschosse" → Geschoss), against the listed lemmas, their irregular forms and their regular
/// inflections. A noun that matches nothing is lemmatised by the lexicon's suffix rules and has
/// no class.
public struct ObjectLexicon: Sendable {
    public struct Match: Sendable, Hashable {
        /// Lemma of the whole word: "Raketengeschoss", "Bauarbeiter", "Wiederaufbau-Kraft".
        public var lemma: String
        /// Lemma of the compound head that matched the lexicon: "Geschoss", "Arbeiter".
        public var head: String?
        public var cls: String?
    }

    struct Entry: Sendable {
        var lemma: String
        var cls: String
    }

    /// Forms written backwards, so that one walk from the end of a word finds its longest
    /// compound head; payload: index into `entries`.
    private var reversedForms = LetterTrie()
    private var entries: [Entry] = []
    private var suffixRules: [(plural: String, singular: String)] = []
    /// Regular endings generated for every lemma (dative, plural and genitive forms).
    private static let regularEndings = ["e", "en", "n", "s", "er", "ern", "es", "nen"]
    /// Lemmas shorter than this are not matched as compound heads ("Motoren" are not "Tore").
    private static let minimumHeadLength = 4

    public init(lexicon: Lexicon = .shared) {
        var forms: [String: Entry] = [:]
        var generated: [(String, Entry)] = []
        for row in lexicon.table("objects").rows where row.count >= 2 {
            if row[0].hasPrefix("-") {
                suffixRules.append((String(row[0].dropFirst()).lowercased(), String(row[1].dropFirst()).lowercased()))
                continue
            }
            let entry = Entry(lemma: row[0], cls: row[1])
            let lemma = row[0].lowercased()
            if forms[lemma] == nil { forms[lemma] = entry }
            if row.count > 2 {
                for f in row[2].split(separator: ",") {
                    let form = f.trimmingCharacters(in: .whitespaces).lowercased()
                    if !form.isEmpty, forms[form] == nil { forms[form] = entry }
                }
            }
            for ending in Self.regularEndings { generated.append((lemma + ending, entry)) }
        }
        // Listed forms win over generated ones.
        for (form, entry) in generated where forms[form] == nil { forms[form] = entry }
        for (form, entry) in forms.sorted(by: { $0.key < $1.key }) {
            entries.append(entry)
            reversedForms.insert(form.unicodeScalars.reversed(), payload: entries.count - 1)
        }
    }

    /// Lemma and class of a noun as written in the text.
    /// `plural: false` for a noun that may be singular ("30 Prozent der Landfläche"): an unknown
    /// noun then keeps its written form instead of losing a plural ending it does not have.
    public func match(_ word: String, plural: Bool = true) -> Match {
        // "Wiederaufbau-Kräften": the part after the last hyphen is the head.
        var prefix = ""
        var head = Substring(word)
        if let dash = word.lastIndex(of: "-"), word.index(after: dash) < word.endIndex {
            prefix = String(word[...dash])
            head = word[word.index(after: dash)...]
        }
        let scalars = Array(head.unicodeScalars)
        let lower = Array(String(head).lowercased().unicodeScalars)
        guard lower.count == scalars.count else { return Match(lemma: word, head: nil, cls: nil) }
        // Walk from the end; the last payload seen at a valid split is the longest head.
        var node = 0
        var best: (split: Int, entry: Int)?
        var k = lower.count - 1
        while k >= 0 {
            node = reversedForms.step(node, lower[k])
            if node < 0 { break }
            if let e = reversedForms.payload(at: node), k == 0 || entries[e].lemma.count >= Self.minimumHeadLength {
                best = (k, e)
            }
            k -= 1
        }
        if let (p, index) = best {
            let e = entries[index]
            var front = String.UnicodeScalarView()
            front.append(contentsOf: scalars[..<p])
            let lemma = p == 0 ? e.lemma : String(front) + e.lemma.lowercased()
            return Match(lemma: prefix + lemma, head: e.lemma, cls: e.cls)
        }
        return Match(lemma: prefix + (plural ? lemmatize(String(head)) : String(head)), head: nil, cls: nil)
    }

    /// A lowercase word that may be an inflected adjective or determiner between a number and
    /// its noun ("11.000 nordkoreanische Soldaten", "4000 weiteren"): German attributive endings.
    public static func isAdjectiveLike(_ lower: String) -> Bool {
        guard lower.utf8.count >= 4, let f = lower.unicodeScalars.first, !f.properties.isUppercase else { return false }
        return lower.hasSuffix("e") || lower.hasSuffix("en") || lower.hasSuffix("er") || lower.hasSuffix("es")
            || lower.hasSuffix("em")
    }

    /// "18 Prozent der Arbeiter", "drei der Insassen": the article between a number and the group
    /// it is a part of.
    public static let genitiveArticles: Set<String> = ["der", "des", "aller"]

    /// An inflected adjective with an unmistakable adjective suffix ("nordkoreanische",
    /// "zusätzlichen", "militärische"), as opposed to a verb that merely ends in -e ("wurde").
    public static func isClearAdjective(_ lower: String) -> Bool {
        for suffix in clearAdjectiveEndings where lower.hasSuffix(suffix) && lower.utf8.count > suffix.utf8.count + 2 {
            return true
        }
        return false
    }

    static let clearAdjectiveEndings = ["ische", "ischen", "liche", "lichen", "ige", "igen", "iche", "ichen", "are", "aren",
                                        "bare", "baren", "weitere", "weiteren", "tere", "teren", "ale", "alen"]

    /// Singular of an unknown noun by the lexicon's suffix rules (first matching rule wins).
    func lemmatize(_ word: String) -> String {
        let lower = word.lowercased()
        // Short endings need a stem before them; long ones ("-geräte") may be the whole word.
        for rule in suffixRules where lower.hasSuffix(rule.plural)
            && lower.count >= rule.plural.count + (rule.plural.count >= 5 ? 0 : rule.plural.count >= 4 ? 1 : rule.plural.count == 3 ? 2 : 3) {
            let stem = String(word.dropLast(rule.plural.count))
            if stem.isEmpty, word.first?.isUppercase == true { return rule.singular.prefix(1).uppercased() + rule.singular.dropFirst() }
            return stem + rule.singular
        }
        return word
    }
}
