import ClaimKit
import ClaimTestSupport
import Testing

@Suite struct CompareTests {
    let claims = KurskClaims.all

    func interval(_ approx: Approx, _ v: Double, high: Double? = nil) -> ValueInterval? {
        ValueInterval(KurskClaims.make("x", 1, value: v, high: high, approx: approx, text: "t", phrase: "p", valueText: "v"))
    }

    @Test func intervalsPerApproximation() {
        #expect(interval(.exact, 12000) == ValueInterval(low: 12000, high: 12000))
        #expect(interval(.about, 11000) == ValueInterval(low: 9900, high: 12100))
        #expect(interval(.moreThan, 100) == ValueInterval(low: 100, high: .infinity, lowOpen: true, highOpen: true))
        #expect(interval(.atLeast, 100) == ValueInterval(low: 100, high: .infinity, highOpen: true))
        #expect(interval(.lessThan, 100) == ValueInterval(low: 0, high: 100, highOpen: true))
        #expect(interval(.upTo, 100) == ValueInterval(low: 0, high: 100))
        #expect(interval(.range, 25000, high: 30000) == ValueInterval(low: 25000, high: 30000))
        #expect(interval(.vague, 1000, high: 9999) == ValueInterval(low: 1000, high: 9999))
    }

    @Test func openEndsDoNotTouch() {
        let more = interval(.moreThan, 100)!, exact = interval(.exact, 100)!, least = interval(.atLeast, 100)!
        #expect(!more.overlaps(exact))
        #expect(least.overlaps(exact))
        #expect(!interval(.lessThan, 100)!.overlaps(exact))
        #expect(interval(.upTo, 100)!.overlaps(exact))
        #expect(interval(.about, 11000)!.overlaps(interval(.exact, 12000)!))
        #expect(!interval(.about, 11000)!.overlaps(interval(.about, 14000)!))
    }

    @Test func soldiersSentConflictAcrossFiveDocuments() throws {
        let groups = ClaimComparison().groups(claims)
        let sent = try #require(groups.first)
        #expect(sent.label == "quantity · soldiers · sent")
        #expect(sent.verdict == .conflict)
        #expect(sent.docs.count == 5)
        #expect(sent.min == .number(11000) && sent.max == .number(15000))
        #expect(sent.summary == "conflict (spread 1.36×, 5 docs)")
        // 12'000 (NIS) is compatible with "rund 11.000" (±10 %) but not with 14.000.
        let pairs = sent.conflictingPairs(limit: 100).map { Set([$0.0.id, $0.1.id]) }
        #expect(pairs.contains(Set([KurskClaims.d0 + ":1", KurskClaims.d1 + ":2"])))
        #expect(!pairs.contains(Set([KurskClaims.d1 + ":2", KurskClaims.d4 + ":1"])))
        #expect(sent.conflictingPairs(limit: 2).count == 2)
    }

    @Test func treatyDateConflictsAndUnkeyedClaimsAreLeftOut() throws {
        let groups = ClaimComparison().groups(claims)
        let treaty = try #require(groups.first { $0.value(of: "event") == "Abkommen unterzeichnen" })
        #expect(treaty.verdict == .conflict)
        #expect(treaty.min == .string("2024-06") && treaty.max == .string("2024-12"))
        #expect(treaty.label == "date · Abkommen unterzeichnen")
        #expect(treaty.spread == nil)
        let noClass = KurskClaims.make("z", 1, value: 5, text: "t", phrase: "p", valueText: "5")
        #expect(ClaimComparison().groups([noClass]).isEmpty)
    }

    @Test func verdictsAgreeAndSingle() {
        let groups = ClaimComparison().groups(claims)
        let verdicts = Dictionary(groups.map { ($0.label, $0.verdict) }, uniquingKeysWith: { a, _ in a })
        #expect(verdicts["quantity · engineers · planned"] == .single)
        // 6000 (002) and 5.000 (003) workers: exact and different → conflict; rund 6.000 soldiers stand alone.
        #expect(verdicts["quantity · workers · planned"] == .conflict)
        #expect(verdicts["quantity · soldiers · planned"] == .single)
        let agreeing = [KurskClaims.all[3], KurskClaims.all[13]] // rund 11.000 (001), 12'000 (004)
        #expect(ClaimComparison().groups(agreeing).first?.verdict == .agree)
        // Order: conflicts, then agreements, then singles.
        let order = groups.map(\.verdict)
        #expect(order == order.sorted { ($0 == .conflict ? 0 : $0 == .agree ? 1 : 2) < ($1 == .conflict ? 0 : $1 == .agree ? 1 : 2) })
    }

    /// The linear conflict test agrees with checking every pair of documents.
    @Test func linearConflictTestMatchesAllPairs() {
        // A fixed-seed generator: the same 300 cases on every run.
        struct LCG: RandomNumberGenerator {
            var state: UInt64 = 0x2545F4914F6CDD1D
            mutating func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state }
        }
        var rng = LCG()
        let approxes: [Approx] = [.exact, .about, .moreThan, .atLeast, .lessThan, .upTo, .range]
        for _ in 0..<300 {
            let claims = (0..<Int.random(in: 2...6, using: &rng)).map { n in
                KurskClaims.make("d\(Int.random(in: 0...2, using: &rng))", n, value: Double(Int.random(in: 1...6, using: &rng) * 10),
                                 high: nil, approx: approxes.randomElement(using: &rng), cls: "c", text: "t", phrase: "p", valueText: "v")
            }.map { c -> Claim in
                var c = c
                if c.approx == .range { c.high = (c.value ?? 0) + 10 }
                return c
            }
            let g = ClaimComparison().judge(key: [], claims: claims)
            if g.docs.count > 1 {
                #expect((g.verdict == .conflict) == !g.conflictingPairs(limit: 1).isEmpty, "\(claims.map { ($0.doc, ValueInterval($0)!.description) })")
            }
        }
    }

    @Test func differentUnitsDoNotConflict() {
        var eur = KurskClaims.make("a", 1, value: 5_000_000, approx: .exact, cls: "money", text: "t", phrase: "5 Mio. Euro", valueText: "5 Mio.")
        eur.unit = "EUR"
        var usd = KurskClaims.make("b", 1, value: 6_000_000, approx: .exact, cls: "money", text: "t", phrase: "6 Mio. Dollar", valueText: "6 Mio.")
        usd.unit = "USD"
        // Different units are different groups: each is a single.
        #expect(ClaimComparison().groups([eur, usd]).map(\.verdict) == [.single, .single])
        var eur2 = usd
        eur2.unit = "EUR"
        #expect(ClaimComparison().groups([eur, eur2]).first?.verdict == .conflict)
    }

    @Test func customKeyGroupsEveryClaim() {
        let groups = ClaimComparison(on: [ClaimField.named("class")!]).groups(claims.filter { $0.kind == .quantity })
        #expect(Set(groups.map(\.label)) == ["soldiers", "workers", "engineers"])
        #expect(groups.first { $0.label == "soldiers" }?.claims.count == 9)
    }

    @Test func diffOfTwoDocuments() {
        let diff = DocumentDiff(KurskClaims.d1, KurskClaims.d2, claims: claims)
        let byLabel = Dictionary(diff.entries.map { ($0.group.label, $0.status) }, uniquingKeysWith: { a, _ in a })
        #expect(byLabel["quantity · soldiers · sent"] == .shared)        // rund 11.000 vs 11.000
        #expect(byLabel["quantity · soldiers · additional"] == .conflict) // 25.000–30.000 and 3.000 vs 4000
        #expect(byLabel["date · Abkommen unterzeichnen"] == .onlyFirst)
        #expect(byLabel["quantity · workers · planned"] == .onlySecond)
        #expect(diff.entries.first?.status == .conflict)
    }
}
