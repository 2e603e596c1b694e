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

/// The trie match over part ids finds what joining the keys with spaces finds.
@Suite struct FoldedPhraseTableMatchTests {
    @Test func trieMatchIsTheJoinedKeyMatch() {
        var table = FoldedPhraseTable<Int>()
        let phrases = ["Nord Korea", "Nord-Korea-Krise", "Kim Jong-un", "Kim", "Wladimir Putin", "Vereinte Nationen",
                       "Vereinte Nationen Sicherheitsrat", "Russland", "südkoreanischer Geheimdienst", "a b c d"]
        for (i, p) in phrases.enumerated() { table.add(p, i) }
        let text = "Die Nord-Korea-Krise und Nord Koreas Kim Jong-un mit Kim sowie Vereinten Nationen Sicherheitsrates , Wladimir Putins südkoreanischen Geheimdienstes a b c d e a b c Straße GRÜSSE Ελλάδα İstanbul Öl-Preis"
        let tokens = Tokenizer.tokenize(Array(text.utf8))
        let keys = tokens.map { $0.isWord ? FoldedPhraseTable<Int>.key(word: $0.text) : "" }
        let parts = table.parts(of: keys)
        // The pipeline's one-pass keys and parts (one scratch buffer) are the word-by-word ones.
        #expect(FoldedPhraseTable<Int>.keys(of: tokens) == keys)
        let (oneKeys, oneParts) = table.keysAndParts(of: tokens)
        #expect(oneKeys == keys && oneParts.ids == parts.ids && oneParts.starts == parts.starts)
        var found = 0
        for start in keys.indices {
            for end in start...keys.count {
                // Reference: grow the joined phrase, as the table did before the trie.
                var best: (Range<Int>, Int)? = nil
                var phrase = ""
                for j in start..<end {
                    if keys[j].isEmpty { break }
                    phrase = phrase.isEmpty ? keys[j] : phrase + " " + keys[j]
                    if let v = table[phrase] { best = (start..<(j + 1), v) }
                }
                let m = table.longestMatch(parts, from: start, to: end)
                #expect(m?.range == best?.0 && m?.value == best?.1, "\(start)..<\(end)")
                // The whole range as one entry: the trie walk is the joined-key lookup.
                let whole = keys[start..<end]
                #expect(table.exactMatch(keys, start..<end)
                    == (whole.isEmpty || whole.contains("") ? nil : table[whole.joined(separator: " ")]), "\(start)..<\(end)")
                if m != nil { found += 1 }
            }
        }
        #expect(found > 20)
    }
}
