/// All claims of the loaded corpus, in document order, with lookup by id, and the same claims
/// as columns (`ClaimColumns`) for queries that scan them all.
public struct ClaimStore: Sendable {
    public private(set) var claims: [Claim] = []
    public private(set) var columns = ClaimColumns()
    /// Per document (by its code in `columns`): the row of its first claim. Ids are
    /// `<doc>:<n>` with n counting from 1 in store order, so `<doc>:<n>` is usually row
    /// `first + n - 1`: lookup by id needs no dictionary of a million strings.
    private var firstRow: [Int32] = []

    public init(_ claims: [Claim] = []) {
        reserveCapacity(claims.count)
        append(contentsOf: claims)
    }

    public var count: Int { claims.count }

    public subscript(id id: String) -> Claim? {
        guard let colon = id.lastIndex(of: ":"), let n = Int(id[id.index(after: colon)...]), n >= 1,
              let doc = columns.documentCode(String(id[..<colon])) else {
            return claims.first { $0.id == id }
        }
        let row = Int(firstRow[Int(doc)]) + n - 1
        if row < claims.count, claims[row].id == id { return claims[row] }
        // Claims not numbered in store order (built by hand): look them up one by one.
        return claims.first { $0.id == id }
    }

    public mutating func reserveCapacity(_ n: Int) {
        claims.reserveCapacity(n)
        columns.reserveCapacity(n)
    }

    public mutating func append(contentsOf more: [Claim]) {
        for c in more {
            let documents = columns.documentCount
            columns.append(c)
            // A new document code: its first claim is this row.
            if columns.documentCount > documents { firstRow.append(Int32(claims.count)) }
            claims.append(c)
        }
    }

    public mutating func removeAll(where predicate: (Claim) -> Bool) {
        self = ClaimStore(claims.filter { !predicate($0) })
    }
}
