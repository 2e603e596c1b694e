/// Renders a command's output in one of the formats of SPEC §6.
///
/// Groups (`compare`, `diff`): `table` and `markdown` draw a block per group (header line,
/// table, notes); `tsv` writes the same blocks with the header and notes as `# ` lines;
/// `csv` writes one table with a leading `group` column (notes are left out: RFC 4180 has no
/// comments); `json`/`jsonl` write each group's `fields` object.
public enum Renderer {
    public static func render(_ output: CommandOutput, _ options: RenderOptions) -> String {
        switch output {
        case .none: return ""
        case let .text(s):
            // Text may carry ANSI styles (`show` highlights a claim); they go where colour does.
            let t = options.color ? s : plain(s)
            return t.hasSuffix("\n") || t.isEmpty ? t : t + "\n"
        case let .table(t): return render(t, options)
        case let .groups(groups): return render(groups, options)
        }
    }

    /// The text without ANSI SGR sequences (`ESC [ ... m`).
    public static func plain(_ s: String) -> String {
        guard s.utf8.contains(0x1B) else { return s }
        var out = String.UnicodeScalarView()
        var scalars = s.unicodeScalars.makeIterator()
        while let c = scalars.next() {
            guard c == "\u{1B}" else { out.append(c); continue }
            var sequence = String.UnicodeScalarView([c])
            var ended = false
            while let n = scalars.next() {
                sequence.append(n)
                if n == "m" { ended = true; break }
                if !(n == "[" || n == ";" || ("0"..."9").contains(n)) { break }
            }
            if !ended { out.append(contentsOf: sequence) }
        }
        return String(out)
    }

    public static func render(_ table: ResultTable, _ options: RenderOptions) -> String {
        switch options.format {
        case .table: return TableRenderer.render(table, options)
        case .tsv: return DelimitedRenderer.tsv(table)
        case .csv: return DelimitedRenderer.csv(table)
        case .json: return JSONRenderer.array(table)
        case .jsonl: return JSONRenderer.lines(table)
        case .markdown: return MarkdownRenderer.render(table, options)
        }
    }

    public static func render(_ groups: [ResultGroup], _ options: RenderOptions) -> String {
        switch options.format {
        case .table: return TableRenderer.render(groups, options)
        case .tsv: return DelimitedRenderer.tsv(groups)
        case .csv: return DelimitedRenderer.csv(groups)
        case .json: return JSONRenderer.array(groups)
        case .jsonl: return JSONRenderer.lines(groups)
        case .markdown: return MarkdownRenderer.render(groups, options)
        }
    }
}
