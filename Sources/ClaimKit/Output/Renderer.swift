/// Renders a command's output in one of the formats of SPEC §6.
public enum Renderer {
    public static func render(_ output: CommandOutput, _ options: RenderOptions) -> String {
        switch output {
        case .none: return ""
        case let .text(s): return s.hasSuffix("\n") || s.isEmpty ? s : s + "\n"
        case let .table(t): return render(t, options)
        case let .groups(groups): return render(groups, options)
        }
    }

    public static func render(_ table: ResultTable, _ options: RenderOptions) -> String {
        switch options.format {
        case .tsv: return DelimitedRenderer.tsv(table)
        case .csv: return DelimitedRenderer.csv(table)
        case .json: return JSONRenderer.array(table)
        case .jsonl: return JSONRenderer.lines(table)
        case .markdown, .table: return DelimitedRenderer.tsv(table)
        }
    }

    public static func render(_ groups: [ResultGroup], _ options: RenderOptions) -> String {
        switch options.format {
        case .json: return JSONRenderer.array(groups)
        case .jsonl: return JSONRenderer.lines(groups)
        default:
            var out = ""
            for (i, g) in groups.enumerated() {
                if i > 0 { out += "\n" }
                out += "# " + g.header + "\n"
                out += render(g.table, options)
                for n in g.notes { out += "# " + n + "\n" }
            }
            return out
        }
    }
}

enum DelimitedRenderer {
    static func tsv(_ t: ResultTable) -> String {
        var out = t.columns.map(\.name).joined(separator: "\t") + "\n"
        for row in t.rows {
            out += row.map { escapeTSV($0.plainText) }.joined(separator: "\t")
            out += "\n"
        }
        return out
    }

    static func escapeTSV(_ s: String) -> String {
        guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" }) else { return s }
        var out = ""
        for c in s {
            switch c {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.append(c)
            }
        }
        return out
    }

    static func csv(_ t: ResultTable) -> String {
        var out = t.columns.map { quoteCSV($0.name) }.joined(separator: ",") + "\r\n"
        for row in t.rows {
            out += row.map { quoteCSV($0.plainText) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// RFC 4180: quote fields holding a comma, quote or line break; double inner quotes.
    static func quoteCSV(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation

enum JSONRenderer {
    static func object(_ columns: [ResultTable.Column], _ row: [Value]) -> String {
        var out = "{"
        for (i, c) in columns.enumerated() {
            if i > 0 { out += "," }
            out += quote(c.name) + ":" + encode(row[i])
        }
        return out + "}"
    }

    static func object(_ fields: [(String, Value)]) -> String {
        "{" + fields.map { quote($0.0) + ":" + encode($0.1) }.joined(separator: ",") + "}"
    }

    static func array(_ t: ResultTable) -> String {
        "[" + t.rows.map { object(t.columns, $0) }.joined(separator: ",\n") + "]\n"
    }

    static func lines(_ t: ResultTable) -> String {
        t.rows.map { object(t.columns, $0) + "\n" }.joined()
    }

    static func array(_ g: [ResultGroup]) -> String {
        "[" + g.map { object($0.fields) }.joined(separator: ",\n") + "]\n"
    }

    static func lines(_ g: [ResultGroup]) -> String {
        g.map { object($0.fields) + "\n" }.joined()
    }

    static func encode(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .number(d): return d.isFinite ? Value.format(d) : "null"
        case let .string(s): return quote(s)
        case let .list(items): return "[" + items.map(encode).joined(separator: ",") + "]"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
