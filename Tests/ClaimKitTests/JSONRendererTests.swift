import Foundation
import Testing
@testable import ClaimKit

/// json and jsonl as `jq` or a JSON parser reads them.
@Suite struct JSONRendererTests {
    static let table = ResultTable(["id", "value", "approx", "text", "span", "certain"], rows: [
        [.string("003:c1"), .int(11000), .null,
         .string("Katzian (SPÖ) sagte: \"All-in\" \\ Überstunden\n\tneu\u{1}"), .list([.int(0), .int(52)]), .bool(true)],
        [.string("003:c2"), .number(1.5), .string("rund"), .string("Jänner"), .list([]), .bool(false)],
        [.string("003:c3"), .number(.infinity), .null, .string(""), .null, .null],
    ])

    @Test func jsonIsOneArrayWithTypedValues() throws {
        let out = Renderer.render(Self.table, RenderOptions(format: .json))
        #expect(out.hasPrefix("[{\"id\":\"003:c1\",\"value\":11000,\"approx\":null,"))
        #expect(out.contains("\"text\":\"Katzian (SPÖ) sagte: \\\"All-in\\\" \\\\ Überstunden\\n\\tneu\\u0001\""))
        #expect(out.contains("\"value\":1.5,"))
        #expect(out.contains("\"value\":null,"), "infinity is not a JSON number")
        let parsed = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 3)
        #expect(parsed?[0]["text"] as? String == "Katzian (SPÖ) sagte: \"All-in\" \\ Überstunden\n\tneu\u{1}")
        #expect(parsed?[0]["value"] as? Int == 11000)
        #expect(parsed?[0]["span"] as? [Int] == [0, 52])
        #expect(parsed?[0]["approx"] is NSNull)
        #expect(parsed?[1]["certain"] as? Bool == false)
        #expect(parsed?[1]["value"] as? Double == 1.5)
    }

    @Test func jsonlIsOneObjectPerLine() throws {
        let out = Renderer.render(Self.table, RenderOptions(format: .jsonl))
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines.last == "")
        for line in lines.dropLast() {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
        #expect(Renderer.render(ResultTable(["id"]), RenderOptions(format: .jsonl)) == "")
        #expect(Renderer.render(ResultTable(["id"]), RenderOptions(format: .json)) == "[]\n")
    }

    @Test func groupsGiveTheirFields() throws {
        let rows = ResultTable(["doc", "value"], rows: [[.string("000"), .int(14000)]])
        let groups = [
            ResultGroup(header: "soldiers", fields: [("group", "quantity soldiers"), ("verdict", "conflict"),
                                                     ("min", .int(11000)), ("max", .int(15000)), ("spread", .number(1.3636)),
                                                     ("claims", .list(["000:c2", "003:c1"]))], table: rows),
            ResultGroup(header: "treaty", fields: [("group", "date treaty"), ("verdict", "single"), ("min", nil)], table: rows),
        ]
        let out = Renderer.render(groups, RenderOptions(format: .json))
        #expect(out == """
            [{"group":"quantity soldiers","verdict":"conflict","min":11000,"max":15000,"spread":1.3636,"claims":["000:c2","003:c1"]},
            {"group":"date treaty","verdict":"single","min":null}]

            """)
        let lines = Renderer.render(groups, RenderOptions(format: .jsonl)).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1] == "{\"group\":\"date treaty\",\"verdict\":\"single\",\"min\":null}")
    }
}
