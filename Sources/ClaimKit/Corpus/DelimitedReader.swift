import Foundation

/// RFC 4180 records from UTF-8 bytes, with a configurable separator and quote: a doubled
/// quote inside a quoted field is a literal quote, quoted fields may hold separators and line
/// breaks, CRLF and LF both end a record. Parses bytes, not Characters, because corpora run to
/// hundreds of megabytes.
///
/// The reader works on a buffer its caller keeps alive (a mapped file, an array's storage)
/// while the reader and the fields' `string(_:)` are in use, on any thread.
struct DelimitedReader: @unchecked Sendable {
    /// A field as a range of the reader's bytes: the reader finds where records and fields
    /// are (a quick, serial walk), `string(_:)` makes their text (on any thread: a large file's
    /// fields are made in parallel).
    struct Field: Sendable {
        var range: Range<Int>
        /// Quoted, with doubled quotes inside (to be made single).
        var doubledQuotes = false
    }

    struct Record: Sendable {
        var fields: [Field]
        /// 1-based line on which the record starts.
        var line: Int
    }

    enum Item: Sendable {
        case record(Record)
        /// A malformed record, skipped; reading goes on after it.
        case bad(line: Int, message: String)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let separator: UInt8
    let quote: UInt8
    private var position = 0
    private var line = 1

    init(bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, quote: UInt8) {
        self.bytes = bytes
        self.separator = separator
        self.quote = quote
    }

    /// The next record or bad record; nil at the end. Blank lines are skipped.
    mutating func next() -> Item? {
        nextItem(bytes)
    }

    private mutating func nextItem(_ b: UnsafeBufferPointer<UInt8>) -> Item? {
        let n = b.count
        // Skip blank lines.
        while position < n, b[position] == 10 || b[position] == 13 {
            if b[position] == 10 { line += 1 }
            else if position + 1 >= n || b[position + 1] != 10 { line += 1 }
            position += 1
        }
        guard position < n else { return nil }
        let startLine = line
        let startPosition = position
        var fields: [Field] = []
        while true {
            if position < n, b[position] == quote {
                // Quoted field.
                position += 1
                var doubled = false
                let fieldStart = position
                var fieldEnd = position
                var closed = false
                while position < n {
                    // The next quote by memchr (the text of an article is one quoted field):
                    // the line breaks on the way are counted for the line numbers of errors.
                    let rest = UnsafeRawPointer(b.baseAddress! + position)
                    guard let q = memchr(rest, Int32(quote), n - position) else {
                        position = n
                        break
                    }
                    let next = position + rest.distance(to: UnsafeRawPointer(q))
                    line += Self.lineBreaks(b, position, next)
                    position = next
                    if position + 1 < n, b[position + 1] == quote {
                        doubled = true
                        position += 2
                        continue
                    }
                    fieldEnd = position
                    position += 1
                    closed = true
                    break
                }
                guard closed else {
                    // Unterminated: resume on the line after the record's first line, so one
                    // stray quote costs one record and not the rest of the file.
                    position = startPosition
                    line = startLine
                    skipRestOfRecord(b)
                    return .bad(line: startLine, message: "unterminated quoted field, row skipped")
                }
                fields.append(Field(range: fieldStart..<fieldEnd, doubledQuotes: doubled))
                // Blanks between a closing quote and the separator are tolerated.
                while position < n, b[position] == 32 || b[position] == 9, b[position] != separator { position += 1 }
                if position >= n { return .record(Record(fields: fields, line: startLine)) }
                let c = b[position]
                if c == separator { position += 1; continue }
                if c == 10 || c == 13 {
                    endLine(b)
                    return .record(Record(fields: fields, line: startLine))
                }
                if line > startLine {
                    // The "closing" quote was the opening quote of a later row: this row's
                    // quote was never closed. Resume on the line after the row's first line.
                    position = startPosition
                    line = startLine
                    skipRestOfRecord(b)
                    return .bad(line: startLine, message: "unterminated quoted field, row skipped")
                }
                skipRestOfRecord(b)
                return .bad(line: startLine, message: "unexpected text after a closing quote, row skipped")
            }
            // Unquoted field: up to the separator or the end of the line.
            let fieldStart = position
            position = Self.fieldEnd(b, from: position, separator: separator)
            fields.append(Field(range: fieldStart..<position))
            if position < n, b[position] == separator { position += 1; continue }
            if position < n { endLine(b) }
            return .record(Record(fields: fields, line: startLine))
        }
    }

    /// Consumes one line end (LF, CRLF or CR).
    private mutating func endLine(_ b: UnsafeBufferPointer<UInt8>) {
        if b[position] == 13 { position += 1 }
        if position < b.count, b[position] == 10 { position += 1 }
        line += 1
    }

    /// Skips to the end of the current physical line (quotes no longer count).
    private mutating func skipRestOfRecord(_ b: UnsafeBufferPointer<UInt8>) {
        while position < b.count, b[position] != 10, b[position] != 13 { position += 1 }
        if position < b.count { endLine(b) }
    }

    /// The first separator, LF or CR at or after `from` (or the end): eight bytes at a time,
    /// as an article's text is one long unquoted field in most CSV corpora.
    static func fieldEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int, separator: UInt8) -> Int {
        let n = b.count
        var i = from
        guard let base = UnsafeRawPointer(b.baseAddress) else { return i }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let sep = ones &* UInt64(separator), lf = ones &* 10, cr = ones &* 13
        // A byte of `v` is zero: its high bit set in the result (no false negatives).
        @inline(__always) func zeroByte(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        while i + 8 <= n {
            let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if zeroByte(w ^ sep) | zeroByte(w ^ lf) | zeroByte(w ^ cr) != 0 { break }
            i += 8
        }
        while i < n, b[i] != separator, b[i] != 10, b[i] != 13 { i += 1 }
        return i
    }

    /// The LF bytes in `b[from..<to]`.
    static func lineBreaks(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var count = 0
        var i = from
        while i < to, let p = memchr(b.baseAddress! + i, 10, to - i) {
            count += 1
            i = UnsafeRawPointer(b.baseAddress!).distance(to: UnsafeRawPointer(p)) + 1
        }
        return count
    }

    /// A field's text: a doubled quote is one quote; CR LF inside a quoted field becomes LF.
    /// nil when its bytes are not valid UTF-8 (the file is then read as Windows-1252).
    func string(_ field: Field) -> String? {
        let raw = UnsafeBufferPointer(rebasing: bytes[field.range])
        guard field.doubledQuotes else { return Self.string(raw) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        // Inside a closed quoted field every quote is doubled: copy up to and including
        // each quote, skip its double.
        var i = 0
        while i < raw.count {
            let rest = UnsafeRawPointer(raw.baseAddress! + i)
            guard let q = memchr(rest, Int32(quote), raw.count - i) else {
                unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: raw[i...]))
                break
            }
            let at = i + rest.distance(to: UnsafeRawPointer(q))
            unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: raw[i...at]))
            i = at + 2
        }
        return unescaped.withUnsafeBufferPointer { Self.string($0) }
    }

    /// Validated and made in one pass (the file as a whole is not checked first).
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let s = String(validating: bytes, as: UTF8.self) else { return nil }
        // memchr, not `contains`: a byte loop over every document's text cost as much as a third
        // of its UTF-8 validation.
        guard let base = bytes.baseAddress, memchr(base, 13, bytes.count) != nil else { return s }
        return TextDecoder.normalizeNewlines(s)
    }
}
