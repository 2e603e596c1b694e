/// The fields a `where` expression may name on rows of type `Row`, each with its type and an
/// accessor. Claims use `ClaimField.schema`; tables use `ResultTable.schema` (columns by name).
public struct QuerySchema<Row> {
    public struct Field {
        public var name: String
        public var type: FieldType
        public var get: (Row) -> Value
        /// Values present in the data, for "did you mean" on `=`/`in` literals; nil: no check.
        public var knownValues: (() -> [String])?
        /// A unique prefix of a known value stands for it (`doc = 002`).
        public var acceptsPrefix: Bool

        public init(name: String, type: FieldType, knownValues: (() -> [String])? = nil, acceptsPrefix: Bool = false,
                    get: @escaping (Row) -> Value) {
            self.name = name
            self.type = type
            self.get = get
            self.knownValues = knownValues
            self.acceptsPrefix = acceptsPrefix
        }
    }

    public var fields: [Field]
    /// What the rows are called in messages ("claims", "documents").
    public var rowName: String

    public init(fields: [Field], rowName: String) {
        self.fields = fields
        self.rowName = rowName
    }

    public var names: [String] { fields.map(\.name) }

    public func field(named name: String) -> Field? {
        let n = name.lowercased()
        return fields.first { $0.name == n }
    }

    /// The field, or an error at `columns` naming the closest field.
    public func require(_ name: String, at columns: Range<Int>) throws(QueryError) -> Field {
        if let f = field(named: name) { return f }
        throw QueryError.suggesting("unknown field '\(name)'", name, in: names, at: columns)
    }
}
