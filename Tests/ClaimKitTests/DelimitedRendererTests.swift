import Testing
@testable import ClaimKit

/// tsv and csv as another program reads them.
@Suite struct DelimitedRendererTests {
    // 10kGNAD (CC BY-NC-SA 4.0): a sentence with a comma and quotes.
    static let quoted = "Die Gewerkschaft GPA-djp lanciert den \"All-in-Rechner\" und findet, dass die Vertragsform auf die Führungsebene beschränkt gehört."

    @Test func tsvEscapesWhatWouldBreakLinesAndFields() {
        let table = ResultTable(["doc", "value", "text", "span"], rows: [
            [.string("wien"), .int(11200), .string("Wien – 11.200 Euro\tSchmerzengeld\nfordert C:\\temp"), .list([.int(0), .int(52)])],
            [.string("gaza"), .number(1.5), .null, .list([])],
        ])
        let out = Renderer.render(table, RenderOptions(format: .tsv))
        #expect(out == """
            doc\tvalue\ttext\tspan
            wien\t11200\tWien – 11.200 Euro\\tSchmerzengeld\\nfordert C:\\\\temp\t0; 52
            gaza\t1.5\t\t

            """)
        // Every line has as many fields as the header.
        #expect(out.split(separator: "\n").allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 4 })
    }

    @Test func csvQuotesPerRFC4180WithCRLF() {
        let table = ResultTable(["doc", "value", "text"], rows: [
            [.string("allin"), .int(18), .string(Self.quoted)],
            [.string("zeile"), .number(1000.25), .string("erste Zeile\nzweite Zeile")],
            [.string("leer"), .null, .string("")],
        ])
        let out = Renderer.render(table, RenderOptions(format: .csv))
        #expect(out == "doc,value,text\r\n"
            + "allin,18,\"Die Gewerkschaft GPA-djp lanciert den \"\"All-in-Rechner\"\" und findet, dass die Vertragsform auf die Führungsebene beschränkt gehört.\"\r\n"
            + "zeile,1000.25,\"erste Zeile\nzweite Zeile\"\r\n"
            + "leer,,\r\n")
    }

    @Test func groupsBecomeBlocksInTsvAndAGroupColumnInCsv() {
        let a = ResultTable(["doc", "value"], rows: [[.string("000"), .int(14000)], [.string("003"), .int(11000)]])
        let b = ResultTable(["doc", "value", "source"], rows: [[.string("004"), .int(6000), .string("NIS")]])
        let groups = [
            ResultGroup(header: "quantity soldiers: conflict", fields: [], table: a, notes: ["spread 1.27"]),
            ResultGroup(header: "quantity builders, \"Bau\"", fields: [], table: b),
        ]
        #expect(Renderer.render(groups, RenderOptions(format: .tsv)) == """
            # quantity soldiers: conflict
            doc\tvalue
            000\t14000
            003\t11000
            # spread 1.27

            # quantity builders, "Bau"
            doc\tvalue\tsource
            004\t6000\tNIS

            """)
        #expect(Renderer.render(groups, RenderOptions(format: .csv)) == "group,doc,value,source\r\n"
            + "quantity soldiers: conflict,000,14000,\r\n"
            + "quantity soldiers: conflict,003,11000,\r\n"
            + "\"quantity builders, \"\"Bau\"\"\",004,6000,NIS\r\n")
    }
}
