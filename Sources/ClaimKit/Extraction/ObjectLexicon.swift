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
        /// `lemma.lowercased()`, for a compound whose head this is.
        var lowerLemma: String
        /// Whether the lemma may be a compound head (`minimumHeadLength`).
        var headLength: Bool
    }

    /// Forms written backwards, so that one walk from the end of a word finds its longest
    /// compound head; payload: index into `entries`.
    private var reversedForms = LetterTrie()
    private var entries: [Entry] = []
    private var suffixRules: [(plural: String, singular: String)] = []
    /// Per suffix rule: its plural as UTF-8 and the fewest characters a word needs for it.
    private var ruleEndings: [(bytes: [UInt8], minimumCharacters: Int)] = []
    /// Regular endings generated for every lemma (dative, plural and genitive forms).
    private static let regularEndings = ["e", "en", "n", "s", "er", "ern", "es", "nen"]
    /// Lemmas shorter than this are not matched as compound heads ("Motoren" are not "Tore").
    private static let minimumHeadLength = 4

    public init(lexicon: Lexicon = .shared) {
        // Every form once with the entry of its first row, in the order first seen: a byte-keyed
        // map and a list (a Dictionary hashed every form with Unicode normalisation). Forms are
        // NFC, as the lexicon is, so equal bytes are equal words.
        var formIndex = WordMap<Int32>()
        var forms: [(String, Entry)] = []
        func add(_ form: String, _ entry: Entry) {
            if formIndex[form] == nil {
                formIndex[form] = Int32(forms.count)
                forms.append((form, entry))
            }
        }
        var generated: [(String, Entry)] = []
        for row in lexicon.table("objects").rows where row.count >= 2 {
            if row[0].hasPrefix("-") {
                suffixRules.append((String(row[0].dropFirst()).lowercased(), String(row[1].dropFirst()).lowercased()))
                continue
            }
            let lemma = row[0].lowercased()
            // Made once per lemma, shared by its listed and generated forms.
            let entry = Entry(lemma: row[0], cls: row[1], lowerLemma: lemma,
                              headLength: row[0].count >= Self.minimumHeadLength)
            add(lemma, entry)
            if row.count > 2 {
                for f in row[2].split(separator: ",") {
                    let form = Self.trimmed(f).lowercased()
                    if !form.isEmpty { add(form, entry) }
                }
            }
            for ending in Self.regularEndings { generated.append((lemma + ending, entry)) }
        }
        ruleEndings = suffixRules.map { rule in
            let k = rule.plural.count
            return (Array(rule.plural.utf8), k + (k >= 5 ? 0 : k >= 4 ? 1 : k == 3 ? 2 : 3))
        }
        // Listed forms win over generated ones.
        for (form, entry) in generated { add(form, entry) }
        // At most one node per letter; untouched capacity costs no page faults.
        reversedForms.reserveCapacity(nodes: forms.reduce(1) { $0 + $1.0.utf8.count })
        // Any order: every form is a different word with its own entry, so the trie and its
        // matches are the same (sorting the forms took a good part of the start-up).
        for (form, entry) in forms {
            entries.append(entry)
            // The scalars reversed from an array: walking a String's scalars backwards decoded
            // each one again (a third of this table's build).
            reversedForms.insert(Array(form.unicodeScalars).reversed(), payload: entries.count - 1)
        }
    }

    /// `f.trimmingCharacters(in: .whitespaces)` on bytes (`Lexicon.trimmed`: tabs and space
    /// separators, as that set): Foundation's trimming was a tenth of this table's build.
    static func trimmed(_ f: Substring) -> String {
        var word = String(f)
        return word.withUTF8 { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[Lexicon.trimmed(b, 0..<b.count)]), as: UTF8.self)
        }
    }

    /// Lemma and class of a noun as written in the text.
    /// `plural: false` for a noun that may be singular ("30 Prozent der Landfläche"): an unknown
    /// noun then keeps its written form instead of losing a plural ending it does not have.
    public func match(_ word: String, plural: Bool = true) -> Match {
        if let r = word.utf8.withContiguousStorageIfAvailable({ latinHead($0) }), let found = r {
            // The same match on bytes: `headStart` and `split` are byte offsets.
            let u = word.utf8
            let prefix = found.headStart > 0 ? String(decoding: u.prefix(found.headStart), as: UTF8.self) : ""
            guard let (split, index) = found.best else {
                let head = found.headStart > 0 ? String(decoding: u.dropFirst(found.headStart), as: UTF8.self) : word
                return Match(lemma: prefix + (plural ? lemmatize(head) : head), head: nil, cls: nil)
            }
            let e = entries[index]
            if split == found.headStart { return Match(lemma: prefix + e.lemma, head: e.lemma, cls: e.cls) }
            let front = String(decoding: u.prefix(split).dropFirst(found.headStart), as: UTF8.self)
            return Match(lemma: prefix + front + e.lowerLemma, head: e.lemma, cls: e.cls)
        }
        return generalMatch(word, plural: plural)
    }

    /// The class `match(word).cls` gives, without building the lemma (nor lemmatising a word
    /// the lexicon does not have): for the words tested only for their class.
    public func cls(of word: String) -> String? {
        if let r = word.utf8.withContiguousStorageIfAvailable({ latinHead($0) }), let found = r {
            return found.best.map { entries[$0.entry].cls }
        }
        return generalMatch(word, plural: true).cls
    }

    /// `match`'s walk for a word in ASCII and Latin-1 (nearly every token), on its UTF-8 bytes:
    /// there a character is one scalar, lower case maps one scalar to one of the same length
    /// (U+00C0–U+00DE but × are 0x20 above it), and the trie's letters are a-z, ä, ö, ü, ß.
    /// `headStart`: the byte after the last hyphen that is not the last character (0 if none);
    /// `best`: the byte offset where the longest listed head starts and its entry. nil for any
    /// other word (`generalMatch` then).
    private func latinHead(_ b: UnsafeBufferPointer<UInt8>) -> (headStart: Int, best: (split: Int, entry: Int)?)? {
        let n = b.count
        var hyphen = -1
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if c == 10 || c == 13 { return nil }
                if c == 0x2D { hyphen = i }
                i += 1
            } else if (c == 0xC2 || c == 0xC3), i + 1 < n, b[i + 1] & 0xC0 == 0x80 {
                i += 2
            } else {
                return nil
            }
        }
        // A hyphen at the very end leaves the whole word as the head (its walk stops at once).
        let headStart = hyphen >= 0 && hyphen + 1 < n ? hyphen + 1 : 0
        var node = 0
        var best: (split: Int, entry: Int)?
        var k = n
        while k > headStart {
            var start = k - 1
            var letter = -1
            let c = b[start]
            if c < 0x80 {
                let l = (c &- 0x41) < 26 ? c | 0x20 : c
                if l >= 0x61 && l <= 0x7A { letter = Int(l - 0x61) }
            } else {
                start -= 1
                var v = Int(b[start] & 0x1F) << 6 | Int(c & 0x3F)
                if v >= 0xC0 && v <= 0xDE && v != 0xD7 { v += 0x20 }
                switch v {
                case 0xE4: letter = 26
                case 0xF6: letter = 27
                case 0xFC: letter = 28
                case 0xDF: letter = 29
                default: break
                }
            }
            node = reversedForms.step(node, letter: letter)
            if node < 0 { break }
            if let e = reversedForms.payload(at: node), start == headStart || entries[e].headLength {
                best = (start, e)
            }
            k = start
        }
        return (headStart, best)
    }

    /// `match` on Strings, for any word.
    func generalMatch(_ word: String, plural: Bool) -> Match {
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
        let u = lower.utf8
        guard u.count >= 4, let b = u.first else { return false }
        // The endings on bytes (an "e" is one byte, and no other character's bytes end in one).
        guard let last = u.last else { return false }
        let ends: Bool
        if last == UInt8(ascii: "e") {
            ends = true
        } else if last == UInt8(ascii: "n") || last == UInt8(ascii: "r") || last == UInt8(ascii: "s") || last == UInt8(ascii: "m") {
            ends = u[u.index(u.endIndex, offsetBy: -2)] == UInt8(ascii: "e")
        } else {
            ends = false
        }
        guard ends else { return false }
        // An ASCII first letter without a Unicode property lookup.
        if b < 0x80 { return !(b >= 0x41 && b <= 0x5A) }
        guard let f = lower.unicodeScalars.first else { return false }
        return !f.properties.isUppercase
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
        if let r = word.utf8.withContiguousStorageIfAvailable({ latinLemmatize(word, $0) }), let lemma = r { return lemma }
        return generalLemmatize(word)
    }

    /// `lemmatize` on Strings, for any word.
    func generalLemmatize(_ word: String) -> String {
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

    /// `lemmatize` for a word in ASCII and Latin-1, on bytes (see `latinHead`: a character is
    /// a scalar, lower case keeps each one's length, so the rule's ending is as long in the
    /// word as in its lower case). nil for any other word.
    private func latinLemmatize(_ word: String, _ b: UnsafeBufferPointer<UInt8>) -> String? {
        let n = b.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(n, 1)) { lower -> String? in
            var characters = 0
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if c == 10 || c == 13 { return nil }
                    lower[i] = (c &- 0x41) < 26 ? c | 0x20 : c
                    i += 1
                } else if (c == 0xC2 || c == 0xC3), i + 1 < n, b[i + 1] & 0xC0 == 0x80 {
                    let d = b[i + 1]
                    lower[i] = c
                    lower[i + 1] = c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d
                    i += 2
                } else {
                    return nil
                }
                characters += 1
            }
            for (r, ending) in ruleEndings.enumerated() where characters >= ending.minimumCharacters && n >= ending.bytes.count {
                let k = ending.bytes.count
                var same = true
                for x in 0..<k where lower[n - k + x] != ending.bytes[x] { same = false; break }
                guard same else { continue }
                let rule = suffixRules[r]
                if n == k {
                    if word.first?.isUppercase == true { return .some(rule.singular.prefix(1).uppercased() + rule.singular.dropFirst()) }
                    return rule.singular
                }
                return String(decoding: UnsafeBufferPointer(rebasing: b[0..<(n - k)]), as: UTF8.self) + rule.singular
            }
            return word
        }
    }
}
