import Testing
@testable import ClaimKit

/// What a claim takes from its context: the time of its own clause, and an attribution made in
/// the next sentence ("Das teilte X mit."). Seed and 10kGNAD sentences.
@Suite struct ClaimContextTests {
    func claims(_ text: String) -> [Claim] {
        Pipeline.standard.annotate(Document(id: "t", date: "2016-01-15", text: text)).claims
    }

    func time(of valueText: String, in claims: [Claim]) -> String? {
        claims.first { $0.kind == .quantity && $0.valueText == valueText }?.time
    }

    @Test func aTimeBelongsToTheQuantitiesOfItsClause() {
        let seed = claims("Lee führte aus, nachdem Nordkorea im vergangenen Oktober bereits 11.000 Mann entsandt habe, habe Pjöngjang mittlerweile den Einsatz von 4000 weiteren nordkoreanischen Soldaten sowie 6000 Wiederaufbau-Kräften in Kursk zugesagt.")
        #expect(time(of: "11.000", in: seed) == "2015-10")
        #expect(time(of: "4000", in: seed) == nil)
        #expect(time(of: "6000", in: seed) == nil)
        let a = claims("Wurden von September bis November 2014 noch 888 Straftaten angezeigt, waren es während der großen Flüchtlingsbewegung im Herbst 2015 mit 728 Anzeigen deutlich weniger.")
        #expect(time(of: "888", in: a) == "2014-09/2014-11")
        #expect(time(of: "728", in: a) == "2015-09/2015-11")
        let b = claims("2013 verteilten 800 Volksschulen die Mitteilungshefte der Agentur, auf 17 der 56 Seiten wirbt ein Unternehmen.")
        #expect(time(of: "800", in: b) == "2013")
        #expect(time(of: "17", in: b) == nil)
    }

    @Test func aTimeInAClauseWithoutQuantitiesServesTheSentence() {
        let c = claims("Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten nach Russland entsandt, in diesem Jahr kamen weitere rund 3.000 hinzu.")
        #expect(time(of: "rund 11.000", in: c) == "2024-10/2024-12")
        #expect(time(of: "rund 3.000", in: c) == "2016")
    }

    @Test func dasTeilteXMitAttributesThePreviousSentence() {
        let seed = Pipeline.standard.annotate(Document(id: "t", text: "Nordkoreas Staatschef Kim Jong-un hat zugesagt, rund 6.000 spezialisierte Soldaten und Bauarbeiter in die Region Kursk zu entsenden. Das teilte die staatliche russische Nachrichtenagentur TASS am 17. Juni mit."))
        #expect(seed.claims.first { $0.valueText == "rund 6.000" }?.source == "TASS")
        for (text, source) in [
            ("Die Blüten hätten in Wien zum Preis des halben Nennwerts den Besitzer wechseln sollen. Das gab die Polizei am Freitag bekannt.", "Polizei"),
            ("Während des Besuchs von Papst Franziskus im kommunistischen Kuba sind mindestens 50 Dissidenten vorübergehend festgenommen worden. Das sagte der Sprecher der oppositionellen Kommission für Menschenrechte und Nationale Versöhnung (CCDHRN), Elizardo Sanchez, am Montag der Deutschen Presse-Agentur.", "Sprecher"),
        ] {
            let doc = Pipeline.standard.annotate(Document(id: "t", text: text))
            let first = doc.sentenceSource.first ?? nil
            #expect(first.map { doc.sources[$0].source.contains(source) } == true, "\(text.prefix(40))")
        }
    }

    @Test func aSentenceWithItsOwnSourceKeepsIt() {
        let doc = Pipeline.standard.annotate(Document(id: "t", text: "Laut Polizei wurden 20 Menschen verletzt. Das bestätigte die Rettung am Abend."))
        #expect(doc.sentenceSource.first.flatMap { $0 }.map { doc.sources[$0].source } == "Polizei")
    }
}
