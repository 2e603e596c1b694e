import Testing
@testable import ClaimKit

/// The corpus-level date prior: documents loaded together come from one period, so a document
/// dated only by the history or plans its text names is read in that period.
/// 10kGNAD sentences: CC BY-NC-SA 4.0, quoted for testing.
@Suite struct CorpusDatePriorTests {
    /// Closing sentences of real 10kGNAD articles with their datelines.
    static let datelines2015 = [
        "Jetzt haben wir dieses positive Ergebnis. (APA, 24.9.2015)",
        "Oktober gegen die Schweiz genießen sie Heimvorteil. (APA, 5.9.2015)",
        "Die Ermittlungen gegen den Banker könnten noch eineinhalb Jahre dauern, heißt es in Sofioter Justizkreisen. (Markus Bernath; 01.11.2015)",
    ]
    static let datelines2016 = [
        "Factorio ist das nächste vermeintlich kleine Spiel, das die große Welt begeistert – und das, obwohl es noch nicht einmal fertig ist. (Rainer Sigl, 9.3.2016)",
        "Wir müssen einen Abwärtstrend aufhalten, Rapid hatte nur einen Aussetzer. (APA, 18.3.2016)",
        "Eine schriftliche Anfrage bei Wehrschütz zum Thema interne Revision blieb vorerst ohne Reaktion. (fid, 7.3.2016)",
    ]
    /// The NSU trial (10kGNAD test:38): the only year written is 1998, the escape into hiding.
    static let zschaepe = "Zschäpe ist nach eigenen Angaben während ihres Untergrundlebens von ihrem Komplizen Uwe Böhnhardt geschlagen worden. In einer weiteren vor Gericht von ihrem Anwalt verlesenen Aussage berichtete sie am Mittwoch in München, das sei vor allem in der Anfangszeit nach dem Abtauchen der drei im Jahr 1998 passiert. Sie hatte im Dezember ihr bis dahin jahrelanges Schweigen gebrochen und im Jänner einen ersten Fragenkatalog des Oberlandesgerichts München beantwortet. Zschäpe, Mundlos und Böhnhardt waren 1998 aus Jena (Thüringen) verschwunden."
    /// Roaming fees (10kGNAD test:970): the latest date written is a deadline a year ahead.
    static let roaming = "Gebühren müssen bis 15. Juni 2017 komplett entfallen. Die Mobilfunkanbieter in Deutschland kommen den EU-Vorgaben in Sachen Roaming zuvor. Zum 19. April sollen die angepassten Tarife zunächst für Neukunden gelten, sagte ein Sprecher der dpa. Telefonica O2 will zum 30. April die Tagesoption EU Day Pack anbieten, bei der nur dann Kosten anfallen, wenn man sie auch tatsächlich nutzt. Die Telekom hatte bereits Mitte Februar eine EU-Flat für ihre MagentaMobil-Tarife angekündigt."

    static let pipeline = Pipeline(annotators: [SentenceAnnotator(), DocumentDateResolver(), TimeAnnotator()])

    static func batch(_ texts: [String], dates: [String?] = []) -> [AnnotatedDocument] {
        pipeline.annotate(texts.enumerated().map { i, t in
            Document(id: "d\(i)", date: i < dates.count ? dates[i] : nil, text: t)
        })
    }

    static func value(_ doc: AnnotatedDocument?, _ text: String) -> String? {
        doc?.times.first { $0.text == text }?.value
    }

    static func inferred(_ date: String, _ basis: DocumentDateBasis) -> Document {
        Document(id: date, date: date, dateInferred: true, text: "", extra: [DocumentDateBasis.key: basis.rawValue])
    }

    @Test func medianOfDatelinesAndMetadataDates() throws {
        let docs = [Self.inferred("2015-09-24", .dateline), Self.inferred("2015-11-01", .dateline),
                    Document(id: "m", date: "2016-03-07", text: ""),
                    Self.inferred("1998", .text), Self.inferred("2017-06-15", .text)]
        let prior = try #require(CorpusDatePrior(docs))
        // Guesses from the text ("1998", a deadline) do not vote.
        #expect(prior.date.iso == "2015-11-01")
        #expect(prior.support == 3)
        #expect(prior.contradicts(docs[3]))
        #expect(prior.contradicts(docs[4]))
        #expect(!prior.contradicts(Self.inferred("2016-05", .text)))
        // A dateline or metadata date far from the rest is kept: it does not rest on a guess.
        #expect(!prior.contradicts(Self.inferred("2012-01-02", .dateline)))
        #expect(!prior.contradicts(Document(id: "old", date: "1998-05-01", text: "")))
    }

    @Test func tooFewStrongDatesGiveNoPrior() {
        // Two datelines among 40 guessed dates: neither three documents nor a tenth of the batch.
        let docs = [Self.inferred("2015-09-24", .dateline), Self.inferred("2015-11-01", .dateline)]
            + (0..<38).map { Self.inferred(String(1980 + $0), .text) }
        #expect(CorpusDatePrior(docs) == nil)
        // In a small batch one of five is enough.
        #expect(CorpusDatePrior([Self.inferred("2025-06-19", .dateline)] + (0..<4).map { _ in Self.inferred("2010", .text) })?.date.iso == "2025-06-19")
        #expect(CorpusDatePrior((0..<5).map { _ in Self.inferred("2025", .text) }) == nil)
    }

    @Test func batchesThatSpanYearsAdmitMore() throws {
        let years = (2005...2015).map { Self.inferred("\($0)-06-01", .dateline) }
        let prior = try #require(CorpusDatePrior(years))
        #expect(prior.date.iso == "2010-06-01")
        // Two years from the median is inside a batch spread over a decade.
        #expect(!prior.contradicts(Self.inferred("2008", .text)))
        #expect(prior.contradicts(Self.inferred("1998", .text)))
    }

    @Test func historyInTheTextYieldsToThePeriodOfTheBatch() {
        let alone = Self.batch([Self.zschaepe]).first
        #expect(alone?.document.date == "1998")
        #expect(Self.value(alone, "im Dezember") == "1998-12")
        let loaded = Self.batch(Self.datelines2015 + [Self.zschaepe])
        let doc = loaded.last
        #expect(doc?.document.date == "2015")
        #expect(doc?.document.extra["date_basis"] == "corpus")
        // The silence was broken in December 2015; the flight into hiding stays in 1998.
        #expect(Self.value(doc, "im Dezember") == "2015-12")
        #expect(Self.value(doc, "im Jahr 1998") == "1998")
        #expect(loaded.prefix(3).map(\.document.date) == ["2015-09-24", "2015-09-05", "2015-11-01"])
    }

    @Test func aDeadlineAheadYieldsToThePeriodOfTheBatch() {
        let alone = Self.batch([Self.roaming]).first
        #expect(alone?.document.date == "2017-06-15")
        #expect(Self.value(alone, "Mitte Februar") == "2017-02")
        let doc = Self.batch(Self.datelines2016 + [Self.roaming]).last
        // The year-less days fall in 2016 with it; the deadline keeps its written year.
        #expect(doc?.document.date == "2016-04-30")
        #expect(Self.value(doc, "Mitte Februar") == "2016-02")
        #expect(Self.value(doc, "Zum 19. April") == "2016-04-19")
        #expect(Self.value(doc, "bis 15. Juni 2017") == "2017-06-15")
    }

    @Test func metadataDatesAreNeverChanged() {
        let docs = Self.batch(Self.datelines2016 + [Self.roaming, Self.zschaepe], dates: [nil, nil, nil, "2017-06-01"])
        #expect(docs[3].document.date == "2017-06-01")
        #expect(docs[3].document.dateInferred == false)
        #expect(Self.value(docs[3], "Mitte Februar") == "2017-02")
        #expect(docs[4].document.date == "2016")
    }

    @Test func seedsWithoutStrongDatesKeepTheirOwnGuesses() {
        let docs = SeedCorpus.documents()
        let alone = docs.map { Pipeline.standard.annotate($0).document.date }
        #expect(Pipeline.standard.annotate(docs).map(\.document.date) == alone)
        #expect(alone == ["2025-03", "2025-04", "2025", "2025-06-17", "2024-06"])
    }

    @Test func refdateServesAsThePeriodOfASingleDocument() {
        let pipeline = Pipeline(annotators: [SentenceAnnotator(), DocumentDateResolver(referenceDate: ReferenceDate("2016-02-10")),
                                             TimeAnnotator(referenceDate: ReferenceDate("2016-02-10"))])
        let doc = pipeline.annotate(Document(id: "z", text: Self.zschaepe))
        #expect(doc.document.date == "2016-02-10")
        #expect(doc.document.extra["date_basis"] == "refdate")
        #expect(Self.value(doc, "im Jänner") == "2016-01")
        #expect(Self.value(doc, "am Mittwoch") == "2016-02-10")
    }

    /// The prior a batch is read with is found before annotation (`Pipeline.corpusDatePrior`,
    /// from metadata dates and datelines on the bytes): it must be the prior the annotated
    /// documents' own dates and bases give, and a revised document must be what a fresh
    /// reading with that prior gives.
    @Test func thePriorFoundBeforeReadingIsTheOneTheReadingGives() throws {
        let texts = Self.datelines2015 + [Self.zschaepe, Self.roaming + " Im Dezember kamen rund 500 Besucher."]
        var docs = texts.enumerated().map { Document(id: "d\($0.offset)", text: $0.element) }
        docs.append(Document(id: "m", date: "2015-10-02", text: Self.roaming))
        let before = try #require(Pipeline.standard.corpusDatePrior(docs))
        let read = Pipeline.standard.annotate(docs)
        #expect(CorpusDatePrior(read.map(\.document)) == before)
        #expect(before.support == Self.datelines2015.count + 1)
        let fresh = Pipeline.standard.datePrior(before)
        var revised = 0
        for (doc, r) in zip(docs, read) {
            let f = fresh.annotate(doc)
            #expect(r.document.date == f.document.date && r.document.extra == f.document.extra && r.claims == f.claims, "\(doc.id)")
            if r.document.extra[DocumentDateBasis.key] == "corpus" { revised += 1 }
        }
        #expect(revised >= 1)
    }

    @Test func datelinesAreFoundOnTheBytes() {
        #expect(Dateline.latest(in: "Text. (APA, 23.8.2015)") == CalendarDay(year: 2015, month: 8, day: 23))
        #expect(Dateline.latest(in: "(Markus Bernath; 01.11.15)") == CalendarDay(year: 2015, month: 11, day: 1))
        // A hyphenated place is one word: four words in all.
        #expect(Dateline.latest(in: "(Birgit Baumann aus Garmisch-Partenkirchen, 6.6.2015)") == CalendarDay(year: 2015, month: 6, day: 6))
        // The latest of several; a no-break space and an en dash join the words.
        #expect(Dateline.latest(in: "(APA,\u{A0}1.2.2016) und (red \u{2013} APA, 3.1.2016)") == CalendarDay(year: 2016, month: 2, day: 1))
        // Not datelines: a clause, five words, no comma, an invalid day, a number for a name,
        // a date glued to other text.
        #expect(Dateline.latest(in: "(unterzeichnet von beiden Seiten am 3.4.2012)") == nil)
        #expect(Dateline.latest(in: "(eins zwei drei vier fünf, 3.4.2012)") == nil)
        #expect(Dateline.latest(in: "(APA 3.4.2012)") == nil)
        #expect(Dateline.latest(in: "(APA, 30.2.2012)") == nil)
        #expect(Dateline.latest(in: "(2, 3.4.2012)") == nil)
        #expect(Dateline.latest(in: "(APA, x3.4.2012)") == nil)
        #expect(Dateline.latest(in: ")") == nil && Dateline.latest(in: "") == nil)
    }
}
