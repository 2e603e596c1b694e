/// Groups claims about the same thing across documents and judges whether the reports agree.
///
/// Default key: `kind, class, aspect` (and `unit` when there is one) for quantities (claims
/// without a class are left out) and
/// `kind, event` for dates (claims without an event are left out). With `on FIELD, ...` every
/// claim is grouped by those fields. Each claim becomes an interval (`ValueInterval` for
/// quantities, `TimeRange` for dates); only claims of different documents and of the same unit
/// are compared.
public struct ClaimComparison: Sendable {
    public var keyFields: [ClaimField]?

    public init(on keyFields: [ClaimField]? = nil) {
        self.keyFields = keyFields
    }

    public func key(of c: Claim) -> [ComparisonGroup.KeyPart]? {
        if let keyFields {
            return keyFields.map { ComparisonGroup.KeyPart(field: $0.name, value: ClaimComparison.keyText($0.get(c))) }
        }
        switch c.kind {
        case .quantity:
            guard let cls = c.cls else { return nil }
            var key: [ComparisonGroup.KeyPart] = [.init(field: "kind", value: "quantity"), .init(field: "class", value: cls),
                                                  .init(field: "aspect", value: c.aspect)]
            // Amounts in different units (EUR and USD) are different things to compare.
            if let unit = c.unit { key.append(.init(field: "unit", value: unit)) }
            return key
        case .date:
            guard let event = c.event else { return nil }
            return [.init(field: "kind", value: "date"), .init(field: "event", value: event)]
        }
    }

    static func keyText(_ v: Value) -> String? {
        v.isNull ? nil : v.plainText
    }

    public func groups(_ claims: [Claim]) -> [ComparisonGroup] {
        var order: [[ComparisonGroup.KeyPart]] = []
        var members: [[ComparisonGroup.KeyPart]: [Claim]] = [:]
        var canonical: [String: [ComparisonGroup.KeyPart]] = [:]
        for c in claims {
            guard var k = key(of: c) else { continue }
            // Keys compare case- and umlaut-insensitively; the first spelling seen names the group.
            let folded = k.map { $0.field + "=" + ($0.value.map(TextFolding.fold) ?? "\u{0}") }.joined(separator: "\u{1}")
            if let existing = canonical[folded] { k = existing } else { canonical[folded] = k; order.append(k) }
            members[k, default: []].append(c)
        }
        let groups = order.map { judge(key: $0, claims: members[$0] ?? []) }
        let rank: [Verdict: Int] = [.conflict: 0, .agree: 1, .single: 2]
        return groups.enumerated().sorted { a, b in
            let ra = rank[a.element.verdict] ?? 3, rb = rank[b.element.verdict] ?? 3
            if ra != rb { return ra < rb }
            if a.element.docs.count != b.element.docs.count { return a.element.docs.count > b.element.docs.count }
            return a.offset < b.offset
        }.map(\.element)
    }

    public func judge(key: [ComparisonGroup.KeyPart], claims: [Claim]) -> ComparisonGroup {
        var docs: [String] = []
        var sources: [String] = []
        for c in claims {
            if !docs.contains(c.doc) { docs.append(c.doc) }
            if let s = c.source, !sources.contains(s) { sources.append(s) }
        }
        let verdict: Verdict = docs.count < 2 ? .single : (ClaimComparison.hasConflict(claims) ? .conflict : .agree)
        var minV: Value = .null, maxV: Value = .null, spread: Double? = nil
        let values = claims.compactMap(\.value)
        if !values.isEmpty {
            let lo = values.min() ?? 0
            let hi = claims.compactMap { c in c.value.map { v in Swift.max(v, c.high ?? v) } }.max() ?? lo
            minV = .number(lo)
            maxV = .number(hi)
            spread = lo > 0 ? hi / lo : nil
        } else {
            let times = claims.compactMap { c in c.time.flatMap { t in TimeRange.parse(t).map { (t, $0) } } }
            if let first = times.min(by: { $0.1 < $1.1 }), let last = times.max(by: { $0.1.end < $1.1.end }) {
                minV = .string(first.0)
                maxV = .string(last.0)
            }
        }
        return ComparisonGroup(key: key, claims: claims, verdict: verdict, docs: docs, sources: sources,
                               min: minV, max: maxV, spread: spread)
    }

    /// The values a claim allows as one interval type: quantities by `ValueInterval(_:)`, dates
    /// as their time range [start, end) in days.
    public static func interval(_ c: Claim) -> ValueInterval? {
        switch c.kind {
        case .quantity: return ValueInterval(c)
        case .date:
            guard let t = c.time.flatMap(TimeRange.parse) else { return nil }
            return ValueInterval(low: Double(t.start), high: Double(t.end), highOpen: true)
        }
    }

    /// Whether two claims can both be true; nil when they cannot be compared (no value/time, other kinds).
    public static func compatible(_ a: Claim, _ b: Claim) -> Bool? {
        guard a.kind == b.kind, a.unit == b.unit, let x = interval(a), let y = interval(b) else { return nil }
        return x.overlaps(y)
    }

    /// Whether claims of two different documents are incompatible, in O(n): if any such pair
    /// exists, one is found between the interval ending first and the one starting last among
    /// the other documents, or between the interval starting last and the one ending first
    /// among the other documents.
    static func hasConflict(_ claims: [Claim]) -> Bool {
        // Only values of one kind and unit compare: 5 Mio. EUR and 6 Mio. USD do not conflict.
        var partitions: [String: [Claim]] = [:]
        for c in claims { partitions[c.kind.rawValue + "|" + (c.unit ?? ""), default: []].append(c) }
        for part in partitions.values {
            let items = part.compactMap { c in interval(c).map { (doc: c.doc, i: $0) } }
            guard items.count > 1 else { continue }
            func endsBefore(_ a: ValueInterval, _ b: ValueInterval) -> Bool {
                a.high != b.high ? a.high < b.high : (a.highOpen && !b.highOpen)
            }
            func startsAfter(_ a: ValueInterval, _ b: ValueInterval) -> Bool {
                a.low != b.low ? a.low > b.low : (a.lowOpen && !b.lowOpen)
            }
            guard let firstEnd = items.min(by: { endsBefore($0.i, $1.i) }),
                  let lastStart = items.min(by: { startsAfter($0.i, $1.i) }) else { continue }
            if let other = items.filter({ $0.doc != firstEnd.doc }).min(by: { startsAfter($0.i, $1.i) }), !firstEnd.i.overlaps(other.i) {
                return true
            }
            if let other = items.filter({ $0.doc != lastStart.doc }).min(by: { endsBefore($0.i, $1.i) }), !lastStart.i.overlaps(other.i) {
                return true
            }
        }
        return false
    }
}
