/// Splits a document's UTF-8 bytes into word, number and punctuation tokens.
///
///     Tokenizer.tokenize(Array("rund 11.000 Soldaten.".utf8))
///     // rund · 11.000 · Soldaten · .
///
/// Numbers keep their grouping ("14.000", "12'000", "1,5"); words keep inner hyphens
/// ("Kim Jong-un", "Ukraine-Konflikt") and a truncation hyphen ("Artillerie- und").
public enum Tokenizer {
    public static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        var i = 0
        let n = bytes.count
        var space = false
        var newlines = 0
        while i < n {
            let (scalar, len) = decode(bytes, i)
            let v = scalar.value
            if isSpace(v) {
                space = true
                if v == 0x0A { newlines += 1 }
                i += len
                continue
            }
            if v == 0xAD { i += len; continue }  // soft hyphen between tokens
            let start = i
            var kind: Token.Kind
            if isDigit(v) {
                kind = .number
                i += len
                while i < n {
                    let b = bytes[i]
                    if b >= 0x30 && b <= 0x39 { i += 1; continue }
                    // Grouping or decimal separator between digits: 14.000, 1,5, 12'000, 12’000.
                    if b == 0x2E || b == 0x2C || b == 0x27, i + 1 < n, isDigitByte(bytes[i + 1]) { i += 2; continue }
                    if b == 0xE2, i + 3 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99, isDigitByte(bytes[i + 3]) { i += 4; continue }
                    // Thin or narrow no-break space as a thousands separator: "12 000" (U+2009, U+202F).
                    if b == 0xE2, i + 3 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x89 || bytes[i + 2] == 0xAF,
                       isDigitByte(bytes[i + 3]), groupFollows(bytes, i + 3) { i += 3; continue }
                    break
                }
            } else if isLetter(scalar) {
                kind = .word
                i += len
                while i < n {
                    let (s, l) = decode(bytes, i)
                    if isLetter(s) || isDigit(s.value) || s.value == 0xAD { i += l; continue }
                    // Inner hyphen or apostrophe followed by a letter or digit.
                    if s == "-" || s == "'" || s.value == 0x2019 || s.value == 0x2010 {
                        if i + l < n {
                            let (next, _) = decode(bytes, i + l)
                            if isLetter(next) || isDigit(next.value) { i += l; continue }
                            // Truncated compound: "Artillerie- und", "Kampf-, Transport-".
                            if s == "-" || s.value == 0x2010, isSpace(next.value) || next == "," { i += l }
                        }
                    }
                    break
                }
            } else {
                kind = isPunct(v) ? .punct : .symbol
                i += len
                // "..." as one token.
                if v == 0x2E { while i < n && bytes[i] == 0x2E { i += 1 } }
            }
            let text = normalizedText(bytes, start, i)
            tokens.append(Token(span: TextSpan(start, i), kind: kind, text: text, spaceBefore: space, newlinesBefore: newlines))
            space = false
            newlines = 0
        }
        return tokens
    }

    // MARK: - Character classes

    @inline(__always) static func isDigitByte(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    static func groupFollows(_ bytes: [UInt8], _ j: Int) -> Bool {
        // exactly three digits follow a thin-space separator
        guard j + 3 <= bytes.count else { return false }
        for k in j..<(j + 3) where !isDigitByte(bytes[k]) { return false }
        return j + 3 == bytes.count || !isDigitByte(bytes[j + 3])
    }

    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        if v == 0xAA || v == 0xB5 || v == 0xBA { return true }
        if v < 0xC0 { return false }
        return s.properties.isAlphabetic
    }

    static func isPunct(_ v: UInt32) -> Bool {
        switch v {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        case 0xAB, 0xBB, 0x2010...0x2027, 0x2039, 0x203A: return true
        default: return false
        }
    }

    @inline(__always) static func decode(_ bytes: [UInt8], _ i: Int) -> (Unicode.Scalar, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let n = bytes.count
        if b0 & 0xE0 == 0xC0, i + 1 < n {
            let v = (UInt32(b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 2)
        }
        if b0 & 0xF0 == 0xE0, i + 2 < n {
            let v = (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 3)
        }
        if b0 & 0xF8 == 0xF0, i + 3 < n {
            let v = (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
                | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
        }
        return ("\u{FFFD}", 1)
    }

    /// The token's text with typographic variants mapped to plain ones.
    static func normalizedText(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        var plain = true
        for k in start..<end where bytes[k] >= 0x80 { plain = false; break }
        if plain { return String(decoding: bytes[start..<end], as: UTF8.self) }
        var out = String.UnicodeScalarView()
        var i = start
        while i < end {
            let (s, l) = decode(bytes, i)
            i += l
            switch s.value {
            case 0xAD: continue
            case 0x201E, 0x201C, 0x201D, 0x201F, 0xAB, 0xBB: out.append("\"")
            case 0x201A, 0x2018, 0x2019, 0x201B, 0x2039, 0x203A: out.append("'")
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: out.append("-")
            default: out.append(s)
            }
        }
        return String(String(out).precomposedNFC)
    }
}

extension String {
    /// NFC for the common case of German text (combining diaeresis after a, o, u).
    var precomposedNFC: String {
        guard unicodeScalars.contains(where: { $0.value >= 0x300 && $0.value <= 0x36F }) else { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            if s.value == 0x308, let last = out.last {
                let combined: Unicode.Scalar? = switch last {
                case "a": "ä"
                case "o": "ö"
                case "u": "ü"
                case "A": "Ä"
                case "O": "Ö"
                case "U": "Ü"
                default: nil
                }
                if let c = combined { out.removeLast(); out.append(c); continue }
            }
            out.append(s)
        }
        return String(out)
    }
}
