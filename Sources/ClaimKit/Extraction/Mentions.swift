/// How a quantity is qualified (SPEC §4 `approx`).
public enum Approx: String, Sendable, Hashable, CaseIterable {
    case exact, about
    case moreThan = "more_than", atLeast = "at_least", lessThan = "less_than", upTo = "up_to"
    case range, vague
}

/// How sure the text is of a claim (SPEC §4 `modality`).
public enum Modality: String, Sendable, Hashable, CaseIterable {
    case asserted, reported, estimated, planned, possible, denied
}

/// What a number in the text is, before it may become a quantity claim.
public enum NumberRole: String, Sendable, Hashable {
    /// A count or measure: may become a quantity claim.
    case quantity
    /// A year ("2024"), day or month of a date, time of day: belongs to the times layer.
    case year, date, time
    /// "zum dritten Mal", "17." in a list
    case ordinal
    /// "Resolutionen 1718", "Artikel 5", "Nr. 3"
    case identifier
    case phone
    /// "Kommentar (0)", page counters, scores
    case counter
}

/// A number found in the text (layer `numbers`).
public struct NumberMention: Sendable, Hashable {
    public var span: TextSpan
    public var text: String
    public var value: Double
    /// Upper bound: equals `value` for a point, larger for a range, nil when open ("mehr als").
    public var high: Double?
    public var approx: Approx
    /// "EUR", "USD", "%", "km", ... or nil.
    public var unit: String?
    public var role: NumberRole
    public var sentence: Int
    /// Tokens covered, approximators and scale words included.
    public var tokens: Range<Int>

    public init(span: TextSpan, text: String, value: Double, high: Double?, approx: Approx, unit: String? = nil,
                role: NumberRole = .quantity, sentence: Int, tokens: Range<Int>) {
        self.span = span
        self.text = text
        self.value = value
        self.high = high
        self.approx = approx
        self.unit = unit
        self.role = role
        self.sentence = sentence
        self.tokens = tokens
    }
}

/// TIMEX3 types.
public enum TimeType: String, Sendable, Hashable { case date, time, duration, set }

/// A time expression (layer `times`), TIMEX3-style: "2024-06", "2025-07/2025-08", "P3M".
public struct TimeMention: Sendable, Hashable {
    public var span: TextSpan
    public var text: String
    public var value: String
    public var type: TimeType
    /// Resolved against the document date (relative expressions such as "vergangene Woche").
    public var relative: Bool
    public var sentence: Int
    public var tokens: Range<Int>

    public init(span: TextSpan, text: String, value: String, type: TimeType, relative: Bool = false,
                sentence: Int, tokens: Range<Int>) {
        self.span = span
        self.text = text
        self.value = value
        self.type = type
        self.relative = relative
        self.sentence = sentence
        self.tokens = tokens
    }
}

/// An attribution (layer `sources`): "laut südkoreanischen Geheimdienstinformationen" → NIS.
public struct SourceMention: Sendable, Hashable {
    public var span: TextSpan
    public var text: String
    /// Normalised source name through the alias lexicon.
    public var source: String
    /// The cue that marks the attribution: "laut", "zufolge", "sagte", ...
    public var cue: String
    public var sentence: Int

    public init(span: TextSpan, text: String, source: String, cue: String, sentence: Int) {
        self.span = span
        self.text = text
        self.source = source
        self.cue = cue
        self.sentence = sentence
    }
}

public enum EntityType: String, Sendable, Hashable { case location, person, organisation, other }

/// A named place, person or organisation (layer `entities`).
public struct EntityMention: Sendable, Hashable {
    public var span: TextSpan
    public var text: String
    /// Canonical name from the gazetteer, or the text itself.
    public var name: String
    public var type: EntityType
    public var sentence: Int

    public init(span: TextSpan, text: String, name: String, type: EntityType, sentence: Int) {
        self.span = span
        self.text = text
        self.name = name
        self.type = type
        self.sentence = sentence
    }
}

/// What a number counts (layer `objects`): lemma, concept class and aspect.
public struct ObjectMention: Sendable, Hashable {
    /// Index of the number in `AnnotatedDocument.numbers`.
    public var number: Int
    public var span: TextSpan?
    public var text: String?
    /// Lemma as in the text: "Soldat", "Sappeur", "Geschoss".
    public var object: String?
    /// Concept from the objects lexicon: "soldiers", "munitions", "money", ...
    public var cls: String?
    /// "sent", "additional", "total", "killed", "wounded", "arrived", "planned".
    public var aspect: String?
    /// The object was inherited from an earlier number in the sentence ("weitere rund 3.000").
    public var inherited: Bool

    public init(number: Int, span: TextSpan? = nil, text: String? = nil, object: String? = nil, cls: String? = nil,
                aspect: String? = nil, inherited: Bool = false) {
        self.number = number
        self.span = span
        self.text = text
        self.object = object
        self.cls = cls
        self.aspect = aspect
        self.inherited = inherited
    }
}
