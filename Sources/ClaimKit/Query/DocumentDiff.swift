/// `diff DOC DOC`: the two documents' claims by compare key — keys both documents speak of
/// (agreeing or in conflict) and keys only one of them has.
public struct DocumentDiff: Sendable {
    public enum Status: String, Sendable, Hashable {
        case conflict, shared
        case onlyFirst = "only_first", onlySecond = "only_second"
    }

    public struct Entry: Sendable, Hashable {
        public var status: Status
        public var group: ComparisonGroup
    }

    public var first: String
    public var second: String
    public var entries: [Entry]

    public init(_ first: String, _ second: String, claims: [Claim], comparison: ClaimComparison = ClaimComparison()) {
        self.first = first
        self.second = second
        let mine = claims.filter { $0.doc == first || $0.doc == second }
        var entries: [Entry] = []
        for g in comparison.groups(mine) {
            let inFirst = g.docs.contains(first), inSecond = g.docs.contains(second)
            let status: Status
            if inFirst && inSecond {
                status = g.verdict == .conflict ? .conflict : .shared
            } else {
                status = inFirst ? .onlyFirst : .onlySecond
            }
            entries.append(Entry(status: status, group: g))
        }
        let rank: [Status: Int] = [.conflict: 0, .shared: 1, .onlyFirst: 2, .onlySecond: 3]
        self.entries = entries.enumerated().sorted {
            let a = rank[$0.element.status] ?? 4, b = rank[$1.element.status] ?? 4
            return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
    }
}
