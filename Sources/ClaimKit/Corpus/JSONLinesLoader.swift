import Foundation

/// JSON Lines (`.jsonl`, `.ndjson`): one object per line (SPEC §3). The text is the `text`
/// field (or `--text-field`); `id` (string or number) else `stem:line`; `title`, `date`, `url`,
/// `source`, `lang` are metadata; other scalar fields go to `extra`. A line that is not a JSON
/// object or has no text is reported with its number and skipped.
public enum JSONLinesLoader {
    public static func documents(path: String, bytes: [UInt8], options: LoadOptions)
        -> (documents: [Document], problems: [LoadProblem]) {
        var problems: [LoadProblem] = []
        let (utf8, encoding) = TextDecoder.utf8Bytes(bytes)
        if encoding == .windows1252 { problems.append(.decodedAsWindows1252(path)) }
        let textField = options.textField ?? "text"
        let stem = FileName.stem(path)
        let decoder = JSONDecoder()
        var documents: [Document] = []
        var lineNumber = 0
        var start = 0
        let n = utf8.count
        while start < n {
            lineNumber += 1
            var end = start
            while end < n, utf8[end] != 10 { end += 1 }
            let next = end + 1
            var last = end
            while last > start, utf8[last - 1] == 13 || utf8[last - 1] == 32 || utf8[last - 1] == 9 { last -= 1 }
            var first = start
            while first < last, utf8[first] == 32 || utf8[first] == 9 { first += 1 }
            defer { start = next }
            if first == last { continue }
            let object: JSONValue
            do {
                object = try decoder.decode(JSONValue.self, from: Data(utf8[first..<last]))
            } catch {
                problems.append(LoadProblem(path: path, line: lineNumber, message: "not valid JSON, line skipped"))
                continue
            }
            guard case let .object(fields) = object else {
                problems.append(LoadProblem(path: path, line: lineNumber, message: "not a JSON object, line skipped"))
                continue
            }
            guard case let .scalar(text)? = fields[textField], !text.allSatisfy(\.isWhitespace) else {
                let what = fields[textField] == nil ? "no '\(textField)' field" : "'\(textField)' is not a non-empty string"
                problems.append(LoadProblem(path: path, line: lineNumber, message: what + ", line skipped"))
                continue
            }
            var doc = Document(id: "\(stem):\(lineNumber)", text: TextDecoder.normalizeNewlines(text),
                               encoding: encoding, path: path)
            for key in fields.keys.sorted() where key != textField {
                guard case let .scalar(value)? = fields[key] else { continue }
                if let complaint = doc.setMetadata(key, value) {
                    problems.append(LoadProblem(path: path, line: lineNumber, message: complaint))
                }
            }
            documents.append(doc)
        }
        return (documents, problems)
    }

    /// A JSON value as far as metadata needs it: scalars as text (numbers as written by
    /// `Value.format`), objects by key; arrays and null carry no metadata.
    enum JSONValue: Decodable {
        case scalar(String)
        case object([String: JSONValue])
        case other

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .other }
            else if let s = try? c.decode(String.self) { self = .scalar(s) }
            else if let b = try? c.decode(Bool.self) { self = .scalar(b ? "true" : "false") }
            else if let i = try? c.decode(Int64.self) { self = .scalar(String(i)) }
            else if let d = try? c.decode(Double.self) { self = .scalar(Value.format(d)) }
            else if let o = try? c.decode([String: JSONValue].self) { self = .object(o) }
            else if (try? c.decode([JSONValue].self)) != nil { self = .other }
            else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "not JSON") }
        }
    }
}
