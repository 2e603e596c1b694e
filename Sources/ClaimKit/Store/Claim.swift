import Foundation

public enum ClaimKind: String, Sendable, Hashable, CaseIterable { case quantity, date }

/// One checkable statement found in one sentence (SPEC §4). Field names follow the SPEC;
/// `cls` is the `class` field.
///
/// A loaded corpus holds hundreds of thousands of claims, so the stored form is compact: the
/// fields whose values repeat across claims (object, class, aspect, unit, time, source, event)
/// are 4-byte codes into `ClaimStrings` instead of 16-byte strings, offsets are 32-bit, and
/// optional numbers carry a flag instead of an optional's padding. The documented fields are
/// computed properties over that storage, with the same names and types.
public struct Claim: Sendable, Hashable {
    /// `<doc>:<n>`, n counting the document's claims from 1 in text order.
    public var id: String
    public var doc: String
    /// The sentence, as a slice of the document's text: a million claims share their
    /// documents' text instead of holding a copy of their sentence each.
    public var sentenceText: Substring
    /// The claim's phrase as written ("rund 11.000 Soldaten", "im Juni 2024").
    public var phrase: String
    /// The number as written ("12'000", "acht Millionen"); the time expression for dates.
    public var valueText: String
    public var timeText: String?
    public var sourceText: String?
    public var entities: [String]
    private var valueStorage: Double
    private var highStorage: Double
    private(set) var spanStorage: Range32
    private var sentenceStorage: Int32
    /// The interned fields as `ClaimStrings` codes.
    private(set) var codes: ClaimCodes
    public var kind: ClaimKind
    public var approx: Approx?
    public var modality: Modality
    private var hasValue: Bool
    private var hasHigh: Bool

    /// 1-based sentence number.
    public var sentence: Int {
        get { Int(sentenceStorage) }
        set { sentenceStorage = Int32(clamping: newValue) }
    }
    /// Unicode-scalar offsets of the claim's phrase in the document text.
    public var span: TextSpan {
        get { spanStorage.span }
        set { spanStorage = Range32(newValue) }
    }
    public var value: Double? {
        get { hasValue ? valueStorage : nil }
        set { valueStorage = newValue ?? 0; hasValue = newValue != nil }
    }
    public var high: Double? {
        get { hasHigh ? highStorage : nil }
        set { highStorage = newValue ?? 0; hasHigh = newValue != nil }
    }
    public var object: String? {
        get { ClaimStrings.shared.string(codes.object) }
        set { codes.object = ClaimStrings.shared.code(newValue) }
    }
    public var cls: String? {
        get { ClaimStrings.shared.string(codes.cls) }
        set { codes.cls = ClaimStrings.shared.code(newValue) }
    }
    public var aspect: String? {
        get { ClaimStrings.shared.string(codes.aspect) }
        set { codes.aspect = ClaimStrings.shared.code(newValue) }
    }
    public var unit: String? {
        get { ClaimStrings.shared.string(codes.unit) }
        set { codes.unit = ClaimStrings.shared.code(newValue) }
    }
    public var time: String? {
        get { ClaimStrings.shared.string(codes.time) }
        set { codes.time = ClaimStrings.shared.code(newValue) }
    }
    public var source: String? {
        get { ClaimStrings.shared.string(codes.source) }
        set { codes.source = ClaimStrings.shared.code(newValue) }
    }
    public var event: String? {
        get { ClaimStrings.shared.string(codes.event) }
        set { codes.event = ClaimStrings.shared.code(newValue) }
    }
    /// The sentence.
    public var text: String {
        get { String(sentenceText) }
        set { sentenceText = Substring(newValue) }
    }

    public init(id: String, doc: String, sentence: Int, span: TextSpan, kind: ClaimKind, value: Double? = nil,
                high: Double? = nil, approx: Approx? = nil, object: String? = nil, cls: String? = nil,
                aspect: String? = nil, unit: String? = nil, time: String? = nil, timeText: String? = nil,
                source: String? = nil, sourceText: String? = nil, modality: Modality = .asserted,
                event: String? = nil, entities: [String] = [], text: some StringProtocol, phrase: String, valueText: String) {
        let strings = ClaimStrings.shared
        self.init(id: id, doc: doc, sentenceText: Substring(text), phrase: phrase, valueText: valueText,
                  timeText: timeText, sourceText: sourceText, entities: entities, value: value, high: high,
                  span: Range32(span), sentence: Int32(clamping: sentence),
                  codes: strings.codes(object: object, cls: cls, aspect: aspect, unit: unit, time: time, source: source,
                                       event: event),
                  kind: kind, approx: approx, modality: modality)
    }

    /// A claim from the parts a `ClaimStore` keeps (codes already in `ClaimStrings`).
    init(id: String, doc: String, sentenceText: Substring, phrase: String, valueText: String, timeText: String?,
         sourceText: String?, entities: [String], value: Double?, high: Double?, span: Range32, sentence: Int32,
         codes: ClaimCodes, kind: ClaimKind, approx: Approx?, modality: Modality) {
        self.id = id
        self.doc = doc
        self.sentenceText = sentenceText
        self.phrase = phrase
        self.valueText = valueText
        self.timeText = timeText
        self.sourceText = sourceText
        self.entities = entities
        self.valueStorage = value ?? 0
        self.highStorage = high ?? 0
        self.spanStorage = span
        self.sentenceStorage = sentence
        self.codes = codes
        self.kind = kind
        self.approx = approx
        self.modality = modality
        self.hasValue = value != nil
        self.hasHigh = high != nil
    }
}

/// A claim's `ClaimStrings` codes for object, class, aspect, unit, time, source and event.
struct ClaimCodes: Sendable, Hashable {
    var object: Int32, cls: Int32, aspect: Int32, unit: Int32, time: Int32, source: Int32, event: Int32

    /// The fields by position, in the order above (`ClaimColumns.globalColumns`).
    static let count = 7

    subscript(_ j: Int) -> Int32 {
        get {
            switch j {
            case 0: return object
            case 1: return cls
            case 2: return aspect
            case 3: return unit
            case 4: return time
            case 5: return source
            default: return event
            }
        }
        set {
            switch j {
            case 0: object = newValue
            case 1: cls = newValue
            case 2: aspect = newValue
            case 3: unit = newValue
            case 4: time = newValue
            case 5: source = newValue
            default: event = newValue
            }
        }
    }
}

/// The strings claims hold as codes (objects, classes, aspects, units, times, sources, events):
/// each distinct string once for the whole process, so that equal codes mean equal strings.
/// These fields take a few thousand distinct values on a corpus of 100,000 articles; the table
/// only grows. Claims are built on several threads, hence the lock.
final class ClaimStrings: @unchecked Sendable {
    static let shared = ClaimStrings()

    private let lock = NSLock()
    /// Byte-keyed (no SipHash): every claim the pipeline builds interns up to seven strings.
    private var strings = ClaimColumns.Strings()

    /// The code of `s` (added when new); -1 for nil.
    func code(_ s: String?) -> Int32 {
        guard let s else { return -1 }
        lock.lock()
        defer { lock.unlock() }
        return strings.code(s)
    }

    /// The codes of a claim's seven fields under one lock (the assembler builds every claim so).
    func codes(object: String?, cls: String?, aspect: String?, unit: String?, time: String?, source: String?,
               event: String?) -> ClaimCodes {
        lock.lock()
        defer { lock.unlock() }
        return ClaimCodes(object: strings.code(object), cls: strings.code(cls), aspect: strings.code(aspect),
                          unit: strings.code(unit), time: strings.code(time), source: strings.code(source),
                          event: strings.code(event))
    }

    func string(_ code: Int32) -> String? {
        guard code >= 0 else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return strings.string(code)
    }
}
