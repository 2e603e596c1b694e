/// `sort FIELD [desc]`.
public struct SortKey: Sendable, Equatable {
    public var field: String
    public var descending: Bool
    public var columns: Range<Int>

    public init(field: String, descending: Bool = false, columns: Range<Int>) {
        self.field = field
        self.descending = descending
        self.columns = columns
    }
}
