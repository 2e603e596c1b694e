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

    @Test func adjectiveEndingsOnBytes() {
        func reference(_ lower: String) -> Bool {
            guard lower.utf8.count >= 4, let f = lower.unicodeScalars.first, !f.properties.isUppercase else { return false }
            return lower.hasSuffix("e") || lower.hasSuffix("en") || lower.hasSuffix("er") || lower.hasSuffix("es")
                || lower.hasSuffix("em")
        }
        let words = ["weitere", "nordkoreanischen", "neuen", "alle", "der", "dies", "Große", "Ärzte", "ärzte", "äre", "éine",
                     "wurde", "haben", "unseres", "einem", "auf", "e", "en", "xxen", "xxén", "Éen", "ÄÖÜe", "kaum", "über",
                     "deren", "jenes", "12er", "ungen", "Straßen", "straßen", "καλέ", "Ωmegaen"]
        for w in words { #expect(ObjectLexicon.isAdjectiveLike(w) == reference(w), "\(w)") }
    }
}
