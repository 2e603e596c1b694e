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

    /// The parts of `text`'s tokens made both ways: from the keys made word by word (`slow`)
    /// and from the bytes (`fast`), with the starts and prefix codes of the two already compared.
    static func partsBothWays(_ table: FoldedPhraseTable<Int>, _ text: String)
        -> (tokens: [Token], keys: [String], slow: FoldedPhraseTable<Int>.KeyParts, fast: FoldedPhraseTable<Int>.KeyParts) {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokenize(bytes)
        let keys = tokens.map { $0.isWord ? FoldedPhraseTable<Int>.key(word: $0.text) : "" }
        let slow = table.parts(of: keys)
        let fast = tokens.withUnsafeBufferPointer { t in bytes.withUnsafeBufferPointer { table.parts(of: t, text: $0) } }
        #expect(fast.starts == slow.starts)
        #expect(fast.prefixes == slow.prefixes)
        return (tokens, keys, slow, fast)
    }

    /// The entity annotator's parts from the text bytes (prefix filters, `plainKey`, no key
    /// Strings) are those of the keys made word by word: the same prefix codes for every token,
    /// the same part ids for every capitalised word, and the same matches everywhere.
    @Test func partsFromBytesAreTheKeyParts() {
        var table = FoldedPhraseTable<Int>()
        let phrases = ["Nord Korea", "Kim Jong-un", "Vereinigte Staaten von Amerika", "Bosnien und Herzegowina",
                       "russisch", "Aeroflot", "Bauer", "Ärzte ohne Grenzen", "UN", "a b c d", "Österreich", "Straße"]
        for (i, p) in phrases.enumerated() { table.add(p, i) }
        // Title and stop words as the gazetteer interns them: ids also for lower-case "der".
        for word in ["der", "die", "präsident", "sprecher", "am"] { _ = table.internPart(word) }
        let text = "Der Präsident der Vereinigten Staaten von Amerika und die Bauern aus Bosnien und Herzegowina, "
            + "Ärzte ohne Grenzen: AEROFLOT, Aeroflot-Chef, uebel, Oeuvre, Quaestor, geht's, 3D-Druck, UN-Sprecher, "
            + "russische russischen Russlands, a b c d e, Straße, Strasse, Österreichs, Kim Jong-un, Nord-Korea, "
            + "Ελλάδα İstanbul, Abteilungsleiterinnen, am, Am, bauen, auenland, x"
        let (tokens, keys, slow, fast) = Self.partsBothWays(table, text)
        #expect(fast.prefixes == keys.map { FoldedPhraseTable<Int>.prefixCode($0) })
        for (j, token) in tokens.enumerated() where token.isCapitalized {
            let s = Int(slow.starts[j]), e = Int(slow.starts[j + 1])
            #expect(Array(fast.ids[s..<e]) == Array(slow.ids[s..<e]), "\(token.text)")
        }
        var found = 0
        for start in tokens.indices {
            for end in start...tokens.count {
                let f = table.longestMatch(fast, from: start, to: end), s = table.longestMatch(slow, from: start, to: end)
                #expect(f?.range == s?.range && f?.value == s?.value, "\(start)..<\(end)")
                if f != nil { found += 1 }
            }
        }
        #expect(found > 10)
        // A plain word's key made by `plainKey` is `fastKey`'s.
        for token in tokens where token.isWord {
            let b = Array(token.text.utf8)
            guard b.withUnsafeBufferPointer({ FoldedPhraseTable<Int>.isPlain($0, 0, $0.count) }) else { continue }
            let plain = b.withUnsafeBufferPointer { b in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: b.count) { out in
                    Array(out[0..<FoldedPhraseTable<Int>.plainKey(b, into: out)])
                }
            }
            #expect(String(decoding: plain, as: UTF8.self) == FoldedPhraseTable<Int>.key(word: token.text), "\(token.text)")
        }
    }

    /// `isPlain`'s eight-bytes-at-a-time test is the byte-by-byte one, at any offset and
    /// length (also where a load would pass the end of the text).
    @Test func plainTestIsTheByteTest() {
        let bytes = Array("Abcdefgh ijkl-mnop\nqrstuvwxyz'Ö1234567890ABCDEFGHIJK\u{00A0}LMNOP!~\u{7F}xyz".utf8)
        bytes.withUnsafeBufferPointer { b in
            for s in 0..<b.count {
                for e in s...min(b.count, s + 20) {
                    let expected = e > s && b[s..<e].allSatisfy { $0 >= 0x21 && $0 < 0x80 && $0 != 0x2D }
                    #expect(FoldedPhraseTable<Int>.isPlain(b, s, e) == expected, "\(s)..<\(e)")
                }
            }
        }
    }

    /// The byte paths of `parts(of:text:)` (one 8-byte load for a short plain word, eight
    /// bytes at a time for a long one, `latinFold` for a word with umlauts, the tables of
    /// short and long parts) give the ids and codes of the keys made word by word, on many
    /// made-up words: every length up to 30, e after a, o, u at every position (also across
    /// an eight-byte block), umlauts and ß, upper and lower case, and parts of 1 to 20 bytes in
    /// the table (some added, some not).
    @Test func bytePathsAreTheKeyPathsOnManyWords() {
        let pieces = ["a", "e", "ae", "oe", "ue", "u", "o", "n", "en", "er", "s", "ß", "ä", "ö", "ü", "é", "ei",
                      "ung", "sch", "str", "bund", "es", "lich", "x", "Ue", "AE", "i"]
        var words: [String] = []
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<1500 {
            var w = ""
            let target = 1 + next(30)
            while w.utf8.count < target { w += pieces[next(pieces.count)] }
            switch next(4) {
            case 0: w = w.prefix(1).uppercased() + w.dropFirst()
            case 1: w = w.uppercased()
            default: break
            }
            words.append(w)
        }
        var table = FoldedPhraseTable<Int>()
        for (i, w) in words.enumerated() where i % 3 == 0 { table.add(w, i) }
        for (i, w) in words.enumerated() where i % 7 == 1 { _ = table.internPart(FoldedPhraseTable<Int>.key(word: w)) }
        for (i, w) in words.enumerated() where i % 11 == 2 { table.add(w + " " + words[(i + 1) % words.count], i) }
        // Words at the very end of the text too, where an eight-byte load would pass its end.
        let text = words.joined(separator: " ") + " " + words.suffix(3).joined(separator: " ")
        let (tokens, _, slow, fast) = Self.partsBothWays(table, text)
        var compared = 0
        for (j, token) in tokens.enumerated() {
            let s = Int(slow.starts[j]), e = Int(slow.starts[j + 1])
            if token.isCapitalized {
                #expect(Array(fast.ids[s..<e]) == Array(slow.ids[s..<e]), "\(token.text)")
                compared += 1
            } else {
                // A lower-case word may lose only ids of parts in no entry's key (-1 instead).
                for k in s..<e where fast.ids[k] != slow.ids[k] { #expect(fast.ids[k] == -1, "\(token.text)") }
            }
            for end in (j + 1)...min(tokens.count, j + 3) {
                let f = table.longestMatch(fast, from: j, to: end), m = table.longestMatch(slow, from: j, to: end)
                #expect(f?.range == m?.range && f?.value == m?.value, "\(token.text) \(j)..<\(end)")
            }
        }
        #expect(compared > 300)
    }

    /// `key(phrase:)` on bytes is the key of the phrase split into Characters at spaces and tabs.
    @Test func phraseKeyOnBytesIsTheCharacterSplit() {
        let phrases = ["Kim Jong-un", "  Vereinigte\tStaaten  von Amerika ", "Ärzte ohne Grenzen", "Straße",
                       "São Paulo", "Recep Tayyip Erdoğan", "-", "- -", "", " ", "Nord-Korea-Krise", "AEROFLOT",
                       "Bauern\t\tVerband", "Łódź", "Ελλάδα", "Zoë Wells", "a\u{308}b c", "x \u{301}y", "Œuvre Æon",
                       "zwölf\u{00A0}Apostel", "line\nend", "×Mal"]
        for phrase in phrases {
            let reference = phrase.split(whereSeparator: { $0 == " " || $0 == "\t" })
                .map { FoldedPhraseTable<Int>.key(word: String($0)) }.filter { !$0.isEmpty }.joined(separator: " ")
            #expect(FoldedPhraseTable<Int>.key(phrase: phrase) == reference, "\(phrase)")
        }
    }
}
