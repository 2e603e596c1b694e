/// `markdown`: GitHub pipe tables for reports. Numbers are written per `RenderOptions.numbers`
/// (people read them) and their columns right-aligned (`---:`); `|` is escaped as `\|`, line
/// breaks become `<br>`, null is an empty cell. Groups: a `### header` line, the table, notes.
enum MarkdownRenderer {
    static func render(_ table: ResultTable, _ options: RenderOptions) -> String {
        var out = ""
        append(table, options, to: &out)
        return out
    }

    static func render(_ groups: [ResultGroup], _ options: RenderOptions) -> String {
        var out = ""
        for (n, g) in groups.enumerated() {
            if n > 0 { out += "\n" }
            out += "### " + escape(g.header) + "\n\n"
            append(g.table, options, to: &out)
            if !g.notes.isEmpty {
                out += "\n"
                for note in g.notes { out += escape(note) + "  \n" }
            }
        }
        return out
    }

    static func append(_ table: ResultTable, _ options: RenderOptions, to out: inout String) {
        out.reserveCapacity(out.utf8.count + DelimitedRenderer.estimate(table) + table.rows.count * table.columns.count * 3)
        out += "|"
        for column in table.columns { out += " " + escape(column.name) + " |" }
        out += "\n|"
        for column in table.columns { out += column.kind == .number ? " ---: |" : " --- |" }
        out += "\n"
        for row in table.rows {
            out += "|"
            for c in table.columns.indices {
                out += " "
                if c < row.count { out += escape(options.numbers.text(row[c])) }
                out += " |"
            }
            out += "\n"
        }
    }

    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x7C || $0 == 0x5C || $0 < 0x20 }) else { return s }
        var out = ""
        for c in s {
            switch c {
            case "|": out += "\\|"
            // A backslash before "|" would otherwise eat our escape.
            case "\\": out += "\\\\"
            case "\r\n", "\n", "\r": out += "<br>"
            case "\t": out += " "
            default: out.append(c)
            }
        }
        return out
    }
}
