import ClaimKit
import Foundation
import ClaimTestSupport
import Testing
@testable import ClaimShell

@Suite struct QueryCommandTests {
    func tsv(_ line: String, _ session: Session = KurskClaims.session()) throws -> String {
        Renderer.render(try session.execute(line), RenderOptions(format: .tsv))
    }

    func json(_ line: String, _ session: Session = KurskClaims.session()) throws -> Any {
        let text = Renderer.render(try session.execute(line), RenderOptions(format: .json))
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func claimsWhereSortLimitSelect() throws {
        let out = try tsv("claims where class = soldiers and aspect = sent sort value desc, doc limit 3 select doc, value, approx, source")
        #expect(out == """
            doc\tvalue\tapprox\tsource
            003_b3ede1b15ff85e9a\t15000\tabout\t
            000_dbee2a27689250e2\t14000\texact\t
            004_37545d6c4a403162\t12000\texact\tNIS

            """)
    }

    @Test func claimsDefaultColumnsAndAllFieldsInJSON() throws {
        let header = try tsv("claims limit 0")
        #expect(header == "id\tkind\tvalue\tapprox\tobject\tclass\taspect\ttime\tsource\tmodality\tphrase\n")
        let s = KurskClaims.session()
        s.settings.format = .json
        let rows = try #require(try json("claims where doc = 004 and kind = quantity", s) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(Set(rows[0].keys) == Set(ClaimField.names))
        #expect(rows[0]["value"] as? Double == 12000)
        #expect(rows[0]["value_text"] as? String == "12'000")
        #expect(rows[0]["entities"] as? [String] == ["Ukraine"])
    }

    @Test func errorsPointIntoTheLine() {
        let s = KurskClaims.session()
        #expect(throws: ShellError("unknown field 'vaule' (did you mean 'value'?)", at: 13..<18)) {
            try s.execute("claims where vaule > 1000")
        }
        #expect(throws: ShellError("no claim with class 'soldires' (did you mean 'soldiers'?)", at: 23..<31)) {
            try s.execute("  claims where class = soldires")
        }
        #expect(throws: ShellError("unknown field 'clas' (did you mean 'class'?)", at: 9..<13)) {
            try s.execute("count by clas")
        }
        #expect(throws: ShellError("'class' is not numeric (numeric fields: sentence, value, high)", at: 6..<11)) {
            try s.execute("stats class")
        }
        #expect(throws: ShellError("no set 'trops' (did you mean 'troops'?)", at: 12..<17)) {
            _ = try s.execute("troops = claims where class = soldiers")
            _ = try s.execute("claims from trops")
        }
        #expect(throws: ShellError("unknown command 'cmopare' (did you mean 'compare'?)", at: 0..<7)) {
            try s.execute("cmopare")
        }
        #expect(throws: ShellError("no document '009'", at: 9..<12)) {
            try s.execute("diff 001 009")
        }
    }

    @Test func setsKeepClaimsForLaterCommands() throws {
        let s = KurskClaims.session()
        #expect(try tsv("troops = claims where class = soldiers and aspect = sent sort value", s) == "")
        #expect(s.diagnostics.last == "troops: 5 claims")
        #expect(try tsv("sets", s) == "name\tclaims\tdocs\ntroops\t5\t5\n")
        #expect(try tsv("claims from troops limit 2 select value_text", s) == "value_text\n11.000\n11.000\n")
        #expect(try tsv("count from troops by source", s) == "source\tcount\nNIS\t2\n\t2\nLee Seong-kweun\t1\n")
        let groups = try #require(try json("compare from troops", s) as? [[String: Any]])
        #expect(groups.count == 1 && groups[0]["verdict"] as? String == "conflict")
        #expect(throws: ShellError("only 'claims ...' can be kept in a set: NAME = claims [where EXPR] ...", at: 6..<11)) {
            try s.execute("bad = count")
        }
    }

    @Test func countStatsTop() throws {
        #expect(try tsv("count") == "count\n15\n")
        #expect(try tsv("count by kind, class where kind = quantity or kind = date") == """
            kind\tclass\tcount
            quantity\tsoldiers\t9
            date\t\t3
            quantity\tworkers\t2
            quantity\tengineers\t1

            """)
        #expect(try tsv("stats value where class = soldiers and aspect = sent") ==
                "count\tmin\tmedian\tmean\tmax\tsum\n5\t11000\t12000\t12600\t15000\t63000\n")
        #expect(try tsv("stats value by class where kind = quantity") == """
            class\tcount\tmin\tmedian\tmean\tmax\tsum
            soldiers\t9\t3000\t11000\t11222.2222\t25000\t101000
            workers\t2\t5000\t5500\t5500\t6000\t11000
            engineers\t1\t1000\t1000\t1000\t1000\t1000

            """)
        let bars = String(repeating: "█", count: 30)
        // Claims without a class (the three dates) are left out; 2 of 9 → 7 of 30 blocks.
        #expect(try tsv("top class 2") == "class\tcount\tbar\nsoldiers\t9\t\(bars)\nworkers\t2\t\(String(repeating: "█", count: 7))\n")
    }

    @Test func entitiesAndSources() throws {
        #expect(try tsv("entities where doc = 002 or doc = 004") == """
            entity\tclaims\tdocs
            Nordkorea\t4\t2
            Kursk\t3\t1
            Pjöngjang\t3\t1
            Russland\t1\t1
            Ukraine\t1\t1

            """)
        #expect(try tsv("sources") == "source\tclaims\tdocs\tsource_text\nLee Seong-kweun\t3\t1\tlaut Lee Seong-kweun\nNIS\t3\t2\tlaut NIS\n")
    }

    @Test func timelineDrawsMonthsOnOneAxis() throws {
        let out = try tsv("timeline where kind = date")
        #expect(out == """
            # timeline 2024-06 … 2024-12 — 3 claims, one column per month, | = January
            time\tdoc\tkind\taxis\twhat\tclaim
            2024-06\t000_dbee2a27689250e2\tdate\t█······\tAbkommen unterzeichnen\t000_dbee2a27689250e2:2
            2024-06\t004_37545d6c4a403162\tdate\t█······\tAbkommen unterzeichnen\t004_37545d6c4a403162:2
            2024-12\t001_0d1eacb0812e2af7\tdate\t······█\tAbkommen unterzeichnen\t001_0d1eacb0812e2af7:4

            """)
        let wide = try tsv("timeline where time is not null")
        #expect(wide.contains("\t█······|···········\t"))  // 2024-06 … 2025-12, January 2025 ticked
        #expect(wide.contains("\t·······████████████\t")) // "2025" covers the whole year
    }

    @Test func compareShowsConflictSpreadAndSums() throws {
        let out = try tsv("compare where class = soldiers and aspect = sent")
        #expect(out == """
            # quantity · soldiers · sent — conflict, explained by a sum (spread 1.36×, 5 docs)
            doc\tvalue\tapprox\ttime\tsource\tclaim
            000_dbee2a27689250e2\t14.000\texact\t\t\t000_dbee2a27689250e2:1
            001_0d1eacb0812e2af7\t11.000\tabout\t2024-12\tNIS\t001_0d1eacb0812e2af7:2
            002_2cc7b7632708e469\t11.000\texact\t2024-10\tLee Seong-kweun\t002_2cc7b7632708e469:1
            003_b3ede1b15ff85e9a\t15.000\tabout\t\t\t003_b3ede1b15ff85e9a:4
            004_37545d6c4a403162\t12'000\texact\t\tNIS\t004_37545d6c4a403162:1
            # sum: 14.000 (000) = 11.000 Soldaten + 3.000 (001)
            # sum: 15.000 (003) = 11.000 Mann + 4000 weiteren nordkoreanischen Soldaten (002)

            """)
        let explained = try tsv("compare --explain where class = soldiers and aspect = sent")
        #expect(explained.contains("# searched 14.000 (000): "))
        #expect(explained.contains("# no overlap: 000_dbee2a27689250e2:1 [14000, 14000] vs 001_0d1eacb0812e2af7:2 [9900, 12100]"))
    }

    @Test func compareJSONHasTheSpecFields() throws {
        let groups = try #require(try json("compare") as? [[String: Any]])
        let first = try #require(groups.first)
        #expect(Array(first.keys).sorted() == ["aspect", "claims", "class", "docs", "event", "explained", "group", "kind",
                                               "max", "min", "sources", "spread", "verdict"])
        #expect(first["group"] as? String == "quantity · soldiers · sent")
        #expect(first["verdict"] as? String == "conflict")
        #expect((first["spread"] as? Double).map { ($0 * 100).rounded() } == 136)
        #expect((first["claims"] as? [String])?.count == 5)
        #expect(first["event"] is NSNull)
        let treaty = try #require(groups.first { $0["event"] as? String == "Abkommen unterzeichnen" })
        #expect(treaty["min"] as? String == "2024-06" && treaty["max"] as? String == "2024-12")
        let out = try KurskClaims.session().execute("compare")
        guard case let .groups(g) = out else { Issue.record("compare gives groups"); return }
        #expect(g.filter(\.emphasis).count == g.filter { $0.header.contains("— conflict") }.count)
    }

    @Test func diffTwoDocuments() throws {
        let out = try tsv("diff 001 002")
        let headers = out.split(separator: "\n").filter { $0.hasPrefix("# ") }
        #expect(headers == [
            "# quantity · soldiers · additional — conflict",
            "# quantity · soldiers · sent — shared",
            "# date · Abkommen unterzeichnen — only 001",
            "# quantity · workers · planned — only 002",
        ])
        let groups = try #require(try json("diff 001 002") as? [[String: Any]])
        #expect(groups.map { $0["status"] as? String } == ["conflict", "shared", "only_first", "only_second"])
    }

    @Test func exportWritesEveryFormatAndRespectsSafe() throws {
        let s = KurskClaims.session()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimsh-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try s.execute("export \(dir)/s.jsonl where class = soldiers") == .none)
        let lines = try String(contentsOfFile: dir + "/s.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 9)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["class"] as? String == "soldiers" && first["time_text"] is NSNull)
        #expect(s.diagnostics.last == "wrote 9 claims to \(dir)/s.jsonl")
        _ = try s.execute("export \(dir)/d.csv where kind = date select id, time")
        #expect(try String(contentsOfFile: dir + "/d.csv", encoding: .utf8) ==
                "id,time\r\n000_dbee2a27689250e2:2,2024-06\r\n001_0d1eacb0812e2af7:4,2024-12\r\n004_37545d6c4a403162:2,2024-06\r\n")
        #expect(throws: ShellError("cannot tell the format of 'x.xlsx': use .jsonl, .json, .csv, .tsv or .md", at: 7..<13)) {
            try s.execute("export x.xlsx")
        }
        s.safe = true
        let path = "\(dir)/t.json"
        #expect(throws: ShellError("export writes a file, which --safe forbids", at: 7..<(7 + path.count))) {
            try s.execute("export \(path)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/t.json"))
    }

    /// Every analysis command's output is valid JSON in `json` format.
    @Test func everyOutputRendersAsJSON() throws {
        let s = KurskClaims.session()
        _ = try s.execute("troops = claims where class = soldiers")
        for line in ["claims", "claims select id, span, entities", "count by entities", "stats value by aspect", "top source",
                     "entities", "sources", "timeline", "timeline where value > 10 Mrd", "compare on doc", "compare --explain",
                     "diff 000 004", "sets", "claims from troops", "help fields"] {
            let out = try s.execute(line)
            if case .text = out { continue }
            for format in [OutputFormat.json, .jsonl] {
                let text = Renderer.render(out, RenderOptions(format: format))
                let chunks = format == .json ? [text] : text.split(separator: "\n").map(String.init)
                for chunk in chunks {
                    #expect((try? JSONSerialization.jsonObject(with: Data(chunk.utf8))) != nil, "\(line) as \(format): \(chunk.prefix(200))")
                }
            }
        }
    }

    @Test func helpDocumentsEveryFieldAndOperator() throws {
        let fields = try tsv("help fields")
        for f in ClaimField.all { #expect(fields.contains("\n\(f.name)\t\(f.type.rawValue)\t"), "\(f.name)") }
        guard case let .text(whereHelp) = try KurskClaims.session().execute("help where") else {
            Issue.record("help where gives text"); return
        }
        for op in ComparisonOperator.allCases { #expect(whereHelp.contains(op.rawValue), "\(op.rawValue)") }
        // The examples in `help fields` run.
        let s = KurskClaims.session()
        for f in ClaimField.all { _ = try s.execute(f.example) }
    }

    @Test func tableQueryFiltersAnyCommandsRowsByColumnName() throws {
        let s = KurskClaims.session()
        guard case let .table(docs) = try s.execute("docs") else { Issue.record("docs gives a table"); return }
        let out = try TableQuery.apply(" where claims >= 3 sort claims desc, id limit 2", offset: 4, to: docs)
        #expect(out.rows.map { $0[0] } == [.string(KurskClaims.d1), .string(KurskClaims.d3)])
        #expect(out.columns == docs.columns)
        #expect(throws: ShellError("unknown field 'claim' (did you mean 'claims'?)", at: 11..<16)) {
            _ = try TableQuery.apply(" where claim > 1", offset: 4, to: docs)
        }
        #expect(throws: ShellError("unexpected 'select' (expected limit, sort, where)", at: 5..<11)) {
            _ = try TableQuery.apply(" select id", offset: 4, to: docs)
        }
    }

    @Test func timelineOfCenturiesUsesYearColumns() throws {
        let s = Session()
        let claims = [("1830", 1), ("1913", 2), ("2024-06", 3), ("2031-06-24", 4)].map { t, n in
            KurskClaims.make("h", n, .date, time: t, event: "e", text: "t", phrase: t, valueText: t)
        }
        var d = AnnotatedDocument(document: Document(id: "h", text: "t"))
        d.claims = claims
        s.corpus.add([d])
        guard case let .groups(g) = try s.execute("timeline") else { Issue.record("timeline gives groups"); return }
        #expect(g[0].header == "timeline 1830-01 … 2031-06 — 4 claims, one column per 5 years, | = century")
        let axes = g[0].table.rows.compactMap { $0[3].stringValue }
        #expect(axes.allSatisfy { $0.count == 41 })
        // 1830–1834 first; 1900 starts the 15th column, 2000 the 35th; 2031 is in the last.
        #expect(axes[0] == "█·············|···················|······")
        #expect(axes[3] == "··············|···················|·····█")
    }
}

/// A loaded document without claims is still a value of `doc`: its exact id names it, not
/// the other documents it is a prefix of.
@Suite struct DocumentWithoutClaimsTests {
    @Test func anExactIdWithoutClaimsCountsZero() throws {
        let session = Session()
        session.add([Document(id: "x1", text: "Hier steht nichts Zählbares."),
                     Document(id: "x10", text: "Am Montag kamen 500 Menschen."),
                     Document(id: "x11", text: "Am Dienstag kamen 700 Menschen.")])
        func count(_ line: String) throws -> Value? {
            guard case let .table(t) = try session.execute(line) else { return nil }
            return t.rows.first?.first
        }
        #expect(try count("count where doc = x1") == .int(0))
        #expect(try count("count where doc in (x1, x10)") == .int(try #require(session.corpus.index(ofDocument: "x10")).map { session.corpus.claims(of: $0).count } ?? 0))
        #expect(throws: ShellError.self) { try session.execute("count where doc = x") }
    }
}

@Suite struct CompareInterruptTests {
    /// Ctrl-C stops `compare` between groups (the shell sets the flag `interruptCheck` reads).
    @Test func compareStopsWhenInterrupted() {
        let session = Session()
        session.loadSeeds()
        session.interruptCheck = { true }
        #expect(throws: ShellError("interrupted")) { try session.execute("compare") }
        session.interruptCheck = { false }
        #expect((try? session.execute("compare")) != nil)
    }
}

