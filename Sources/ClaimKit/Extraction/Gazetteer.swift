/// The gazetteer lexicon (`gazetteer.tsv`) as lookup tables: names, adjective stems, title words
/// and stop words, all keyed by `FoldedPhraseTable.key`.
public struct Gazetteer: Sendable {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var type: EntityType
        /// A lowercase form: an adjective stem that matches in any case ("russische", "Russische").
        public var isAdjective: Bool
        /// A short all-capitals form ("US", "UN", "IS") that only matches in capitals.
        public var capitalsOnly: Bool
    }

    public var names = FoldedPhraseTable<Entry>()
    /// Words that introduce a person's name ("Präsident", "Sprecher"), by key.
    public var titles = WordSet()
    /// Capitalised words that never start or continue a multiword proper name, by key.
    public var stops = WordSet()
    /// Endings of common nouns ("-ung", "-en"): a run of capitalised words with one of them is
    /// a noun phrase ("Gegenoffensiven Schauplatz"), not an unknown name.
    public private(set) var nounSuffixes: [String] = []
    /// Endings of role nouns that may stand before a name ("Psychotherapeutin", "Verbandspräsident").
    public private(set) var roleSuffixes: [String] = []

    /// An ending as UTF-8 bytes with its length in characters: the tests below run for the
    /// capitalised words of every sentence, so they compare bytes instead of Characters.
    struct Ending: Sendable {
        var bytes: [UInt8]
        var characters: Int
        init(_ s: String) {
            bytes = Array(s.utf8)
            characters = s.count
        }
    }

    private var nounEndings: [Ending] = []
    private var roleEndings: [Ending] = []

    /// A word that ends like a common noun. `strongly`: only the endings of three letters or more
    /// ("-ung", "-heit"), which names rarely have ("Baier", "Preitler" end in "-er").
    public func looksLikeNoun(_ lower: String, strongly: Bool = false) -> Bool {
        Self.endsWithOne(lower, nounEndings, minimumCharacters: strongly ? 3 : 0)
    }

    /// A word that ends like a role noun.
    public func looksLikeRole(_ lower: String) -> Bool {
        Self.endsWithOne(lower, roleEndings, minimumCharacters: 0)
    }

    /// Whether `word` ends with one of the endings and is more than two characters longer.
    /// Both are NFC (tokens and lexicon), so a byte suffix is a Character suffix; the character
    /// count is only taken (`String.count`) for a non-ASCII word that has the ending.
    static func endsWithOne(_ word: String, _ endings: [Ending], minimumCharacters: Int) -> Bool {
        if let r = word.utf8.withContiguousStorageIfAvailable({ endsWithOne(word, $0, endings, minimumCharacters) }) { return r }
        return Array(word.utf8).withUnsafeBufferPointer { endsWithOne(word, $0, endings, minimumCharacters) }
    }

    private static func endsWithOne(_ word: String, _ b: UnsafeBufferPointer<UInt8>, _ endings: [Ending],
                                     _ minimumCharacters: Int) -> Bool {
        let n = b.count
        var characters = -1
        for ending in endings where ending.characters >= minimumCharacters && n > ending.bytes.count {
            let k = ending.bytes.count
            var same = true
            for x in 0..<k where b[n - k + x] != ending.bytes[x] { same = false; break }
            guard same else { continue }
            if characters < 0 { characters = b.allSatisfy({ $0 < 0x80 }) ? n : word.count }
            if characters > ending.characters + 2 { return true }
        }
        return false
    }

    public init(lexicon: Lexicon) {
        for row in lexicon.table("gazetteer").rows where row.count >= 3 && !row[0].isEmpty {
            let form = row[0]
            switch row[2] {
            case "title": titles.insert(FoldedPhraseTable<Entry>.key(phrase: form))
            case "stop": stops.insert(FoldedPhraseTable<Entry>.key(phrase: form))
            case "nounsuffix": nounSuffixes.append(form.lowercased())
            case "rolesuffix": roleSuffixes.append(form.lowercased())
            default:
                let type = EntityType(rawValue: row[2]) ?? .other
                let first = form.unicodeScalars.first
                let isAdjective = first.map { $0.properties.isLowercase } ?? false
                let letters = form.unicodeScalars.filter { $0.properties.isAlphabetic }
                let capitalsOnly = letters.count <= 4 && letters.allSatisfy { $0.properties.isUppercase }
                names.add(form, Entry(name: row[1].isEmpty ? form : row[1], type: type,
                                      isAdjective: isAdjective, capitalsOnly: capitalsOnly))
            }
        }
        nounEndings = nounSuffixes.map(Ending.init)
        roleEndings = roleSuffixes.map(Ending.init)
    }
}
