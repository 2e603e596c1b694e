/// A sum that explains a value in a conflicting group: "14.000 (000) = 11.000 + 3.000 (001)".
public struct Reconciliation: Sendable, Hashable {
    public var target: Claim
    public var terms: [Claim]
    /// |sum − target| / target.
    public var error: Double

    public var sum: Double { terms.reduce(0) { $0 + ($1.value ?? 0) } }
    public var termsInTargetDocument: Bool { terms.allSatisfy { $0.doc == target.doc } }

    /// `6.000 (003) = 1.000 Sappeure + 5.000 Bauarbeiter (003)`.
    public var explanation: String {
        let docs = Set(terms.map(\.doc))
        let parts = terms.map { t in Reconciliation.describe(t) + (docs.count > 1 ? " (\(Reconciliation.shortDoc(t.doc)))" : "") }
        var out = "\(target.valueText) (\(Reconciliation.shortDoc(target.doc))) = " + parts.joined(separator: " + ")
        if docs.count == 1, let d = docs.first { out += " (\(Reconciliation.shortDoc(d)))" }
        return out
    }

    /// The number as written with the counted object when the text names it.
    static func describe(_ c: Claim) -> String {
        let words = c.phrase.split(separator: " ")
        // The phrase ("rund 1.000 Sappeure") reads best when short; else number + lemma.
        if words.count <= 4, c.phrase.contains(c.valueText) {
            if let r = c.phrase.range(of: c.valueText) { return String(c.phrase[r.lowerBound...]) }
        }
        return c.valueText + (c.object.map { " " + $0 } ?? "")
    }

    /// `000` for `000_dbee2a27689250e2`: the id up to its first underscore.
    public static func shortDoc(_ id: String) -> String {
        if let u = id.firstIndex(of: "_"), u != id.startIndex { return String(id[..<u]) }
        return id
    }
}
