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

    public init(lexicon: Lexicon) {
        for row in lexicon.table("attribution_cues").rows where row.count >= 2 && !row[0].isEmpty {
            let word = row[0].split(separator: " ").map { $0.lowercased() }.joined(separator: " ")
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
