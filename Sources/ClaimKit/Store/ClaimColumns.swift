/// The claims of a store as columns (struct of arrays), for queries that scan every claim:
/// strings that repeat (documents, classes, objects, sources, times, ...) are interned and
/// held as integer codes (-1: null), numbers as doubles (NaN: null). A filter or group-by is
/// then a loop over a few arrays of integers; the `Claim` rows are only read for the answer.
public struct ClaimColumns: Sendable {
    /// Interned strings: each distinct string once; rows hold its code.
    public struct Strings: Sendable {
        public private(set) var values: [String] = []
        /// Byte-keyed (no SipHash): a load interns several strings per claim.
        private var codes = WordMap<Int32>()

        public init() {}

        public mutating func code(_ s: String?) -> Int32 {
            guard let s else { return -1 }
            if let c = codes[s] { return c }
            let c = Int32(values.count)
            values.append(s)
            codes[s] = c
            return c
        }

        /// The code of a string some row has; nil when none has it.
        public func existingCode(_ s: String) -> Int32? { codes[s] }
        public func string(_ code: Int32) -> String? { code >= 0 ? values[Int(code)] : nil }
        public var count: Int { values.count }
    }

    /// A column of interned strings.
    public struct Coded: Sendable {
        public var codes: [Int32] = []
        public var strings = Strings()
    }

    /// Fields held as codes, by their query names (SPEC §4).
    public static let codedFields = ["doc", "kind", "approx", "object", "class", "aspect", "unit", "time", "source",
                                     "modality", "event"]
    /// Fields held as numbers.
    public static let numericFields = ["value", "high", "sentence"]

    public private(set) var count = 0
    /// The coded columns, in the order of `codedFields`.
    public private(set) var coded: [Coded]
    public private(set) var value: [Double] = []
    public private(set) var high: [Double] = []
    public private(set) var sentence: [Double] = []

    public init() {
        coded = Array(repeating: Coded(), count: Self.codedFields.count)
    }

    /// Gives a document a code before (or without) any claim of it, so that queries know
    /// every loaded document, not only those with claims.
    public mutating func registerDocument(_ id: String) {
        _ = coded[0].strings.code(id)
    }

    /// Distinct documents so far (codes 0..<documentCount, in first-seen order).
    public var documentCount: Int { coded[0].strings.count }

    /// The code of a document id some claim has.
    public func documentCode(_ id: String) -> Int32? { coded[0].strings.existingCode(id) }

    /// The coded column of a field, by its query name.
    public func coded(_ field: String) -> Coded? {
        Self.codedFields.firstIndex(of: field).map { coded[$0] }
    }

    public mutating func reserveCapacity(_ n: Int) {
        for k in coded.indices { coded[k].codes.reserveCapacity(n) }
        value.reserveCapacity(n)
        high.reserveCapacity(n)
        sentence.reserveCapacity(n)
    }

    /// The columns of the fields `Claim` holds as `ClaimStrings` codes, in the order of
    /// `ClaimCodes` (object, class, aspect, unit, time, source, event).
    static let globalColumns = [3, 4, 5, 6, 7, 8, 10]
    /// Per such field: the column's code of each `ClaimStrings` code met so far (-2: not
    /// yet), so that appending a claim looks no string up ...
    private var localCodes: [[Int32]] = Array(repeating: [], count: ClaimCodes.count)
    /// ... and the `ClaimStrings` code of each of the column's codes, so that a claim is
    /// built back from its row without one either.
    private var globalCodes: [[Int32]] = Array(repeating: [], count: ClaimCodes.count)
    /// The last document appended and its code: a document's claims come together.
    private var lastDocument: (id: String, code: Int32)? = nil

    public mutating func append(_ c: Claim) {
        let doc: Int32
        if let last = lastDocument, last.id == c.doc {
            doc = last.code
        } else {
            doc = coded[0].strings.code(c.doc)
            lastDocument = (c.doc, doc)
        }
        let kind = Self.enumCode(Self.ordinal(c.kind), c.kind, &kindCodes, &coded[1].strings)
        let approx = c.approx.map { Self.enumCode(Self.ordinal($0), $0, &approxCodes, &coded[2].strings) } ?? -1
        let modality = Self.enumCode(Self.ordinal(c.modality), c.modality, &modalityCodes, &coded[9].strings)
        // The seven `ClaimStrings` fields: their column codes first (a new string is rare),
        // then one pass of appends over the columns in place.
        let codes = c.codes
        let object = localCode(codes.object, field: 0), cls = localCode(codes.cls, field: 1)
        let aspect = localCode(codes.aspect, field: 2), unit = localCode(codes.unit, field: 3)
        let time = localCode(codes.time, field: 4), source = localCode(codes.source, field: 5)
        let event = localCode(codes.event, field: 6)
        coded.withUnsafeMutableBufferPointer { columns in
            columns[0].codes.append(doc)
            columns[1].codes.append(kind)
            columns[2].codes.append(approx)
            // `globalColumns`: 3, 4, 5, 6, 7, 8, 10.
            columns[3].codes.append(object)
            columns[4].codes.append(cls)
            columns[5].codes.append(aspect)
            columns[6].codes.append(unit)
            columns[7].codes.append(time)
            columns[8].codes.append(source)
            columns[9].codes.append(modality)
            columns[10].codes.append(event)
        }
        value.append(c.value ?? .nan)
        high.append(c.high ?? .nan)
        sentence.append(Double(c.sentence))
        count += 1
    }

    /// The column code of `ClaimStrings` code `g` of field `j` (in `ClaimCodes` order), -1 for
    /// none: from `localCodes`, or the string interned in the column when first met.
    @inline(__always)
    private mutating func localCode(_ g: Int32, field j: Int) -> Int32 {
        guard g >= 0 else { return -1 }
        if Int(g) < localCodes[j].count {
            let known = localCodes[j][Int(g)]
            if known >= 0 { return known }
        }
        return newLocalCode(g, field: j)
    }

    private mutating func newLocalCode(_ g: Int32, field j: Int) -> Int32 {
        let k = Self.globalColumns[j]
        let code = coded[k].strings.code(ClaimStrings.shared.string(g))
        if Int(code) == globalCodes[j].count { globalCodes[j].append(g) }
        if Int(g) >= localCodes[j].count {
            localCodes[j].append(contentsOf: repeatElement(-2, count: Int(g) + 1 - localCodes[j].count))
        }
        localCodes[j][Int(g)] = code
        return code
    }

    /// The codes of the `kind`, `approx` and `modality` cases met so far (-1: not yet), by
    /// case: a million claims are appended without hashing their names.
    private var kindCodes: [Int32] = []
    private var approxCodes: [Int32] = []
    private var modalityCodes: [Int32] = []

    private static func ordinal(_ k: ClaimKind) -> Int {
        switch k {
        case .quantity: return 0
        case .date: return 1
        }
    }

    private static func ordinal(_ a: Approx) -> Int {
        switch a {
        case .exact: return 0
        case .about: return 1
        case .moreThan: return 2
        case .atLeast: return 3
        case .lessThan: return 4
        case .upTo: return 5
        case .range: return 6
        case .vague: return 7
        }
    }

    private static func ordinal(_ m: Modality) -> Int {
        switch m {
        case .asserted: return 0
        case .reported: return 1
        case .estimated: return 2
        case .planned: return 3
        case .possible: return 4
        case .denied: return 5
        }
    }

    @inline(__always)
    private static func enumCode<E: RawRepresentable>(_ ordinal: Int, _ value: E, _ cache: inout [Int32],
                                                      _ strings: inout Strings) -> Int32 where E.RawValue == String {
        if ordinal < cache.count, cache[ordinal] >= 0 { return cache[ordinal] }
        let code = strings.code(value.rawValue)
        if ordinal >= cache.count { cache.append(contentsOf: repeatElement(-1, count: ordinal + 1 - cache.count)) }
        cache[ordinal] = code
        return code
    }

    /// The `ClaimStrings` codes of the claim at `row`.
    func codes(row: Int) -> ClaimCodes {
        var codes = ClaimCodes(object: -1, cls: -1, aspect: -1, unit: -1, time: -1, source: -1, event: -1)
        for j in 0..<ClaimCodes.count {
            let local = coded[Self.globalColumns[j]].codes[row]
            if local >= 0 { codes[j] = globalCodes[j][Int(local)] }
        }
        return codes
    }

    /// The value of the `kind`, `approx` or `modality` column at `row`, as its enum.
    func enumValue<E: RawRepresentable>(_ field: Int, row: Int, as: E.Type) -> E? where E.RawValue == String {
        coded[field].strings.string(coded[field].codes[row]).flatMap(E.init(rawValue:))
    }

    /// `probe` with a coded field set to `s` (the other fields untouched).
    static func set(_ field: String, _ s: String?, on probe: inout Claim) {
        switch field {
        case "doc": probe.doc = s ?? ""
        case "kind": probe.kind = s.flatMap(ClaimKind.init(rawValue:)) ?? .quantity
        case "approx": probe.approx = s.flatMap(Approx.init(rawValue:))
        case "object": probe.object = s
        case "class": probe.cls = s
        case "aspect": probe.aspect = s
        case "unit": probe.unit = s
        case "time": probe.time = s
        case "source": probe.source = s
        case "modality": probe.modality = s.flatMap(Modality.init(rawValue:)) ?? .asserted
        case "event": probe.event = s
        default: break
        }
    }

    /// The numbers of a numeric field, NaN for null.
    public func numbers(_ field: String) -> [Double]? {
        switch field {
        case "value": return value
        case "high": return high
        case "sentence": return sentence
        default: return nil
        }
    }

    /// `probe` with a numeric field set (NaN: null).
    static func set(_ field: String, _ x: Double, on probe: inout Claim) {
        switch field {
        case "value": probe.value = x.isNaN ? nil : x
        case "high": probe.high = x.isNaN ? nil : x
        case "sentence": probe.sentence = Int(x)
        default: break
        }
    }

    /// A claim with every field empty, to test one field's value at a time.
    static func probe() -> Claim {
        Claim(id: "", doc: "", sentence: 0, span: TextSpan(0, 0), kind: .quantity, text: "", phrase: "", valueText: "")
    }
}
