public enum ClaimKind: String, Sendable, Hashable { case quantity, date }

/// One checkable statement found in one sentence (SPEC §4). Field names follow the SPEC;
/// `cls` is the `class` field.
public struct Claim: Sendable, Hashable {
    /// `<doc>:<n>`, n counting the document's claims from 1 in text order.
    public var id: String
    public var doc: String
    /// 1-based sentence number.
    public var sentence: Int
    /// Unicode-scalar offsets of the claim's phrase in the document text.
    public var span: TextSpan
    public var kind: ClaimKind
    public var value: Double?
    public var high: Double?
    public var approx: Approx?
    public var object: String?
    public var cls: String?
    public var aspect: String?
    public var unit: String?
    public var time: String?
    public var timeText: String?
    public var source: String?
    public var sourceText: String?
    public var modality: Modality
    public var event: String?
    public var entities: [String]
    /// The sentence, as a slice of the document's text: a million claims share their
    /// documents' text instead of holding a copy of their sentence each.
    public var sentenceText: Substring
    /// The sentence.
    public var text: String {
        get { String(sentenceText) }
        set { sentenceText = Substring(newValue) }
    }
    /// The claim's phrase as written ("rund 11.000 Soldaten", "im Juni 2024").
    public var phrase: String
    /// The number as written ("12'000", "acht Millionen"); the time expression for dates.
    public var valueText: String

    public init(id: String, doc: String, sentence: Int, span: TextSpan, kind: ClaimKind, value: Double? = nil,
                high: Double? = nil, approx: Approx? = nil, object: String? = nil, cls: String? = nil,
                aspect: String? = nil, unit: String? = nil, time: String? = nil, timeText: String? = nil,
                source: String? = nil, sourceText: String? = nil, modality: Modality = .asserted,
                event: String? = nil, entities: [String] = [], text: some StringProtocol, phrase: String, valueText: String) {
        self.id = id
        self.doc = doc
        self.sentence = sentence
        self.span = span
        self.kind = kind
        self.value = value
        self.high = high
        self.approx = approx
        self.object = object
        self.cls = cls
        self.aspect = aspect
        self.unit = unit
        self.time = time
        self.timeText = timeText
        self.source = source
        self.sourceText = sourceText
        self.modality = modality
        self.event = event
        self.entities = entities
        self.sentenceText = Substring(text)
        self.phrase = phrase
        self.valueText = valueText
    }
}
