import Foundation

/// Case- and umlaut-insensitive folding used by `grep`, `~` and lexicon lookups:
/// "Pjöngjang", "pjoengjang" and "PJONGJANG" all fold to "pjongjang".
public enum TextFolding {
    /// Lower-cases, strips diacritics (ä→a, é→e, ğ→g, also from decomposed text), maps ß to
    /// ss, and drops the e of "ae", "oe", "ue" so that the ASCII spelling of an umlaut folds
    /// like the umlaut (both sides of a comparison are folded, so "Israel"→"isral" is harmless).
    public static func fold(_ s: String) -> String {
        if let ascii = foldASCII(s) { return ascii }
        return foldScalars(s)
    }

    /// The fold of an ASCII string (most words), on bytes: lower case, and the e of "ae", "oe",
    /// "ue" dropped, exactly as `foldScalars` does it. nil when `s` is not ASCII.
    static func foldASCII(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { b -> String? in
            var out = [UInt8](repeating: 0, count: b.count)
            guard let n = foldASCII(b, into: &out) else { return nil }
            return String(decoding: out[..<n], as: UTF8.self)
        }
    }

    /// Folds ASCII bytes into `out` (at least as long as `b`); returns how many bytes were
    /// written, or nil at the first non-ASCII byte. Shared by `fold` and the phrase-table keys.
    static func foldASCII(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Int? {
        var n = 0
        var prev: UInt8 = 0
        for c in b {
            if c >= 0x80 { return nil }
            let l = (c >= 0x41 && c <= 0x5A) ? c + 32 : c
            if l == 0x65, prev == 0x61 || prev == 0x6F || prev == 0x75 {
                prev = 0x65
                continue
            }
            out[n] = l
            n += 1
            prev = l
        }
        return n
    }

    /// Per scalar U+00C0..<U+0250 (the Latin letters `foldScalars` maps to a base letter): its
    /// fold as one ASCII byte, 1 for "ss" (ß), 0 when the fold is not ASCII ("×", "þ"). Made
    /// by `foldScalars` itself, so a lookup here is the same fold without Foundation calls.
    static let latinFold: [UInt8] = (0xC0..<0x250).map { v -> UInt8 in
        guard let scalar = Unicode.Scalar(UInt32(v)) else { return 0 }
        let f = Array(foldScalars(String(scalar), cached: false).utf8)
        if f == [0x73, 0x73] { return 1 }
        return f.count == 1 && f[0] >= 0x20 && f[0] < 0x80 ? f[0] : 0
    }

    /// The fold, scalar by scalar (any text). `cached`: Latin letters by `latinFold`.
    static func foldScalars(_ s: String, cached: Bool = true) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(s.unicodeScalars.count)
        var prev: Unicode.Scalar? = nil
        for scalar in s.unicodeScalars {
            var c = scalar
            switch c.value {
            case 0x41...0x5A: c = Unicode.Scalar(UInt8(c.value + 32))
            case 0x300...0x36F:
                // Combining marks of decomposed text ("o" + U+0308): the base letter was kept.
                continue
            case 0xC4, 0xE4: c = "a"
            case 0xD6, 0xF6: c = "o"
            case 0xDC, 0xFC: c = "u"
            case 0xDF:
                out.append("s"); out.append("s"); prev = "s"; continue
            case 0x1E9E:
                out.append("s"); out.append("s"); prev = "s"; continue
            case 0xC0...0x24F, 0x1E00...0x1EFF:
                // Other Latin letters (é, ğ, ł, ø): lower case, then the base letter of the
                // canonical decomposition; the few without one (ł, ø, đ) by their look.
                if cached, c.value < 0x250 {
                    let f = latinFold[Int(c.value) - 0xC0]
                    c = f > 1 ? Unicode.Scalar(f) : baseLetter(c)
                } else {
                    c = baseLetter(c)
                }
            default:
                if c.value >= 0x100, c.properties.isUppercase, let l = String(c).lowercased().unicodeScalars.first { c = l }
            }
            // "ae", "oe", "ue" are the ASCII spelling of ä, ö, ü: drop the e after a, o, u.
            if c == "e", let p = prev, p == "a" || p == "o" || p == "u" {
                prev = "e"
                continue
            }
            out.append(c)
            prev = c
        }
        return String(out)
    }

    static func baseLetter(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let lower = String(c).lowercased()
        switch lower {
        case "ł": return "l"
        case "ø": return "o"
        case "đ", "ð": return "d"
        case "ı": return "i"
        case "æ": return "a"
        case "œ": return "o"
        default: break
        }
        return lower.decomposedStringWithCanonicalMapping.unicodeScalars.first ?? c
    }
}
