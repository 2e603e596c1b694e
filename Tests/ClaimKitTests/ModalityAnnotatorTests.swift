import Testing
@testable import ClaimKit

/// Sentence modality on real sentences: the seeds and 10kGNAD (CC BY-NC-SA 4.0, Timo Block; test
/// split), copied into the tests.
@Suite struct ModalityAnnotatorTests {
    let pipeline = Pipeline(annotators: [SentenceAnnotator(), EntityAnnotator(), SourceAnnotator(), ModalityAnnotator()])

    func modality(_ sentence: String) -> Modality? {
        let d = pipeline.annotate(Document(id: "t", text: sentence))
        return d.sentenceModality.count == 1 ? d.sentenceModality[0] : nil
    }

    @Test func assertedWithoutCues() {
        #expect(modality("Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten nach Russland entsandt, in diesem Jahr kamen weitere rund 3.000 hinzu.") == .asserted)
        #expect(modality("Die militärische Kooperation zwischen Russland und Nordkorea wurde im Juni 2024 durch einen Vertrag besiegelt.") == .asserted)
        #expect(modality("Bisher wurden zwei Reformpakete vom Parlament verabschiedet.") == .asserted)
        // "konnte" is indicative past, not the "könnte" of possibility.
        #expect(modality("Auch das vor allem auf professionelle Nutzer ausgerichtete iPad Pro konnte in seinen ersten Monaten Ende vergangenen Jahres den Absatz nicht groß stimulieren.") == .asserted)
    }

    @Test func reportedByAttributionOrHearsay() {
        #expect(modality("Laut «Tagesschau» sind die ersten 1500 Soldaten bereits angekommen.") == .reported)
        // A passive with "werden" is no plan.
        #expect(modality("Die Rennen werden laut ESPN online live gestreamt, während zusammengeschnittenes Material in einer Zusammenfassung im Fernsehen präsentiert wird.") == .reported)
        // "sollen ... worden sein" reports hearsay.
        #expect(modality("Insgesamt sollen seit August 2023 mehr als acht Millionen Artillerie- und Raketengeschosse nach Russland geliefert worden sein.") == .reported)
        #expect(modality("Mehrere hundert Menschen sollen seit Oktober 2014 getötet worden sein.") == .reported)
        #expect(modality("Während die Daten von Privatsendern teils massiv downgegradet wurden, sollen viele Zahlen des ORF geschönt worden sein.") == .reported)
    }

    @Test func plannedWithFutureOrIntent() {
        #expect(modality("Nordkorea wird ab Juli-August 2025 zusätzliche Truppen in die russische Region Kursk für Wiederaufbauarbeiten entsenden, laut südkoreanischen Geheimdienstinformationen.") == .planned)
        #expect(modality("Der Einsatz soll russische Kampftruppen für Frontaufgaben freisetzen.") == .planned)
        #expect(modality("Andriukaitis wird am Mittwoch zu einem zweitägigen Besuch nach Österreich kommen und Gespräche mit Gesundheitsministerin Sabine Oberhauser führen.") == .planned)
        #expect(modality("Lehrer sollen mehr über den Umgang mit traumatisierten Schülern erfahren.") == .planned)
        #expect(modality("Nordkoreas Staatschef Kim Jong-un hat zugesagt, rund 6.000 spezialisierte Soldaten und Bauarbeiter in die Region Kursk zu entsenden.") == .planned)
        // Verb-final: "... entsenden wird."
        #expect(modality("Südkoreanische Geheimdienste bestätigen, dass Nordkorea zusätzliches Militärpersonal in die russische Region Kursk entsenden wird.") == .planned)
    }

    @Test func passiveWithModalIsNoPlan() {
        #expect(modality("Der ukrainische General Syrsky meldet stabile Verteidigungspositionen bei Sumy, obwohl dringend Befestigungsanlagen gebaut werden müssen.") == .reported)
        #expect(modality("Was bei diesem Thema oft vergessen wird: Ein Mensch am Steuer trifft heute in Unfallsituationen oft keine Entscheidungen auf Basis hoher moralischer Überlegungen.") == .asserted)
    }

    @Test func estimated() {
        #expect(modality("In südkoreanischen, US-amerikanischen und ukrainischen Schätzungen wird von etwa 15.000 nordkoreanische Soldaten in Russland gesprochen.") == .estimated)
        #expect(modality("In diesem Jahr haben Schätzungen zufolge bisher etwa 150.000 Flüchtlinge Europa auf dem Seeweg erreicht.") == .estimated)
        #expect(modality("Neue Funktionen dürften eher Mangelware sein.") == .estimated)
    }

    @Test func possible() {
        #expect(modality("Sollte dieser Plan umgesetzt werden, könnte die Gesamtzahl der nordkoreanischen Soldaten in Russland 40.000 übersteigen.") == .possible)
        #expect(modality("Ihre Stationierung könne nach Einschätzung des südkoreanischen Geheimdienstes bereits im „Juli oder August“ erfolgen.") == .possible)
        #expect(modality("Das könnte Jailbreaker vor neue Hürden stellen.") == .possible)
        #expect(modality("Konferenzen wie jene in Wien könnten nur der Anstoß für weitere Angebote für Lehrer und Schüler sein.") == .possible)
    }

    @Test func denied() {
        #expect(modality("Als Russland im April erklärte, es habe Kursk zurückerobert, wies der Generalstab des ukrainischen Militärs diese Behauptung zurück und erklärte, seine Soldaten würden weiterhin innerhalb der russischen Grenzen kämpfen.") == .denied)
        #expect(modality("Aslan wies Kritik zurück, dass seine Studie nur sehr oberflächlich durchgeführt wurde.") == .denied)
        #expect(modality("In ihrer ersten Aussage hatte sie bestritten, in die Mordpläne des Nationalsozialistischen Untergrunds (NSU) eingeweiht gewesen zu sein.") == .denied)
        // "bestreiten" also means to contest a match; "wies ... hin" is no denial.
        #expect(modality("Bisher bestritt Klitschko 67 Profikämpfe, wovon er nur drei verlor.") == .asserted)
        #expect(modality("Ein Sprecher von Baden-Württembergs Verkehrsminister Winfried Hermann (Grüne) wies darauf hin, dass das Unfallrisiko durch verbesserte Fahrassistenz- und Sicherheitssysteme sinke.") != .denied)
    }
}
