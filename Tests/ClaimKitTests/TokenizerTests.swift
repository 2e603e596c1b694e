import Testing
@testable import ClaimKit

@Suite struct TokenizerTests {
    @Test func groupedNumbersStayWhole() {
        let tokens = Tokenizer.tokenize(Array("rund 11.000 Soldaten, 12'000 Mann und 1,5 Prozent.".utf8))
        #expect(tokens.map(\.text) == ["rund", "11.000", "Soldaten", ",", "12'000", "Mann", "und", "1,5", "Prozent", "."])
        #expect(tokens[1].kind == .number)
    }

    @Test func truncatedCompoundKeepsHyphen() {
        let tokens = Tokenizer.tokenize(Array("Artillerie- und Raketengeschosse im Ukraine-Konflikt".utf8))
        #expect(tokens.map(\.text) == ["Artillerie-", "und", "Raketengeschosse", "im", "Ukraine-Konflikt"])
    }

    @Test func typographicQuotesAreNormalised() {
        let tokens = Tokenizer.tokenize(Array("„Nordkorea sendet“ «Tagesschau»".utf8))
        #expect(tokens.map(\.text) == ["\"", "Nordkorea", "sendet", "\"", "\"", "Tagesschau", "\""])
    }
}
