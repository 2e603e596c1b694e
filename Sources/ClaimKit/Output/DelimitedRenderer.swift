/// `tsv` and `csv`: a header line, then one line per row, numbers plain (11000, 1.5), null empty.
///
/// tsv escapes what would break a line or a field as `\t`, `\n`, `\r` and `\\` (the convention
/// of PostgreSQL's text COPY format), so every line has as many fields as the header.
/// csv follows RFC 4180: CRLF line ends, fields holding `,` `"` CR or LF quoted, `"` doubled.
enum DelimitedRenderer {
    static func tsv(_ t: ResultTable) -> String {
        var out = OutputBuffer(capacity: estimate(t))
        appendTSV(t, to: &out)
        return out.string
    }

    static func appendTSV(_ t: ResultTable, to out: inout OutputBuffer) {
        for (c, column) in t.columns.enumerated() {
            if c > 0 { out.append(byte: 0x09) }
            appendTSVField(column.name, to: &out)
        }
        out.append(byte: 0x0A)
        for row in t.rows {
            for c in t.columns.indices {
                if c > 0 { out.append(byte: 0x09) }
                if c < row.count { appendTSVField(row[c].plainText, to: &out) }
            }
            out.append(byte: 0x0A)
        }
    }

    static func tsv(_ groups: [ResultGroup]) -> String {
        var out = OutputBuffer()
        for (n, g) in groups.enumerated() {
            if n > 0 { out += "\n" }
            out += "# "
            appendTSVField(g.header, to: &out)
            out += "\n"
            out.reserve(estimate(g.table))
            appendTSV(g.table, to: &out)
            for note in g.notes {
                out += "# "
                appendTSVField(note, to: &out)
                out += "\n"
            }
        }
        return out.string
    }

    static func appendTSVField(_ s: String, to out: inout OutputBuffer) {
        guard OutputBuffer.any(s, { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else {
            out.append(s)
            return
        }
        for b in s.utf8 {
            switch b {
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x5C: out += "\\\\"
            default: out.append(byte: b)
            }
        }
    }

    static func csv(_ t: ResultTable) -> String {
        var out = OutputBuffer(capacity: estimate(t))
        appendCSVLine(t.columns.map(\.name), to: &out)
        for row in t.rows {
            for c in t.columns.indices {
                if c > 0 { out.append(byte: 0x2C) }
                if c < row.count { appendCSVField(row[c].plainText, to: &out) }
            }
            out += "\r\n"
        }
        return out.string
    }

    /// One table for all groups, its first column the group's header; columns are the union
    /// of the groups' columns in order of appearance.
    static func csv(_ groups: [ResultGroup]) -> String {
        var names: [String] = []
        for g in groups {
            for column in g.table.columns where !names.contains(column.name) { names.append(column.name) }
        }
        var out = OutputBuffer()
        appendCSVLine(["group"] + names, to: &out)
        for g in groups {
            out.reserve(estimate(g.table))
            let position = names.map { name in g.table.columns.firstIndex { $0.name == name } }
            for row in g.table.rows {
                appendCSVField(g.header, to: &out)
                for p in position {
                    out.append(byte: 0x2C)
                    if let p, p < row.count { appendCSVField(row[p].plainText, to: &out) }
                }
                out += "\r\n"
            }
        }
        return out.string
    }

    static func appendCSVLine(_ fields: [String], to out: inout OutputBuffer) {
        for (n, f) in fields.enumerated() {
            if n > 0 { out.append(byte: 0x2C) }
            appendCSVField(f, to: &out)
        }
        out += "\r\n"
    }

    static func appendCSVField(_ s: String, to out: inout OutputBuffer) {
        guard OutputBuffer.any(s, { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            out.append(s)
            return
        }
        out.append(byte: 0x22)
        for b in s.utf8 {
            if b == 0x22 { out.append(byte: 0x22) }
            out.append(byte: b)
        }
        out.append(byte: 0x22)
    }

    /// A rough output size, so that big results grow the buffer once rather than many times.
    static func estimate(_ t: ResultTable) -> Int {
        guard let first = t.rows.first else { return 64 }
        let rowBytes = first.reduce(0) { $0 + $1.plainText.utf8.count + 1 }
        return min(t.rows.count * (rowBytes + 8), 1 << 30)
    }
}
