import ClaimKit
import ClaimTestSupport
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
        let sameSentence = parts.map { c -> Claim in var c = c; c.sentence = 1; return c }
        let g = ClaimComparison(on: [ClaimField.named("aspect")!]).judge(key: [], claims: [sameSentence[0], sameSentence[1]])
        #expect(Reconciler(families: families).explain(g, in: sameSentence).found.filter { $0.target.doc == "t" }.isEmpty)
    }

    @Test func partsAreStatedTogether() {
        // 6.000 (sentence 1) + 5.000 (sentence 3) would make 11.000, but a report states the
        // parts of a sum together; 1.000 + 5.000 in one sentence do make a 6.000.
        let doc = [
            KurskClaims.make("a", 1, value: 11000, approx: .exact, cls: "soldiers", aspect: "sent", text: "t", phrase: "11.000 Soldaten", valueText: "11.000"),
            KurskClaims.make("b", 1, value: 6000, approx: .about, cls: "soldiers", aspect: "sent", text: "t", phrase: "rund 6.000 Soldaten", valueText: "rund 6.000"),
            KurskClaims.make("b", 3, value: 1000, approx: .exact, cls: "engineers", aspect: "sent", text: "t", phrase: "1.000 Sappeure", valueText: "1.000"),
            KurskClaims.make("b", 4, value: 5000, approx: .exact, cls: "workers", aspect: "sent", text: "t", phrase: "5.000 Bauarbeiter", valueText: "5.000"),
        ]
        var parts = doc
        parts[3].sentence = 3
        let g = ClaimComparison().judge(key: [], claims: [parts[0], parts[1]])
        let found = Reconciler(families: families).explain(g, in: parts).found.map(\.explanation)
        #expect(found == ["rund 6.000 (b) = 1.000 Sappeure + 5.000 Bauarbeiter (b)"])
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
        #expect(search.log[0] == "3000 (a): 0 candidates in 0 docs, 0 sums tried, none within 2 %")
    }

    @Test func unrelatedDocumentsAndPercentagesAreNotSummed() {
        func c(_ doc: String, _ n: Int, _ v: Double, unit: String? = nil, entities: [String]) -> Claim {
            var c = KurskClaims.make(doc, n, value: v, approx: .exact, cls: unit == nil ? "people" : "percent",
                                     entities: entities, text: "t", phrase: "p", valueText: Value.format(v))
            c.unit = unit
            c.sentence = 1
            return c
        }
        // Two articles about Vienna and one about Graz: 1.000 = 516 + 484 only within the story.
        let wien = ["Wien", "Österreich"], graz = ["Graz", "Steiermark"]
        let people = [c("a", 1, 1000, entities: wien), c("b", 1, 900, entities: wien), c("b", 2, 516, entities: wien),
                      c("b", 3, 484, entities: wien), c("g", 1, 600, entities: graz), c("g", 2, 300, entities: graz)]
        let g = ClaimComparison().judge(key: [], claims: Array(people.prefix(2)))
        let found = Reconciler().explain(g, in: people).found.map(\.explanation)
        #expect(found == ["1000 (a) = 516 + 484 (b)"])
        var graz900 = people
        graz900[2].entities = graz; graz900[3].entities = graz
        for i in 2...3 { graz900[i].doc = "g" }
        #expect(Reconciler().explain(g, in: graz900).found.isEmpty)
        // 18 % = 11,84 % + 6,16 % is arithmetic, not an explanation.
        let shares = [c("a", 1, 18, unit: "%", entities: wien), c("b", 1, 20, unit: "%", entities: wien),
                      c("b", 2, 11.84, unit: "%", entities: wien), c("b", 3, 6.16, unit: "%", entities: wien)]
        let p = ClaimComparison().judge(key: [], claims: Array(shares.prefix(2)))
        #expect(p.verdict == .conflict)
        #expect(Reconciler().explain(p, in: shares).found.isEmpty)
    }
}
