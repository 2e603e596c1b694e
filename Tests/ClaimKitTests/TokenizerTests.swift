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

    /// The line-break count saturates at what `Token` stores (the tokenizer counts it as a
    /// saturating UInt16 instead of clamping an Int per token).
    @Test func lineBreakCountSaturates() {
        let many = Array(("a" + String(repeating: "\n", count: 70_000) + "b").utf8)
        #expect(Tokenizer.tokenize(many)[1].newlinesBefore == 65_535)
        // A paragraph separator counts two, also at the limit.
        let edge = Array(("a" + String(repeating: "\n", count: 65_534) + "\u{2029}b c").utf8)
        let tokens = Tokenizer.tokenize(edge)
        #expect(tokens[1].newlinesBefore == 65_535)
        #expect(tokens[2].newlinesBefore == 0)
        let below = Array(("a" + String(repeating: "\n", count: 65_532) + "\u{2029}\r\nb").utf8)
        #expect(Tokenizer.tokenize(below)[1].newlinesBefore == 65_535)
        let exact = Array(("a" + String(repeating: "\r", count: 65_531) + "\u{2029}b").utf8)
        #expect(Tokenizer.tokenize(exact)[1].newlinesBefore == 65_533)
    }

    @Test func typographicQuotesAreNormalised() {
        let tokens = Tokenizer.tokenize(Array("„Nordkorea sendet“ «Tagesschau»".utf8))
        #expect(tokens.map(\.text) == ["\"", "Nordkorea", "sendet", "\"", "\"", "Tagesschau", "\""])
    }
}

@Suite struct TokenizerWebAddressTests {
    @Test func webAddressesAreSingleTokens() {
        // 10kGNAD
        let tokens = Tokenizer.tokenize(Array("Website des Parlaments (www.parlament.gv.at), Infos auf ORF.at oder https://derstandard.at/2000012345/Artikel?x=1. Mail an presse@spoe.at.".utf8))
        #expect(tokens.map(\.text) == ["Website", "des", "Parlaments", "(", "www.parlament.gv.at", ")", ",", "Infos", "auf", "ORF.at",
                                       "oder", "https://derstandard.at/2000012345/Artikel?x=1", ".", "Mail", "an", "presse@spoe.at", "."])
        #expect(tokens[4].kind == .symbol)
    }

    @Test func abbreviationsAndNumbersAreNotDomains() {
        let tokens = Tokenizer.tokenize(Array("z.B. 11.000 Soldaten, u.a. in Wien.Die".utf8))
        #expect(tokens.map(\.text) == ["z", ".", "B", ".", "11.000", "Soldaten", ",", "u", ".", "a", ".", "in", "Wien", ".", "Die"])
    }
}

@Suite struct TokenLowercaseTests {
    /// The byte fast path lowercases like `String.lowercased()` for every scalar up to U+02FF,
    /// alone and between letters.
    @Test func fastLowercaseMatchesTheStandardLibrary() {
        for v in UInt32(1)...0x2FF {
            guard let s = Unicode.Scalar(v) else { continue }
            for text in [String(s), "A\(s)b", "\(s)Z\(s)", "ÄÖÜ\(s)ß"] {
                #expect(Token.lowercase(text) == text.lowercased(), "U+\(String(v, radix: 16))")
            }
        }
        for text in ["Straße", "ÉCOLE", "İstanbul", "ΑΘΗΝΑ", "Pjöngjang", "", "Ärzte-Verband", "×÷"] {
            #expect(Token.lowercase(text) == text.lowercased(), "\(text)")
        }
    }

    /// The tokenizer makes each token's lower case from its bytes: the same as lowercasing its
    /// text, in ASCII, Latin-1, normalised (typographic) and other scripts.
    @Test func tokensCarryTheirLowercasedText() {
        var text = "Rund 11.000 SOLDATEN „kämpfen“ in KURSK – laut NIS. ÄRZTE, Ελλάδα, İstanbul, www.ORF.at, 12’000 Mann."
        for v in UInt32(0x41)...0x2FF { if let s = Unicode.Scalar(v), s.properties.isAlphabetic { text += " A\(s)B" } }
        let tokens = Tokenizer.tokenize(Array(text.utf8))
        #expect(tokens.count > 300)
        for t in tokens { #expect(t.lower == t.text.lowercased(), "\(t.text)") }
    }
}

@Suite struct SmallTokenStringTests {
    /// The tokenizer builds the Strings of short tokens from their bytes (`SmallUTF8`): they
    /// must be the Strings the standard library makes from the same bytes — equal, hashing
    /// alike, and with the same UTF-8 and Characters — and their lower case `String.lowercased()`.
    @Test func shortTokenStringsEqualTheStandardOnes() {
        #expect(SmallUTF8.isAvailable)
        #expect(_isPOD(Token.self))
        var text = "Rund 11.000 SOLDATEN „kämpfen“ in KURSK – laut NIS. ÄRZTE, Ölpreis, Übergrößenträger, ß, Straße, "
            + "Ελλάδα, İstanbul, www.ORF.at, 12’000 Mann, 12 000, Artillerie- und, a-b, A. B. C., µ, 123456789012345, "
            + "1234567890123456, ABCDEFGHIJKLMNO ABCDEFGH ABCDEFG ÄBCDEFGHIJKLMN ÄÖÜÄÖÜÄ ÄÖÜÄÖÜÄÖ x\u{AD}y Pjöngjang"
        for v in UInt32(0x41)...0x2FF { if let s = Unicode.Scalar(v), s.properties.isAlphabetic { text += " A\(s)B \(s)\(s)\(s)" } }
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokenize(bytes)
        #expect(tokens.count > 300)
        for t in tokens {
            let original = String(decoding: bytes[t.span.start..<t.span.end], as: UTF8.self)
            // Typographic marks are normalised (`normalizedText`): those tokens are not short-cut.
            let normalised = original.unicodeScalars.contains { [0xA0, 0xAB, 0xAD, 0xBB].contains($0.value) || $0.value >= 0x2000 }
            var reference = normalised ? String(decoding: Array(t.text.utf8), as: UTF8.self) : original
            reference.makeContiguousUTF8()
            #expect(t.text == reference, "\(t.text)")
            #expect(t.text.hashValue == reference.hashValue, "\(t.text)")
            #expect(Array(t.text.utf8) == Array(reference.utf8), "\(t.text)")
            #expect(Array(t.text) == Array(reference), "\(t.text)")
            #expect(t.lower == t.text.lowercased(), "\(t.text)")
            #expect(t.lower.hashValue == t.text.lowercased().hashValue, "\(t.text)")
            // The word filters read the bit stored in the token instead of hashing its String.
            #expect(Int(t.lowerBit) == WordFilter.bit(t.lower), "\(t.text)")
            #expect(t.isCapitalized == t.text.startsUppercase, "\(t.text)")
            let u = Array(t.lower.utf8)
            #expect(t.lowerPrefix == UInt16(u[0]) << 8 | (u.count > 1 ? UInt16(u[1]) : 0), "\(t.text)")
        }
        var t = tokens[0]
        t.lower = "ein anderes wort"
        #expect(Int(t.lowerBit) == WordFilter.bit("ein anderes wort"))
        t.text = "Ärzte"
        #expect(t.isCapitalized && Int(t.lowerBit) == WordFilter.bit("ein anderes wort"))
        t.text = "ärzte"
        #expect(!t.isCapitalized)
        #expect(t.lowerPrefix == UInt16(UInt8(ascii: "e")) << 8 | UInt16(UInt8(ascii: "i")))
    }
}

@Suite struct TokenStorageTests {
    /// The tokenizer builds short tokens from bits (no Strings); a token built from its Strings
    /// (the public initialiser, long tokens) must be the same token, and the setters keep
    /// `text`, `lower` and the filter fields right across inline and long Strings.
    @Test func tokensFromBitsEqualTokensFromStrings() {
        var text = "Rund 11.000 SOLDATEN „kämpfen“ in KURSK – laut NIS. ÄRZTE, Ölpreis, Übergrößenträger, ß, Straße, "
            + "Bundesverfassungsgerichtspräsident Donaudampfschifffahrtsgesellschaft ÜBERGRÖSSENTRÄGERINNEN "
            + "Ελλάδα, İstanbul, www.ORF.at, https://derstandard.at/2000012345/Artikel?x=1, 12’000 Mann, 12 000, "
            + "Artillerie- und, a-b, A. B. C., µ, 123456789012345, 1234567890123456, ABCDEFGHIJKLMNO ABCDEFGHIJKLMNOP "
            + "ÄBCDEFGHIJKLMN ÄBCDEFGHIJKLMNÖ x\u{AD}y Pjöngjang İİİİİİİİ"
        for v in UInt32(0x41)...0x2FF { if let s = Unicode.Scalar(v), s.properties.isAlphabetic { text += " A\(s)B \(s)\(s)\(s)" } }
        let tokens = Tokenizer.tokenize(Array(text.utf8))
        #expect(tokens.count > 300)
        #expect(tokens.contains { $0.text.utf8.count > 15 })
        for t in tokens {
            let made = Token(span: t.span, kind: t.kind, text: String(decoding: Array(t.text.utf8), as: UTF8.self),
                             spaceBefore: t.spaceBefore, newlinesBefore: t.newlinesBefore)
            #expect(made == t, "\(t.text)")
            #expect(made.hashValue == t.hashValue, "\(t.text)")
            #expect(made.lower == t.lower && made.lowerBit == t.lowerBit && made.lowerPrefix == t.lowerPrefix, "\(t.text)")
            #expect(made.isCapitalized == t.isCapitalized, "\(t.text)")
        }
        for (a, b) in [("Bundesverfassungsgericht", "kurz"), ("kurz", "Bundesverfassungsgericht"),
                       ("Übergrößenträgerinnen", "Ärzte"), ("x", "y")] {
            var t = tokens[0]
            let copy = t
            t.text = a
            #expect(t.text == a && t.lower == copy.lower && t.isCapitalized == a.startsUppercase)
            t.lower = b
            #expect(t.text == a && t.lower == b && Int(t.lowerBit) == WordFilter.bit(b))
            t.text = t.lower  // a String read from the token itself, stored back
            #expect(t.text == b && t.lower == b)
            #expect(copy == tokens[0] && copy.text == tokens[0].text)
        }
    }
}

extension TokenStorageTests {
    /// A long token's Strings are read through a bit cast of the interned String's bits: every
    /// read must be balanced (retained for the caller, released after), or the interned String
    /// would be freed under the table after a few reads.
    @Test func longTokenStringsSurviveManyReads() {
        let word = "Bundesverfassungsgerichtspräsidentin"
        let tokens = Tokenizer.tokenize(Array("Die \(word) sprach.".utf8))
        let token = tokens[1]
        var kept: [String] = []
        for i in 0..<200_000 {
            let t = token.text, l = token.lower
            if i % 1000 == 0 { kept.append(t); kept.append(l) }
            #expect(t.utf8.count == word.utf8.count)
        }
        kept.removeAll()
        #expect(token.text == word && token.lower == word.lowercased())
        // Interned once: tokenizing the same long words again adds nothing to the table (so it
        // grows with the vocabulary of long words, not with the corpus; README, Architecture).
        // Other suites may intern words meanwhile, so the text is tokenized until two passes agree.
        let text = Array("Die Bundesverfassungsgerichtspräsidentin und der Verteidigungsministerin-Sprecher.".utf8)
        var grew = true
        for _ in 0..<5 where grew {
            let before = LongStrings.shared.count
            _ = Tokenizer.tokenize(text)
            grew = LongStrings.shared.count != before
        }
        #expect(!grew)
        #expect(Tokenizer.tokenize(Array(word.utf8))[0].text == word)
    }
}

@Suite struct TokenizerOutputTests {
    /// The tokens go into arrays of a fixed capacity, more arrays when a document has more
    /// tokens than the first holds: the same tokens, spaces and line breaks at every boundary.
    @Test func tokensBeyondTheFirstArrayAreTheSame() {
        let text = (0..<60).map { "Wort\($0 % 7),x \n\n„Zitat“ 1.000 Übergrößenträgerinnen-Verband.\u{AD}a" }.joined()
        let bytes = Array(text.utf8)
        let whole = bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0, firstCapacity: 100_000) }
        #expect(whole.count > 500)
        #expect(Tokenizer.tokenize(bytes) == whole)
        for capacity in [0, 1, 2, 3, 7, 100] {
            let parts = bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0, firstCapacity: capacity) }
            #expect(parts == whole, "capacity \(capacity)")
        }
    }
}

@Suite struct Latin1LowerTests {
    /// The word-at-a-time lower case of short tokens is the byte-by-byte one, for every
    /// two-byte scalar and the bytes around it, at every position of a 15-byte token.
    @Test func wordAtATimeEqualsByteByByte() {
        var samples: [[UInt8]] = []
        for v in UInt32(0x80)...0x7FF {
            guard let s = Unicode.Scalar(v) else { continue }
            for text in ["\(s)", "A\(s)", "\(s)Z", "Ab\(s)Cd", "ÄÖÜ\(s)ß", "abcdefg\(s)", "ABCDEFGHIJKLM\(s)", "\(s)\(s)\(s)"] {
                samples.append(Array(text.utf8))
            }
        }
        for text in ["Ölpreis", "ÜBERGRÖSSE", "Straße", "a-b", "A.B", "@[`{", "ÄÖÜäöüß×÷", "x\u{AD}y", "€uro", "«Zitat»", "12 000"] {
            samples.append(Array(text.utf8))
        }
        for bytes in samples {
            for cut in [bytes.count, bytes.count - 1] where cut > 0 && cut <= 15 {
                let b = Array(bytes[..<cut])
                b.withUnsafeBufferPointer { p in
                    let (lo, hi) = SmallUTF8.load(p, 0, cut)
                    let slow = Tokenizer.latin1Lower(p, 0, cut)
                    let fast = Tokenizer.latin1Lower(lo, hi, cut)
                    #expect(fast.map { [$0.0, $0.1] } == slow.map { [$0.0, $0.1] }, "\(b)")
                }
            }
        }
    }
}
