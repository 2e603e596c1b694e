/// The attribution_cues lexicon as lookup sets, keyed by lowercased words (not umlaut-folded:
/// "hätten" is subjunctive, "hatten" is not).
/// See the comment at the top of `attribution_cues.tsv` for what each kind means.
public struct AttributionCues: Sendable {
    /// Cue phrases after which the speaker follows ("laut", "unter berufung auf"), by lowercased
    /// words joined with spaces.
    public var before: Set<String> = []
    public var maxBeforeWords = 1
    /// Nouns of "nach Angaben des X" ("angaben", "informationen").
    public var nachNouns: Set<String> = []
    /// Verb of saying → the particles it needs ("" when it stands alone).
    public var speech: [String: [String]] = [:]
    /// Every category of the lexicon as bits (`Kind`): which of them a word has, plus
    /// `Kind.beforeStart` for the first word of a `before` phrase. The attribution scan looks
    /// each token up once (one byte-keyed probe) and then tests bits.
    public var kinds = WordMap<UInt32>()
    /// Every key of `kinds` is letters (and spaces): no punctuation or number token is a cue,
    /// so the scan looks up only the other tokens.
    public var letterKeys = true

    /// Bits of `kinds`.
    public struct Kind: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let before = Kind(rawValue: 1 << 0)
        public static let after = Kind(rawValue: 1 << 1)
        public static let nachNoun = Kind(rawValue: 1 << 2)
        public static let nachPreposition = Kind(rawValue: 1 << 3)
        public static let speech = Kind(rawValue: 1 << 4)
        public static let so = Kind(rawValue: 1 << 5)
        public static let subjunctive = Kind(rawValue: 1 << 6)
        public static let determiner = Kind(rawValue: 1 << 7)
        public static let subordinator = Kind(rawValue: 1 << 8)
        public static let pronoun = Kind(rawValue: 1 << 9)
        public static let auxiliary = Kind(rawValue: 1 << 10)
        public static let adverb = Kind(rawValue: 1 << 11)
        public static let function = Kind(rawValue: 1 << 12)
        public static let genitive = Kind(rawValue: 1 << 13)
        public static let coordinator = Kind(rawValue: 1 << 14)
        public static let conjunction = Kind(rawValue: 1 << 15)
        public static let reflexive = Kind(rawValue: 1 << 16)
        public static let definite = Kind(rawValue: 1 << 17)
        public static let verb = Kind(rawValue: 1 << 18)
        public static let place = Kind(rawValue: 1 << 19)
        public static let passive = Kind(rawValue: 1 << 20)
        public static let impersonal = Kind(rawValue: 1 << 21)
        public static let sourcePreposition = Kind(rawValue: 1 << 22)
        public static let anaphor = Kind(rawValue: 1 << 23)
        /// The first word of a `before` phrase ("unter" of "unter berufung auf").
        public static let beforeStart = Kind(rawValue: 1 << 24)
        /// A word that may start an attribution at its token (`SourceAnnotator.Scan.attribution`).
        public static let cueStart: Kind = [.beforeStart, .nachPreposition, .after, .so, .speech]

        /// The lexicon's category names (column 2 of `attribution_cues.tsv`).
        static let byCategory: [String: Kind] = [
            "before": .before, "after": .after, "nach": .nachNoun, "nachprep": .nachPreposition, "speech": .speech,
            "so": .so, "subjunctive": .subjunctive, "determiner": .determiner, "subordinator": .subordinator,
            "pronoun": .pronoun, "auxiliary": .auxiliary, "adverb": .adverb, "function": .function,
            "genitive": .genitive, "coordinator": .coordinator, "conjunction": .conjunction, "reflexive": .reflexive,
            "definite": .definite, "verb": .verb, "place": .place, "passive": .passive, "impersonal": .impersonal,
            "sourceprep": .sourcePreposition, "anaphor": .anaphor,
        ]
    }

    public init(lexicon: Lexicon) {
        for row in lexicon.table("attribution_cues").rows where row.count >= 2 && !row[0].isEmpty {
            let word = row[0].split(separator: " ").map { $0.lowercased() }.joined(separator: " ")
            let kind = Kind.byCategory[row[1]] ?? []
            if !kind.isEmpty { kinds[word] = (kinds[word] ?? 0) | kind.rawValue }
            if !kind.isEmpty, !word.allSatisfy({ $0.isLetter || $0 == " " }) { letterKeys = false }
            if kind == .before, let first = word.split(separator: " ").first {
                kinds[String(first)] = (kinds[String(first)] ?? 0) | Kind.beforeStart.rawValue
            }
            switch row[1] {
            case "before":
                before.insert(word)
                maxBeforeWords = max(maxBeforeWords, word.split(separator: " ").count)
            case "nach": nachNouns.insert(word)
            case "speech": speech[word, default: []].append(row.count > 2 ? row[2].lowercased() : "")
            default: continue
            }
        }
    }

}
