import Testing
@testable import ClaimKit

/// Attribution on real sentences: the seeds and 10kGNAD (CC BY-NC-SA 4.0, Timo Block; test split),
/// copied into the tests.
@Suite struct SourceAnnotatorTests {
    let pipeline = Pipeline(annotators: [SentenceAnnotator(), EntityAnnotator(), SourceAnnotator(), ModalityAnnotator()])

    func annotate(_ text: String) -> AnnotatedDocument {
        pipeline.annotate(Document(id: "t", text: text))
    }

    /// The normalised source governing each sentence (nil: none).
    func sentenceSources(_ text: String) -> [String?] {
        let d = annotate(text)
        return d.sentenceSource.map { $0.map { d.sources[$0].source } }
    }

    func only(_ text: String) -> SourceMention? {
        let d = annotate(text)
        return d.sources.count == 1 ? d.sources[0] : nil
    }

    @Test func lautNamesTheSource() {
        let seed = only("Nordkorea wird ab Juli-August 2025 zusätzliche Truppen in die russische Region Kursk für Wiederaufbauarbeiten entsenden, laut südkoreanischen Geheimdienstinformationen.")
        #expect(seed?.source == "NIS")
        #expect(seed?.text == "laut südkoreanischen Geheimdienstinformationen")
        #expect(seed?.cue == "laut")
        #expect(only("Die Rennen werden laut ESPN online live gestreamt, während zusammengeschnittenes Material in einer Zusammenfassung im Fernsehen präsentiert wird.")?.source == "ESPN")
        #expect(only("Im Falle von Nissan wurden laut einem selbsternannten Anonymous-Mitglied übrigens keine Daten entwendet.")?.source
            == "selbsternannten Anonymous-Mitglied")
        #expect(only("Laut «Tagesschau» sind die ersten 1500 Soldaten bereits angekommen.")?.text == "Laut «Tagesschau»")
    }

    @Test func zufolgeTakesThePhraseBefore() {
        #expect(only("Insidern zufolge fordern die Gläubiger aber, dass Griechenland noch mehr Reformmaßnahmen in konkrete Gesetze gießt.")?.source == "Insidern")
        let m = only("Dem Digitalverband zufolge sind Verbraucher in vielen Fällen aufgeschlossen, was die Weiterverwendung von Daten aus den Autos betrifft.")
        #expect(m?.source == "Digitalverband")
        #expect(m?.text == "Dem Digitalverband zufolge")
        // A bare attribution noun names nobody.
        #expect(annotate("In diesem Jahr haben Schätzungen zufolge bisher etwa 150.000 Flüchtlinge Europa auf dem Seeweg erreicht.").sources.isEmpty)
    }

    @Test func nachAngabenForms() {
        #expect(only("Nach Informationen des südkoreanischen Geheimdienstes NIS wurden bereits 12'000 Soldaten zur Unterstützung im Ukraine-Konflikt entsandt.")?.source == "NIS")
        #expect(only("Nach Angaben der Polizei überschritten am Sonntagabend gegen 20.00 Uhr noch rund 350 Flüchtlinge die Grenze von Slowenien nach Österreich im steirischen Spielfeld.")?.source == "Polizei")
        // "nach X-Angaben": the first part of the compound.
        #expect(only("In den ersten 20 Tagen dieses Jahres sind nach Uno-Angaben schon mehr als 35.450 Migranten aus der Türkei nach Griechenland gekommen.")?.source == "UNO")
        #expect(only("Die Enthüllungen hatten die nach Polizeiangaben größten Proteste in der Geschichte der kleinen Inselrepublik ausgelöst.")?.source == "Polizei")
        // "nach ADJ Angaben": the place of the adjective.
        let seed = only("Nordkorea schickt nach südkoreanischen Angaben tausende weitere Soldaten zur Unterstützung Russlands in seinem Krieg gegen die Ukraine.")
        #expect(seed?.source == "Südkorea")
        #expect(seed?.text == "nach südkoreanischen Angaben")
        #expect(only("Bei einer Protestaktion östlich von Chan Junis erschoss die israelische Armee nach palästinensischen Angaben einen Palästinenser, in Hebron wurde eine 72-jährige Palästinenserin wegen eines mutmaßlichen Angriffsversuchs getötet.")?.source == "Palästina")
        // Not every "nach ... Informationen" is one.
        #expect(annotate("So zeigte sich Havranek (er ist jener Gerichtsgutachter, der einst wegen Befangenheit von der Causa Meinl abgezogen wurde) überzeugt, dass Exbankchef Wolfgang Kulterer auch noch Jahre nach seinem Ausscheiden Informationen aus der Bank bekommen habe.").sources.isEmpty)
        // "nach eigenen Angaben": the subject.
        #expect(only("Zwei Millionen Euro hat die FPÖ nach eigenen Angaben bereits in der ersten Phase investiert.")?.source == "FPÖ")
        #expect(only("München – Die mutmaßliche deutsche NSU-Rechtsterroristin Beate Zschäpe ist nach eigenen Angaben während ihres Untergrundlebens von ihrem Komplizen Uwe Böhnhardt geschlagen worden.")?.source == "Beate Zschäpe")
    }

    @Test func speakerAfterTheVerb() {
        let seed = only("„Nordkorea sendet weitere Truppen und liefert Waffen an Russland“, sagte der südkoreanische Abgeordnete Lee Seong Kweun am Donnerstag nach einem Geheimdienst-Briefing in Seoul vor Journalisten.")
        #expect(seed?.source == "Lee Seong-kweun")
        #expect(seed?.text == "sagte der südkoreanische Abgeordnete Lee Seong Kweun")
        let m = only("Für sie würden keine Visa mehr an der Grenze ausgestellt, teilte die türkische Botschaft in Bagdad am Sonntag mit.")
        #expect(m?.source == "türkische Botschaft")
        #expect(m?.cue == "teilte mit")
        #expect(only("Diese zweite und letzte Planungsstufe soll bis Sommer abgeschlossen sein und das Preisgericht aus dem verbliebenen halben Dutzend Vorschlägen einen Gewinner nominieren, sagt Andreas Baur von der Steuerungsgruppe zum STANDARD.")?.source
            == "Andreas Baur")
        #expect(only("Alle im Gemeinderat vertretenen Fraktionen hätten an einem Strang gezogen, sagte Bürgermeisterin Karin Baier (SPÖ).")?.source == "Karin Baier")
    }

    @Test func speakerBeforeTheVerb() {
        #expect(only("Einige Experten sagten, Pjöngjang könne seine Truppen in mehrere Gruppen von jeweils 10.000 bis 20.000 Mann aufteilen, um den Transport und die Koordinierung der Operationen zu erleichtern.")?.source == "Experten")
        #expect(only("Palästinensische Ärzte sagten, die Frau sei vermutlich bei strömendem Regen unbeabsichtigt vom Weg abgekommen.")?.source == "Palästinensische Ärzte")
        #expect(only("Sanitäter teilten später mit, ein 16-Jähriger befinde sich nach dem Angriff in einem ernsten Zustand.")?.source == "Sanitäter")
        // Perfect tense: the subject stands before the auxiliary.
        #expect(only("Das US-Aussenministerium hat die Anwesenheit nordkoreanischer Soldaten bestätigt.")?.source == "US-Außenministerium")
        // A place after the speaker is not part of the source.
        #expect(only("Ein Sprecher der Sicherheitsbehörden im Libanon erklärte, der Sunnit Al-Asir habe sich zuvor einer Gesichtsoperation unterzogen.")?.source
            == "Sprecher der Sicherheitsbehörden")
        // A sentence-initial adverbial is not the speaker.
        #expect(only("Zugleich sagte er, die Vorfälle müssten erst in Ruhe geklärt werden.") == nil)
        #expect(only("Als Grund gab der Konzern Sicherheitsbedenken an.")?.source == "Konzern")
        #expect(only("Ende April behauptete Russland, das Gebiet zurückerobert zu haben, nachdem ukrainische Streitkräfte Mitte 2024 erstmals dort eingedrungen waren.")?.source == "Russland")
    }

    @Test func objectsAfterTheSpeakerAreNotPartOfIt() {
        #expect(only("Die Militäraufklärung habe ergeben, dass die russische Luftwaffe damit nichts zu tun habe, sagte Riad Haddad dem Fernsehsender Rossija 24.")?.text
            == "sagte Riad Haddad")
        #expect(only("Merkel habe die Last auf sich genommen, um die Werte zu erfüllen, auf denen die Europäische Union aufbaut, sagte Nikolic der Zeitung Danas.")?.source
            == "Nikolic")
        #expect(annotate("Was heißt es also, wenn ein Asylwerber aus Syrien oder dem Irak angibt, die Matura gemacht zu haben?").sources.isEmpty)
    }

    @Test func wieAndSo() {
        #expect(only("Dieser sieht gegenseitige militärische Unterstützung im Falle eines Angriffs auf eines der beiden Länder vor, wie «ZDF» berichtet.")?.source == "ZDF")
        #expect(only("Über mögliche Spezifikationen kursieren verschiedene Angaben, wie Gizchina berichtet.")?.source == "Gizchina")
        #expect(only("Von der Erde aus lässt sich dieses Treiben nur schwer nachvollziehen, also will ein Gruppe von Hackern nun auf anderem Weg Transparenz in dieses Geschehen bringen, wie Wired berichtet.")?.source == "Wired")
        #expect(only("Ziel war, mögliche Partnerschaften zu besprechen, zu denen auch die Wiederherstellung der Region Kursk gehört, so TASS.")?.source == "TASS")
        #expect(only("Ob es Richtung Gabčíkovo gehe oder irgendwo anders hin, sei noch nicht abschließend geklärt, so Fico.")?.source == "Robert Fico")
        #expect(only("Hinzu kamen staatliche Integrationsprojekte, so der Forscher.")?.source == "Forscher")
    }

    @Test func aliasesNormalise() {
        let text = "„Der Staatspräsident der DVRK Kim Jong Un hat beschlossen, 1.000 Sappeure nach Russland zu schicken“, sagte der Sekretär des russischen Sicherheitsrates Sergei Schoigu, wie TASS berichtete"
        #expect(annotate(text).sources.map(\.source) == ["Sergej Schoigu", "TASS"])
        #expect(only("Südkoreas Geheimdienst gab im April an, dass etwa 600 Nordkoreaner an den russisch-ukrainischen Fronten gefallen sind.")?.source == "NIS")
        let yonhap = annotate("Das US-Außenministerium bezeichnet die jüngste Entwicklung und den Einsatz nordkoreanischer Arbeitskräfte und Truppen in Russland gegen die Ukraine als „äußerst besorgniserregend“, so die südkoreanische Nachrichtenagentur „ Yonhap “.")
        #expect(yonhap.sources.map(\.source) == ["US-Außenministerium", "Yonhap"])
        #expect(yonhap.sources.last?.text == "so die südkoreanische Nachrichtenagentur „ Yonhap “")
    }

    @Test func surnameAfterFullName() {
        let text = """
            „Nordkorea sendet weitere Truppen und liefert Waffen an Russland“, sagte der südkoreanische Abgeordnete Lee Seong Kweun am Donnerstag nach einem Geheimdienst-Briefing in Seoul vor Journalisten. \
            Bei den Gefechten wurden laut Lee etwa 600 nordkoreanische Soldaten getötet und tausende weitere verletzt.
            """
        #expect(sentenceSources(text) == ["Lee Seong-kweun", "Lee Seong-kweun"])
        let gnad = """
            Das Wichtigste ist, den Kindern möglichst schnell eine normale Struktur zu geben, sagt die Psychotherapeutin Barbara Preitler. \
            Wobei grundsätzlich mehr in die Schulpsychologie investiert werden sollte, sagt Preitler.
            """
        #expect(sentenceSources(gnad) == ["Barbara Preitler", "Barbara Preitler"])
    }

    @Test func reportedSpeechCarriesTheSpeaker() {
        let seed = """
            „Nordkorea sendet weitere Truppen und liefert Waffen an Russland“, sagte der südkoreanische Abgeordnete Lee Seong Kweun am Donnerstag nach einem Geheimdienst-Briefing in Seoul vor Journalisten.

            In der Vergangenheit habe diese Unterstützung „eine bedeutende Rolle bei Moskaus Bemühungen“ gespielt, die russische Grenzregion Kursk zurückzuerobern.

            Stationierung von nordkoreanischen Soldaten vielleicht im Juli oder August

            Tausende nordkoreanische Soldaten kämpften an der Seite der russischen Truppen in Kursk gegen die ukrainischen Einheiten, die schließlich zum Rückzug gezwungen wurden.
            """
        #expect(sentenceSources(seed) == ["Lee Seong-kweun", "Lee Seong-kweun", nil, nil])
        let gnad = """
            Man könne davon ausgehen, dass jedes Kind, das aus einem Kriegsgebiet geflüchtet ist, seelische Verletzungen davongetragen habe, sagte die Psychotherapeutin zum STANDARD. \
            Wie alle traumatisierten Menschen hätten auch Kinder ein hohes Ruhebedürfnis und würden viel Sicherheit brauchen. \
            Die Schule sei der ideale Rahmen, da hier Strukturen klar vorgegeben würden. \
            Trotzdem bräuchten Lehrer eine Art Basisschulung darin, was Pädagogen im Umgang mit traumatisierten Schülern vermeiden und was sie fördern sollen.
            """
        #expect(sentenceSources(gnad) == ["Psychotherapeutin", "Psychotherapeutin", "Psychotherapeutin", nil])
        let gnad2 = """
            Sanitäter teilten später mit, ein 16-Jähriger befinde sich nach dem Angriff in einem ernsten Zustand. \
            Zudem werde ein 18-Jähriger wegen leichter Verletzungen im Krankenhaus behandelt. \
            Das Grab der Patriarchen, darunter der jüdische Stammvater Abraham, ist sowohl den Juden als auch den Muslimen heilig.
            """
        #expect(sentenceSources(gnad2) == ["Sanitäter", "Sanitäter", nil])
    }

    @Test func indicativePastIsNoSubjunctive() {
        // "hatten" folds like "hätten" but is indicative: the reported passage ends.
        let text = """
            Bei den Gefechten wurden laut Lee etwa 600 nordkoreanische Soldaten getötet und tausende weitere verletzt. \
            Im vergangenen Jahr hatten Russland und Nordkorea ein Abkommen über eine „umfassende strategische Partnerschaft“ geschlossen, das auch eine Klausel zur gegenseitigen Verteidigung enthält.
            """
        #expect(sentenceSources(text) == ["Lee", nil])
    }

    @Test func impersonalSaying() {
        #expect(only("Würde das Objekt aufgeteilt, müssten Brandschutz und andere Auflagen neu und getrennt festgelegt werden, heißt es im ORF.")?.source == "ORF")
        #expect(only("In erster Linie ist man ein tödliches Raubtier, heißt es in einer Aussendung der Entwickler.")?.source
            == "Aussendung der Entwickler")
        #expect(only("Sollten weitere Anteile zu einem angemessenen Preis angeboten werden, ist Novomatic an einem Erwerb interessiert, heißt es in der Aussendung.")?.source
            == "Aussendung")
        #expect(only("Die Ermittlungen gegen den Banker könnten noch eineinhalb Jahre dauern, heißt es in Sofioter Justizkreisen.")?.source
            == "Sofioter Justizkreisen")
        // "hieß es" alone names no speaker.
        #expect(annotate("Die 72-Jährige habe versucht, Armeeangehörige mit ihrem Wagen zu rammen, hieß es.").sources.isEmpty)
    }

    @Test func pronounTakesThePreviousSpeaker() {
        let text = """
            Seit Beginn der Luftangriffe habe das russische Militär mehr als 900 Einsätze in Syrien geflogen, sagte Igor Konaschenkow vom Verteidigungsministerium. \
            Dabei seien mehr als 800 Ziele zerstört worden, sagte er dem TV-Sender RT.
            """
        #expect(sentenceSources(text) == ["Igor Konaschenkow", "Igor Konaschenkow"])
        let gnad = """
            Schäuble sagte in der Bild-Zeitung, dass die EU-Staaten der griechischen Bevölkerung helfen wollen. \
            Klar ist auch: Wir werden die Menschen in Griechenland nicht im Stich lassen, sagte er.
            """
        #expect(sentenceSources(gnad) == ["Wolfgang Schäuble", "Wolfgang Schäuble"])
    }

    @Test func objectFirstAndPassiveAreNoSpeakers() {
        let text = """
            Seinen Rücktritt gab er auf der großen Bühne aber (noch) nicht bekannt. \
            Als Kind wurde mir immer gesagt: Lass nie die Sonne über dem Zorn untergehen – manchmal gelingt mir das heute besser, manchmal schlechter.
            """
        #expect(annotate(text).sources.isEmpty)
        // After a speaker, "er" is that speaker.
        let pair = """
            Oberösterreichs ÖVP-Chef Josef Pühringer sagt, für seine Schlappe sei der Bund verantwortlich. \
            Seinen Rücktritt gab er auf der großen Bühne aber (noch) nicht bekannt.
            """
        #expect(sentenceSources(pair) == ["Josef Pühringer", "Josef Pühringer"])
    }

    @Test func noSourceWithoutCue() {
        let d = annotate("Die militärische Kooperation zwischen Russland und Nordkorea wurde im Juni 2024 durch einen Vertrag besiegelt. Kursk ist eine politisch entscheidende Region.")
        #expect(d.sources.isEmpty)
        #expect(d.sentenceSource == [nil, nil])
    }
}
