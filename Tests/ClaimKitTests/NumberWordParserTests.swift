import Testing
@testable import ClaimKit

@Suite struct NumberWordParserTests {
    let parser = NumberWordParser(lexicon: .shared)

    @Test func simpleAndCompoundWords() {
        #expect(parser.value(of: "acht") == 8)
        #expect(parser.value(of: "dreitausend") == 3000)
        #expect(parser.value(of: "dreiundzwanzig") == 23)
        #expect(parser.value(of: "zweihundertfünfzig") == 250)
        #expect(parser.value(of: "hunderttausend") == 100_000)
        #expect(parser.value(of: "zweihundertdreiundzwanzigtausendvierhundert") == 223_400)
        #expect(parser.value(of: "sechzehn") == 16)
        #expect(parser.value(of: "siebenhundert") == 700)
    }

    @Test func fractions() {
        #expect(parser.value(of: "zweieinhalb") == 2.5)
        #expect(parser.value(of: "anderthalb") == 1.5)
        #expect(parser.value(of: "eineinhalb") == 1.5)
    }

    @Test func wordsThatOnlyStartLikeNumbers() {
        for w in ["achten", "einsatz", "elfmeter", "dritten", "zweiten", "und", "neunundzwanzigste", "einer", "achtung", "dreist"] {
            #expect(parser.value(of: w) == nil, "\(w)")
        }
    }

    @Test func articlesAndVagueAmountsAreSeparate() {
        #expect(parser.articles.contains("eine"))
        #expect(parser.vague["tausende"]?.low == 2000)
        #expect(parser.vague["zehntausende"]?.high == 99_999)
        #expect(parser.vague["hunderte"]?.low == 200)
    }
}
