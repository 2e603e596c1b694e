/// `json` (one array, an object per line inside it) and `jsonl` (one object per line).
/// Numbers are JSON numbers (non-finite ones null), null is `null`, lists are arrays; groups
/// give their `fields` object (SPEC §6 `compare`).
enum JSONRenderer {
    static func array(_ t: ResultTable) -> String {
        var out = "["
        out.reserveCapacity(DelimitedRenderer.estimate(t) * 2)
        let keys = t.columns.map { quote($0.name) + ":" }
        for (r, row) in t.rows.enumerated() {
            if r > 0 { out += ",\n" }
            appendObject(keys, row, to: &out)
        }
        return out + "]\n"
    }

    static func lines(_ t: ResultTable) -> String {
        var out = ""
        out.reserveCapacity(DelimitedRenderer.estimate(t) * 2)
        let keys = t.columns.map { quote($0.name) + ":" }
        for row in t.rows {
            appendObject(keys, row, to: &out)
            out += "\n"
        }
        return out
    }

    static func array(_ groups: [ResultGroup]) -> String {
        var out = "["
        for (n, g) in groups.enumerated() {
            if n > 0 { out += ",\n" }
            appendObject(g.fields, to: &out)
        }
        return out + "]\n"
    }

    static func lines(_ groups: [ResultGroup]) -> String {
        var out = ""
        for g in groups {
            appendObject(g.fields, to: &out)
            out += "\n"
        }
        return out
    }

    /// `keys` are the quoted column names with their colon, built once per table.
    static func appendObject(_ keys: [String], _ row: [Value], to out: inout String) {
        out += "{"
        for (c, key) in keys.enumerated() {
            if c > 0 { out += "," }
            out += key
            append(c < row.count ? row[c] : .null, to: &out)
        }
        out += "}"
    }

    static func appendObject(_ fields: [(String, Value)], to out: inout String) {
        out += "{"
        for (n, field) in fields.enumerated() {
            if n > 0 { out += "," }
            appendString(field.0, to: &out)
            out += ":"
            append(field.1, to: &out)
        }
        out += "}"
    }

    static func append(_ v: Value, to out: inout String) {
        switch v {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .number(d): out += d.isFinite ? Value.format(d) : "null"
        case let .string(s): appendString(s, to: &out)
        case let .list(items):
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out += "," }
                append(item, to: &out)
            }
            out += "]"
        }
    }

    static func quote(_ s: String) -> String {
        var out = ""
        appendString(s, to: &out)
        return out
    }

    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            out += s
            out += "\""
            return
        }
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
                    out += "\\u00"
                    out.append(hex[Int(u.value >> 4)])
                    out.append(hex[Int(u.value & 0xF)])
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
