import ClaimKit
import Foundation
import Testing
@testable import ClaimShell

/// `count by`, `stats ... by` and `claims where` run on the store's columns; their tables must
/// be the ones grouping and filtering claim by claim gives.
@Suite struct ColumnarCommandsTests {
    func table(_ session: Session, _ line: String) throws -> ResultTable? {
        guard case let .table(t) = try session.execute(line) else { return nil }
        return t
    }

    @Test func countStatsAndFilterMatchTheRowByRowAnswers() throws {
        let session = Session()
        session.loadSeeds()
        let claims = Array(session.corpus.store.claims)
        let cls = try #require(ClaimField.named("class"))
        let aspect = try #require(ClaimField.named("aspect"))

        let counted = try #require(try table(session, "count by class, aspect"))
        let expectedCounts = FrequencyOrder.sorted(
            ClaimSelection.grouped(claims, by: [cls, aspect]).map { $0.key + [Value.int($0.claims.count)] }, countColumn: 2)
        #expect(counted.rows == expectedCounts)
        #expect(counted.rows.count > 3)

        let stats = try #require(try table(session, "stats value by class"))
        let expectedStats = FrequencyOrder.sorted(ClaimSelection.grouped(claims, by: [cls]).map { g -> [Value] in
            g.key + StatsCommand.figures(Statistics(g.claims.compactMap(\.value)))
        }, countColumn: 1)
        #expect(stats.rows == expectedStats)
        // The claims without a class are dates: no values, so null figures, the sum too.
        #expect(stats.rows.last == [.null, .int(0), .null, .null, .null, .null, .null])

        let soldiers = try #require(try table(session, "count where class = soldiers and value >= 10000"))
        let expected = claims.filter { $0.cls == "soldiers" && ($0.value ?? 0) >= 10000 }.count
        #expect(soldiers.rows == [[.int(expected)]])
        #expect(expected > 0)
    }
}
