/// Groups claims about the same thing across documents and judges whether the reports agree.
///
/// Default key: `kind, class, aspect` for quantities (claims without a class are left out) and
/// `kind, event` for dates (claims without an event are left out). With `on FIELD, ...` every
/// claim is grouped by those fields. Each claim becomes an interval (`ValueInterval` for
/// quantities, `TimeRange` for dates); only claims of different documents are compared.
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
            return [.init(field: "kind", value: "quantity"), .init(field: "class", value: cls), .init(field: "aspect", value: c.aspect)]
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
        var conflicts: [(String, String)] = []
        for i in claims.indices {
            for j in claims.indices where j > i && claims[i].doc != claims[j].doc {
                if let compatible = ClaimComparison.compatible(claims[i], claims[j]), !compatible {
                    conflicts.append((claims[i].id, claims[j].id))
                }
            }
        }
        let verdict: Verdict = docs.count < 2 ? .single : (conflicts.isEmpty ? .agree : .conflict)
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
                               min: minV, max: maxV, spread: spread, conflicts: conflicts)
    }

    /// Whether two claims can both be true; nil when they cannot be compared (no value/time, other kinds).
    public static func compatible(_ a: Claim, _ b: Claim) -> Bool? {
        guard a.kind == b.kind else { return nil }
        switch a.kind {
        case .quantity:
            guard let x = ValueInterval(a), let y = ValueInterval(b) else { return nil }
            return x.overlaps(y)
        case .date:
            guard let x = a.time.flatMap(TimeRange.parse), let y = b.time.flatMap(TimeRange.parse) else { return nil }
            return x.overlaps(y)
        }
    }
}
