import Testing
@testable import ClaimKit

/// The `table` format as a user sees it on a terminal: a box that stays aligned with umlauts
/// and wide characters, fits the window, and says how many rows it left out.
@Suite struct TableRendererTests {
    // Real sentences from 10kGNAD (CC BY-NC-SA 4.0) and the seeds.
    static let sentences = [
        "Größtenteils dürfte die Änderung gut bei den Spielern angekommen sein oder sie zumindest neugierig gemacht haben.",
        "Zuletzt hatte die Hamas im Jänner rund 17.000 Jugendliche zwischen 16 und 21 Jahren für den Kampf gegen Israel ausgebildet.",
        "Südkoreanische Geheimdienste bestätigen, dass Nordkorea zusätzliches Militärpersonal in die russische Region Kursk entsenden wird.",
    ]

    static var sentenceTable: ResultTable {
        var t = ResultTable(["doc", "sentence", "text"],
                            rows: sentences.enumerated().map { [.string("10kGNAD_\($0.offset)"), .int($0.offset + 1), .string($0.element)] })
        t.columns[2].isLongText = true
        return t
    }

    static func lines(_ s: String) -> [String] { s.split(separator: "\n").map(String.init) }

    @Test func boxStaysAlignedWithUmlautsAndWideCharacters() {
        var table = Self.sentenceTable
        table.rows.append([.string("北朝鮮_ko"), .int(4), .string("Pjöngjang (평양) meldet 👍 Erfolg")])
        let out = Renderer.render(table, RenderOptions(format: .table))
        let lines = Self.lines(out)
        #expect(lines.count == 8)
        let widths = Set(lines.map(TextWidth.of))
        #expect(widths.count == 1, "every line of the box is equally wide: \(widths)\n\(out)")
        #expect(lines[0].hasPrefix("┌─") && lines[0].hasSuffix("─┐"))
        #expect(lines[2].contains("┼"))
        #expect(lines[1] == "│ doc       │ sentence │ text" + String(repeating: " ", count: TextWidth.of(Self.sentences[2]) - 4) + " │")
        // Every sentence whole: no width given (a pipe or a file).
        for s in Self.sentences { #expect(out.contains(s)) }
    }

    @Test func narrowTerminalTruncatesTheSentenceFirst() {
        let out = Renderer.render(Self.sentenceTable, RenderOptions(format: .table, width: 60))
        let lines = Self.lines(out)
        for line in lines { #expect(TextWidth.of(line) == 60, "\(line)") }
        #expect(lines[3] == "│ 10kGNAD_0 │        1 │ Größtenteils dürfte die Änderung… │")
        #expect(lines[4] == "│ 10kGNAD_1 │        2 │ Zuletzt hatte die Hamas im Jänne… │")
    }

    @Test func claimIdsAreNeverCut() {
        // A cut id cannot be pasted into `show`: other columns give way, then whole columns go.
        let table = ResultTable(["id", "doc", "object"], rows: [
            [.string("003_b3ede1b15ff85e9a:7"), .string("003_b3ede1b15ff85e9a"), .string("nordkoreanische Soldaten")],
        ])
        let lines = Self.lines(Renderer.render(table, RenderOptions(format: .table, width: 60)))
        #expect(lines[3].hasPrefix("│ 003_b3ede1b15ff85e9a:7 │ 003_b3ede"))
        #expect(lines[3].contains("…") && TextWidth.of(lines[3]) == 60)
        let narrow = Self.lines(Renderer.render(table, RenderOptions(format: .table, width: 30)))
        #expect(narrow[3] == "│ 003_b3ede1b15ff85e9a:7 │")
    }

    @Test func tooNarrowForAllColumnsLeavesOutTheLastAndSaysSo() {
        let table = ResultTable(["doc", "value", "object", "source"], rows: [
            [.string("003_b3ede1b15ff85e9a:c7"), .int(11000), .string("nordkoreanische Soldaten"), .string("südkoreanischer Geheimdienst NIS")],
        ])
        // Wide enough for every column cut to a few characters: text columns shrink, numbers never.
        let cut = Self.lines(Renderer.render(table, RenderOptions(format: .table, width: 60)))
        #expect(cut[3] == "│ 003_b3ede1b1… │ 11.000 │ nordkoreanisc… │ südkoreanisch… │")
        #expect(cut.allSatisfy { TextWidth.of($0) == 60 })
        let one = Self.lines(Renderer.render(table, RenderOptions(format: .table, width: 40)))
        #expect(one[3] == "│ 003_b3ede1b… │ 11.000 │ nordkoreani… │")
        #expect(one.last == "… 1 more column: source (use select, or a pipe to see all)")
        let out = Renderer.render(table, RenderOptions(format: .table, width: 24))
        let lines = Self.lines(out)
        #expect(lines.last == "… 2 more columns: object, source (use select, or a pipe to see all)")
        #expect(lines[3] == "│ 003_b3ede1… │ 11.000 │")
        #expect(TextWidth.of(lines[3]) == 24)
    }

    @Test func footerCountsTheRowsNotShown() {
        let rows: [[Value]] = (1...1300).map { [.int($0), .string("Reihe \($0)")] }
        let table = ResultTable(["n", "text"], rows: rows)
        let out = Renderer.render(table, RenderOptions(format: .table, maxRows: 40))
        let lines = Self.lines(out)
        #expect(lines.count == 4 + 40 + 1)
        #expect(lines.last == "… 1.260 more rows (set maxrows 0 or use a pipe to see all)")
        #expect(lines[lines.count - 3].hasPrefix("│ 40 │"))
        let plain = Renderer.render(table, RenderOptions(format: .table, maxRows: 1299, numbers: .plain))
        #expect(Self.lines(plain).last == "… 1 more row (set maxrows 0 or use a pipe to see all)")
        let all = Renderer.render(table, RenderOptions(format: .table))
        #expect(Self.lines(all).count == 4 + 1300)
        #expect(!all.contains("more row"))
    }

    @Test func numbersAreGermanAndRightAligned() {
        let table = ResultTable(["object", "value"], rows: [
            [.string("Soldaten"), .int(11000)], [.string("Prozent"), .number(1.5)], [.string("Euro"), .number(-1234567.25)],
            [.string("Pioniere"), .null],
        ])
        #expect(table.columns[1].kind == .number)
        let de = Self.lines(Renderer.render(table, RenderOptions(format: .table)))
        #expect(de[3] == "│ Soldaten │        11.000 │")
        #expect(de[4] == "│ Prozent  │           1,5 │")
        #expect(de[5] == "│ Euro     │ -1.234.567,25 │")
        #expect(de[6] == "│ Pioniere │               │")
        let plain = Self.lines(Renderer.render(table, RenderOptions(format: .table, numbers: .plain)))
        #expect(plain[3] == "│ Soldaten │       11000 │")
        #expect(plain[4] == "│ Prozent  │         1.5 │")
    }

    @Test func colourMarksHeadersNullAndConflicts() {
        let table = ResultTable(["doc", "value"], rows: [[.string("001"), .int(12000)], [.string("002"), .null]])
        let groups = [
            ResultGroup(header: "quantity soldiers: conflict (11.000–15.000)", fields: [], table: table,
                        notes: ["spread 1,36"], emphasis: true),
            ResultGroup(header: "date treaty: agree", fields: [], table: table),
        ]
        let coloured = Renderer.render(groups, RenderOptions(format: .table, color: true))
        #expect(coloured.hasPrefix("\u{1B}[1;31mquantity soldiers: conflict (11.000–15.000)\u{1B}[0m\n┌"))
        #expect(coloured.contains("\n\u{1B}[1mdate treaty: agree\u{1B}[0m\n┌"))
        #expect(coloured.contains("\u{1B}[2mNULL\u{1B}[0m"))
        #expect(coloured.contains("┘\nspread 1,36\n\n"))
        let plain = Renderer.render(groups, RenderOptions(format: .table))
        #expect(!plain.contains("\u{1B}"))
        #expect(plain.hasPrefix("quantity soldiers: conflict (11.000–15.000)\n┌"))
    }

    @Test func listsAreJoinedAndLineBreaksDoNotBreakTheBox() {
        let table = ResultTable(["claims", "text"], rows: [[.list([.int(12000), .int(14000)]), .string("Wien – Die Gewerkschaft\nGPA-djp")]])
        let lines = Self.lines(Renderer.render(table, RenderOptions(format: .table)))
        #expect(lines.count == 5)
        #expect(lines[3] == "│ [12000, 14000] │ Wien – Die Gewerkschaft GPA-djp │", "numbers in lists (spans) are not grouped")
        // A document cannot drive the terminal (clear screen, change title) through a cell.
        let hostile = ResultTable(["text"], rows: [["Pjöngjang\u{1B}[2J\u{1B}]0;pwned\u{7}"]])
        let out = Renderer.render(hostile, RenderOptions(format: .table, color: true))
        #expect(!out.contains("\u{1B}[2J") && !out.contains("\u{7}"))
        #expect(out.contains("Pjöngjang�[2J�]0;pwned�"))
    }

    @Test func absurdWidthsAndEmptyTablesStillDrawABox() {
        let tiny = Self.lines(Renderer.render(Self.sentenceTable, RenderOptions(format: .table, width: 3)))
        #expect(tiny[3] == "│ … │")
        #expect(tiny.last == "… 2 more columns: sentence, text (use select, or a pipe to see all)")
        let empty = Renderer.render(ResultTable(["doc", "value"]), RenderOptions(format: .table, width: 0, maxRows: 40))
        #expect(empty == "┌─────┬───────┐\n│ doc │ value │\n├─────┼───────┤\n└─────┴───────┘\n")
        #expect(Renderer.render(ResultTable(columns: []), RenderOptions(format: .table, width: 0)) == "┌┐\n│\n├┤\n└┘\n")
    }
}
