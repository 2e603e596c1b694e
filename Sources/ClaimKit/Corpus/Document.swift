/// One loaded article: its text and metadata (SPEC §3).
public struct Document: Sendable {
    public enum Encoding: String, Sendable { case utf8 = "utf-8", windows1252 = "windows-1252" }

    public var id: String
    public var title: String?
    /// ISO 8601, truncated to what is known: "2025-06-19", "2025-06" or "2025".
    public var date: String?
    /// The date was inferred from the text, not given by metadata or `docs set`.
    public var dateInferred: Bool
    public var url: String?
    public var source: String?
    public var lang: String?
    public var text: String
    public var encoding: Encoding
    public var path: String?
    /// Metadata fields that have no column of their own.
    public var extra: [String: String]

    public init(id: String, title: String? = nil, date: String? = nil, dateInferred: Bool = false,
                url: String? = nil, source: String? = nil, lang: String? = nil, text: String,
                encoding: Encoding = .utf8, path: String? = nil, extra: [String: String] = [:]) {
        self.id = id
        self.title = title
        self.date = date
        self.dateInferred = dateInferred
        self.url = url
        self.source = source
        self.lang = lang
        self.text = text
        self.encoding = encoding
        self.path = path
        self.extra = extra
    }
}

/// Something that went wrong while loading; loading goes on with the rest.
public struct LoadProblem: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }
}

/// What a load produced: the documents in input order, and the problems met on the way.
public struct LoadReport: Sendable {
    public var documents: [Document] = []
    public var problems: [LoadProblem] = []
    public init(documents: [Document] = [], problems: [LoadProblem] = []) {
        self.documents = documents
        self.problems = problems
    }
}

/// Options of `load` and of the corpus arguments (SPEC §3).
public struct LoadOptions: Sendable, Equatable {
    /// Field separator for CSV/TSV; nil: `,` for .csv, tab for .tsv.
    public var separator: Character?
    /// Quote character for CSV/TSV; default `"`.
    public var quote: Character
    public var header: Bool
    /// Name or 1-based index of the text column.
    public var textColumn: String?
    /// JSON field holding the text.
    public var textField: String?

    public init(separator: Character? = nil, quote: Character = "\"", header: Bool = true,
                textColumn: String? = nil, textField: String? = nil) {
        self.separator = separator
        self.quote = quote
        self.header = header
        self.textColumn = textColumn
        self.textField = textField
    }
}
