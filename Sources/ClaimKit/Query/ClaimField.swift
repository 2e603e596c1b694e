/// A claim field as named in `where`, `sort`, `by`, `select` and JSON (SPEC §4).
public struct ClaimField: Sendable {
    public var name: String
    public var type: FieldType
    /// One line for `help fields`.
    public var doc: String
    public var example: String
    public var get: @Sendable (Claim) -> Value

    public init(_ name: String, _ type: FieldType, _ doc: String, example: String, get: @escaping @Sendable (Claim) -> Value) {
        self.name = name
        self.type = type
        self.doc = doc
        self.example = example
        self.get = get
    }

    public static let all: [ClaimField] = [
        ClaimField("id", .text, "stable id `<doc>:<n>`, n counting the document's claims in text order",
                   example: "claims where id = 000_dbee2a27689250e2:3") { .string($0.id) },
        ClaimField("doc", .text, "document id; any unique prefix names it", example: "claims where doc = 002") { .string($0.doc) },
        ClaimField("sentence", .int, "1-based sentence number in the document", example: "claims where sentence <= 3") { .int($0.sentence) },
        ClaimField("span", .span, "[start, end] character offsets of the phrase in the document text",
                   example: "claims select id, span") { .list([.int($0.span.start), .int($0.span.end)]) },
        ClaimField("kind", .text, "quantity or date", example: "claims where kind = date") { .string($0.kind.rawValue) },
        ClaimField("value", .number, "the number, or a range's lower bound; null for dates",
                   example: "claims where value >= 10k") { Value($0.value) },
        ClaimField("high", .number, "upper bound: = value for a point, larger for a range, null when open",
                   example: "claims where high > value") { Value($0.high) },
        ClaimField("approx", .text, "exact, about, more_than, at_least, less_than, up_to, range, vague",
                   example: "claims where approx in (about, vague)") { Value($0.approx?.rawValue) },
        ClaimField("object", .text, "what is counted, a lemma from the text (Soldat, Sappeur)",
                   example: "claims where object ~ soldat") { Value($0.object) },
        ClaimField("class", .text, "concept of the object from the lexicon (soldiers, engineers, money, ...)",
                   example: "claims where class = soldiers") { Value($0.cls) },
        ClaimField("aspect", .text, "sent, additional, total, killed, wounded, arrived, planned, or null",
                   example: "claims where aspect is not null") { Value($0.aspect) },
        ClaimField("unit", .text, "EUR, USD, %, km, ... or null", example: "claims where unit = EUR") { Value($0.unit) },
        ClaimField("time", .time, "normalised time: 2024-06, 2025-07/2025-08, 2024 (compared as an interval)",
                   example: "claims where time >= 2025") { Value($0.time) },
        ClaimField("time_text", .text, "the time expression as written", example: "claims where time_text ~ juni") { Value($0.timeText) },
        ClaimField("source", .text, "normalised source (NIS, TASS, Lee Seong-kweun)", example: "claims where source = NIS") { Value($0.source) },
        ClaimField("source_text", .text, "the attribution as written", example: "claims where source_text ~ laut") { Value($0.sourceText) },
        ClaimField("modality", .text, "asserted, reported, estimated, planned, possible, denied",
                   example: "claims where modality != asserted") { .string($0.modality.rawValue) },
        ClaimField("event", .text, "the event's key words, lemmatised (Abkommen unterzeichnen)",
                   example: "claims where event ~ abkommen") { Value($0.event) },
        ClaimField("entities", .list, "places, people, organisations named in the sentence",
                   example: "claims where entities ~ kursk") { .list($0.entities.map(Value.string)) },
        ClaimField("text", .text, "the sentence", example: "claims where text ~ /Sappeur|Pionier/") { .string($0.text) },
        ClaimField("phrase", .text, "the claim's phrase as written (rund 11.000 Soldaten)",
                   example: "claims where phrase ~ rund") { .string($0.phrase) },
        ClaimField("value_text", .text, "the number as written (12'000, acht Millionen); for dates the time expression",
                   example: "claims where value_text ~ millionen") { .string($0.valueText) },
    ]

    public static let names: [String] = all.map(\.name)

    static let byName: [String: ClaimField] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

    public static func named(_ name: String) -> ClaimField? { byName[name.lowercased()] }

    /// The field or an error naming the closest one.
    public static func require(_ name: String, at columns: Range<Int>) throws(QueryError) -> ClaimField {
        if let f = named(name) { return f }
        throw QueryError.suggesting("unknown field '\(name)'", name, in: names, at: columns)
    }

    /// Fields whose values a `=` literal is checked against (did you mean ...).
    static let checkedValues: Set<String> = ["doc", "kind", "approx", "class", "aspect", "unit", "source", "modality", "object", "event"]

    /// The schema for `where` over the claims of `store`; known values come from the store.
    public static func schema(for store: ClaimStore) -> QuerySchema<Claim> {
        QuerySchema(fields: all.map { f in
            let known: (() -> [String])?
            switch f.name {
            case "kind": known = { ClaimKind.allNames }
            case "approx": known = { Approx.allCases.map(\.rawValue) }
            case "modality": known = { Modality.allCases.map(\.rawValue) }
            case let n where checkedValues.contains(n): known = { store.distinctValues(of: n) }
            default: known = nil
            }
            return QuerySchema<Claim>.Field(name: f.name, type: f.type, knownValues: known, acceptsPrefix: f.name == "doc", get: f.get)
        }, rowName: "claim")
    }
}

extension ClaimKind {
    static let allNames = ["quantity", "date"]
}
