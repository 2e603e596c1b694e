import Foundation
import Testing
@testable import ClaimKit

/// Sentence texts of `text` as claimsh splits it.
private func sentenceTexts(_ text: String) -> [String] {
    var doc = AnnotatedDocument(document: Document(id: "t", text: text))
    SentenceAnnotator().annotate(&doc)
    return doc.sentences.map { String(decoding: doc.bytes[$0.span.range], as: UTF8.self) }
}

@Suite struct SentenceSplitterTests {
    // MARK: - Abbreviations

    @Test func noSplitAfterCommonAbbreviations() {
        // 10kGNAD
        #expect(sentenceTexts("Beim Sozialministerium beziffert man die Zahl der Fälle mit ca. 380.000 Menschen. Die Zahl steigt.")
            == ["Beim Sozialministerium beziffert man die Zahl der Fälle mit ca. 380.000 Menschen.", "Die Zahl steigt."])
        #expect(sentenceTexts("Das Budget beträgt 2,3 Mrd. Euro und wurde bzw. wird von Prof. Dr. Hans Müller geprüft. Er ist zufrieden.")
            == ["Das Budget beträgt 2,3 Mrd. Euro und wurde bzw. wird von Prof. Dr. Hans Müller geprüft.", "Er ist zufrieden."])
        #expect(sentenceTexts("Der Bus der Linie Nr. 13A fuhr in die Hauptstr. Dort hielt er.")
            == ["Der Bus der Linie Nr. 13A fuhr in die Hauptstr. Dort hielt er."])
    }

    @Test func noSplitInsideMultiPartAbbreviations() {
        #expect(sentenceTexts("Die Region, u. a. Kursk und Belgorod, ist z. B. laut Kiew umkämpft. Das bestätigte d. h. niemand.")
            == ["Die Region, u. a. Kursk und Belgorod, ist z. B. laut Kiew umkämpft.", "Das bestätigte d. h. niemand."])
        #expect(sentenceTexts("Es gibt u.a. Äpfel, z.B. Boskop. Dazu Birnen.") == ["Es gibt u.a. Äpfel, z.B. Boskop.", "Dazu Birnen."])
    }

    @Test func amountAbbreviationEndsSentenceBeforeStarter() {
        #expect(sentenceTexts("Der Verlust betrug 72 Mio. Euro. Die Bank schrieb zuletzt 407 Mio. Die Aktie fiel.")
            == ["Der Verlust betrug 72 Mio. Euro.", "Die Bank schrieb zuletzt 407 Mio.", "Die Aktie fiel."])
    }

    @Test func sentenceFinalAbbreviationEndsSentence() {
        #expect(sentenceTexts("Sie verkaufen Äpfel, Birnen usw. Der Umsatz stieg.") == ["Sie verkaufen Äpfel, Birnen usw.", "Der Umsatz stieg."])
        #expect(sentenceTexts("Gemeint sind Renten, Löhne etc. und die Steuern.") == ["Gemeint sind Renten, Löhne etc. und die Steuern."])
    }

    @Test func articleAbbreviationOnlyBeforeNumber() {
        #expect(sentenceTexts("Laut Art. 5 ist das erlaubt. Es war eine neue Art. Die Forscher staunten.")
            == ["Laut Art. 5 ist das erlaubt.", "Es war eine neue Art.", "Die Forscher staunten."])
    }

    @Test func initialsDoNotEndSentences() {
        #expect(sentenceTexts("Der Flughafen wurde nach J. F. Kennedy benannt. Er liegt in New York.")
            == ["Der Flughafen wurde nach J. F. Kennedy benannt.", "Er liegt in New York."])
    }

    // MARK: - Ordinals and dates

    @Test func ordinalDatesDoNotEndSentences() {
        // Seed 003 and 10kGNAD.
        #expect(sentenceTexts("Das teilte die staatliche russische Nachrichtenagentur TASS am 17. Juni mit. Kursk ist umkämpft.")
            == ["Das teilte die staatliche russische Nachrichtenagentur TASS am 17. Juni mit.", "Kursk ist umkämpft."])
        #expect(sentenceTexts("Der Prozess beginnt am 12. Jänner. Vom 3. bis 5. März wird verhandelt.")
            == ["Der Prozess beginnt am 12. Jänner.", "Vom 3. bis 5. März wird verhandelt."])
        #expect(sentenceTexts("Die Wahl findet am 17.6. statt. Danach wird gezählt.")
            == ["Die Wahl findet am 17.6. statt.", "Danach wird gezählt."])
    }

    @Test func ordinalDateBeforeQuestionMark() {
        #expect(sentenceTexts("Was geschah vom 12. Juni? Niemand weiß es. Am 3. Oktober kam die Antwort.")
            == ["Was geschah vom 12. Juni?", "Niemand weiß es.", "Am 3. Oktober kam die Antwort."])
    }

    @Test func ordinalsDoNotEndSentences() {
        #expect(sentenceTexts("Rapid liegt auf dem 3. Platz und spielte in der 2. Bundesliga. Das war 2015.")
            == ["Rapid liegt auf dem 3. Platz und spielte in der 2. Bundesliga.", "Das war 2015."])
        #expect(sentenceTexts("Papst Benedikt XVI. Ratzinger trat zurück. Ludwig XIV. regierte lange.")
            == ["Papst Benedikt XVI. Ratzinger trat zurück.", "Ludwig XIV. regierte lange."])
    }

    @Test func yearsAndGroupedNumbersEndSentences() {
        #expect(sentenceTexts("Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten entsandt. Sollte dieser Plan umgesetzt werden, könnte die Zahl 40.000 übersteigen.")
            == ["Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten entsandt.", "Sollte dieser Plan umgesetzt werden, könnte die Zahl 40.000 übersteigen."])
        #expect(sentenceTexts("Die Firma wurde 1998 gegründet. Seit 2015. Jänner gilt das.") .count == 3)
    }

    // MARK: - Quotes, brackets, ellipses, dashes

    @Test func closingQuoteStaysWithSentence() {
        // Seed 002.
        let text = "Nordkorea schickt tausende weitere Soldaten. „Nordkorea sendet weitere Truppen und liefert Waffen an Russland“, sagte Lee. „Das ist gefährlich.“ Er warnte."
        #expect(sentenceTexts(text) == ["Nordkorea schickt tausende weitere Soldaten.",
                                    "„Nordkorea sendet weitere Truppen und liefert Waffen an Russland“, sagte Lee.",
                                    "„Das ist gefährlich.“", "Er warnte."])
        #expect(sentenceTexts("Laut «Tagesschau» sind 1500 Soldaten angekommen. «Wir sind bereit.» Das sagte er.")
            == ["Laut «Tagesschau» sind 1500 Soldaten angekommen.", "«Wir sind bereit.»", "Das sagte er."])
    }

    @Test func germanGuillemetsPointInwards() {
        // »…« (opening » after a space, closing « attached to the period).
        #expect(sentenceTexts("Der Minister sagte: »Wir schicken keine Truppen.« Danach ging er. »Nie!«, rief er.")
            == ["Der Minister sagte: »Wir schicken keine Truppen.«", "Danach ging er.", "»Nie!«, rief er."])
    }

    @Test func countAfterAbbreviationEndsBeforeStarter() {
        #expect(sentenceTexts("Das Buch war in den Charts die Nr. 1. Das freute den Autor.")
            == ["Das Buch war in den Charts die Nr. 1.", "Das freute den Autor."])
    }

    @Test func questionInsideQuoteDoesNotEndSentence() {
        #expect(sentenceTexts("„Wie geht es weiter?“, fragte der Kanzler. Niemand antwortete!")
            == ["„Wie geht es weiter?“, fragte der Kanzler.", "Niemand antwortete!"])
        #expect(sentenceTexts("Was nun?! Keiner weiß es.") == ["Was nun?!", "Keiner weiß es."])
    }

    @Test func bracketsAndDashes() {
        // 10kGNAD: dateline with a dash.
        #expect(sentenceTexts("Das Gericht vertagte. (Der Prozess wird fortgesetzt.) Wien – Die Gewerkschaft GPA-djp sieht Handlungsbedarf.")
            == ["Das Gericht vertagte.", "(Der Prozess wird fortgesetzt.)", "Wien – Die Gewerkschaft GPA-djp sieht Handlungsbedarf."])
        #expect(sentenceTexts("Es gilt als sicher. – Die Frage bleibt.") == ["Es gilt als sicher.", "– Die Frage bleibt."])
    }

    @Test func ellipses() {
        #expect(sentenceTexts("Und dann ... kam nichts mehr. Es war vorbei… Die Nacht begann.")
            == ["Und dann ... kam nichts mehr.", "Es war vorbei…", "Die Nacht begann."])
    }

    @Test func urlsAndEmailsDoNotEndSentences() {
        // 10kGNAD (www.allinrechner.at).
        #expect(sentenceTexts("Die Gewerkschaft hat unter www.allinrechner.at ein Werkzeug lanciert. Der allinrechner.at mache Verträge transparenter.")
            == ["Die Gewerkschaft hat unter www.allinrechner.at ein Werkzeug lanciert.", "Der allinrechner.at mache Verträge transparenter."])
        #expect(sentenceTexts("Infos unter ORF.at. Anfragen an presse@example.at. Danke.")
            == ["Infos unter ORF.at.", "Anfragen an presse@example.at.", "Danke."])
    }

    // MARK: - Lines

    @Test func headlinesAreSentences() {
        // Seed 000: a line without final punctuation is a headline.
        let text = "Militärkooperation zwischen Russland und Nordkorea intensiviert sich\nSüdkoreanische Geheimdienste bestätigen das. Berichten zufolge werden diese Truppen helfen.\nWechsel zu Wiederaufbaumaßnahmen\nDas neue Kontingent wird sich konzentrieren."
        #expect(sentenceTexts(text) == ["Militärkooperation zwischen Russland und Nordkorea intensiviert sich",
                                    "Südkoreanische Geheimdienste bestätigen das.", "Berichten zufolge werden diese Truppen helfen.",
                                    "Wechsel zu Wiederaufbaumaßnahmen", "Das neue Kontingent wird sich konzentrieren."])
    }

    @Test func wrappedLinesAreJoined() {
        // Seed 001, wrapped at a fixed width: a line going on in lower case continues the sentence.
        let text = "Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten nach\nRussland entsandt, in diesem Jahr kamen\nweitere rund 3.000 hinzu. Sollte dieser Plan umgesetzt werden,\nkönnte die Gesamtzahl 40.000 übersteigen."
        #expect(sentenceTexts(text).count == 2)
        #expect(sentenceTexts(text).last?.hasPrefix("Sollte") == true)
    }

    @Test func lineEndingInCommaGoesOn() {
        // Seed 002, broken after a comma before a name.
        let text = "Auch der Besuch des Sekretärs von Russlands Nationalem Sicherheitsrat,\nSergej Schoigu, vergangene Woche in Pjöngjang könnte darauf hindeuten.\nGemeinsame Projekte"
        #expect(sentenceTexts(text) == ["Auch der Besuch des Sekretärs von Russlands Nationalem Sicherheitsrat,\nSergej Schoigu, vergangene Woche in Pjöngjang könnte darauf hindeuten.",
                                        "Gemeinsame Projekte"])
    }

    @Test func bylineIsItsOwnSentence() {
        #expect(sentenceTexts("Die Polizei ermittelt.\n(APA/red)") == ["Die Polizei ermittelt.", "(APA/red)"])
    }

    @Test func sentenceEndsAreStableOnSeeds() {
        // Every seed sentence starts with a capital, a digit or an opening quote, and none ends
        // in an abbreviation or an ordinal.
        for (id, text) in SeedCorpus.documents().map({ ($0.id, $0.text) }) {
            for s in sentenceTexts(text) {
                let first = s.unicodeScalars.first
                #expect(first.map { $0.properties.isUppercase || ("0"..."9").contains($0) || "„«\"(".unicodeScalars.contains($0) } == true,
                        "\(id): \(s.prefix(60))")
            }
        }
    }

    @Test(arguments: ["", "   ", ".", "....", "(((", "\"\"\" «»", "?!?! Ja.", "a.b.c.d.e.f.g", "\u{FEFF}Kursk\u{2029}Pjöngjang",
                      String(repeating: "a.", count: 2000), "Nr. ca. 17. J. (", "\n\n\nA\n\n"])
    func sentencesPartitionTheTokens(_ text: String) {
        var doc = AnnotatedDocument(document: Document(id: "t", text: text))
        SentenceAnnotator().annotate(&doc)
        var next = 0
        for s in doc.sentences {
            #expect(s.tokens.lowerBound == next && !s.tokens.isEmpty)
            next = s.tokens.upperBound
        }
        #expect(next == doc.tokens.count)
    }

    // MARK: - Evaluation against SoMaJo (scripts/evaluate.sh)

    /// Writes claimsh's sentence ends for a corpus with one article per line, as character
    /// offsets per article (the format of the peers' split_bench.py --boundaries).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CLAIMSH_EVAL"] == "1", "set CLAIMSH_EVAL=1 (scripts/evaluate.sh)"))
    func writeCorpusBoundaries() throws {
        let env = ProcessInfo.processInfo.environment
        let input = env["CLAIMSH_EVAL_CORPUS"] ?? "/tmp/peers-data/corpus_1x.txt"
        let output = env["CLAIMSH_EVAL_OUT"] ?? "/tmp/peers-data/boundaries_claimsh.json"
        let data = try Data(contentsOf: URL(fileURLWithPath: input))
        var lines = Array(data).split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        let annotator = SentenceAnnotator()
        var json = "["
        for (k, line) in lines.enumerated() {
            var doc = AnnotatedDocument(document: Document(id: "\(k)", text: String(decoding: line, as: UTF8.self)))
            annotator.annotate(&doc)
            // Byte offsets to Unicode-scalar (Python character) offsets.
            var scalarsBefore = [Int](repeating: 0, count: doc.bytes.count + 1)
            var count = 0
            for (b, byte) in doc.bytes.enumerated() {
                scalarsBefore[b] = count
                if byte & 0xC0 != 0x80 { count += 1 }
            }
            scalarsBefore[doc.bytes.count] = count
            json += (k == 0 ? "" : ",") + "[" + doc.sentences.map { String(scalarsBefore[$0.span.end]) }.joined(separator: ",") + "]"
        }
        json += "]\n"
        try Data(json.utf8).write(to: URL(fileURLWithPath: output))
        print("wrote \(lines.count) articles to \(output)")
        #expect(lines.count > 0)
    }
}

/// Consecutive sentences of real German news, each group split as a reader would (and as
/// SoMaJo does). Sentences from the 10kGNAD corpus (derStandard.at, CC BY-NC-SA 4.0).
@Suite struct SentenceSplitterNewsTests {
    static let groups: [[String]] = [
        // ca., Mio., Mrd., Dr., St.
        ["Auch eine Drohne hat es in die Gadget-Auswahl geschafft: die DJI Phantom 3 Professional um ca. 1400 Euro.",
         "Die Fluggeräte des Herstellers seien aufgrund ihrer guten Stabilisierung besonders beliebt, die Steuerung sei einfach und die Kamera nimmt in 4k auf."],
        ["Seinen Angaben zufolge wird das Volumen der Zessionen bei der KTB auf 800 Millionen Lewa geschätzt, umgerechnet 407 Mio. Euro.",
         "Wassilew soll im Kreis gewirtschaftet haben: Millionenkredite gingen an Chauffeure, Sekretärinnen, Leibwächter der Bank."],
        ["Staatsschulden bei 72 Mrd. Dollar, Wirtschaft schrumpft seit Jahren.",
         "New York/San Juan – Das hoch verschuldete US-Territorium Puerto Rico bemüht sich vor dem Obersten Gerichtshof in den USA um die Möglichkeit, seine Staatsunternehmen in ein geordnetes Insolvenzverfahren schicken zu können."],
        ["Nach dem Teenagerinnen-Drama Life Is Strange schickt das französische Studio DontNod Spieler ins London des Jahres 1918, um dort die Verwandlung eines Arztes namens Dr. Jonathan Reid zum Vampir mitzuerleben.",
         "Das 2017 für PC, PS4 und XBO erscheinende Action-Rollenspiel Vampyr versetzt in die heiß-kalte Haut Reids und dessen zermürbenden Gewissenskonflikt zwischen hippokratischem Eid und Blutdurst."],
        ["Ebenfalls am Dienstag treffen Mattersburg und der SKN St. Pölten aufeinander (18.30 Uhr).",
         "Vor zwei Jahren schaffte der Zweitligist unter Gerald Baumgartner den Einzug ins Finale und qualifizierte sich damit für Europa."],
        ["Vor seinem Engagement in Wr. Neustadt betreute er diverse Nachwuchsmannschaften bei seinem Stammclub FC Zbrojovka Brno (Brünn).",
         "Mit Kreissl verliert Wr. Neustadt aber nicht nur seinen Trainer, sondern in Personalunion auch den Sportchef.",
         "Wr. Neustadts Präsident Hans Reinisch einigte sich aber mit seinem Sturm-Pendant Christian Jauk, der seine neue Führungskraft am Dienstagnachmittag (15.00 Uhr) in einer Pressekonferenz präsentieren wird."],
        // z. B., u.a.
        ["Der Grüne Abgeordnete Lambert Schönleitner erklärte: Wir wählen Vollath mit, sie war stets sehr offen in Richtung Opposition, z. B. beim Haushaltsrecht.",
         "Selbiges gelte für Manuela Khom (ÖVP)."],
        ["Ebenfalls sicher weitergekommen sind am dritten Tag mit wenigen Überraschungen u.a. Titelverteidiger Marin Cilic, Rafael Nadal und David Ferrer.",
         "Aus ÖTV-Sicht leider auch Novak Djokovic."],
        // ordinal dates and ordinals
        ["Er hofft nun auf eine Reaktion im Gold Cup, der am 7. Juli beginnt.",
         "Durch die Gruppe-A-Konstellation stehen auch Argentinien und Paraguay bereits vorzeitig als Gruppe-B-Viertelfinalisten fest."],
        ["Erdoğan hatte die Neuwahlen zuvor wegen der offiziell gescheiterten Regierungsbildung nach der Parlamentswahl vom 7. Juni angekündigt.",
         "Die türkische Wahlkommission hat am Dienstag den 1. November als Tag der Parlamentsneuwahlen offiziell festgelegt."],
        ["Ungeduldige, die gleich nach der ersten Runde auf Nummer sicher gehen wollten, könnten womöglich einen Frühstart hingelegt haben: Wahlkarten, die vor dem 3. Mai abgeschickt wurden, sind ungültig.",
         "Auch wer bettlägrig ist, konnte sein Kreuzerl von unterwegs machen – bei einer der fliegenden Wahlbehörden."],
        ["Zunächst erzielte der ÖFB-Teamspieler am Samstag beim 1:1 gegen den Abstiegskandidaten in der 50. Minute das 1:0, dann aber musste der Wiener in der 56. Minute wegen einer Verletzung ausgetauscht werden.",
         "Wenig später hat Arnautovic Entwarnung gegeben."],
        ["1930 – Das Militär in Brasilien putscht und bringt am 11.11. Präsident Getulio Vargas an die Macht.",
         "1940 – Hitler und Mussolini treffen am Brenner zusammen."],
        ["Ich bin überzeugt, dass der junge König Felipe VI. eine Legitimität für seine Zeit auf dem Thron braucht.",
         "Sie könnten so etwas wie eine große Koalition zwischen PP, PSOE und Ciudadanos suchen; nicht als Regierung, sondern als Pakt um die Verfassungsreform."],
        // a count, not an ordinal, before a typical sentence start
        ["Melzer kletterte um 22 Plätze im ATP-Ranking auf Rang 144.",
         "Es fehlen ihm damit nur noch vier Positionen zu seinem bisherigen Karriere-Hoch."],
        ["Vergangenen Sommer lebten noch 180 Soldaten auf dem Areal, heute sind es noch 35.",
         "Sie nutzen sowohl die Nähe zur Front als auch die vorhandene Infrastruktur."],
        ["Es dockt sich magnetisch an eine Tastatureinheit an und läuft mit Windows 10.",
         "Der WebStandard hat sich den portablen Rechner näher angesehen."],
        ["Gegen Chelsea traf der 34-Jährige im Hinspiel per abgefälschtem Freistoß immerhin zum 1:0.",
         "Ein weiteres Tor an der Stamford Bridge würde die Kritiker vorerst verstummen lassen."],
        // initials
        ["Panthers-Kicker Graham Gano verkürzte mit einem Field Goal aus 39 Yards noch einmal zum 10:16, doch Newton verlor knapp vier Minuten vor Schluss den Ball, C. J. Anderson besorgte kurz darauf mit einem Touchdown das 22:10 für die Broncos und entschied das Spiel.",
         "Nach einer sogenannten Two-Point-Conversion stellte Bennie Fowler den Endstand her."],
        // URLs and domains
        ["Viele Besucher hatte auch die Website des Parlaments (www.parlament.gv.at).",
         "Rund 2,8 Millionen User sorgten seit Tagungsbeginn für mehr als 250 Millionen Clicks."],
        ["Nun schlossen die Gründer Armin Strbac und Katharina Klausberger die zweite Testphase der Werbevermarktung ab, berichtet das Branchenmedium atmedia.at.",
         "Jetzt besteht die Möglichkeit, Werbung innerhalb der App zu schalten."],
        // ellipses
        ["Kreissl: Ach wissen Sie, die Gefährdungslage, das ist so eine Rhetorik  ...",
         "Es gibt sie, seit menschliche Gesellschaften existieren."],
        ["STANDARD: Ergänzen Sie: Salzburg wird Meister, weil ...",
         "Zeidler: ... ich weiß, dass wir gut zusammenarbeiten, dass wir den  längsten Atem haben."],
        // bylines
        ["Weitere versteinerte Exkremente aus der Kreidezeit, etwa 126 Millionen Jahre alt, zeigen, dass auch terrestrische Tiere wie Dinosaurier bereits mit Bandwürmern befallen waren.",
         "(red, 31. 7. 2015)"],
        ["Die Studie wurde bereits vom Institutional Review Board als ethisch verträglich eingestuft, bislang aber noch nicht einem Peer-Review-Verfahren unterzogen, wie Golem.de feststellt.",
         "(red, 13.02.16)"],
    ]

    @Test(arguments: groups)
    func newsSentencesSplitAsWritten(_ group: [String]) {
        #expect(sentenceTexts(group.joined(separator: " ")) == group)
    }

    @Test func missingSpaceAfterPeriod() {
        // 10kGNAD: the space after the period is missing in the source.
        #expect(sentenceTexts("Jetzt soll er wieder der Allgemeinheit gehören, sagt Raderbauer.Im Rahmen des Projektes wurden auch einfachere Zugänge zur Mur gebaut.")
            == ["Jetzt soll er wieder der Allgemeinheit gehören, sagt Raderbauer.", "Im Rahmen des Projektes wurden auch einfachere Zugänge zur Mur gebaut."])
        #expect(sentenceTexts("Der Zugang wird blockiert, so der  EuGH.Hingegen haben sich die EU-Mitgliedsstaaten verpflichtet.")
            == ["Der Zugang wird blockiert, so der  EuGH.", "Hingegen haben sich die EU-Mitgliedsstaaten verpflichtet."])
        // Not a sentence end: "SAT.1", "Leave.EU".
        #expect(sentenceTexts("Gesendet wird auf SAT.1 Österreich. So veröffentlichte Leave.EU im Internet die Nummern.").count == 2)
    }

    @Test func scoresEndSentences() {
        // 10kGNAD: a score before the period is no ordinal.
        let group = ["Der BVB gewann in Stuttgart 3:0.", "Der 1. FC Köln von Trainer Peter Stöger kam nicht über ein 0:0 hinaus."]
        #expect(sentenceTexts(group.joined(separator: " ")) == group)
    }
}
