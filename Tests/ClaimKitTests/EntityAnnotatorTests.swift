import Testing
@testable import ClaimKit

/// Entities on real sentences: the seeds and 10kGNAD (CC BY-NC-SA 4.0, Timo Block; test split),
/// copied into the tests.
@Suite struct EntityAnnotatorTests {
    let pipeline = Pipeline(annotators: [SentenceAnnotator(), EntityAnnotator()])

    func entities(_ text: String) -> [EntityMention] {
        pipeline.annotate(Document(id: "t", text: text)).entities
    }

    func names(_ text: String) -> [String] { entities(text).map(\.name) }

    @Test func inflectedAndAdjectiveFormsFindThePlace() {
        let seed = entities("Nordkorea schickt nach südkoreanischen Angaben tausende weitere Soldaten zur Unterstützung Russlands in seinem Krieg gegen die Ukraine.")
        #expect(seed.map(\.name) == ["Nordkorea", "Südkorea", "Russland", "Ukraine"])
        #expect(seed.map(\.text) == ["Nordkorea", "südkoreanischen", "Russlands", "Ukraine"])
        #expect(seed.allSatisfy { $0.type == .location })
        #expect(names("Am Dienstag meldete der steirische Fleisch- und Wursthersteller mit 269 Mitarbeitern und 276 Gläubigern ein Sanierungsverfahren ohne Eigenverwaltung in Graz an.")
            == ["Steiermark", "Graz"])
        #expect(names("In den ersten 20 Tagen dieses Jahres sind nach Uno-Angaben schon mehr als 35.450 Migranten aus der Türkei nach Griechenland gekommen.")
            == ["Türkei", "Griechenland"])
    }

    @Test func knownPeopleAndOrganisations() {
        let seed = entities("Diese militärische Zusammenarbeit ergibt sich aus dem im Juni 2024 unterzeichneten umfassenden strategischen Partnerschaftsabkommen zwischen Kim Jong-un und Wladimir Putin.")
        #expect(seed.map(\.name) == ["Kim Jong-un", "Wladimir Putin"])
        #expect(seed.allSatisfy { $0.type == .person })
        let gnad = entities("Außenminister Sebastian Kurz (ÖVP) hat das Urteil als Unrecht bezeichnet.")
        #expect(gnad.map(\.name) == ["Sebastian Kurz", "ÖVP"])
        #expect(gnad.map(\.type) == [.person, .organisation])
    }

    @Test func inflectionDoesNotMergeDifferentNames() {
        // "Hollande" is not an inflected "Holland"; "Standards" is no newspaper.
        let found = entities("Zuvor hatten Frankreichs Präsident François Hollande und UN-Generalsekretär Ban Ki Moon in Le Bourget eindringlich um ein Ja zu dem Vertrag geworben.")
        #expect(found.map(\.name).prefix(3) == ["Frankreich", "François Hollande", "Ban Ki-moon"])
        #expect(names("Ebenso gibt es Standards, wie Flüchtlinge in Gewahrsam oder Auffanglagern umgegangen werden soll: Zugang zu Nahrung, Unterkünfte und medizinischer Versorgung sind essentiell.").isEmpty)
    }

    @Test func namesAfterTitlesAndRoles() {
        #expect(entities("Alle im Gemeinderat vertretenen Fraktionen hätten an einem Strang gezogen, sagte Bürgermeisterin Karin Baier (SPÖ).")
            .filter { $0.type == .person }.map(\.name) == ["Karin Baier"])
        #expect(entities("Das Wichtigste ist, den Kindern möglichst schnell eine normale Struktur zu geben, sagt die Psychotherapeutin Barbara Preitler.")
            .map(\.name) == ["Barbara Preitler"])
        #expect(entities("Frage: Daimler-Chef Dieter Zetsche sagte vor kurzem, für ihn sei denkbar, dass man in Gemeinschaftsunternehmen mit Tech-Firmen wie Google Fahrzeuge entwickelt, die von der Autobranche dann gebaut werden.")
            .map(\.name) == ["Dieter Zetsche", "Google"])
    }

    @Test func surnameAloneAfterTheFullName() {
        let text = "Das Gericht solle klären, ob Check24 gegen das Gesetz des unlauteren Wettbewerbs verstößt, sagte Verbandspräsident Michael Heinz am Mittwoch. Verbraucherschutz darf im Internet nicht aufhören, sagte Heinz."
        let found = entities(text)
        #expect(found.map(\.name) == ["Michael Heinz", "Michael Heinz"])
        #expect(found.map(\.sentence) == [0, 1])
        #expect(found.last?.text == "Heinz")
    }

    @Test func commonNounsAreNoNames() {
        // Sentence-initial words, time expressions and noun phrases are not names.
        #expect(names("Gemeinsame Projekte").isEmpty)
        #expect(names("Ende April behauptete Russland, das Gebiet zurückerobert zu haben, nachdem ukrainische Streitkräfte Mitte 2024 erstmals dort eingedrungen waren.") == ["Russland", "Ukraine"])
        #expect(names("Dieses Gebiet war bei früheren Gegenoffensiven Schauplatz heftiger Kämpfe zwischen Russland und der Ukraine.")
            == ["Russland", "Ukraine"])
    }
}
