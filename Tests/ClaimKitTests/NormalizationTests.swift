import Testing
@testable import ClaimKit

/// Token texts are normalised; token spans still point at the original bytes.
@Suite struct NormalizationTests {
    private func tokens(_ text: String) -> (texts: [String], originals: [String]) {
        let bytes = Array(text.utf8)
        let toks = Tokenizer.tokenize(bytes)
        return (toks.map(\.text), toks.map { String(decoding: bytes[$0.span.range], as: UTF8.self) })
    }

    @Test func typographicQuotesAndDashesBecomePlain() {
        // Seed 002 and 004.
        let t = tokens("„Nordkorea sendet weitere Truppen“, sagte Lee. Laut «Tagesschau» – und ‚ZDF‘ — ja.")
        #expect(t.texts == ["\"", "Nordkorea", "sendet", "weitere", "Truppen", "\"", ",", "sagte", "Lee", ".",
                            "Laut", "\"", "Tagesschau", "\"", "-", "und", "'", "ZDF", "'", "-", "ja", "."])
        #expect(t.originals[0] == "„" && t.originals[5] == "“" && t.originals[14] == "–" && t.originals[19] == "—")
    }

    @Test func softHyphensAreRemovedButSpansKeepThem() {
        let text = "Wieder\u{AD}aufbau\u{AD}arbeiten in Kursk"
        let t = tokens(text)
        #expect(t.texts == ["Wiederaufbauarbeiten", "in", "Kursk"])
        #expect(t.originals[0] == "Wieder\u{AD}aufbau\u{AD}arbeiten")
    }

    @Test func decomposedUmlautsAreComposed() {
        // "Pjöngjang" typed with a combining diaeresis (NFD) is one word, text in NFC.
        let text = "in Pjo\u{308}ngjang und Su\u{308}dkorea"
        let bytes = Array(text.utf8)
        let toks = Tokenizer.tokenize(bytes)
        #expect(toks.map(\.text) == ["in", "Pjöngjang", "und", "Südkorea"])
        #expect(toks[1].span.length == "Pjo\u{308}ngjang".utf8.count)
        #expect(toks[1].text.unicodeScalars.count == 9)
    }

    @Test func unusualSpacesSeparateTokens() {
        // No-break space between number and unit, thin space as thousands separator.
        let t = tokens("rund\u{A0}14\u{2009}000\u{202F}Soldaten und 6\u{A0}000 Bauarbeiter")
        #expect(t.texts == ["rund", "14 000", "Soldaten", "und", "6", "000", "Bauarbeiter"])
        #expect(t.originals[1] == "14\u{2009}000")
        #expect(Tokenizer.tokenize(Array("a\u{2028}b".utf8))[1].newlinesBefore == 1)
        #expect(Tokenizer.tokenize(Array("a\r\nb".utf8))[1].newlinesBefore == 1)
        #expect(Tokenizer.tokenize(Array("a\r\n\r\nb".utf8))[1].newlinesBefore == 2)
    }

    @Test func apostrophesInsideWordsAreNormalised() {
        // 10kGNAD: "Genauso ordinär, wie’s klingt, schaut’s aus."
        let t = tokens("Genauso ordinär, wie’s klingt, schaut’s aus.")
        #expect(t.texts == ["Genauso", "ordinär", ",", "wie's", "klingt", ",", "schaut's", "aus", "."])
    }

    @Test func spansCoverTheOriginalText() {
        let text = "„Der Staatspräsident der DVRK hat beschlossen, 1.000 Sappeure zu schicken“, sagte Schoigu – wie TASS berichtete…"
        let bytes = Array(text.utf8)
        var previousEnd = 0
        for tok in Tokenizer.tokenize(bytes) {
            #expect(tok.span.start >= previousEnd)
            #expect(String(decoding: bytes[tok.span.range], as: UTF8.self).isEmpty == false)
            previousEnd = tok.span.end
        }
        #expect(previousEnd == bytes.count)
    }
}
