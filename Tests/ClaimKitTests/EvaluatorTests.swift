import ClaimKit
import ClaimTestSupport
import Testing

@Suite struct EvaluatorTests {
    let store = KurskClaims.store

    func ids(_ expr: String) throws -> [String] {
        try store.filtered(by: QueryParser.parse(expr)).map(\.id)
    }

    func short(_ expr: String) throws -> [String] {
        try ids(expr).map { String($0.prefix(3)) + ":" + String($0.split(separator: ":").last ?? "") }
    }

    @Test func numbersInGermanNotation() throws {
        #expect(try short("value >= 12.000") == ["000:1", "001:1", "003:4", "004:1"])
        #expect(try short("value = 12'000") == ["004:1"])
        #expect(try short("value between 10k and 12000 and class = soldiers") == ["001:2", "002:1", "004:1"])
        #expect(try short("value in (1.000, 5000)") == ["003:2", "003:3"])
        #expect(try short("high > value") == ["001:1"])
    }

    @Test func textIgnoresCaseAndUmlautSpelling() throws {
        let expected = try short("entities = Pjöngjang")
        #expect(expected == ["002:1", "002:2", "002:3"])
        #expect(try short("entities = pjongjang") == expected)
        #expect(try short("entities = Pjoengjang") == expected)
        #expect(try short("text ~ PJÖNGJANG and value < 5000") == ["002:2"])
        #expect(try short("class = SOLDIERS and aspect = additional") == ["001:1", "001:3", "002:2"])
        #expect(try short("object !~ soldat and kind = quantity") == ["002:1", "002:3", "003:2", "003:3"])
    }

    @Test func regexAndLists() throws {
        #expect(try short("text ~ /Sappeur|Pionier/") == ["003:2", "003:3"])
        #expect(try short("phrase ~ /^[\\d.']+ /") == ["000:1", "001:1", "002:1", "002:2", "002:3", "003:2", "003:3", "004:1"])
        #expect(try short("entities ~ kurs") == ["002:1", "002:2", "002:3", "003:1"])
        #expect(try short("class in (engineers, workers)") == ["002:3", "003:2", "003:3"])
        #expect(try short("class not in (soldiers) and kind = quantity") == ["002:3", "003:2", "003:3"])
    }

    @Test func nullsMatchOnlyIsNull() throws {
        #expect(try short("source is not null and kind = quantity") == ["001:2", "001:3", "002:1", "002:2", "002:3", "004:1"])
        // As in SQL, `!=` does not select claims without a source.
        #expect(try short("source != NIS") == ["002:1", "002:2", "002:3"])
        #expect(try ids("time is null and kind = date").isEmpty)
    }

    @Test func timeComparesIntervals() throws {
        #expect(try short("time = 2024") == ["000:2", "001:2", "001:4", "002:1", "004:2"])
        #expect(try short("time >= 2025") == ["001:3"])
        #expect(try short("time < 2024-10") == ["000:2", "004:2"])
        #expect(try short("time <= 2024-10") == ["000:2", "002:1", "004:2"])
        #expect(try short("time > 2024-10") == ["001:2", "001:3", "001:4"])
        #expect(try short("time between 2024-06 and 2024-10") == ["000:2", "002:1", "004:2"])
        #expect(try short("time ~ 2024-12/2025-02") == ["001:2", "001:3", "001:4"])
        #expect(try short("time in (2024-06, 2025)") == ["000:2", "001:3", "004:2"])
        // An interval claim: 2025-07/2025-08 is within 2025, starts after 2025-06, overlaps August.
        let c = KurskClaims.make("x", 1, value: 1, time: "2025-07/2025-08", text: "t", phrase: "p", valueText: "1")
        let one = ClaimStore([c])
        for (e, hit) in [("time >= 2025", true), ("time = 2025", true), ("time > 2025-06", true), ("time ~ 2025-08", true),
                         ("time = 2025-08", false), ("time < 2025-08", false), ("time <= 2025-08", true)] {
            #expect(try one.filtered(by: QueryParser.parse(e)).count == (hit ? 1 : 0), "\(e)")
        }
    }

    @Test func docPrefixAndPrecedence() throws {
        #expect(try short("doc = 003 and value > 5000") == ["003:1", "003:4"])
        #expect(try short("doc = 004 or doc = 003 and value > 5000") == ["003:1", "003:4", "004:1", "004:2"])
        #expect(try short("(doc = 004 or doc = 003) and value > 5000") == ["003:1", "003:4", "004:1"])
        #expect(try short("not (kind = quantity)") == ["000:2", "001:4", "004:2"])
    }

    @Test func tableRowsFilterAndSortByColumnName() throws {
        let t = ResultTable(["doc", "date", "claims", "title"], rows: [
            ["000", "2025-06-19", 3, "Nordkorea schickt Truppen"],
            ["001", "2025-05", 7, "Entsendung"],
            ["002", .null, 2, "Pjöngjang entsendet"],
        ])
        #expect(try t.filtered(by: QueryParser.parse("claims > 2")).rows.map { $0[0] } == ["000", "001"])
        #expect(try t.filtered(by: QueryParser.parse("date >= 2025-06")).rows.map { $0[0] } == ["000"])
        #expect(try t.filtered(by: QueryParser.parse("title ~ pjongjang")).rows.map { $0[0] } == ["002"])
        #expect(try t.sorted(by: [SortKey(field: "claims", descending: true, columns: 0..<6)]).rows.map { $0[0] } == ["001", "000", "002"])
        #expect(throws: QueryError("unknown field 'claim' (did you mean 'claims'?)", at: 0..<5)) {
            try t.filtered(by: QueryParser.parse("claim > 2"))
        }
    }

    @Test func sortPutsNullsLastAndIsStable() throws {
        let sorted = try ClaimTable.sorted(Array(store.claims), by: [SortKey(field: "value", descending: true, columns: 0..<1)])
        #expect(sorted.prefix(3).map(\.valueText) == ["25.000 bis 30.000", "15.000", "14.000"])
        #expect(sorted.suffix(3).allSatisfy { $0.kind == .date })
        let byTime = try ClaimTable.sorted(store.claims.filter { $0.time != nil }, by: [SortKey(field: "time", columns: 0..<1)])
        #expect(byTime.map(\.time) == ["2024-06", "2024-06", "2024-10", "2024-12", "2024-12", "2025"])
    }

    @Test func statisticsMedianBySelection() {
        let s = Statistics([14000, 11000, 11000, 15000, 12000])
        #expect(s.count == 5 && s.min == 11000 && s.max == 15000 && s.median == 12000 && s.sum == 63000)
        #expect(Statistics([4, 1, 3, 2]).median == 2.5)
        #expect(Statistics([]).median == nil)
        var v: [Double] = [5, 1, 4, 1, 5, 9, 2, 6]
        #expect(Statistics.select(&v, 0) == 1)
        #expect(Statistics.select(&v, 7) == 9)
        // Selection agrees with sorting on many orders, duplicates included.
        var seed: UInt64 = 42
        for n in 1...40 {
            var values: [Double] = (0..<n).map { _ in
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                return Double((seed >> 33) % 12)
            }
            let sorted = values.sorted()
            let expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
            #expect(Statistics(values).median == expected)
            let k = n / 3
            #expect(Statistics.select(&values, k) == sorted[k])
        }
    }

    @Test func distinctValuesForCompletion() {
        #expect(store.distinctValues(of: "class") == ["soldiers", "workers", "engineers"])
        #expect(store.distinctValues(of: "source") == ["NIS", "Lee Seong-kweun"])
        #expect(ClaimField.names.contains("value_text"))
    }
}
