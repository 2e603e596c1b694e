import ClaimKit
import Testing

@Suite struct LexerTests {
    func kinds(_ s: String) throws -> [String] {
        try QueryLexer.tokens(s).dropLast().map { t in
            switch t.kind {
            case .word: return "w:" + t.text
            case .quoted: return "q:" + t.text
            case .regex: return "r:" + t.text
            case .op: return "o:" + t.text
            case .leftParen: return "("
            case .rightParen: return ")"
            case .comma: return ","
            case .end: return "$"
            }
        }
    }

    @Test func operatorsWithAndWithoutBlanks() throws {
        #expect(try kinds("value>=10.000") == ["w:value", "o:>=", "w:10.000"])
        #expect(try kinds("a!=b c!~d e<>f g==h") == ["w:a", "o:!=", "w:b", "w:c", "o:!~", "w:d", "w:e", "o:!=", "w:f", "w:g", "o:=", "w:h"])
        #expect(try kinds("x<1 y<=2 z>3 w~v") == ["w:x", "o:<", "w:1", "w:y", "o:<=", "w:2", "w:z", "o:>", "w:3", "w:w", "o:~", "w:v"])
    }

    @Test func decimalCommaStaysInNumberButListCommaSeparates() throws {
        #expect(try kinds("value in (1,5, 2)") == ["w:value", "w:in", "(", "w:1,5", ",", "w:2", ")"])
        #expect(try kinds("class in (a,b)") == ["w:class", "w:in", "(", "w:a", ",", "w:b", ")"])
    }

    @Test func quotesRegexAndIntervals() throws {
        #expect(try kinds("event = 'Abkommen unterzeichnen'") == ["w:event", "o:=", "q:Abkommen unterzeichnen"])
        #expect(try kinds("text ~ \"it's\"") == ["w:text", "o:~", "q:it's"])
        #expect(try kinds("text ~ /Sappeur|Pionier/") == ["w:text", "o:~", "r:Sappeur|Pionier"])
        #expect(try kinds("time = 2025-07/2025-08") == ["w:time", "o:=", "w:2025-07/2025-08"])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let t = try QueryLexer.tokens("text ~ Pjöngjang and x = 1")
        #expect(t[2].columns == 7..<16)
        #expect(t[3].columns == 17..<20)
    }
}
