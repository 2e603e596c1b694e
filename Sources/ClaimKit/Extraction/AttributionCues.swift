/// The attribution_cues lexicon as lookup sets, keyed by lowercased words (not umlaut-folded:
/// "hätten" is subjunctive, "hatten" is not).
/// See the comment at the top of `attribution_cues.tsv` for what each kind means.
public struct AttributionCues: Sendable {
    /// Cue phrases after which the speaker follows ("laut", "unter berufung auf"), by lowercased
    /// words joined with spaces.
    public var before: Set<String> = []
    public var maxBeforeWords = 1
    public var after: Set<String> = []
    public var nachNouns: Set<String> = []
    /// "nach" in "nach Angaben des X".
    public var nachPrepositions: Set<String> = []
    /// Verb of saying → the particles it needs ("" when it stands alone).
    public var speech: [String: [String]] = [:]
    public var so: Set<String> = []
    public var subjunctive: Set<String> = []
    public var determiners: Set<String> = []
    public var subordinators: Set<String> = []
    public var pronouns: Set<String> = []
    public var auxiliaries: Set<String> = []
    public var adverbs: Set<String> = []
    public var function: Set<String> = []
    /// Articles that may continue a speaker phrase after its head ("der Sekretär des ... Rates").
    public var genitive: Set<String> = []
    /// "und", "oder": a verb after them shares the subject of the clause.
    public var coordinators: Set<String> = []
    /// Conjunctions and focus particles that do not take the first place of a main clause.
    public var conjunctions: Set<String> = []
    /// "eigenen" in "nach eigenen Angaben": the source is the clause's subject.
    public var reflexive: Set<String> = []
    /// Definite articles: "den Angaben zufolge" refers back to a source named before.
    public var definite: Set<String> = []
    /// Finite and auxiliary verbs that end like adjectives ("haben", "werden"): never in a speaker phrase.
    public var verbs: Set<String> = []
    /// "in", "im", "aus": a place may follow the speaker ("die Botschaft in Bagdad").
    public var placePrepositions: Set<String> = []
    /// Passive auxiliaries: "wurde ... gesagt" has no speaker as subject.
    public var passives: Set<String> = []
    /// "es" in "heißt es im ORF": the speaker follows one of `sourcePrepositions`.
    public var impersonal: Set<String> = []
    public var sourcePrepositions: Set<String> = []
    /// "Das teilte TASS mit.": the demonstrative refers to the previous sentence's statement.
    public var anaphors: Set<String> = []

    /// Which of the sets above a word is in, as one bit per set (`Kind`), plus `Kind.beforeStart`
    /// for the first word of a `before` phrase: the attribution scan looks each token up once
    /// (one byte-keyed probe) and then tests bits, instead of probing a dozen `Set<String>`s
    /// with SipHash per token.
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
    }

    /// The `Kind` bits of a word (empty when it is in no set).
    public func kind(_ word: String) -> Kind { Kind(rawValue: kinds[word] ?? 0) }

    public init(lexicon: Lexicon) {
        for row in lexicon.table("attribution_cues").rows where row.count >= 2 && !row[0].isEmpty {
            let word = row[0].split(separator: " ").map { $0.lowercased() }.joined(separator: " ")
            let kind: Kind
            switch row[1] {
            case "before": kind = .before
            case "after": kind = .after
            case "nach": kind = .nachNoun
            case "nachprep": kind = .nachPreposition
            case "speech": kind = .speech
            case "so": kind = .so
            case "subjunctive": kind = .subjunctive
            case "determiner": kind = .determiner
            case "subordinator": kind = .subordinator
            case "pronoun": kind = .pronoun
            case "auxiliary": kind = .auxiliary
            case "adverb": kind = .adverb
            case "function": kind = .function
            case "genitive": kind = .genitive
            case "coordinator": kind = .coordinator
            case "conjunction": kind = .conjunction
            case "reflexive": kind = .reflexive
            case "definite": kind = .definite
            case "verb": kind = .verb
            case "place": kind = .place
            case "passive": kind = .passive
            case "impersonal": kind = .impersonal
            case "sourceprep": kind = .sourcePreposition
            case "anaphor": kind = .anaphor
            default: kind = []
            }
            if !kind.isEmpty { kinds[word] = (kinds[word] ?? 0) | kind.rawValue }
            if !kind.isEmpty, !word.allSatisfy({ $0.isLetter || $0 == " " }) { letterKeys = false }
            if kind == .before, let first = word.split(separator: " ").first {
                kinds[String(first)] = (kinds[String(first)] ?? 0) | Kind.beforeStart.rawValue
            }
            switch row[1] {
            case "before":
                before.insert(word)
                maxBeforeWords = max(maxBeforeWords, word.split(separator: " ").count)
            case "after": after.insert(word)
            case "nach": nachNouns.insert(word)
            case "nachprep": nachPrepositions.insert(word)
            case "speech": speech[word, default: []].append(row.count > 2 ? row[2].lowercased() : "")
            case "so": so.insert(word)
            case "subjunctive": subjunctive.insert(word)
            case "determiner": determiners.insert(word)
            case "subordinator": subordinators.insert(word)
            case "pronoun": pronouns.insert(word)
            case "auxiliary": auxiliaries.insert(word)
            case "adverb": adverbs.insert(word)
            case "function": function.insert(word)
            case "genitive": genitive.insert(word)
            case "coordinator": coordinators.insert(word)
            case "conjunction": conjunctions.insert(word)
            case "reflexive": reflexive.insert(word)
            case "definite": definite.insert(word)
            case "verb": verbs.insert(word)
            case "place": placePrepositions.insert(word)
            case "passive": passives.insert(word)
            case "impersonal": impersonal.insert(word)
            case "sourceprep": sourcePrepositions.insert(word)
            case "anaphor": anaphors.insert(word)
            default: continue
            }
        }
    }

}
