/// A value in a result row, a claim field, or a `where` literal.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case list([Value])

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var doubleValue: Double? {
        switch self {
        case let .int(i): return Double(i)
        case let .number(d): return d
        default: return nil
        }
    }

    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    /// Plain text for tsv/csv cells: numbers without grouping, integers without ".0".
    public var plainText: String {
        switch self {
        case .null: return ""
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .number(d): return Value.format(d)
        case let .string(s): return s
        case let .list(items): return items.map(\.plainText).joined(separator: "; ")
        }
    }

    /// Shortest exact text of a double: 11000 not 11000.0, 1.5 stays 1.5.
    public static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral s: String) { self = .string(s) }
    public init(integerLiteral i: Int) { self = .int(i) }
    public init(floatLiteral d: Double) { self = .number(d) }
    public init(nilLiteral: ()) { self = .null }
}

extension Value {
    public init(_ s: String?) { self = s.map(Value.string) ?? .null }
    public init(_ d: Double?) { self = d.map(Value.number) ?? .null }
    public init(_ i: Int?) { self = i.map(Value.int) ?? .null }
}
