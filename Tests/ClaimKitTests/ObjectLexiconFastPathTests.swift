import Testing
@testable import ClaimKit

/// The byte paths of `ObjectLexicon` (words in ASCII and Latin-1) give what the String paths give.
@Suite struct ObjectLexiconFastPathTests {
    @Test func bytePathsMatchStringPaths() {
        let lexicon = ObjectLexicon(lexicon: .shared)
        var words = ["Soldaten", "Raketengeschosse", "Wiederaufbau-Kräften", "Artillerie-", "Kampf-", "a-b-", "-", "", "X",
                     "ÄRZTINNEN", "Ärztinnen", "Straße", "STRASSE", "Kindergärten", "Öl-Tanker", "Übergänge", "Motoren",
                     "Café-Besucher", "İstanbul-Touristen", "Naïve", "Zoë", "Soldat\r", "Sätze", "Wände", "Gesamtzahl",
                     "Opferzahl", "µ-Teilchen", "Größe", "×Soldaten", "Ωmega", "Mal", "Menschen", "Visits", "Tore"]
        for row in Lexicon.shared.table("objects").rows where row.count >= 2 {
            let form = row[0].hasPrefix("-") ? String(row[0].dropFirst()) : row[0]
            for w in [form, form.uppercased(), form.lowercased(), "Bundes" + form.lowercased(), form + "n", form + "en", "Groß-" + form] {
                words.append(w)
            }
        }
        for w in words {
            for plural in [true, false] {
                #expect(lexicon.match(w, plural: plural) == lexicon.generalMatch(w, plural: plural), "\(w) \(plural)")
            }
            #expect(lexicon.cls(of: w) == lexicon.generalMatch(w, plural: true).cls, "\(w)")
            #expect(lexicon.lemmatize(w) == lexicon.generalLemmatize(w), "\(w)")
        }
    }
}
