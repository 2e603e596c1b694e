import Foundation
import Testing
@testable import ClaimKit

/// The columnar paths must give exactly what testing every claim gives.
@Suite struct ColumnarQueryTests {
    static let store: ClaimStore = {
        var corpus = Corpus()
        corpus.add(Pipeline(lexicon: .shared).annotate(SeedCorpus.documents()))
        return corpus.store
    }()

    func rowByRow(_ query: String) throws -> [String] {
        let e = try QueryParser.parse(query)
        let p = try Evaluator.compile(e, ClaimField.schema(for: Self.store))
        return Self.store.claims.filter(p).map(\.id)
    }

    func columnar(_ query: String) throws -> [String] {
        let rows = try ColumnarQuery(Self.store).rows(matching: try QueryParser.parse(query))
        return rows.map { Self.store.claims[Int($0)].id }
    }

    @Test func filtersAgreeWithTestingEveryClaim() throws {
        #expect(Self.store.count > 20)
        let queries = [
            "class = soldiers", "class = soldiers and value >= 10000", "value >= 10k or class = money",
            "not class = soldiers", "class != soldiers and kind = quantity", "source is null", "source is not null",
            "class in (soldiers, engineers)", "object ~ soldat", "time >= 2024", "doc = 002", "modality != asserted",
            "value between 1000 and 20000", "text ~ Kursk and value > 100", "approx = about or approx = more_than",
            "sentence <= 3", "high > 11000", "entities ~ kursk",
        ]
        var nonEmpty = 0
        for q in queries {
            let expected = try rowByRow(q)
            #expect(try columnar(q) == expected, "\(q)")
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty >= 12)
    }

    @Test func errorsAreTheSame() throws {
        for q in ["clas = soldiers", "value >= lots", "class = soldierz and value > 1"] {
            var rowError: String? = nil, columnError: String? = nil
            do { _ = try rowByRow(q) } catch { rowError = (error as? QueryError)?.message }
            do { _ = try columnar(q) } catch { columnError = (error as? QueryError)?.message }
            #expect(rowError != nil && rowError == columnError, "\(q)")
        }
    }

    @Test func groupsAgreeWithGroupingEveryClaim() throws {
        let query = ColumnarQuery(Self.store)
        let all = Array(0..<Int32(Self.store.count))
        for names in [["class"], ["class", "aspect"], ["doc"], ["source", "modality"]] {
            let fields = names.compactMap(ClaimField.named)
            let groups = try #require(query.groups(all, by: fields))
            var order: [[Value]] = []
            var members: [[Value]: [String]] = [:]
            for c in Self.store.claims {
                let k = fields.map { $0.get(c) }
                if members[k] == nil { order.append(k) }
                members[k, default: []].append(c.id)
            }
            #expect(groups.map(\.key) == order, "\(names)")
            #expect(groups.map { $0.rows.map { Self.store.claims[Int($0)].id } } == order.map { members[$0] ?? [] })
        }
        #expect(query.groups(all, by: [ClaimField.named("entities")].compactMap { $0 }) == nil)
        let valueField = try #require(ClaimField.named("value"))
        let values = try #require(query.numbers(valueField, all))
        #expect(values == Self.store.claims.compactMap(\.value))
        // Most frequent first, first seen on ties, nulls left out: counted claim by claim here.
        var counts: [String: Int] = [:]
        var seen: [String] = []
        for c in Self.store.claims {
            guard let cls = c.cls else { continue }
            if counts[cls] == nil { seen.append(cls) }
            counts[cls, default: 0] += 1
        }
        let expected = seen.enumerated().sorted { a, b in
            counts[a.element, default: 0] != counts[b.element, default: 0] ? counts[a.element, default: 0] > counts[b.element, default: 0] : a.offset < b.offset
        }.map(\.element)
        #expect(query.distinctValues(of: "class") == expected)
        #expect(Self.store.distinctValues(of: "class") == expected)
    }
}
