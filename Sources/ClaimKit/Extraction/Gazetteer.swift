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
    public var titles: Set<String> = []
    /// Capitalised words that never start or continue a multiword proper name, by key.
    public var stops: Set<String> = []
    /// Endings of common nouns ("-ung", "-en"): a run of capitalised words with one of them is
    /// a noun phrase ("Gegenoffensiven Schauplatz"), not an unknown name.
    public var nounSuffixes: [String] = []
    /// Endings of role nouns that may stand before a name ("Psychotherapeutin", "Verbandspräsident").
    public var roleSuffixes: [String] = []

    /// A word that ends like a common noun. `strongly`: only the endings of three letters or more
    /// ("-ung", "-heit"), which names rarely have ("Baier", "Preitler" end in "-er").
    public func looksLikeNoun(_ lower: String, strongly: Bool = false) -> Bool {
        nounSuffixes.contains { (!strongly || $0.count >= 3) && lower.count > $0.count + 2 && lower.hasSuffix($0) }
    }

    /// A word that ends like a role noun.
    public func looksLikeRole(_ lower: String) -> Bool {
        roleSuffixes.contains { lower.count > $0.count + 2 && lower.hasSuffix($0) }
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
    }
}
