import Foundation

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

    /// Sets a metadata field from a front matter line, a JSON field or a CSV column; other
    /// names go to `extra`. Returns a complaint when the value cannot be used (a date that is
    /// not a date); the value is then kept in `extra` only.
    @discardableResult
    public mutating func setMetadata(_ key: String, _ rawValue: String) -> String? {
        // Foundation's trimming only when an end may be white space (a row of a large CSV
        // file has a metadata value or two, usually without).
        let u = rawValue.utf8
        let plain = u.first.map { $0 > 0x20 && $0 < 0x80 } == true && u.last.map { $0 > 0x20 && $0 < 0x80 } == true
        let value = plain ? rawValue : rawValue.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        switch key.lowercased() {
        case "id": id = value
        case "title": title = value
        case "url": url = value
        case "source": source = value
        case "lang", "language": lang = value
        case "date":
            guard let iso = Document.isoDate(value) else {
                extra["date"] = value
                return "unrecognised date '\(value)' (expected YYYY-MM-DD, YYYY-MM or YYYY)"
            }
            date = iso
            dateInferred = false
        default: extra[key] = value
        }
        return nil
    }

    /// The number of days of a month (1-12) in a year of the Gregorian calendar.
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601 truncated to what is given: "2025-06-19", "2025-06", "2025"; a time of day is
    /// dropped ("2025-06-19T10:00:00Z"); German "19.06.2025" is accepted. nil: not a date.
    public static func isoDate(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespaces)
        let digits = { (x: Substring) in !x.isEmpty && x.allSatisfy { $0.isASCII && $0.isNumber } }
        func valid(_ y: Substring, _ m: Substring?, _ d: Substring?) -> String? {
            guard y.count == 4, digits(y) else { return nil }
            var out = String(y)
            if let m {
                guard m.count <= 2, digits(m), let mi = Int(m), (1...12).contains(mi) else { return nil }
                out += "-" + (mi < 10 ? "0" : "") + String(mi)
                if let d {
                    // A day the month has (29 February in leap years only).
                    guard d.count <= 2, digits(d), let di = Int(d), let yi = Int(y),
                          (1...Document.days(inMonth: mi, of: yi)).contains(di) else { return nil }
                    out += "-" + (di < 10 ? "0" : "") + String(di)
                }
            }
            return out
        }
        if t.contains(".") {
            let p = t.split(separator: ".", omittingEmptySubsequences: false)
            guard p.count == 3 else { return nil }
            return valid(p[2], p[1], p[0])
        }
        let datePart = t.split(separator: "T", maxSplits: 1).first.map { $0.split(separator: " ").first ?? $0 } ?? Substring(t)
        let p = datePart.split(separator: "-", omittingEmptySubsequences: false)
        switch p.count {
        case 1: return valid(p[0], nil, nil)
        case 2: return valid(p[0], p[1], nil)
        case 3: return valid(p[0], p[1], p[2])
        default: return nil
        }
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

    /// The note that a file was not UTF-8 and was read as Windows-1252 (it still loads).
    public static func decodedAsWindows1252(_ path: String) -> LoadProblem {
        LoadProblem(path: path, message: "not valid UTF-8, decoded as Windows-1252")
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
