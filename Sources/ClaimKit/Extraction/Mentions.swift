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

/// A span or token range held in two 32-bit integers: a loaded corpus keeps millions of mentions,
/// and half-size offsets keep their layers small. Offsets beyond 2^31 (a single document over
/// 2 GB) are clamped.
struct Range32: Sendable, Hashable {
    var lower: Int32
    var upper: Int32

    init(_ lower: Int, _ upper: Int) {
        self.lower = Int32(clamping: lower)
        self.upper = Int32(clamping: upper)
    }

    init(_ span: TextSpan) { self.init(span.start, span.end) }
    init(_ range: Range<Int>) { self.init(range.lowerBound, range.upperBound) }

    var span: TextSpan { TextSpan(Int(lower), Int(upper)) }
    var range: Range<Int> { Int(lower)..<Int(upper) }
}

// Stored properties are declared largest first and in compact forms (32-bit offsets, a flag
// instead of an optional's padding), with the documented names as computed properties: the
// layers of a large corpus are most of its memory after the text.

/// A number found in the text (layer `numbers`).
public struct NumberMention: Sendable, Hashable {
    public var text: String
    /// "EUR", "USD", "%", "km", ... or nil.
    public var unit: String?
    public var value: Double
    private var highValue: Double
    private var spanStorage: Range32
    private var tokenStorage: Range32
    private var sentenceStorage: Int32
    private var hasHigh: Bool
    public var approx: Approx
    public var role: NumberRole

    public var span: TextSpan {
        get { spanStorage.span }
        set { spanStorage = Range32(newValue) }
    }
    /// Upper bound: equals `value` for a point, larger for a range, nil when open ("mehr als").
    public var high: Double? {
        get { hasHigh ? highValue : nil }
        set { highValue = newValue ?? 0; hasHigh = newValue != nil }
    }
    public var sentence: Int {
        get { Int(sentenceStorage) }
        set { sentenceStorage = Int32(clamping: newValue) }
    }
    /// Tokens covered, approximators and scale words included.
    public var tokens: Range<Int> {
        get { tokenStorage.range }
        set { tokenStorage = Range32(newValue) }
    }

    public init(span: TextSpan, text: String, value: Double, high: Double?, approx: Approx, unit: String? = nil,
                role: NumberRole = .quantity, sentence: Int, tokens: Range<Int>) {
        self.text = text
        self.unit = unit
        self.value = value
        self.highValue = high ?? 0
        self.spanStorage = Range32(span)
        self.tokenStorage = Range32(tokens)
        self.sentenceStorage = Int32(clamping: sentence)
        self.hasHigh = high != nil
        self.approx = approx
        self.role = role
    }
}

/// TIMEX3 types.
public enum TimeType: String, Sendable, Hashable { case date, time, duration, set }

/// A time expression (layer `times`), TIMEX3-style: "2024-06", "2025-07/2025-08", "P3M".
public struct TimeMention: Sendable, Hashable {
    public var text: String
    public var value: String
    private var spanStorage: Range32
    private var tokenStorage: Range32
    private var sentenceStorage: Int32
    public var type: TimeType
    /// Resolved against the document date (relative expressions such as "vergangene Woche").
    public var relative: Bool

    public var span: TextSpan {
        get { spanStorage.span }
        set { spanStorage = Range32(newValue) }
    }
    public var sentence: Int {
        get { Int(sentenceStorage) }
        set { sentenceStorage = Int32(clamping: newValue) }
    }
    public var tokens: Range<Int> {
        get { tokenStorage.range }
        set { tokenStorage = Range32(newValue) }
    }

    public init(span: TextSpan, text: String, value: String, type: TimeType, relative: Bool = false,
                sentence: Int, tokens: Range<Int>) {
        self.text = text
        self.value = value
        self.spanStorage = Range32(span)
        self.tokenStorage = Range32(tokens)
        self.sentenceStorage = Int32(clamping: sentence)
        self.type = type
        self.relative = relative
    }
}

/// An attribution (layer `sources`): "laut südkoreanischen Geheimdienstinformationen" → NIS.
public struct SourceMention: Sendable, Hashable {
    public var text: String
    /// Normalised source name through the alias lexicon.
    public var source: String
    /// The cue that marks the attribution: "laut", "zufolge", "sagte", ...
    public var cue: String
    private var spanStorage: Range32
    private var sentenceStorage: Int32

    public var span: TextSpan {
        get { spanStorage.span }
        set { spanStorage = Range32(newValue) }
    }
    public var sentence: Int {
        get { Int(sentenceStorage) }
        set { sentenceStorage = Int32(clamping: newValue) }
    }

    public init(span: TextSpan, text: String, source: String, cue: String, sentence: Int) {
        self.text = text
        self.source = source
        self.cue = cue
        self.spanStorage = Range32(span)
        self.sentenceStorage = Int32(clamping: sentence)
    }
}

public enum EntityType: String, Sendable, Hashable { case location, person, organisation, other }

/// A named place, person or organisation (layer `entities`).
public struct EntityMention: Sendable, Hashable {
    public var text: String
    /// Canonical name from the gazetteer, or the text itself.
    public var name: String
    private var spanStorage: Range32
    private var sentenceStorage: Int32
    public var type: EntityType

    public var span: TextSpan {
        get { spanStorage.span }
        set { spanStorage = Range32(newValue) }
    }
    public var sentence: Int {
        get { Int(sentenceStorage) }
        set { sentenceStorage = Int32(clamping: newValue) }
    }

    public init(span: TextSpan, text: String, name: String, type: EntityType, sentence: Int) {
        self.text = text
        self.name = name
        self.spanStorage = Range32(span)
        self.sentenceStorage = Int32(clamping: sentence)
        self.type = type
    }
}

/// What a number counts (layer `objects`): lemma, concept class and aspect.
public struct ObjectMention: Sendable, Hashable {
    public var text: String?
    /// Lemma as in the text: "Soldat", "Sappeur", "Geschoss".
    public var object: String?
    /// Concept from the objects lexicon: "soldiers", "munitions", "money", ...
    public var cls: String?
    /// "sent", "additional", "total", "killed", "wounded", "arrived", "planned".
    public var aspect: String?
    private var spanStorage: Range32
    private var numberStorage: Int32
    private var hasSpan: Bool
    /// The object was inherited from an earlier number in the sentence ("weitere rund 3.000").
    public var inherited: Bool

    /// Index of the number in `AnnotatedDocument.numbers`.
    public var number: Int {
        get { Int(numberStorage) }
        set { numberStorage = Int32(clamping: newValue) }
    }
    public var span: TextSpan? {
        get { hasSpan ? spanStorage.span : nil }
        set { spanStorage = newValue.map(Range32.init) ?? Range32(0, 0); hasSpan = newValue != nil }
    }

    public init(number: Int, span: TextSpan? = nil, text: String? = nil, object: String? = nil, cls: String? = nil,
                aspect: String? = nil, inherited: Bool = false) {
        self.text = text
        self.object = object
        self.cls = cls
        self.aspect = aspect
        self.spanStorage = span.map(Range32.init) ?? Range32(0, 0)
        self.numberStorage = Int32(clamping: number)
        self.hasSpan = span != nil
        self.inherited = inherited
    }
}
