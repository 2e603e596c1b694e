/// How a field's values compare in `where`, `sort` and `stats`.
public enum FieldType: String, Sendable, Hashable {
    /// Case- and umlaut-insensitive text.
    case text
    case number
    case int
    /// A normalised time value (`2024-06`, `2025-07/2025-08`), compared as an interval.
    case time
    /// A list of texts (`entities`): a comparison holds when it holds for some element.
    case list
    case span
    case bool

    public var isNumeric: Bool { self == .number || self == .int }
}
