/// A command's tabular result: named columns and rows of values, rendered by `Renderer` in
/// any output format.
public struct ResultTable: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case text, number }
        public var name: String
        public var kind: Kind
        /// Long free text (sentences): the first column to shrink on a narrow terminal.
        public var isLongText: Bool
        /// An identifier (a claim id): never truncated, since a cut id cannot be used with `show`.
        public var isKey: Bool

        public init(_ name: String, _ kind: Kind = .text, longText: Bool = false, key: Bool? = nil) {
            self.name = name
            self.kind = kind
            self.isLongText = longText
            self.isKey = key ?? Column.keyNames.contains(name)
        }

        /// Columns that hold claim ids in every command's output.
        static let keyNames: Set<String> = ["id", "claim"]
    }

    public var columns: [Column]
    public var rows: [[Value]]

    public init(columns: [Column], rows: [[Value]] = []) {
        self.columns = columns
        self.rows = rows
    }

    public init(_ names: [String], rows: [[Value]] = []) {
        self.columns = names.map { Column($0) }
        self.rows = rows
        // Columns whose values are all numbers align right (one pass, no copies: big results).
        for c in columns.indices {
            var sawNumber = false
            var allNumbers = true
            for row in rows where c < row.count {
                switch row[c] {
                case .null: continue
                case .int, .number: sawNumber = true
                default: allNumbers = false
                }
                if !allNumbers { break }
            }
            if sawNumber, allNumbers { columns[c].kind = .number }
        }
    }
}

/// A block of a grouped result (`compare`, `diff`): a header line, fields for JSON, and rows.
public struct ResultGroup: Sendable, Hashable {
    public var header: String
    /// Ordered key/value pairs: the group's JSON object (SPEC §6 `compare`).
    public var fields: [(String, Value)]
    public var table: ResultTable
    /// Lines printed under the table (reconciliations, notes).
    public var notes: [String]
    /// Highlight the header (conflicts) when colour is on.
    public var emphasis: Bool

    public init(header: String, fields: [(String, Value)], table: ResultTable, notes: [String] = [], emphasis: Bool = false) {
        self.header = header
        self.fields = fields
        self.table = table
        self.notes = notes
        self.emphasis = emphasis
    }

    public static func == (a: ResultGroup, b: ResultGroup) -> Bool {
        a.header == b.header && a.table == b.table && a.notes == b.notes && a.emphasis == b.emphasis
            && a.fields.map(\.0) == b.fields.map(\.0) && a.fields.map(\.1) == b.fields.map(\.1)
    }

    public func hash(into h: inout Hasher) {
        h.combine(header)
        h.combine(table)
    }
}

/// What a command returns; the shell renders it in the session's format.
public enum CommandOutput: Sendable, Hashable {
    case none
    /// Printed as is (help, show, messages).
    case text(String)
    case table(ResultTable)
    case groups([ResultGroup])
}
