/// Display width of text in a terminal's cells: umlauts and other precomposed or combined
/// letters count 1, East-Asian wide/fullwidth characters and emoji 2, combining marks and
/// zero-width characters 0 (as `wcwidth` does, but per grapheme cluster).
public enum TextWidth {
    public static func of(_ s: String) -> Int {
        // Fast path: ASCII without control characters is one cell per byte.
        if !OutputBuffer.any(s, { $0 >= 0x80 || $0 < 0x20 }) { return s.utf8.count }
        // Latin text (umlauts, ß, « ») has no combining marks or wide characters below U+0300:
        // one cell per printable scalar, no grapheme breaking needed.
        var total = 0
        for u in s.unicodeScalars {
            if u.value >= 0x300 {
                total = 0
                for c in s { total += of(c) }
                return total
            }
            if u.value >= 0x20, u.value < 0x7F || u.value >= 0xA0 { total += 1 }
        }
        return total
    }

    public static func of(_ c: Character) -> Int {
        var width = 0
        for u in c.unicodeScalars {
            let w = of(u)
            // A cluster is as wide as its widest scalar ("e" + combining acute is 1, an emoji
            // ZWJ sequence is 2).
            if w > width { width = w }
        }
        return width
    }

    public static func of(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if isWide(v) || u.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// East Asian Width W and F ranges (Unicode 15, abridged to whole blocks).
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `s` that fits in `width` cells, with "…" when something was cut.
    public static func truncate(_ s: String, to width: Int) -> String {
        truncate(s, width: of(s), to: width)
    }

    /// `truncate(_:to:)` for a string whose width `sWidth` is known.
    static func truncate(_ s: String, width sWidth: Int, to width: Int) -> String {
        if width <= 0 { return "" }
        if sWidth <= width { return s }
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }
}
