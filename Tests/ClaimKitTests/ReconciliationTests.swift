import ClaimKit
import Testing

@Suite struct ReconciliationTests {
    let claims = KurskClaims.all
    let families = ["soldiers": "personnel", "engineers": "personnel", "workers": "personnel"]

    func notes(_ label: String) -> [String] {
        let groups = ClaimComparison().groups(claims)
        guard let g = groups.first(where: { $0.label == label }) else { return [] }
        return Reconciler(families: families).explain(g, in: claims).found.map(\.explanation)
    }

    @Test func fourteenThousandIsElevenPlusThree() {
        let n = notes("quantity · soldiers · sent")
        #expect(n.contains("14.000 (000) = 11.000 Soldaten + 3.000 (001)"), "\(n)")
        // 15.000 = 11.000 + 4000 in one report (002): two terms beat three.
        #expect(n.contains("15.000 (003) = 11.000 Mann + 4000 weiteren nordkoreanischen Soldaten (002)"), "\(n)")
        // Planned sappers and builders are not part of the soldiers already sent.
        #expect(!n.contains { $0.contains("Sappeure") || $0.contains("Militärbauarbeiter") }, "\(n)")
        #expect(n.count == 2)
    }

    @Test func aTermThatIsTheSumOfTheOthersIsNotCountedTwice() {
        let parts = [
            KurskClaims.make("t", 1, value: 12000, approx: .exact, cls: "soldiers", aspect: "planned", text: "t", phrase: "12.000 Soldaten", valueText: "12.000"),
            KurskClaims.make("u", 1, value: 6000, approx: .exact, cls: "soldiers", aspect: "planned", text: "t", phrase: "6.000 Soldaten", valueText: "6.000"),
            KurskClaims.make("u", 2, value: 5000, approx: .exact, cls: "workers", aspect: "planned", text: "t", phrase: "5.000 Bauarbeiter", valueText: "5.000"),
            KurskClaims.make("u", 3, value: 1000, approx: .exact, cls: "engineers", aspect: "planned", text: "t", phrase: "1.000 Sappeure", valueText: "1.000"),
        ]
        let g = ClaimComparison(on: [ClaimField.named("aspect")!]).judge(key: [], claims: [parts[0], parts[1]])
        #expect(Reconciler(families: families).explain(g, in: parts).found.filter { $0.target.doc == "t" }.isEmpty)
    }

    @Test func sixThousandIsSappersPlusBuildersInTheSameDocument() {
        let n = notes("quantity · workers · planned")
        #expect(n.contains("6000 (002) = 1.000 Sappeure + 5.000 Militärbauarbeiter (003)"), "\(n)")
        let groups = ClaimComparison(on: [ClaimField.named("aspect")!]).groups(claims)
        let planned = groups.first { $0.label == "planned" }!
        let found = Reconciler(families: families).explain(planned, in: claims).found
        let six = found.first { $0.target.id == KurskClaims.d3 + ":1" }
        #expect(six?.explanation == "6.000 (003) = 1.000 Sappeure + 5.000 Militärbauarbeiter (003)")
        #expect(six?.termsInTargetDocument == true)
    }

    @Test func classesOutsideTheFamilyAreNotAdded() {
        let money = [
            KurskClaims.make("a", 1, value: 3000, approx: .exact, cls: "money", aspect: "sent", text: "t", phrase: "3000 Euro", valueText: "3000"),
            KurskClaims.make("b", 1, value: 1000, approx: .exact, cls: "money", aspect: "sent", text: "t", phrase: "1000 Euro", valueText: "1000"),
            KurskClaims.make("b", 2, value: 2000, approx: .exact, cls: "soldiers", text: "t", phrase: "2000 Soldaten", valueText: "2000"),
        ]
        let g = ClaimComparison().groups(money).first!
        #expect(g.verdict == .conflict)
        let search = Reconciler(families: families).explain(g, in: money)
        #expect(search.found.isEmpty)
        #expect(search.log.count == 2)
        #expect(search.log[0].hasPrefix("3000 (a): 1 candidates in 1 docs, 0 sums tried"))
    }
}
