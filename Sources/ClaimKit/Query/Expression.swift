/// A parsed `where` expression. Literals stay as written: what they mean (number, date, text)
/// depends on the field's type and is decided when the expression is compiled.
public indirect enum Expression: Sendable, Equatable {
    case and(Expression, Expression)
    case or(Expression, Expression)
    case not(Expression)
    case comparison(Comparison)

    /// `FIELD OP OPERAND`.
    public struct Comparison: Sendable, Equatable {
        public var field: String
        public var fieldColumns: Range<Int>
        public var op: ComparisonOperator
        public var opColumns: Range<Int>
        public var operand: Operand

        public init(field: String, fieldColumns: Range<Int>, op: ComparisonOperator, opColumns: Range<Int>, operand: Operand) {
            self.field = field
            self.fieldColumns = fieldColumns
            self.op = op
            self.opColumns = opColumns
            self.operand = operand
        }
    }

    public enum Operand: Sendable, Equatable {
        case literal(Literal)
        case list([Literal])
        case range(Literal, Literal)
        case regex(Literal)
        case none
    }

    /// A value as typed: `10.000`, `8 Mio`, `2024-06`, `soldiers`, `'Abkommen unterzeichnen'`.
    public struct Literal: Sendable, Equatable {
        public var text: String
        public var columns: Range<Int>
        public var quoted: Bool

        public init(_ text: String, _ columns: Range<Int>, quoted: Bool = false) {
            self.text = text
            self.columns = columns
            self.quoted = quoted
        }
    }

    /// Every comparison in the expression, left to right.
    public var comparisons: [Comparison] {
        switch self {
        case let .and(a, b), let .or(a, b): return a.comparisons + b.comparisons
        case let .not(a): return a.comparisons
        case let .comparison(c): return [c]
        }
    }
}

public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case contains = "~", notContains = "!~"
    case isIn = "in", notIn = "not in", between = "between", isNull = "is null", isNotNull = "is not null"
}
