/// Claims about the same thing (same compare key) across documents, with their verdict.
public struct ComparisonGroup: Sendable, Hashable {
    /// The key's fields and values in key order (`kind`, `class`, `aspect` / `event`); nil: null.
    public var key: [KeyPart]
    public var claims: [Claim]
    public var verdict: Verdict
    /// Document ids in first-seen order.
    public var docs: [String]
    public var sources: [String]
    /// Smallest and largest value (quantities: numbers; dates: time strings).
    public var min: Value
    public var max: Value
    /// max / min for quantities; nil for dates or when min is 0.
    public var spread: Double?

    public struct KeyPart: Sendable, Hashable {
        public var field: String
        public var value: String?
    }

    /// Pairs of claims of different documents whose values cannot both be true, at most `limit`.
    public func conflictingPairs(limit: Int = 10) -> [(Claim, Claim)] {
        var out: [(Claim, Claim)] = []
        for i in claims.indices {
            for j in claims.indices where j > i && claims[i].doc != claims[j].doc {
                if ClaimComparison.compatible(claims[i], claims[j]) == false {
                    out.append((claims[i], claims[j]))
                    if out.count >= limit { return out }
                }
            }
        }
        return out
    }

    public static func == (a: ComparisonGroup, b: ComparisonGroup) -> Bool {
        a.key == b.key && a.claims == b.claims && a.verdict == b.verdict
    }

    public func hash(into h: inout Hasher) {
        h.combine(key)
        h.combine(claims)
    }

    /// `quantity · soldiers · sent`; nulls are left out.
    public var label: String {
        key.compactMap(\.value).joined(separator: " · ")
    }

    public func value(of field: String) -> String? {
        key.first { $0.field == field }?.value ?? nil
    }

    /// `conflict (spread 1.36×, 4 docs)`.
    public var summary: String {
        var parts: [String] = []
        if verdict == .conflict || verdict == .agree, let spread, spread > 1 {
            parts.append("spread " + ComparisonGroup.formatSpread(spread) + "×")
        } else if case let .string(lo) = min, case let .string(hi) = max, lo != hi {
            parts.append("\(lo) … \(hi)")
        }
        parts.append(docs.count == 1 ? "1 doc" : "\(docs.count) docs")
        return verdict.rawValue + " (" + parts.joined(separator: ", ") + ")"
    }

    static func formatSpread(_ d: Double) -> String {
        let r = (d * 100).rounded() / 100
        var s = String(r)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }
}
