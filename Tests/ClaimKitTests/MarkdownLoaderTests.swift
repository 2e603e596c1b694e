import ClaimKit
import Testing

@Suite struct MarkdownLoaderTests {
    func load(_ text: String) -> Document? {
        CorpusLoader.documents(path: "notes/senat.md", bytes: Array(text.utf8), options: LoadOptions()).documents.first
    }

    @Test func frontMatterAndMarkupRemoved() {
        let md = """
            ---
            title: "Entmachtung des Senats"
            date: 21.01.2016
            source: DER STANDARD
            ---
            # Italien: Reform des Senats

            **Weitgehende Entmachtung** des Senats und Verkleinerung auf _100 Mitglieder_.

            > Ein Senator hatte einen [Computer-Algorithmus](https://de.wikipedia.org/wiki/Algorithmus) erfunden, mit dem er `82 Millionen` Abänderungsanträge produzierte.
            """
        let d = load(md)
        #expect(d?.id == "senat")
        #expect(d?.title == "Entmachtung des Senats")
        #expect(d?.date == "2016-01-21")
        #expect(d?.source == "DER STANDARD")
        #expect(d?.text == """
            Italien: Reform des Senats

            Weitgehende Entmachtung des Senats und Verkleinerung auf 100 Mitglieder.

            Ein Senator hatte einen Computer-Algorithmus erfunden, mit dem er 82 Millionen Abänderungsanträge produzierte.
            """)
    }

    @Test func titleIsTheFirstHeading() {
        let d = load("Vorspann ohne Überschrift\n\n## Explosion in Istanbul ##\n\nExplosion auf der Einkaufsstraße Istiklal Caddesi: 40 Verletzte.\n")
        #expect(d?.title == "Explosion in Istanbul")
        #expect(d?.text.contains("Explosion in Istanbul\n") == true)
    }

    @Test func underscoresInsideWordsGenderStarsAndLoneStarsStay() {
        let d = load("Die Datei all_in_rechner.xlsx rechnet 5 * 3 Stunden für *alle* Arbeitnehmer*innen.")
        #expect(d?.text == "Die Datei all_in_rechner.xlsx rechnet 5 * 3 Stunden für alle Arbeitnehmer*innen.")
    }
}
