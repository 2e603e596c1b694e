/// CSV and TSV (SPEC §3): one document per row. With a header (the default) the columns
/// `id`, `title`, `text`, `date`, `url`, `source`, `lang` are used by name and other columns go
/// to `extra`; `--text-column` names the text column or gives its 1-based index. Without a
/// header (`--no-header`, files like 10kGNAD's `Category;'text'`) the text column is the given
/// index, else the column with the longest value in the first row. A row without an id
/// column gets `stem:row` (1-based data row). A malformed row is reported with its line and
/// skipped.
public enum DelimitedLoader {
    /// Names tried, in order, for the text column when none is given.
    static let textColumnNames = ["text", "body", "content", "article"]

    public static func documents(path: String, bytes: [UInt8], options: LoadOptions, tab: Bool)
        -> (documents: [Document], problems: [LoadProblem]) {
        bytes.withUnsafeBufferPointer { documents(path: path, buffer: $0, options: options, tab: tab) }
    }

    /// `documents` of a buffer (a mapped file: a large CSV is never copied whole). Valid UTF-8
    /// is read in place; otherwise the bytes are read as Windows-1252 into UTF-8 first.
    static func documents(path: String, buffer: UnsafeBufferPointer<UInt8>, options: LoadOptions, tab: Bool)
        -> (documents: [Document], problems: [LoadProblem]) {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = buffer.starts(with: bom) ? UnsafeBufferPointer(rebasing: buffer[3...]) : buffer
        // Read as UTF-8, each field validated as its String is made; a field that is not valid
        // UTF-8 makes the whole file be read again as Windows-1252.
        if let read = documents(path: path, utf8: body, encoding: .utf8, options: options, tab: tab) { return read }
        let (transcoded, encoding) = TextDecoder.utf8Bytes(Array(body))
        return transcoded.withUnsafeBufferPointer {
            documents(path: path, utf8: $0, encoding: encoding, options: options, tab: tab)
        } ?? ([], [LoadProblem(path: path, message: "not readable as UTF-8 or Windows-1252, skipped")])
    }

    /// The documents of UTF-8 bytes; nil when a field is not valid UTF-8.
    private static func documents(path: String, utf8: UnsafeBufferPointer<UInt8>, encoding: Document.Encoding,
                                  options: LoadOptions, tab: Bool) -> (documents: [Document], problems: [LoadProblem])? {
        var problems: [LoadProblem] = []
        if encoding == .windows1252 { problems.append(.decodedAsWindows1252(path)) }
        let sepChar = options.separator ?? (tab ? "\t" : ",")
        guard let sep = singleByte(sepChar), let quote = singleByte(options.quote) else {
            problems.append(LoadProblem(path: path, message: "separator and quote must be single ASCII characters"))
            return ([], problems)
        }
        var reader = DelimitedReader(bytes: utf8, separator: sep, quote: quote)
        var header: [String]? = nil
        if options.header {
            while let item = reader.next() {
                switch item {
                case let .record(r):
                    var names: [String] = []
                    for field in r.fields {
                        guard let name = reader.string(field) else { return nil }
                        names.append(name.trimmingCharacters(in: .whitespaces))
                    }
                    header = names
                case let .bad(line, message): problems.append(LoadProblem(path: path, line: line, message: "header: " + message))
                }
                if header != nil { break }
            }
            guard header != nil else {
                problems.append(LoadProblem(path: path, message: "no header row"))
                return ([], problems)
            }
        }
        var textIndex: Int? = nil
        if let header {
            switch column(options.textColumn, in: header) {
            case let .success(i): textIndex = i
            case let .failure(error):
                problems.append(LoadProblem(path: path, line: 1, message: error.description))
                return ([], problems)
            }
        } else if let c = options.textColumn {
            guard let i = Int(c), i >= 1 else {
                problems.append(LoadProblem(path: path, message: "--no-header needs --text-column as a 1-based number, not '\(c)'"))
                return ([], problems)
            }
            textIndex = i - 1
        }
        // Where the records are is found in one quick pass; their fields' text and documents
        // are made on all cores (a 270 MB file is one long serial read otherwise).
        var items: [DelimitedReader.Item] = []
        while let item = reader.next() { items.append(item) }
        if textIndex == nil {
            // No header and no --text-column: the column that holds the most text in the first row.
            for case let .record(r) in items {
                let lengths = r.fields.map { reader.string($0)?.utf8.count ?? 0 }
                textIndex = lengths.indices.max { lengths[$0] < lengths[$1] } ?? 0
                break
            }
        }
        let stem = FileName.stem(path)
        let ti = textIndex ?? 0
        let rows = items
        let reading = reader
        let columns = header
        // Per row: its document and problems; nil when a field is not valid UTF-8.
        let results = Workers.map(rows.count, threads: Workers.configured) { i -> (Document?, [LoadProblem])? in
            let record: DelimitedReader.Record
            switch rows[i] {
            case let .bad(line, message): return (nil, [LoadProblem(path: path, line: line, message: message)])
            case let .record(r): record = r
            }
            guard ti < record.fields.count else {
                return (nil, [LoadProblem(path: path, line: record.line,
                                          message: "row has \(record.fields.count) fields, no column \(ti + 1) for the text; row skipped")])
            }
            guard let text = reading.string(record.fields[ti]) else { return nil }
            guard !text.allSatisfy(\.isWhitespace) else {
                return (nil, [LoadProblem(path: path, line: record.line, message: "empty text, row skipped")])
            }
            // The row number counts bad rows too: ids stay put when a row is mended.
            var doc = Document(id: "\(stem):\(i + 1)", text: text, encoding: encoding, path: path)
            var problems: [LoadProblem] = []
            for (k, field) in record.fields.enumerated() where k != ti {
                let name = columns.map { k < $0.count ? $0[k] : "column\(k + 1)" } ?? "column\(k + 1)"
                guard let value = reading.string(field) else { return nil }
                if let complaint = doc.setMetadata(name, value) {
                    problems.append(LoadProblem(path: path, line: record.line, message: complaint))
                }
            }
            return (doc, problems)
        }
        var documents: [Document] = []
        documents.reserveCapacity(results.count)
        for result in results {
            guard let (doc, found) = result else { return nil }
            problems += found
            if let doc { documents.append(doc) }
        }
        return (documents, problems)
    }

    /// The 0-based index of the text column in a header.
    static func column(_ wanted: String?, in header: [String]) -> Result<Int, ColumnError> {
        if let wanted {
            if let i = Int(wanted) {
                guard i >= 1, i <= header.count else {
                    return .failure(ColumnError("text column \(i) out of range (the header has \(header.count) columns)"))
                }
                return .success(i - 1)
            }
            if let i = header.firstIndex(where: { $0.lowercased() == wanted.lowercased() }) { return .success(i) }
            return .failure(ColumnError("no column '\(wanted)'; columns: " + header.joined(separator: ", ")))
        }
        for name in textColumnNames {
            if let i = header.firstIndex(where: { $0.lowercased() == name }) { return .success(i) }
        }
        return .failure(ColumnError("no text column (one named text, or --text-column); columns: " + header.joined(separator: ", ")))
    }

    struct ColumnError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    static func singleByte(_ c: Character) -> UInt8? {
        guard c.isASCII, let b = c.asciiValue else { return nil }
        return b
    }
}

import Foundation
