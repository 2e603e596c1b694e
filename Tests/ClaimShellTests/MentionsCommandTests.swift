import ClaimKit
import Testing
@testable import ClaimShell

@Suite struct MentionsCommandTests {
    func table(_ line: String, in session: Session) throws -> ResultTable? {
        if case let .table(t) = try session.execute(line) { return t }
        return nil
    }

    @Test func sourcesOnTheSeeds() throws {
        let session = Session()
        session.loadSeeds()
        let t = try #require(try table("mentions sources", in: session))
        #expect(t.columns.map(\.name) == ["doc", "sentence", "text", "source", "cue", "span"])
        let sources = Set(t.rows.compactMap { $0[3].stringValue })
        #expect(sources.isSuperset(of: ["NIS", "TASS", "Yonhap", "Lee Seong-kweun", "Selenskyj", "Tagesschau", "ZDF"]))
        // The span is in characters and cuts the attribution out of the document text.
        let doc = try #require(session.corpus.documents.first { $0.document.id.hasPrefix("000") })
        let row = try #require(t.rows.first { $0[0].stringValue == doc.document.id && $0[4].stringValue == "laut" })
        guard case let .list(bounds) = row[5], bounds.count == 2, case let .int(s) = bounds[0], case let .int(e) = bounds[1] else {
            Issue.record("span is not [start, end]")
            return
        }
        let scalars = Array(doc.document.text.unicodeScalars)
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[s..<e])
        #expect(String(text) == "laut südkoreanischen Geheimdienstinformationen")
        #expect(row[1] == .int(1))
    }

    @Test func everyLayerHasItsColumns() throws {
        let session = Session()
        session.loadSeeds()
        #expect(try table("mentions entities", in: session)?.columns.map(\.name) == ["doc", "sentence", "text", "name", "type", "span"])
        #expect(try table("mentions numbers", in: session)?.columns.map(\.name)
            == ["doc", "sentence", "text", "value", "high", "approx", "unit", "role", "span"])
        #expect(try table("mentions times", in: session)?.columns.map(\.name) == ["doc", "sentence", "text", "value", "type", "span"])
        #expect(try table("MENTIONS objects", in: session)?.columns.map(\.name)
            == ["doc", "sentence", "number", "object", "class", "aspect", "span"])
        let entities = try #require(try table("mentions entities", in: session))
        #expect(entities.rows.contains { $0[2] == .string("russische") && $0[3] == .string("Russland") && $0[4] == .string("location") })
    }

    @Test func whereFiltersTheLayer() throws {
        let session = Session()
        session.loadSeeds()
        let all = try #require(try table("mentions sources", in: session))
        let nis = try #require(try table("mentions sources where source = NIS", in: session))
        #expect(!nis.rows.isEmpty && nis.rows.count < all.rows.count)
        #expect(nis.rows.allSatisfy { $0[3] == .string("NIS") })
    }

    @Test func errorsPointAtTheWord() {
        let session = Session()
        #expect(throws: ShellError("unknown layer 'sorces' (did you mean 'sources'?); layers: numbers, times, sources, entities, objects",
                                   at: 9..<15)) {
            try session.execute("mentions sorces")
        }
        #expect(throws: ShellError("unknown field 'sorce' (did you mean 'source'?)", at: 23..<28)) {
            try session.execute("mentions sources where sorce = NIS")
        }
        #expect(throws: ShellError.self) { try session.execute("mentions") }
    }
}

/// The corpus keeps no mention layers; `mentions` derives them again. They must be the layers
/// the claims were built from, also for a document whose date the corpus prior revised.
/// 10kGNAD sentences: CC BY-NC-SA 4.0, quoted for testing.
@Suite struct DerivedMentionLayersTests {
    static let datelines2015 = [
        "Jetzt haben wir dieses positive Ergebnis. (APA, 24.9.2015)",
        "Oktober gegen die Schweiz genießen sie Heimvorteil. (APA, 5.9.2015)",
        "Die Ermittlungen gegen den Banker könnten noch eineinhalb Jahre dauern, heißt es in Sofioter Justizkreisen. (Markus Bernath; 01.11.2015)",
    ]
    /// 10kGNAD test:38: the only year written is 1998; the prior moves the document to 2015.
    static let zschaepe = "Zschäpe ist nach eigenen Angaben während ihres Untergrundlebens von ihrem Komplizen Uwe Böhnhardt geschlagen worden. In einer weiteren vor Gericht von ihrem Anwalt verlesenen Aussage berichtete sie am Mittwoch in München, das sei vor allem in der Anfangszeit nach dem Abtauchen der drei im Jahr 1998 passiert. Sie hatte im Dezember ihr bis dahin jahrelanges Schweigen gebrochen und im Jänner einen ersten Fragenkatalog des Oberlandesgerichts München beantwortet. Zschäpe, Mundlos und Böhnhardt waren 1998 aus Jena (Thüringen) verschwunden."

    static func same(_ a: AnnotatedDocument, _ b: AnnotatedDocument) -> Bool {
        a.numbers == b.numbers && a.times == b.times && a.sources == b.sources && a.entities == b.entities
            && a.objects == b.objects && a.sentenceSource == b.sentenceSource
            && a.sentenceModality == b.sentenceModality && a.sentenceEvent == b.sentenceEvent && a.eventTime == b.eventTime
    }

    @Test func seedsAndARevisedDate() throws {
        let docs = SeedCorpus.documents()
            + (Self.datelines2015 + [Self.zschaepe]).enumerated().map { Document(id: "g\($0.offset)", text: $0.element) }
        let reference = Pipeline.standard.annotate(docs)
        let session = Session()
        session.add(docs)
        #expect(session.corpus.documents.allSatisfy { !$0.hasMentionLayers && $0.numbers.isEmpty && $0.entities.isEmpty })
        let derived = session.withMentionLayers(Array(session.corpus.documents.indices))
        #expect(derived.count == reference.count)
        for (d, r) in zip(derived, reference) {
            #expect(d.document.id == r.document.id)
            #expect(Self.same(d, r), "layers of \(d.document.id) differ")
        }
        // The prior revised the NSU article's date (1998 → 2015); its times follow the revision.
        let nsu = try #require(derived.last)
        #expect(nsu.document.extra["date_basis"] == "corpus")
        #expect(nsu.times.first { $0.text == "im Dezember" }?.value == "2015-12")
        #expect(!reference.last!.numbers.isEmpty || !reference.last!.times.isEmpty)
    }

    /// `set refdate` re-reads only documents with an inferred date; an undated document keeps
    /// the claims of the reference it was read with, and its derived times must agree with them.
    @Test func aLaterRefdateLeavesUndatedDocumentsAsTheirClaimsSay() throws {
        let session = Session()
        session.add([Document(id: "a", text: "Am Montag kamen rund 500 Menschen, sagte der Bürgermeister. Im Vorjahr waren es 300 Menschen.")])
        _ = try session.execute("set refdate 2025-06-19")
        let dated = session.corpus.store.claims.filter { $0.timeText != nil }
        #expect(dated.count >= 2)
        let times = try #require(session.withMentionLayers([0]).first).times
        for c in dated {
            #expect(times.first { $0.text == c.timeText }?.value == c.time, "\(c.id): \(c.timeText ?? "")")
        }
        // A document loaded after the refdate is read with it.
        session.add([Document(id: "b", text: "Am Montag kamen rund 500 Menschen, sagte der Bürgermeister.")])
        let b = try #require(session.corpus.index(ofDocument: "b"))
        #expect(session.withMentionLayers([b]).first?.times.first?.value == "2025-06-16")
        #expect(session.corpus.claims(of: b).first?.time == "2025-06-16")
    }

    /// `where doc = X` reads only the documents it can match; the rows are those the whole
    /// layer gives for them, whatever else the filter says.
    @Test func aDocumentFilterReadsOnlyItsDocuments() throws {
        let session = Session()
        session.loadSeeds()
        func rows(_ line: String) throws -> [[Value]] {
            guard case let .table(t) = try session.execute(line) else { return [] }
            return t.rows
        }
        let all = try rows("mentions entities")
        let doc2 = all.filter { $0[0].stringValue?.hasPrefix("002") == true }
        #expect(!doc2.isEmpty)
        #expect(try rows("mentions entities where doc = 002") == doc2)
        #expect(try rows("mentions entities where doc in (002, 004) and type = location")
            == all.filter { ["002", "004"].contains(String($0[0].stringValue?.prefix(3) ?? "")) && $0[4].stringValue == "location" })
        #expect(try rows("mentions entities where doc = 002 or type = person")
            == all.filter { $0[0].stringValue?.hasPrefix("002") == true || $0[4].stringValue == "person" })
    }

    /// Ctrl-C stops the derivation; the clauses are checked before any document is read.
    @Test func mentionsChecksClausesFirstAndStopsWhenInterrupted() {
        let session = Session()
        session.loadSeeds()
        session.interruptCheck = { true }
        #expect(throws: ShellError("interrupted")) { try session.execute("mentions entities") }
        do {
            _ = try session.execute("mentions entities where vaule > 3")
            Issue.record("a typo in the clauses is an error")
        } catch {
            #expect(error.message.contains("vaule"), "the typo is reported before reading: \(error.message)")
        }
        #expect(session.corpus.store.count > 20)
    }

    @Test func mentionsCommandMatchesThePipeline() throws {
        let session = Session()
        session.loadSeeds()
        let reference = Pipeline.standard.annotate(SeedCorpus.documents())
        guard case let .table(t) = try session.execute("mentions numbers") else {
            Issue.record("no table")
            return
        }
        #expect(t.rows.count == reference.reduce(0) { $0 + $1.numbers.count })
        #expect(t.rows.count > 20)
    }
}
