import Testing
@testable import ClaimKit

private let numberAnnotator = NumberAnnotator(lexicon: .shared)
private let objectAnnotator = ObjectAnnotator(lexicon: .shared)

/// What each quantity of one sentence counts: number text → (object, class, aspect, inherited).
private struct O: Equatable, CustomStringConvertible {
    var object: String?, cls: String?, aspect: String?, inherited = false
    init(_ object: String?, _ cls: String?, _ aspect: String? = nil, inherited: Bool = false) {
        self.object = object; self.cls = cls; self.aspect = aspect; self.inherited = inherited
    }
    var description: String { "\(object ?? "-")/\(cls ?? "-")/\(aspect ?? "-")\(inherited ? " inherited" : "")" }
}

private func objects(_ text: String) -> [String: O] {
    var doc = AnnotatedDocument(document: Document(id: "t", text: text))
    doc.tokens = Tokenizer.tokenize(doc.bytes)
    doc.sentences = [Sentence(span: TextSpan(0, doc.bytes.count), tokens: 0..<doc.tokens.count)]
    numberAnnotator.annotate(&doc)
    objectAnnotator.annotate(&doc)
    var out: [String: O] = [:]
    for (k, n) in doc.numbers.enumerated() where n.role == .quantity {
        let m = doc.objects.first { $0.number == k }
        out[n.text] = O(m?.object, m?.cls, m?.aspect, inherited: m?.inherited ?? false)
    }
    return out
}

@Suite struct ObjectAnnotatorTests {
    @Test func headNounAfterAdjectives() {
        #expect(objects("Dies folgt auf den vorherigen Einsatz von 14.000 nordkoreanischen Soldaten in der Ukraine.")
            == ["14.000": O("Soldat", "soldiers", "sent")])
        #expect(objects("In Schätzungen wird von etwa 15.000 nordkoreanische Soldaten in Russland gesprochen.")
            == ["etwa 15.000": O("Soldat", "soldiers")])
        // 10kGNAD
        #expect(objects("Dazu kommen 32 genehmigte Staatsverträge und zwei Vereinbarungen mit den Bundesländern.")
            == ["32": O("Staatsvertrag", nil), "zwei": O("Vereinbarung", nil)])
        #expect(objects("Mit einem neuen Modell will man Einsteiger ansprechen, zwei neue Geräte der Cybershot-Reihe kommen dazu.")
            == ["zwei": O("Gerät", nil)])
    }

    @Test func lemmasAndClassesFromCompoundHeads() {
        #expect(objects("Kim hat beschlossen, 1.000 Sappeure nach Russland zu schicken, sowie 5.000 militärische Bauarbeiter.")
            == ["1.000": O("Sappeur", "engineers", "planned"), "5.000": O("Bauarbeiter", "workers", "planned")])
        #expect(objects("Nordkorea wird auch rund 1.000 Ingenieure und 5.000 technische Arbeiter in die Region Kursk entsenden.")
            == ["rund 1.000": O("Ingenieur", "engineers", "planned"), "5.000": O("Arbeiter", "workers", "planned")])
        #expect(objects("Pjöngjang habe den Einsatz von 6000 Wiederaufbau-Kräften zugesagt.")["6000"]?.cls == "workers")
        // 10kGNAD
        #expect(objects("Das Institut beschäftigt rund 500 Mitarbeiter.") == ["rund 500": O("Mitarbeiter", "workers")])
        #expect(objects("Sie hat als Reaktion auf die Räumung in Calais 300 Polizisten aufgeboten.")
            == ["300": O("Polizist", "police")])
        #expect(objects("Während des Gaza-Krieges starben im Sommer 2014 mehr als 2.200 Palästinenser und mehr als 70 Israelis.")
            == ["mehr als 2.200": O("Palästinenser", "people", "killed"), "mehr als 70": O("Israeli", "people", "killed")])
    }

    @Test func lemmatiserForNounsOutsideTheLexicon() {
        let lexicon = ObjectLexicon(lexicon: .shared)
        // Plurals from 10kGNAD counts ("in den vergangenen acht Spielen", "vier Wände", ...).
        let cases = ["Spielen": "Spiel", "Wände": "Wand", "Aufträge": "Auftrag", "Parteien": "Partei",
                     "Nachrichten": "Nachricht", "Unterschriften": "Unterschrift", "Kindergärten": "Kindergarten",
                     "Sätze": "Satz", "Turnieren": "Turnier", "Autoren": "Autor", "Geschichten": "Geschichte",
                     "Stunden": "Stunde", "Rennen": "Rennen", "Ärztinnen": "Ärztin", "Forderungen": "Forderung",
                     "Visits": "Visit", "Vereinbarungen": "Vereinbarung"]
        for (plural, lemma) in cases { #expect(lexicon.match(plural).lemma == lemma, "\(plural)") }
        #expect(lexicon.match("Motoren").cls == nil, "a short head such as Tor must not match inside a word")
    }

    @Test func truncatedCoordinatedCompounds() {
        #expect(objects("Insgesamt sollen seit August 2023 mehr als acht Millionen Artillerie- und Raketengeschosse nach Russland geliefert worden sein.")
            == ["mehr als acht Millionen": O("Geschoss", "munitions", "total")])
        // 10kGNAD
        #expect(objects("Mehr als 700 Mal haben die Mandatare ihre Forderungen in Gesetzes- und Entschließungsanträge gegossen.")["Mehr als 700"]?.object
            == "Mal")
        #expect(objects("Montagfrüh begann das Bundesheer damit, rund 100 Berufs- und Zeitsoldaten zu verlegen.")["rund 100"]
            == O("Soldat", "soldiers", "planned"))
        #expect(objects("Es wurden 40 Kampf- und Transportpanzer geliefert.") == ["40": O("Panzer", "weapons")])
    }

    @Test func mannCountsSoldiers() {
        #expect(objects("Lee führte aus, nachdem Nordkorea im vergangenen Oktober bereits 11.000 Mann entsandt habe.")
            == ["11.000": O("Mann", "soldiers", "sent")])
        #expect(objects("Pjöngjang könne seine Truppen in Gruppen von jeweils 10.000 bis 20.000 Mann aufteilen.")["10.000 bis 20.000"]?.cls
            == "soldiers")
    }

    @Test func elidedObjectIsInherited() {
        #expect(objects("Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten nach Russland entsandt, in diesem Jahr kamen weitere rund 3.000 hinzu.")
            == ["rund 11.000": O("Soldat", "soldiers", "sent"), "rund 3.000": O("Soldat", "soldiers", "additional", inherited: true)])
        #expect(objects("Bei den Gefechten wurden laut Lee etwa 600 nordkoreanische Soldaten getötet und tausende weitere verletzt.")
            == ["etwa 600": O("Soldat", "soldiers", "killed"), "tausende": O("Soldat", "soldiers", "wounded", inherited: true)])
        // 10kGNAD
        #expect(objects("Vergangenen Sommer lebten noch 180 Soldaten auf dem Areal, heute sind es noch 35.")["35"]
            == O("Soldat", "soldiers", inherited: true))
        #expect(objects("Von Seiten der SPÖ wurden insgesamt 114 Anfragen gestellt, von der ÖVP 50.")["50"]?.object == "Anfrage")
    }

    @Test func countNounNamesTheObject() {
        #expect(objects("Sollte dieser Plan umgesetzt werden, könnte die Gesamtzahl der nordkoreanischen Soldaten in Russland 40.000 übersteigen.")
            == ["40.000 übersteigen": O("Soldat", "soldiers", "total", inherited: true)])
        // 10kGNAD
        #expect(objects("Tianjin – Mehr als zwei Wochen nach den verheerenden Explosionen in der chinesischen Hafenstadt Tianjin ist die Zahl der Todesopfer auf 158 gestiegen.")["158"]
            == O("Todesopfer", "deaths", "killed", inherited: true))
        #expect(objects("Die Opferzahl stieg bis zum Abend auf 158.")["158"] == O("Opfer", "deaths", inherited: true))
        #expect(objects("Die Flüchtlingszahl lag im Vorjahr bei 90.000.")["90.000"] == O("Flüchtling", "refugees", inherited: true))
        #expect(objects("Die Zahl der Brandstiftungen stieg demnach von sechs auf 92.")
            == ["sechs": O("Brandstiftung", nil, inherited: true), "92": O("Brandstiftung", nil, inherited: true)])
    }

    @Test func aspects() {
        #expect(objects("Nordkorea bereitet die Entsendung von 25.000 bis 30.000 zusätzlichen Soldaten vor.")
            == ["25.000 bis 30.000": O("Soldat", "soldiers", "additional")])
        #expect(objects("Laut «Tagesschau» sind die ersten 1500 Soldaten bereits angekommen.") == ["1500": O("Soldat", "soldiers", "arrived")])
        #expect(objects("Südkoreas Geheimdienst gab im April an, dass etwa 600 Nordkoreaner an den Fronten gefallen sind.")
            == ["etwa 600": O("Nordkoreaner", "soldiers", "killed")])
        // 10kGNAD
        #expect(objects("Bei der Attacke auf das Krankenhaus waren in der Nacht mindestens 20 Menschen getötet worden.")
            == ["mindestens 20": O("Mensch", "people", "killed")])
        #expect(objects("Bei den Angriffen wurden demnach mindestens 691 Menschen verletzt.")
            == ["mindestens 691": O("Mensch", "people", "wounded")])
        #expect(objects("In dem Konflikt wurden in den vergangenen 30 Jahren etwa 45.000 Menschen getötet.")["etwa 45.000"]
            == O("Mensch", "people", "killed"))
        #expect(objects("Beim Hersteller hinter dem Spiel Angry Birds fallen weitere 260 Arbeitsplätze weg.")
            == ["260": O("Arbeitsplatz", "jobs", "additional")])
    }

    @Test func plannedVersusSent() {
        #expect(objects("Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten nach Russland entsandt.")["rund 11.000"]?.aspect == "sent")
        #expect(objects("Die USA entsenden 3.000 Soldaten nach Polen.")["3.000"]?.aspect == "sent")
        // 10kGNAD
        #expect(objects("Ziel war, pro Jahr 5.000 Mann auszubilden und dann wieder zurück nach Syrien zu schicken.")["5.000"]?.aspect
            == "planned")
        #expect(objects("Sein Argument: Österreich habe im Vorjahr 90.000 Asylwerber aufgenommen, heuer seien 37.500 vorgesehen.")["37.500"]
            == O("Asylwerber", "refugees", "planned", inherited: true))
    }

    @Test func killedAndWoundedOnlyCountBeings() {
        // 10kGNAD
        #expect(objects("Es gebe über 60 Vertragsverletzungsverfahren gegen Mitgliedstaaten, die die gemeinsamen Asylvorschriften verletzten.")["über 60"]?.aspect
            == nil)
        #expect(objects("Laut Rotem Kreuz starben 32 Menschen, 80 weitere wurden verletzt.")
            == ["32": O("Mensch", "people", "killed"), "80": O("Mensch", "people", "wounded", inherited: true)])
        #expect(objects("Bei einem Feuergefecht mit den Taliban wurden demnach drei der Insassen getötet.")["drei"]
            == O("Insasse", "people", "killed"))
    }

    @Test func unitsGiveTheClass() {
        // 10kGNAD
        #expect(objects("So hätten bereits 18 Prozent der Arbeiter einen All-in-Vertrag.") == ["18 Prozent": O("Arbeiter", "percent")])
        #expect(objects("Die VR-Brille kommt für 799 Dollar auf den Markt.") == ["799 Dollar": O(nil, "money")])
        #expect(objects("Wälder bedecken 30,6 Prozent der Landfläche.") == ["30,6 Prozent": O("Landfläche", "percent")])
        #expect(objects("Der Gazastreifen hat mit knapp 44 Prozent die höchste Arbeitslosenquote.") == ["knapp 44 Prozent": O(nil, "percent")])
    }

    @Test func vagueAmountsFindTheirNoun() {
        // 10kGNAD
        #expect(objects("In die Stadt haben sich zehntausende Menschen vor den Kämpfen geflüchtet.") == ["zehntausende": O("Mensch", "people")])
        #expect(objects("Mazedonien ist von der Balkanroute, auf der Zigtausende Flüchtlinge nach Europa kommen, betroffen.")
            == ["Zigtausende": O("Flüchtling", "refugees")])
        #expect(objects("Es kamen Hunderte von Menschen.") == ["Hunderte": O("Mensch", "people")])
    }
}
