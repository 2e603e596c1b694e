/// Output formats (SPEC §6).
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, tsv, csv, json, jsonl, markdown
}

/// How numbers are written in tables: German grouping ("11.000", "1,5") or plain.
public enum NumberStyle: String, Sendable, CaseIterable {
    case de, plain
}

public struct RenderOptions: Sendable {
    public var format: OutputFormat
    public var color: Bool
    /// Terminal width for `table`; nil: no fitting (pipes and files).
    public var width: Int?
    /// Rows shown in `table` before a footer; nil: all.
    public var maxRows: Int?
    public var numbers: NumberStyle

    public init(format: OutputFormat = .tsv, color: Bool = false, width: Int? = nil, maxRows: Int? = nil,
                numbers: NumberStyle = .de) {
        self.format = format
        self.color = color
        self.width = width
        self.maxRows = maxRows
        self.numbers = numbers
    }
}
