import Foundation
import Testing
@testable import ClaimKit

/// Sentence texts of `text` as claimsh splits it.
private func sentences(_ text: String) -> [String] {
    var doc = AnnotatedDocument(document: Document(id: "t", text: text))
    SentenceAnnotator().annotate(&doc)
    return doc.sentences.map { String(decoding: doc.bytes[$0.span.range], as: UTF8.self) }
}

@Suite struct SentenceSplitterTests {
    // MARK: - Abbreviations

    @Test func noSplitAfterCommonAbbreviations() {
        // 10kGNAD
        #expect(sentences("Beim Sozialministerium beziffert man die Zahl der Fälle mit ca. 380.000 Menschen. Die Zahl steigt.")
            == ["Beim Sozialministerium beziffert man die Zahl der Fälle mit ca. 380.000 Menschen.", "Die Zahl steigt."])
        #expect(sentences("Das Budget beträgt 2,3 Mrd. Euro und wurde bzw. wird von Prof. Dr. Hans Müller geprüft. Er ist zufrieden.")
            == ["Das Budget beträgt 2,3 Mrd. Euro und wurde bzw. wird von Prof. Dr. Hans Müller geprüft.", "Er ist zufrieden."])
        #expect(sentences("Der Bus der Linie Nr. 13A fuhr in die Hauptstr. Dort hielt er.")
            == ["Der Bus der Linie Nr. 13A fuhr in die Hauptstr. Dort hielt er."])
    }

    @Test func noSplitInsideMultiPartAbbreviations() {
        #expect(sentences("Die Region, u. a. Kursk und Belgorod, ist z. B. laut Kiew umkämpft. Das bestätigte d. h. niemand.")
            == ["Die Region, u. a. Kursk und Belgorod, ist z. B. laut Kiew umkämpft.", "Das bestätigte d. h. niemand."])
        #expect(sentences("Es gibt u.a. Äpfel, z.B. Boskop. Dazu Birnen.") == ["Es gibt u.a. Äpfel, z.B. Boskop.", "Dazu Birnen."])
    }

    @Test func sentenceFinalAbbreviationEndsSentence() {
        #expect(sentences("Sie verkaufen Äpfel, Birnen usw. Der Umsatz stieg.") == ["Sie verkaufen Äpfel, Birnen usw.", "Der Umsatz stieg."])
        #expect(sentences("Gemeint sind Renten, Löhne etc. und die Steuern.") == ["Gemeint sind Renten, Löhne etc. und die Steuern."])
    }

    @Test func articleAbbreviationOnlyBeforeNumber() {
        #expect(sentences("Laut Art. 5 ist das erlaubt. Es war eine neue Art. Die Forscher staunten.")
            == ["Laut Art. 5 ist das erlaubt.", "Es war eine neue Art.", "Die Forscher staunten."])
    }

    @Test func initialsDoNotEndSentences() {
        #expect(sentences("Der Flughafen wurde nach J. F. Kennedy benannt. Er liegt in New York.")
            == ["Der Flughafen wurde nach J. F. Kennedy benannt.", "Er liegt in New York."])
    }

    // MARK: - Ordinals and dates

    @Test func ordinalDatesDoNotEndSentences() {
        // Seed 003 and 10kGNAD.
        #expect(sentences("Das teilte die staatliche russische Nachrichtenagentur TASS am 17. Juni mit. Kursk ist umkämpft.")
            == ["Das teilte die staatliche russische Nachrichtenagentur TASS am 17. Juni mit.", "Kursk ist umkämpft."])
        #expect(sentences("Der Prozess beginnt am 12. Jänner. Vom 3. bis 5. März wird verhandelt.")
            == ["Der Prozess beginnt am 12. Jänner.", "Vom 3. bis 5. März wird verhandelt."])
        #expect(sentences("Die Wahl findet am 17.6. statt. Danach wird gezählt.")
            == ["Die Wahl findet am 17.6. statt.", "Danach wird gezählt."])
    }

    @Test func ordinalsDoNotEndSentences() {
        #expect(sentences("Rapid liegt auf dem 3. Platz und spielte in der 2. Bundesliga. Das war 2015.")
            == ["Rapid liegt auf dem 3. Platz und spielte in der 2. Bundesliga.", "Das war 2015."])
        #expect(sentences("Papst Benedikt XVI. Ratzinger trat zurück. Ludwig XIV. regierte lange.")
            == ["Papst Benedikt XVI. Ratzinger trat zurück.", "Ludwig XIV. regierte lange."])
    }

    @Test func yearsAndGroupedNumbersEndSentences() {
        #expect(sentences("Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten entsandt. Sollte dieser Plan umgesetzt werden, könnte die Zahl 40.000 übersteigen.")
            == ["Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten entsandt.", "Sollte dieser Plan umgesetzt werden, könnte die Zahl 40.000 übersteigen."])
        #expect(sentences("Die Firma wurde 1998 gegründet. Seit 2015. Jänner gilt das.") .count == 3)
    }

    // MARK: - Quotes, brackets, ellipses, dashes

    @Test func closingQuoteStaysWithSentence() {
        // Seed 002.
        let text = "Nordkorea schickt tausende weitere Soldaten. „Nordkorea sendet weitere Truppen und liefert Waffen an Russland“, sagte Lee. „Das ist gefährlich.“ Er warnte."
        #expect(sentences(text) == ["Nordkorea schickt tausende weitere Soldaten.",
                                    "„Nordkorea sendet weitere Truppen und liefert Waffen an Russland“, sagte Lee.",
                                    "„Das ist gefährlich.“", "Er warnte."])
        #expect(sentences("Laut «Tagesschau» sind 1500 Soldaten angekommen. «Wir sind bereit.» Das sagte er.")
            == ["Laut «Tagesschau» sind 1500 Soldaten angekommen.", "«Wir sind bereit.»", "Das sagte er."])
    }

    @Test func questionInsideQuoteDoesNotEndSentence() {
        #expect(sentences("„Wie geht es weiter?“, fragte der Kanzler. Niemand antwortete!")
            == ["„Wie geht es weiter?“, fragte der Kanzler.", "Niemand antwortete!"])
        #expect(sentences("Was nun?! Keiner weiß es.") == ["Was nun?!", "Keiner weiß es."])
    }

    @Test func bracketsAndDashes() {
        // 10kGNAD: dateline with a dash.
        #expect(sentences("Das Gericht vertagte. (Der Prozess wird fortgesetzt.) Wien – Die Gewerkschaft GPA-djp sieht Handlungsbedarf.")
            == ["Das Gericht vertagte.", "(Der Prozess wird fortgesetzt.)", "Wien – Die Gewerkschaft GPA-djp sieht Handlungsbedarf."])
        #expect(sentences("Es gilt als sicher. – Die Frage bleibt.") == ["Es gilt als sicher.", "– Die Frage bleibt."])
    }

    @Test func ellipses() {
        #expect(sentences("Und dann ... kam nichts mehr. Es war vorbei… Die Nacht begann.")
            == ["Und dann ... kam nichts mehr.", "Es war vorbei…", "Die Nacht begann."])
    }

    @Test func urlsAndEmailsDoNotEndSentences() {
        // 10kGNAD (www.allinrechner.at).
        #expect(sentences("Die Gewerkschaft hat unter www.allinrechner.at ein Werkzeug lanciert. Der allinrechner.at mache Verträge transparenter.")
            == ["Die Gewerkschaft hat unter www.allinrechner.at ein Werkzeug lanciert.", "Der allinrechner.at mache Verträge transparenter."])
        #expect(sentences("Infos unter ORF.at. Anfragen an presse@example.at. Danke.")
            == ["Infos unter ORF.at.", "Anfragen an presse@example.at.", "Danke."])
    }

    // MARK: - Lines

    @Test func headlinesAreSentences() {
        // Seed 000: a line without final punctuation is a headline.
        let text = "Militärkooperation zwischen Russland und Nordkorea intensiviert sich\nSüdkoreanische Geheimdienste bestätigen das. Berichten zufolge werden diese Truppen helfen.\nWechsel zu Wiederaufbaumaßnahmen\nDas neue Kontingent wird sich konzentrieren."
        #expect(sentences(text) == ["Militärkooperation zwischen Russland und Nordkorea intensiviert sich",
                                    "Südkoreanische Geheimdienste bestätigen das.", "Berichten zufolge werden diese Truppen helfen.",
                                    "Wechsel zu Wiederaufbaumaßnahmen", "Das neue Kontingent wird sich konzentrieren."])
    }

    @Test func wrappedLinesAreJoined() {
        // Seed 001, wrapped at a fixed width: a line going on in lower case continues the sentence.
        let text = "Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten nach\nRussland entsandt, in diesem Jahr kamen\nweitere rund 3.000 hinzu. Sollte dieser Plan umgesetzt werden,\nkönnte die Gesamtzahl 40.000 übersteigen."
        #expect(sentences(text).count == 2)
        #expect(sentences(text).last?.hasPrefix("Sollte") == true)
    }

    @Test func bylineIsItsOwnSentence() {
        #expect(sentences("Die Polizei ermittelt.\n(APA/red)") == ["Die Polizei ermittelt.", "(APA/red)"])
    }

    @Test func sentenceEndsAreStableOnSeeds() {
        // Every seed sentence starts with a capital, a digit or an opening quote, and none ends
        // in an abbreviation or an ordinal.
        for (id, text) in SeedCorpus.documents().map({ ($0.id, $0.text) }) {
            for s in sentences(text) {
                let first = s.unicodeScalars.first
                #expect(first.map { $0.properties.isUppercase || ("0"..."9").contains($0) || "„«\"(".unicodeScalars.contains($0) } == true,
                        "\(id): \(s.prefix(60))")
            }
        }
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
