import Testing
@testable import ClaimKit

/// markdown tables that GitHub renders as tables.
@Suite struct MarkdownRendererTests {
    @Test func pipesAreEscapedAndNumbersAlignRight() {
        let table = ResultTable(["doc", "value", "text"], rows: [
            [.string("a|b"), .int(17000), .string("Franzosen verteidigen 2:1-Führung | Benfica mit Abwehrsorgen")],
            [.string("c"), .number(1.5), .string("erste Zeile\nzweite \\ Zeile")],
            [.string("d"), .null, .null],
        ])
        #expect(Renderer.render(table, RenderOptions(format: .markdown)) == """
            | doc | value | text |
            | --- | ---: | --- |
            | a\\|b | 17.000 | Franzosen verteidigen 2:1-Führung \\| Benfica mit Abwehrsorgen |
            | c | 1,5 | erste Zeile<br>zweite \\\\ Zeile |
            | d |  |  |

            """)
        let plain = Renderer.render(table, RenderOptions(format: .markdown, numbers: .plain))
        #expect(plain.contains("| a\\|b | 17000 |"))
    }

    @Test func groupsAreHeadedSections() {
        let t = ResultTable(["doc", "value"], rows: [[.string("000"), .int(14000)]])
        let out = Renderer.render([ResultGroup(header: "soldiers: conflict", fields: [], table: t, notes: ["spread 1,36"])],
                                  RenderOptions(format: .markdown))
        #expect(out == "### soldiers: conflict\n\n| doc | value |\n| --- | ---: |\n| 000 | 14.000 |\n\nspread 1,36  \n")
    }
}
