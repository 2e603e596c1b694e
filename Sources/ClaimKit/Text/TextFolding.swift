/// Case- and umlaut-insensitive folding used by `grep`, `~` and lexicon lookups:
/// "Pjöngjang", "pjoengjang" and "PJONGJANG" all fold to "pjongjang".
public enum TextFolding {
    /// Lowercases, maps ä/ö/ü to a/o/u, "ae"/"oe"/"ue" after a consonant-free check is *not*
    /// attempted here; instead both spellings fold to the bare vowel: ä→a, ae→a (see `fold`).
    public static func fold(_ s: String) -> String {
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
            case 0xC0...0xDE, 0xE0...0xFE:
                // Other Latin-1 letters: strip the diacritic by decomposition.
                let lowered = String(c).lowercased().decomposedStringWithCanonicalMappingIfAvailable
                if let base = lowered.unicodeScalars.first { c = base }
            case 0x1E9E:
                out.append("s"); out.append("s"); prev = "s"; continue
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
}

extension String {
    /// NFD without Foundation: only needed for the handful of accented Latin-1 letters.
    var decomposedStringWithCanonicalMappingIfAvailable: String {
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            switch s {
            case "à", "á", "â", "ã", "å": out.append("a")
            case "ç": out.append("c")
            case "è", "é", "ê", "ë": out.append("e")
            case "ì", "í", "î", "ï": out.append("i")
            case "ñ": out.append("n")
            case "ò", "ó", "ô", "õ", "ø": out.append("o")
            case "ù", "ú", "û": out.append("u")
            case "ý", "ÿ": out.append("y")
            default: out.append(s)
            }
        }
        return String(out)
    }
}
