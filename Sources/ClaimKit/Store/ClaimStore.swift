/// All claims of the loaded corpus, in document order, with lookup by id, and the same claims
/// as columns (`ClaimColumns`) for queries that scan them all.
public struct ClaimStore: Sendable {
    public private(set) var claims: [Claim] = []
    public private(set) var columns = ClaimColumns()
    private var indexByID: [String: Int] = [:]

    public init(_ claims: [Claim] = []) {
        self.claims = claims
        reindex()
    }

    public var count: Int { claims.count }

    public subscript(id id: String) -> Claim? {
        indexByID[id].map { claims[$0] }
    }

    public mutating func reserveCapacity(_ n: Int) {
        claims.reserveCapacity(n)
        columns.reserveCapacity(n)
        indexByID.reserveCapacity(n)
    }

    public mutating func append(contentsOf more: [Claim]) {
        for c in more {
            indexByID[c.id] = claims.count
            claims.append(c)
            columns.append(c)
        }
    }

    public mutating func removeAll(where predicate: (Claim) -> Bool) {
        claims.removeAll(where: predicate)
        reindex()
    }

    private mutating func reindex() {
        indexByID = Dictionary(claims.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        columns = ClaimColumns(claims)
    }
}
