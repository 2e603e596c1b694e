import Testing
@testable import ClaimKit

/// Events of dated sentences and the date claims made from them.
/// 10kGNAD sentences: CC BY-NC-SA 4.0, quoted for testing.
@Suite struct EventAnnotatorTests {
    static let pipeline = Pipeline(annotators: [SentenceAnnotator(), DocumentDateResolver(), TimeAnnotator(),
                                                EventAnnotator(), ClaimAssembler()])

    static func events(_ text: String) -> [String] {
        pipeline.annotate(Document(id: "e", date: "2015-06-19", text: text)).sentenceEvent.compactMap { $0 }
    }

    static func dateClaims(_ doc: AnnotatedDocument) -> [String] {
        doc.claims.filter { $0.kind == .date }.map { "\($0.timeText ?? "")=\($0.time ?? "")|\($0.event ?? "")" }
    }

    static let seeds = SeedCorpus.documents().map { pipeline.annotate($0) }

    @Test func theTreatyReadsTheSameInEverySeed() {
        let treaty = Self.seeds.flatMap { doc in
            doc.claims.filter { $0.kind == .date && $0.event == "Abkommen unterzeichnen" }.map { "\(doc.document.id.prefix(3)) \($0.timeText ?? "")=\($0.time ?? "")" }
        }
        #expect(Set(treaty) == ["000 im Juni 2024=2024-06", "001 Ende letzten Jahres=2024-10/2024-12",
                                "002 Im vergangenen Jahr=2024", "003 2024=2024", "004 im Juni 2024=2024-06"])
    }

    @Test func seedEvents() {
        let claims = Set(Self.seeds.flatMap(Self.dateClaims))
        #expect(claims.contains("im August 2024=2024-08|Offensive starten"))
        #expect(claims.contains("am 28. April=2025-04-28|Einsatz bekanntgeben"))
        // "bestätigte ... die Truppenentsendungen" (002) and "den Einsatz ... bekannt gegeben" (003)
        // are one event: deployment nouns share "Einsatz", making public is "bekanntgeben".
        #expect(claims.contains("Im April=2025-04|Einsatz bekanntgeben"))
        #expect(claims.contains("am 17. Juni=2025-06-17|bekanntgeben"))
        #expect(claims.contains("im April 2025=2025-04|Gottesdienst abhalten"))
    }

    @Test func separableVerbsNeedTheirParticle() {
        #expect(Self.events("Das gab der Eishockey-Club aus Villach am Montag bekannt.") == ["bekanntgeben"])
        #expect(Self.events("Das gab die ehemalige Präsidentin des Obersten Gerichtshofs am Donnerstag auf Facebook in einem Video bekannt.")
            == ["bekanntgeben"])
        // "gab" without "bekannt" is no announcement.
        #expect(Self.events("Am Montag gab es in Wien keine Proteste.").isEmpty)
    }

    @Test func synonymsForAnyNoun() {
        #expect(Self.events("Die deutsche Polizei bestätigte am Freitagnachmittag Berichte über eine Handgranate.") == ["bekanntgeben"])
        #expect(Self.events("Das teilte die Polizei am Montag mit.") == ["bekanntgeben"])
        // "mit" as a preposition is no particle.
        #expect(Self.events("Am Montag teilten sie die Beute mit den Komplizen.").isEmpty)
    }

    @Test func verbsAndCompoundHeads() {
        #expect(Self.events("Zwei ihrer leitenden Redakteure seien am Montag festgenommen worden, berichtete die Zeitschrift Nokta.")
            == ["festnehmen"])
        #expect(Self.events("Nkurunziza hatte im vergangenen April angekündigt, für eine dritte Amtszeit anzutreten.") == ["ankündigen"])
        #expect(Self.events("Um regieren zu können, brauchten nach den vorgezogenen Landtagswahlen im Jahr 2013 ÖVP und Grüne einen Partner.")
            == ["Wahl"])
        #expect(Self.events("Die Spielerauswahl traf sich am Montag.") == ["treffen"])
        // A sentence-initial word is either the noun or the verb, not both.
        #expect(Self.events("Treffen werden sich die Minister am Montag in Wien.") == ["treffen"])
        #expect(Self.events("Am Freitagvormittag verkündete sie bei einer Pressekonferenz in Wien offiziell ihre Kandidatur.")
            == ["bekanntgeben"])
        #expect(Self.events("Bei einem IS-Anschlag nahe dem tunesischen Urlaubsort Sousse im vergangenen Juli wurden 38 Touristen getötet.")
            == ["Anschlag töten"])
    }

    @Test func quotedSpeechHasItsOwnTime() {
        // The delivery is what Lee said on Thursday, not what happened on Thursday.
        let doc = Self.seeds[2]
        #expect(!Self.dateClaims(doc).contains { $0.hasPrefix("am Donnerstag") })
    }

    @Test func oneDateClaimPerEventFromItsOwnClause() {
        let doc = Self.pipeline.annotate(Document(id: "c", date: "2025-06-19",
            text: "Nordkorea hatte bis Ende 2024 rund 11.000 Soldaten nach Russland entsandt, in diesem Jahr kamen weitere rund 3.000 hinzu."))
        #expect(Self.dateClaims(doc) == ["bis Ende 2024=2024-10/2024-12|entsenden"])
    }

    @Test func undatedSentencesHaveNoEvent() {
        #expect(Self.events("Russland hat zugegeben, dass nordkoreanische Streitkräfte in der Region Kursk gekämpft haben.").isEmpty)
        #expect(Self.events("Es gibt keine konkreten Informationen über das Austauschabkommen zwischen den beiden Ländern.").isEmpty)
    }
}
