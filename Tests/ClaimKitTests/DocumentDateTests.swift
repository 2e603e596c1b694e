import Testing
@testable import ClaimKit

/// Document dates: metadata wins; otherwise inferred from the text and marked inferred.
/// 10kGNAD sentences: CC BY-NC-SA 4.0, quoted for testing.
@Suite struct DocumentDateTests {
    static func annotate(_ text: String, date: String? = nil, refdate: ReferenceDate? = nil) -> AnnotatedDocument {
        let pipeline = Pipeline(annotators: [SentenceAnnotator(), DocumentDateResolver(referenceDate: refdate),
                                             TimeAnnotator(referenceDate: refdate)])
        return pipeline.annotate(Document(id: "d", date: date, text: text))
    }

    static let seeds = Dictionary(uniqueKeysWithValues: SeedCorpus.documents().map {
        (String($0.id.prefix(3)), TimeAnnotatorTests.pipeline.annotate($0))
    })

    @Test func metadataDateIsKept() {
        let doc = Self.annotate("Nordkorea hatte im April 2025 Truppen entsandt.", date: "2025-06-19")
        #expect(doc.document.date == "2025-06-19")
        #expect(doc.document.dateInferred == false)
    }

    @Test func seedDatesAreInferredFromTheirText() {
        // 003 names 2024 only coarsely ("Mitte 2024", "2024") but dates "am 17. Juni" without a
        // year: it is from 2025, and 17 June is its latest date.
        #expect(Self.seeds["003"]?.document.date == "2025-06-17")
        #expect(Self.seeds["001"]?.document.date == "2025-04")
        #expect(Self.seeds["004"]?.document.date == "2024-06")
        // "ab Juli-August 2025" opens a coming period: the latest date reached is "bis März 2025".
        #expect(Self.seeds["000"]?.document.date == "2025-03")
        // Only "Frühjahr 2025" dates 2025: the year, no finer.
        #expect(Self.seeds["002"]?.document.date == "2025")
        #expect(Self.seeds.values.allSatisfy { $0.document.dateInferred })
    }

    @Test func relativeExpressionsUseTheInferredDate() {
        let times = Self.seeds["001"]?.times.map { "\($0.text)=\($0.value)" } ?? []
        #expect(times.contains("Ende letzten Jahres=2024-10/2024-12"))
        #expect(times.contains("in diesem Jahr=2025"))
        let seed003 = Self.seeds["003"]?.times.map { "\($0.text)=\($0.value)" } ?? []
        #expect(seed003.contains("Ende April=2025-04"))
    }

    @Test func bylineDateOfAnAgencyReport() {
        let doc = Self.annotate("Während des vergangenen Gaza-Krieges starben im Sommer 2014 mehr als 2.200 Palästinenser. (APA/dpa, 23.8.2015)")
        #expect(doc.document.date == "2015-08-23")
        #expect(doc.document.dateInferred)
    }

    @Test func datelineIsThePublicationDate() {
        // A dateline beats a later date in the text (a deadline) and is recorded as the basis.
        let doc = Self.annotate("Das EU-Parlament beschloss, dass die Roaming-Gebühren bis zum 15. Juni 2017 komplett entfallen sollen. Die Telekom hatte bereits Mitte Februar eine EU-Flat angekündigt. (APA, red, 1.4.2016)")
        #expect(doc.document.date == "2016-04-01")
        #expect(doc.document.extra["date_basis"] == "dateline")
        #expect(doc.times.first { $0.text == "Mitte Februar" }?.value == "2016-02")
        let byline = Self.annotate("Die Ermittlungen gegen den Banker könnten noch eineinhalb Jahre dauern, heißt es in Sofioter Justizkreisen. (Markus Bernath; 01.11.2015)")
        #expect(byline.document.date == "2015-11-01")
        // A date in a parenthesis that is a clause, not a dateline, is only a date of the text.
        let aside = Self.annotate("Der Vertrag (unterzeichnet von beiden Seiten am 3.4.2012) gilt weiter. Im März 2015 kam es zum Streit.")
        #expect(aside.document.date == "2015-03")
        #expect(aside.document.extra["date_basis"] == "text")
    }

    @Test func latestMonthOfTheLatestYear() {
        let doc = Self.annotate("Nachdem es im März 2015 durch die Äußerung der Verkaufschefin Unruhe gab. Noch im Dezember 2012 hatte der Dienst seinen Höhepunkt.")
        #expect(doc.document.date == "2015-03")
        let doc2 = Self.annotate("Elisabeth S. hat sich im Mai 2014 bei Tumulten beteiligt. Nach dem Vorfall 2014 war sie sich nicht sicher.")
        #expect(doc2.document.date == "2014-05")
    }

    @Test func plansAheadDoNotDateTheReport() {
        // "Ab 2018" opens a coming period; "bis 2023" lies far ahead of everything else.
        let doc = Self.annotate("Ab 2018 gilt eine zweijährige Anmeldefrist, die Beratung ist dann jährlich vorgesehen. Es sollte alles getan werden, um bis Ende 2016 wieder Konzerte möglich zu machen.")
        #expect(doc.document.date == "2016")
        let doc2 = Self.annotate("Ich bleibe bis Ende der Amtszeit 2018 und hoffe auf eine Wiederwahl bis 2023, erklärte das Stadtoberhaupt. Nachdem es im März 2015 Unruhe gab.")
        // Only the farthest year is dropped as a plan: a history of years is not walked back.
        #expect(doc2.document.date == "2018")
    }

    @Test func nothingDatedMeansNoDate() {
        let doc = Self.annotate("Ich hoffe, ich habe gestern nicht zu viele österreichische Fans verloren.")
        #expect(doc.document.date == nil)
        #expect(doc.document.dateInferred == false)
        #expect(doc.document.extra["date_basis"] == nil)
        #expect(doc.times.map(\.value) == ["XXXX-XX-XX"])
    }

    @Test func referenceDateGivesYearlessDaysTheirYear() {
        let text = "Das teilte TASS am 17. Juni mit. Ukrainische Streitkräfte waren Mitte 2024 erstmals dort eingedrungen."
        #expect(Self.annotate(text, refdate: ReferenceDate("2026-01-10")).document.date == "2026-06-17")
        #expect(Self.annotate(text).document.date == "2025-06-17")
        // The standard pipeline takes the session's refdate.
        let seed002 = SeedCorpus.documents().filter { $0.id.hasPrefix("002") }
        let resolved = Pipeline.standard.referenceDate(ReferenceDate("2025-06-19")).annotate(seed002)
        // 002 is inferred to be from 2025; the refdate lies inside that year and refines it.
        #expect(resolved.first?.document.date == "2025-06-19")
        #expect(resolved.first?.times.contains { $0.text == "vergangene Woche" && $0.value == "2025-W24" } == true)
        #expect(resolved.first?.times.contains { $0.text == "am Donnerstag" && $0.value == "2025-06-19" } == true)
        // Annotating again with a refdate redoes the inference (documents keep their inferred date).
        let again = Pipeline.standard.referenceDate(ReferenceDate("2025-06-19")).annotate(SeedCorpus.documents()[2])
        let inferredFirst = Pipeline.standard.annotate(SeedCorpus.documents()[2]).document
        #expect(inferredFirst.date == "2025")
        #expect(Pipeline.standard.referenceDate(ReferenceDate("2025-06-19")).annotate(inferredFirst).document.date == again.document.date)
        #expect(again.document.date == "2025-06-19")
        // A refdate outside the inferred period does not override what the text says.
        let seed004 = SeedCorpus.documents().filter { $0.id.hasPrefix("004") }
        #expect(Pipeline.standard.referenceDate(ReferenceDate("2025-06-19")).annotate(seed004).first?.document.date == "2024-06")
        // Without a document date at all, the reference date resolves relative expressions.
        let doc = Self.annotate("Die Verhandlungen begannen gestern.", refdate: ReferenceDate("2025-06-19"))
        #expect(doc.times.map(\.value) == ["2025-06-18"])
    }
}
