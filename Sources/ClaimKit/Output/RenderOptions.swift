/// How a `CommandOutput` is rendered: the format plus what the terminal allows.
public struct RenderOptions: Sendable {
    public var format: OutputFormat
    /// ANSI colour (bold headers, dim NULL, red conflict headers); only on a terminal.
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
