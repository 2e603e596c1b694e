/// `tsv` and `csv`: a header line, then one line per row, numbers plain (11000, 1.5), null empty.
///
/// tsv escapes what would break a line or a field as `\t`, `\n`, `\r` and `\\` (the convention
/// of PostgreSQL's text COPY and of `duckdb -separator`-free readers such as `cut` and `awk`).
/// csv follows RFC 4180: CRLF line ends, fields holding `,` `"` CR or LF quoted, `"` doubled.
enum DelimitedRenderer {
    static func tsv(_ t: ResultTable) -> String {
        var out = ""
        appendTSV(t, to: &out)
        return out
    }

    static func appendTSV(_ t: ResultTable, to out: inout String) {
        out.reserveCapacity(out.utf8.count + estimate(t))
        for (c, column) in t.columns.enumerated() {
            if c > 0 { out += "\t" }
            appendTSVField(column.name, to: &out)
        }
        out += "\n"
        for row in t.rows {
            for c in t.columns.indices {
                if c > 0 { out += "\t" }
                if c < row.count { appendTSVField(row[c].plainText, to: &out) }
            }
            out += "\n"
        }
    }

    static func tsv(_ groups: [ResultGroup]) -> String {
        var out = ""
        for (n, g) in groups.enumerated() {
            if n > 0 { out += "\n" }
            out += "# " + oneLine(g.header) + "\n"
            appendTSV(g.table, to: &out)
            for note in g.notes { out += "# " + oneLine(note) + "\n" }
        }
        return out
    }

    static func appendTSVField(_ s: String, to out: inout String) {
        guard s.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else {
            out += s
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(u)
            }
        }
    }

    static func csv(_ t: ResultTable) -> String {
        var out = ""
        out.reserveCapacity(estimate(t))
        appendCSVLine(t.columns.map(\.name), to: &out)
        for row in t.rows {
            for c in t.columns.indices {
                if c > 0 { out += "," }
                if c < row.count { appendCSVField(row[c].plainText, to: &out) }
            }
            out += "\r\n"
        }
        return out
    }

    /// One table for all groups, its first column the group's header; columns are the union
    /// of the groups' columns in order of appearance.
    static func csv(_ groups: [ResultGroup]) -> String {
        var names: [String] = []
        for g in groups {
            for column in g.table.columns where !names.contains(column.name) { names.append(column.name) }
        }
        var out = ""
        appendCSVLine(["group"] + names, to: &out)
        for g in groups {
            let position = names.map { name in g.table.columns.firstIndex { $0.name == name } }
            for row in g.table.rows {
                appendCSVField(g.header, to: &out)
                for p in position {
                    out += ","
                    if let p, p < row.count { appendCSVField(row[p].plainText, to: &out) }
                }
                out += "\r\n"
            }
        }
        return out
    }

    static func appendCSVLine(_ fields: [String], to out: inout String) {
        for (n, f) in fields.enumerated() {
            if n > 0 { out += "," }
            appendCSVField(f, to: &out)
        }
        out += "\r\n"
    }

    static func appendCSVField(_ s: String, to out: inout String) {
        guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            out += s
            return
        }
        out += "\""
        for u in s.unicodeScalars {
            if u == "\"" { out += "\"\"" } else { out.unicodeScalars.append(u) }
        }
        out += "\""
    }

    static func oneLine(_ s: String) -> String {
        var out = ""
        appendTSVField(s, to: &out)
        return out
    }

    /// A rough output size, so that big results grow the buffer once rather than many times.
    static func estimate(_ t: ResultTable) -> Int {
        guard let first = t.rows.first else { return 64 }
        let rowBytes = first.reduce(0) { $0 + $1.plainText.utf8.count + 1 }
        return min(t.rows.count * (rowBytes + 8), 1 << 30)
    }
}
