/// The `table` format: a box drawn with Unicode lines, as DuckDB's shell does.
///
/// The box is always Unicode (the shell switches the locale to UTF-8); whoever needs ASCII uses
/// `tsv`, `csv` or `markdown`. Number columns are right-aligned and written per
/// `RenderOptions.numbers`; null is empty (dim `NULL` in colour); lists are joined with ", ".
/// With `width`, columns shrink to fit: long text first, then other text (truncated with "…");
/// numbers and ids are never cut, and when even that does not fit the rightmost columns are left out
/// and named in the footer. With `maxRows`, a footer counts the rows not shown.
enum TableRenderer {
    /// Narrowest a long-text column (a sentence) is cut to before other columns shrink.
    static let longTextFloor = 12
    /// Narrowest any other text column is cut to before columns are left out: narrower, ids and
    /// names become unrecognisable, and fewer whole columns serve better than many stumps.
    static let textFloor = 10

    static func render(_ table: ResultTable, _ options: RenderOptions) -> String {
        var out = OutputBuffer()
        append(table, options, to: &out)
        return out.string
    }

    static func render(_ groups: [ResultGroup], _ options: RenderOptions) -> String {
        var out = OutputBuffer()
        for (n, group) in groups.enumerated() {
            if n > 0 { out += "\n" }
            let header = singleLine(group.header)
            if options.color {
                out += (group.emphasis ? ANSI.boldRed : ANSI.bold) + header + ANSI.reset + "\n"
            } else {
                out += header + "\n"
            }
            append(group.table, options, to: &out)
            for note in group.notes { out += singleLine(note) + "\n" }
        }
        return out.string
    }

    static func append(_ table: ResultTable, _ options: RenderOptions, to out: inout OutputBuffer) {
        let limit = options.maxRows.flatMap { $0 > 0 ? $0 : nil } ?? table.rows.count
        let shown = min(limit, table.rows.count)
        let nullText = options.color ? "NULL" : ""
        let columnCount = table.columns.count
        let headers = table.columns.map { singleLine($0.name) }
        var natural = headers.map(TextWidth.of)
        // Two passes: measure every cell, then write it. Only the widths are kept in between
        // (one flat array), so a million-row table does not hold a million rows of strings.
        var cellWidths: [Int32] = []
        cellWidths.reserveCapacity(shown * columnCount)
        for r in 0..<shown {
            for c in 0..<columnCount {
                let w = TextWidth.of(cellText(table.rows[r], c, options.numbers, nullText))
                cellWidths.append(Int32(clamping: w))
                if w > natural[c] { natural[c] = w }
            }
        }
        let (visible, widths) = layout(natural: natural, columns: table.columns, width: options.width)

        let numeric = table.columns.map { $0.kind == .number }
        out.reserve((shown + 4) * (widths.reduce(0, +) + 3 * widths.count + 2))
        appendRule(widths, "┌", "┬", "┐", to: &out)
        out += "│"
        for (k, c) in visible.enumerated() {
            let text = TextWidth.truncate(headers[c], to: widths[k])
            out += " "
            pad(text, widths[k], right: numeric[c], style: options.color ? ANSI.bold : nil, to: &out)
            out += " │"
        }
        out += "\n"
        appendRule(widths, "├", "┼", "┤", to: &out)
        for r in 0..<shown {
            let row = table.rows[r]
            out += "│"
            for (k, c) in visible.enumerated() {
                out += " "
                let text = cellText(row, c, options.numbers, nullText)
                let known = Int(cellWidths[r * columnCount + c])
                if options.color, c >= row.count || row[c].isNull {
                    pad(TextWidth.truncate(text, to: widths[k]), widths[k], right: numeric[c], style: ANSI.dim, to: &out)
                } else if known <= widths[k] {
                    pad(text, widths[k], right: numeric[c], known: known, to: &out)
                } else {
                    pad(TextWidth.truncate(text, width: known, to: widths[k]), widths[k], right: numeric[c], to: &out)
                }
                out += " │"
            }
            out += "\n"
        }
        appendRule(widths, "└", "┴", "┘", to: &out)

        let hidden = table.columns.indices.filter { !visible.contains($0) }.map { table.columns[$0].name }
        if shown < table.rows.count {
            let more = table.rows.count - shown
            out += "… \(options.numbers.text(more)) more \(more == 1 ? "row" : "rows")"
                + " (set maxrows 0 or use a pipe to see all)\n"
        }
        if !hidden.isEmpty {
            out += "… \(hidden.count) more \(hidden.count == 1 ? "column" : "columns"): "
                + hidden.joined(separator: ", ") + " (use select, or a pipe to see all)\n"
        }
    }

    /// Which columns to show and how wide, for a terminal `width` (nil: all, untruncated).
    static func layout(natural: [Int], columns: [ResultTable.Column], width: Int?)
        -> (visible: [Int], widths: [Int])
    {
        // Zero or less: the terminal did not say (some ptys report 0 columns); do not fit.
        guard let width, width > 0 else { return (Array(natural.indices), natural) }
        var visible = Array(natural.indices)
        while true {
            // Each column costs its content plus "│ " and " "; one more "│" closes the row.
            let available = width - 3 * visible.count - 1
            let cols = visible.map { columns[$0] }
            if let widths = fit(visible.map { natural[$0] }, columns: cols, available: available) {
                return (visible, widths)
            }
            if visible.count <= 1 {
                // The first column alone, cut to what is left (or one cell on absurd widths).
                return (visible, visible.isEmpty ? [] : [max(1, available)])
            }
            visible.removeLast()
        }
    }

    /// Shrinks column widths to `available` cells: long text first, widest first, then other
    /// text; nil when even that does not fit.
    static func fit(_ natural: [Int], columns: [ResultTable.Column], available: Int) -> [Int]? {
        var widths = natural
        var excess = widths.reduce(0, +) - available
        if excess <= 0 { return widths }
        let phases: [(Int) -> Int?] = [
            { columns[$0].isLongText ? min(natural[$0], longTextFloor) : nil },
            { columns[$0].kind == .text && !columns[$0].isKey ? min(natural[$0], textFloor) : nil },
        ]
        for floor in phases {
            let floors = widths.indices.map { floor($0) }
            while excess > 0 {
                var widest: Int? = nil
                for c in widths.indices {
                    guard let f = floors[c], widths[c] > f else { continue }
                    if widest.map({ widths[c] > widths[$0] }) ?? true { widest = c }
                }
                guard let c = widest, let f = floors[c] else { break }
                // Take the widest column down to the next widest (or its floor) in one step.
                var next = f
                for d in widths.indices where d != c && widths[d] <= widths[c] && floors[d] != nil {
                    next = max(next, widths[d])
                }
                let cut = min(excess, max(1, widths[c] - next))
                widths[c] -= cut
                excess -= cut
            }
            if excess <= 0 { return widths }
        }
        return nil
    }

    static func appendRule(_ widths: [Int], _ left: String, _ middle: String, _ right: String, to out: inout OutputBuffer) {
        out += left
        for (k, w) in widths.enumerated() {
            if k > 0 { out += middle }
            out += String(repeating: "─", count: w + 2)
        }
        out += right + "\n"
    }

    /// Writes `s` padded to `width` cells; `style` (an ANSI sequence) covers the text only.
    static func pad(_ s: String, _ width: Int, right: Bool, style: String? = nil, known: Int? = nil,
                    to out: inout OutputBuffer) {
        let fill = width - (known ?? TextWidth.of(s))
        if right { out.appendSpaces(fill) }
        if let style {
            out += style
            out += s
            out += ANSI.reset
        } else {
            out += s
        }
        if !right { out.appendSpaces(fill) }
    }

    /// A cell as the table shows it: numbers per style, lists joined, null empty or `NULL`.
    static func cellText(_ row: [Value], _ c: Int, _ numbers: NumberStyle, _ nullText: String) -> String {
        guard c < row.count, !row[c].isNull else { return nullText }
        return singleLine(numbers.text(row[c]))
    }

    /// Line breaks and tabs inside a cell would break the box, and other control characters
    /// (ESC above all) would let a document's text drive the terminal: blanks and "�" instead.
    static func singleLine(_ s: String) -> String {
        guard OutputBuffer.any(s, { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return s }
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            switch u.value {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85: out.unicodeScalars.append(" ")
            case 0..<0x20, 0x7F..<0xA0: out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

/// Terminal escape sequences used when colour is on.
enum ANSI {
    static let bold = "\u{1B}[1m"
    static let dim = "\u{1B}[2m"
    static let boldRed = "\u{1B}[1;31m"
    static let reset = "\u{1B}[0m"
}
