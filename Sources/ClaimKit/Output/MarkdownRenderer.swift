/// `markdown`: GitHub pipe tables for reports. Numbers are written per `RenderOptions.numbers`
/// (people read them) and their columns right-aligned (`---:`); `|` is escaped as `\|` and `\`
/// as `\\`, line breaks become `<br>`, null is an empty cell. Groups: a `### header` line, the
/// table, then the notes.
enum MarkdownRenderer {
    static func render(_ table: ResultTable, _ options: RenderOptions) -> String {
        var out = OutputBuffer()
        append(table, options, to: &out)
        return out.string
    }

    static func render(_ groups: [ResultGroup], _ options: RenderOptions) -> String {
        var out = OutputBuffer()
        for (n, g) in groups.enumerated() {
            if n > 0 { out += "\n" }
            out += "### "
            appendEscaped(g.header, to: &out)
            out += "\n\n"
            append(g.table, options, to: &out)
            if !g.notes.isEmpty {
                out += "\n"
                for note in g.notes {
                    appendEscaped(note, to: &out)
                    out += "  \n"
                }
            }
        }
        return out.string
    }

    static func append(_ table: ResultTable, _ options: RenderOptions, to out: inout OutputBuffer) {
        out.reserve(DelimitedRenderer.estimate(table) + table.rows.count * table.columns.count * 3)
        out += "|"
        for column in table.columns {
            out += " "
            appendEscaped(column.name, to: &out)
            out += " |"
        }
        out += "\n|"
        for column in table.columns { out += column.kind == .number ? " ---: |" : " --- |" }
        out += "\n"
        for row in table.rows {
            out += "|"
            for c in table.columns.indices {
                out += " "
                if c < row.count { appendEscaped(options.numbers.text(row[c]), to: &out) }
                out += " |"
            }
            out += "\n"
        }
    }

    static func appendEscaped(_ s: String, to out: inout OutputBuffer) {
        guard OutputBuffer.any(s, { $0 == 0x7C || $0 == 0x5C || $0 < 0x20 }) else {
            out.append(s)
            return
        }
        var afterCR = false
        for b in s.utf8 {
            defer { afterCR = b == 0x0D }
            switch b {
            case 0x7C: out += "\\|"
            // A backslash before "|" would otherwise eat our escape.
            case 0x5C: out += "\\\\"
            case 0x0A: if !afterCR { out += "<br>" }
            case 0x0D: out += "<br>"
            case 0..<0x20: out += " "
            default: out.append(byte: b)
            }
        }
    }
}
