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

    /// Per part id of `names` (`FoldedPhraseTable.parts(of:)`): whether the part alone is a
    /// title word (`titleFlag`) or a stop word (`stopFlag`). Nearly every token key is one
    /// part, whose id the entity annotator has already: the tests are then an array read
    /// instead of two more hash lookups per capitalised word.
    private var partFlags: [UInt8] = []
    static let titleFlag: UInt8 = 1
    static let stopFlag: UInt8 = 2
    /// Whether some title or stop key has more than one part (a space): only then can a
    /// hyphenated word's whole key be one (the annotator's test skips the lookup otherwise).
    private(set) var multiPartTitles = false
    private(set) var multiPartStops = false

    /// The flags of a part id (0 for -1, a part in no key and no word list).
    @inline(__always) func flags(part id: Int32) -> UInt8 {
        id >= 0 && Int(id) < partFlags.count ? partFlags[Int(id)] : 0
    }

    /// Endings of common nouns ("-ung", "-en"): a run of capitalised words with one of them is
    /// a noun phrase ("Gegenoffensiven Schauplatz"), not an unknown name.
    private var nounEndings: [Ending] = []
    /// Endings of role nouns that may stand before a name ("Psychotherapeutin", "Verbandspräsident").
    private var roleEndings: [Ending] = []

    /// A word that ends like a common noun. `strongly`: only the endings of three letters or more
    /// ("-ung", "-heit"), which names rarely have ("Baier", "Preitler" end in "-er").
    public func looksLikeNoun(_ lower: String, strongly: Bool = false) -> Bool {
        guard let endings = Self.endings(of: lower, nounEndingsByLast) else { return false }
        return Self.endsWithOne(lower, endings, minimumCharacters: strongly ? 3 : 0)
    }

    /// A word that ends like a role noun.
    public func looksLikeRole(_ lower: String) -> Bool {
        guard let endings = Self.endings(of: lower, roleEndingsByLast) else { return false }
        return Self.endsWithOne(lower, endings, minimumCharacters: 0)
    }

    /// Per byte: the endings that end with it (an empty ending under every byte): a word is
    /// compared only with the endings of its last byte, most words with none.
    private var nounEndingsByLast = [[Ending]](repeating: [], count: 256)
    private var roleEndingsByLast = [[Ending]](repeating: [], count: 256)

    private static func byLastByte(_ endings: [Ending]) -> [[Ending]] {
        var table = [[Ending]](repeating: [], count: 256)
        for ending in endings {
            if let b = ending.bytes.last {
                table[Int(b)].append(ending)
            } else {
                for b in 0..<256 { table[b].append(ending) }
            }
        }
        return table
    }

    /// The endings `endsWithOne` needs to compare for `word`, nil when none can match (also
    /// for an empty word, which is longer than no ending).
    @inline(__always) private static func endings(of word: String, _ table: [[Ending]]) -> [Ending]? {
        let last: UInt8?? = word.utf8.withContiguousStorageIfAvailable { $0.last }
        guard let b = last ?? word.utf8.last else { return nil }
        let endings = table[Int(b)]
        return endings.isEmpty ? nil : endings
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
        var nounSuffixes: [String] = [], roleSuffixes: [String] = []
        for row in lexicon.table("gazetteer").rows where row.count >= 3 && !row[0].isEmpty {
            let form = row[0]
            switch row[2] {
            case "title": titles.insert(FoldedPhraseTable<Entry>.key(phrase: form))
            case "stop": stops.insert(FoldedPhraseTable<Entry>.key(phrase: form))
            case "nounsuffix": nounSuffixes.append(form.lowercased())
            case "rolesuffix": roleSuffixes.append(form.lowercased())
            default:
                let type = EntityType(rawValue: row[2]) ?? .other
                // ASCII letters without a Unicode property lookup (most of this table's build).
                let first = form.unicodeScalars.first
                let isAdjective = first.map { $0.isASCII ? $0.value &- 0x61 < 26 : $0.properties.isLowercase } ?? false
                // At most four letters, all capitals (counted without building a filtered copy).
                var letters = 0
                var capitals = true
                for scalar in form.unicodeScalars
                where scalar.isASCII ? (scalar.value | 0x20) &- 0x61 < 26 : scalar.properties.isAlphabetic {
                    letters += 1
                    let upper = scalar.isASCII ? scalar.value &- 0x41 < 26 : scalar.properties.isUppercase
                    if letters > 4 || !upper { capitals = false; break }
                }
                let capitalsOnly = capitals
                names.add(form, Entry(name: row[1].isEmpty ? form : row[1], type: type,
                                      isAdjective: isAdjective, capitalsOnly: capitalsOnly))
            }
        }
        // Single-part title and stop keys get flags by part id (keys with a space keep only
        // the sets: the annotator looks those up by key).
        var flagged: [(Int, UInt8)] = []
        for (set, flag) in [(titles, Self.titleFlag), (stops, Self.stopFlag)] {
            for key in set where !key.isEmpty && !key.utf8.contains(0x20) {
                flagged.append((names.internPart(key), flag))
            }
        }
        multiPartTitles = titles.contains { $0.utf8.contains(0x20) }
        multiPartStops = stops.contains { $0.utf8.contains(0x20) }
        partFlags = [UInt8](repeating: 0, count: names.partLimit)
        for (id, flag) in flagged where id >= 0 { partFlags[id] |= flag }
        nounEndings = nounSuffixes.map(Ending.init)
        roleEndings = roleSuffixes.map(Ending.init)
        nounEndingsByLast = Self.byLastByte(nounEndings)
        roleEndingsByLast = Self.byLastByte(roleEndings)
    }
}
