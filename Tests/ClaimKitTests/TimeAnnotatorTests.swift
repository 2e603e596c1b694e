import Testing
@testable import ClaimKit

/// Time expressions and their TIMEX3-style values, on seed sentences and 10kGNAD sentences
/// (10kGNAD: CC BY-NC-SA 4.0, Timo Block; sentences quoted for testing).
@Suite struct TimeAnnotatorTests {
    static let pipeline = Pipeline(annotators: [SentenceAnnotator(), DocumentDateResolver(), TimeAnnotator(), EventAnnotator()])

    /// (text as written, value) of every time expression, the document dated `date`.
    static func times(_ text: String, date: String? = "2025-06-19", refdate: ReferenceDate? = nil) -> [String] {
        let pipeline = refdate == nil ? pipeline
            : Pipeline(annotators: [SentenceAnnotator(), DocumentDateResolver(referenceDate: refdate), TimeAnnotator(referenceDate: refdate)])
        let doc = pipeline.annotate(Document(id: "t", date: date, text: text))
        return doc.times.map { "\($0.text)=\($0.value)" }
    }

    static func types(_ text: String) -> [TimeType] {
        pipeline.annotate(Document(id: "t", date: "2025-06-19", text: text)).times.map(\.type)
    }

    @Test func monthAndYear() {
        #expect(Self.times("Die militärische Kooperation zwischen Russland und Nordkorea wurde im Juni 2024 durch einen Vertrag besiegelt.")
            == ["im Juni 2024=2024-06"])
        #expect(Self.times("Noch im Dezember 2012 hatte der Handy-Kurznachrichtendienst seinen Höhepunkt.") == ["im Dezember 2012=2012-12"])
        #expect(Self.times("Nachdem es im März 2015 durch die Äußerung der Verkaufschefin Unruhe gab.") == ["im März 2015=2015-03"])
    }

    @Test func dayAndMonthTakeTheYearOfTheDocumentDate() {
        #expect(Self.times("Das teilte die staatliche russische Nachrichtenagentur TASS am 17. Juni mit.") == ["am 17. Juni=2025-06-17"])
        #expect(Self.times("Nordkorea hatte den Einsatz von Soldaten in Russland erstmals am 28. April bekannt gegeben.")
            == ["am 28. April=2025-04-28"])
        // Without any date the year stays unknown, as in TIMEX3.
        #expect(Self.times("Das teilte TASS am 17. Juni mit.", date: nil) == ["am 17. Juni=XXXX-06-17"])
        #expect(Self.times("Wien – Sechs Kandidaten stehen am Stimmzettel für die Bundespräsidentenwahl am 24. April.", date: "2016-03-01")
            == ["am 24. April=2016-04-24"])
    }

    @Test func numericDates() {
        #expect(Self.times("Die Frist endete am 28.4.2025, sagte er.") == ["am 28.4.2025=2025-04-28"])
        #expect(Self.times("Gemeldet am 28.04.25 und am 2025-04-28.") == ["am 28.04.25=2025-04-28", "am 2025-04-28=2025-04-28"])
        #expect(Self.times("Fußball-Ergebnisse (APA, 5.9.2015) der EM-Qualifikation.") == ["5.9.2015=2015-09-05"])
        #expect(Self.times("Demgemäß werden Anleger am 20.11.2025 aus dem verbleibenden Kapitaleinsatz bedient.") == ["am 20.11.2025=2025-11-20"])
    }

    @Test func bareYearsInTimeContext() {
        #expect(Self.times("Dies gilt als Pjöngjangs aggressiver Schritt seit dem Ausbruch des Ukraine-Konflikts im Jahr 2022.")
            == ["im Jahr 2022=2022"])
        #expect(Self.times("Der Einsatz war Teil einer umfassenden strategischen Partnerschaft, die Kim 2024 mit Putin unterzeichnet hatte.")
            == ["2024=2024"])
        #expect(Self.times("In Syrien tobt seit 2011 ein Bürgerkrieg, der Millionen Menschen in die Flucht treibt.") == ["seit 2011=2011"])
        #expect(Self.times("Zschäpe, Mundlos und Böhnhardt waren 1998 aus Jena verschwunden.") == ["1998=1998"])
    }

    @Test func decades() {
        #expect(Self.times("Er spielt einen DDR-Spion wider Willen in den 1980er-Jahren.") == ["in den 1980er-Jahren=198"])
        #expect(Self.times("Im Gegensatz zu den meisten Gründern der 1990er-Jahre, die geldgetrieben waren.") == ["1990er-Jahre=199"])
    }

    @Test func yearsAcrossTheTurnOfTheYearAndClockTimes() {
        #expect(Self.times("Wien – Rund 33.900 Schüler haben 2013/14 nichtdeutschen muttersprachlichen Unterricht besucht.")
            == ["2013/14=2013/2014"])
        #expect(Self.times("Das geht aus der Bilanz der Tagung 2014/15 hervor.") == ["2014/15=2014/2015"])
        #expect(Self.times("Der Große Preis von Monaco startet an diesem Sonntag (14.00 Uhr/RTL und Sky).")
            == ["an diesem Sonntag=2025-06-22", "14.00 Uhr=T14:00"])
        #expect(Self.types("Die Sitzung beginnt um 15:30 Uhr.") == [.time])
    }

    @Test func countsAndIdentifiersAreNotYears() {
        #expect(Self.times("Insgesamt 2.000 Soldaten und 2000 Bauarbeiter wurden entsandt.").isEmpty)
        #expect(Self.times("Gemäß den UN-Resolutionen 1718, 1874 und 2270 ist es untersagt.").isEmpty)
        #expect(Self.times("Während des Krieges starben mehr als 2.200 Palästinenser.").isEmpty)
        #expect(Self.times("Kommentar (0)").isEmpty)
        #expect(Self.times("Zwar seien die EU-Richtlinie 2012/34/EU und ihre Vorgängerregeln umgesetzt.").isEmpty)
    }

    @Test func partsOfYearAreIntervals() {
        #expect(Self.times("Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten nach Russland entsandt.") == ["bis Ende 2024=2024-10/2024-12"])
        #expect(Self.times("Ukrainische Streitkräfte waren Mitte 2024 erstmals dort eingedrungen.") == ["Mitte 2024=2024-05/2024-08"])
        #expect(Self.times("Eine französische Militärintervention stoppte Anfang 2013 den Vormarsch der Islamisten.")
            == ["Anfang 2013=2013-01/2013-03"])
        #expect(Self.times("Die Dynamik beschleunigte sich seit Anfang 2015 kontinuierlich.") == ["seit Anfang 2015=2015-01/2015-03"])
        #expect(Self.times("im Rahmen des Ende letzten Jahres mit Russland unterzeichneten Abkommens")
            == ["Ende letzten Jahres=2024-10/2024-12"])
        #expect(Self.times("Das iPad Pro konnte in seinen ersten Monaten Ende vergangenen Jahres den Absatz nicht stimulieren.", date: "2016-04-02")
            == ["Ende vergangenen Jahres=2015-10/2015-12"])
    }

    @Test func monthRangesAndAlternatives() {
        #expect(Self.times("Nordkorea wird ab Juli-August 2025 zusätzliche Truppen entsenden.") == ["ab Juli-August 2025=2025-07/2025-08"])
        #expect(Self.times("Ihre Stationierung könne bereits im „Juli oder August“ erfolgen.") == ["im „Juli oder August“=2025-07/2025-08"])
        #expect(Self.times("Chinesische Reisende kamen in den Sommermonaten Juli und August.", date: "2015-09-01") == ["Juli und August=2015-07/2015-08"])
        #expect(Self.times("Die Migrationszahlen liegen erst für April bis Juni vor.", date: "2015-09-01") == ["April bis Juni=2015-04/2015-06"])
    }

    @Test func seasons() {
        #expect(Self.times("Kursk war bis zum Frühjahr 2025 teilweise von ukrainischen Truppen besetzt.") == ["bis zum Frühjahr 2025=2025-03/2025-05"])
        #expect(Self.times("Während des Gaza-Krieges starben im Sommer 2014 mehr als 2.200 Palästinenser.") == ["im Sommer 2014=2014-06/2014-08"])
        #expect(Self.times("Zuletzt wurde im Herbst 2014 das iPad Air 2 auf den Markt gebracht.") == ["im Herbst 2014=2014-09/2014-11"])
    }

    @Test func relativeExpressionsResolveAgainstTheDocumentDate() {
        #expect(Self.times("Lee führte aus, nachdem Nordkorea im vergangenen Oktober bereits 11.000 Mann entsandt habe.")
            == ["im vergangenen Oktober=2024-10"])
        #expect(Self.times("Nkurunziza hatte im vergangenen April angekündigt, anzutreten.", date: "2015-05-20") == ["im vergangenen April=2015-04"])
        #expect(Self.times("Auch der Besuch von Sergej Schoigu vergangene Woche in Pjöngjang könnte darauf hindeuten.")
            == ["vergangene Woche=2025-W24"])
        #expect(Self.times("Dennoch habe der Richter vergangene Woche keine Inhaftierung angeordnet.", date: "2016-01-05")
            == ["vergangene Woche=2015-W53"])
        #expect(Self.times("Im vergangenen Jahr hatten Russland und Nordkorea ein Abkommen geschlossen.") == ["Im vergangenen Jahr=2024"])
        #expect(Self.times("Nordkorea hatte rund 11.000 Soldaten entsandt, in diesem Jahr kamen weitere rund 3.000 hinzu.")
            == ["in diesem Jahr=2025"])
        #expect(Self.times("Im April bestätigte die nordkoreanische Führung erstmals die Truppenentsendungen.") == ["Im April=2025-04"])
        #expect(Self.times("Ich hoffe, ich habe gestern nicht zu viele Fans verloren, heute wird es besser.")
            == ["gestern=2025-06-18", "heute=2025-06-19"])
    }

    @Test func quartersHalvesAndYearWords() {
        #expect(Self.times("Laut RTR wurden im 3. Quartal 2015 nur mehr 857 Millionen SMS verschickt.") == ["im 3. Quartal 2015=2015-07/2015-09"])
        #expect(Self.times("Peter Filzmaier kam im ersten Halbjahr 2015 in Zeit im Bild zu Wort.") == ["im ersten Halbjahr 2015=2015-01/2015-06"])
        #expect(Self.times("Der Umsatz stieg im dritten Quartal deutlich.", date: "2015-11-03") == ["im dritten Quartal=2015-07/2015-09"])
        #expect(Self.times("Die EU-Defizitziele kann Österreich heuer nur unter Ausklammerung der Zusatzkosten erreichen.", date: "2016-02-10")
            == ["heuer=2016"])
        #expect(Self.times("Der Gewinn lag unter dem Wert im Vorjahr.", date: "2016-02-10") == ["im Vorjahr=2015"])
        #expect(Self.times("Die Reform soll bis zum Jahresende beschlossen werden.", date: "2016-02-10") == ["bis zum Jahresende=2016-10/2016-12"])
        #expect(Self.times("Die Ermittler arbeiten seit Jahren an dem Fall.") == ["seit Jahren=PXY"])
    }

    @Test func weekends() {
        // Monday 2025-06-16: the weekend just past; Thursday 2025-06-19: this week's.
        #expect(Self.times("Am Wochenende kam es zu Protesten.", date: "2025-06-16") == ["Am Wochenende=2025-W24-WE"])
        #expect(Self.times("Am Wochenende soll es regnen.", date: "2025-06-19") == ["Am Wochenende=2025-W25-WE"])
        #expect(Self.times("Der Costa Ricaner traf am vergangenen Wochenende beim 3:1.", date: "2015-09-22")
            == ["am vergangenen Wochenende=2015-W38-WE"])
        #expect(Self.times("Solche Grenzverletzungen kommen fast jedes Wochenende in Köln vor.") == ["jedes Wochenende=XXXX-WXX-WE"])
    }

    @Test func weekdaysAreTheLastSuchDayUpToTheDocumentDate() {
        // 2025-06-19 is a Thursday: agency style uses "am Donnerstag" for the day of publication.
        #expect(Self.times("sagte der südkoreanische Abgeordnete Lee Seong Kweun am Donnerstag vor Journalisten.")
            == ["am Donnerstag=2025-06-19"])
        #expect(Self.times("Katzian sagte am Montag bei einer Pressekonferenz in Wien.") == ["am Montag=2025-06-16"])
        #expect(Self.times("Ein erster Versuch der Sicherheitskräfte am Dienstag, die Geiseln zu befreien, scheiterte.", date: "2015-12-03")
            == ["am Dienstag=2015-12-01"])
        #expect(Self.times("Die Einigung kam Montag.", date: nil) == ["Montag=XXXX-WXX-1"])
    }

    @Test func durations() {
        #expect(Self.times("Schoigu habe etwa einen Monat vorher das Partnerland besucht.") == ["etwa einen Monat=P1M"])
        #expect(Self.times("Schoigu besucht Pjöngjang zum dritten Mal in fast drei Monaten.") == ["in fast drei Monaten=P3M"])
        #expect(Self.times("Die Fahrt wird nach drei Monaten in Zypern enden; sie dauert zwei Jahre.") == ["drei Monaten=P3M", "zwei Jahre=P2Y"])
        #expect(Self.types("Die Fahrt wird nach drei Monaten in Zypern enden.") == [.duration])
        // "vor" counts back from the document date.
        #expect(Self.times("Vor zwei Jahren begann das Umdenken.") == ["Vor zwei Jahren=2023"])
    }

    @Test func sets() {
        #expect(Self.times("Laut der WHO sterben auf Indiens Straßen jährlich mehr als 200.000 Menschen.") == ["jährlich=P1Y"])
        #expect(Self.times("Denn jeden Tag verschwindet in Rio de Janeiro ein Kind.") == ["jeden Tag=P1D"])
        #expect(Self.times("Der Markt ist jeden Montag geöffnet.") == ["jeden Montag=XXXX-WXX-1"])
        #expect(Self.types("Denn jeden Tag verschwindet ein Kind.") == [.set])
    }

    @Test func referenceDateResolvesDocumentsWithoutDate() {
        let ref = ReferenceDate("2025-06-19")
        #expect(Self.times("Schoigus Besuch vergangene Woche in Pjöngjang.", date: nil, refdate: ref) == ["vergangene Woche=2025-W24"])
        #expect(Self.times("Schoigus Besuch vergangene Woche in Pjöngjang.", date: nil) == ["vergangene Woche=XXXX-WXX"])
    }

    @Test func seedTimeValues() {
        let docs = SeedCorpus.documents().map { Self.pipeline.annotate($0) }
        let all = Set(docs.flatMap { $0.times.map { "\($0.text)=\($0.value)" } })
        for expected in ["ab Juli-August 2025=2025-07/2025-08", "ab Juli oder August 2025=2025-07/2025-08",
                         "seit Anfang 2024=2024-01/2024-03", "im Juni 2024=2024-06", "bis März 2025=2025-03",
                         "Ende letzten Jahres=2024-10/2024-12", "im April 2025=2025-04", "seit August 2023=2023-08",
                         "am 17. Juni=2025-06-17", "am 28. April=2025-04-28", "im vergangenen Oktober=2024-10",
                         "Im vergangenen Jahr=2024", "bis zum Frühjahr 2025=2025-03/2025-05"] {
            #expect(all.contains(expected), "missing \(expected)")
        }
    }
}
