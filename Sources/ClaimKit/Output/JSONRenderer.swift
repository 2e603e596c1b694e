/// `json` (one array, an object per line inside it) and `jsonl` (one object per line).
/// Numbers are JSON numbers (non-finite ones null), null is `null`, lists are arrays; groups
/// give their `fields` object (SPEC §6 `compare`).
enum JSONRenderer {
    static func array(_ t: ResultTable) -> String {
        var out = OutputBuffer(capacity: DelimitedRenderer.estimate(t) * 2)
        out += "["
        let keys = keyPrefixes(t)
        for (r, row) in t.rows.enumerated() {
            if r > 0 { out += ",\n" }
            appendObject(keys, row, to: &out)
        }
        out += "]\n"
        return out.string
    }

    static func lines(_ t: ResultTable) -> String {
        var out = OutputBuffer(capacity: DelimitedRenderer.estimate(t) * 2)
        let keys = keyPrefixes(t)
        for row in t.rows {
            appendObject(keys, row, to: &out)
            out.append(byte: 0x0A)
        }
        return out.string
    }

    static func array(_ groups: [ResultGroup]) -> String {
        var out = OutputBuffer()
        out += "["
        for (n, g) in groups.enumerated() {
            if n > 0 { out += ",\n" }
            appendObject(g.fields, to: &out)
        }
        out += "]\n"
        return out.string
    }

    static func lines(_ groups: [ResultGroup]) -> String {
        var out = OutputBuffer()
        for g in groups {
            appendObject(g.fields, to: &out)
            out.append(byte: 0x0A)
        }
        return out.string
    }

    /// `"name":` per column, quoted once per table rather than once per row.
    static func keyPrefixes(_ t: ResultTable) -> [String] {
        t.columns.map { column in
            var key = OutputBuffer()
            appendString(column.name, to: &key)
            key += ":"
            return key.string
        }
    }

    static func appendObject(_ keys: [String], _ row: [Value], to out: inout OutputBuffer) {
        out += "{"
        for (c, key) in keys.enumerated() {
            if c > 0 { out.append(byte: 0x2C) }
            out += key
            append(c < row.count ? row[c] : .null, to: &out)
        }
        out += "}"
    }

    static func appendObject(_ fields: [(String, Value)], to out: inout OutputBuffer) {
        out += "{"
        for (n, field) in fields.enumerated() {
            if n > 0 { out.append(byte: 0x2C) }
            appendString(field.0, to: &out)
            out += ":"
            append(field.1, to: &out)
        }
        out += "}"
    }

    static func append(_ v: Value, to out: inout OutputBuffer) {
        switch v {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .number(d): out += d.isFinite ? Value.format(d) : "null"
        case let .string(s): appendString(s, to: &out)
        case let .list(items):
            out += "["
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(byte: 0x2C) }
                append(item, to: &out)
            }
            out += "]"
        }
    }

    static func appendString(_ s: String, to out: inout OutputBuffer) {
        out.append(byte: 0x22)
        guard OutputBuffer.any(s, { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            out.append(s)
            out.append(byte: 0x22)
            return
        }
        let hex = Array("0123456789abcdef".utf8)
        for b in s.utf8 {
            switch b {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0..<0x20:
                out += "\\u00"
                out.append(byte: hex[Int(b >> 4)])
                out.append(byte: hex[Int(b & 0xF)])
            default: out.append(byte: b)
            }
        }
        out.append(byte: 0x22)
    }
}
