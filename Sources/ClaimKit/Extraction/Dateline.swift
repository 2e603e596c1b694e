import Foundation

/// An agency or author dateline, "(APA, 23.8.2015)", "(APA/dpa; red, 1.4.2016)",
/// "(Markus Bernath; 01.11.2015)": the publication date of a news text.
///
/// A full numeric date (day, month, year: "23.8.2015", "01.11.15") right before a closing
/// parenthesis, after a comma or semicolon that follows at most four words (names, agency
/// codes, places; a hyphenated word is one) joined by "/", ",", ";", "-", "." after the
/// opening one. A parenthesis that holds a
/// clause ("(unterzeichnet von beiden Seiten am 3.4.2012)") is not a dateline.
///
/// Found on the text's bytes, without annotating the document: the corpus date prior
/// (`Pipeline.corpusDatePrior`) reads every document's dateline before any document is
/// annotated, and the document date resolver reads the same one.
public enum Dateline {
    /// The latest dateline date of `text`, as year, month and day.
    public static func latest(in text: String) -> CalendarDay? {
        var text = text
        return text.withUTF8 { latest(in: $0) }
    }

    /// The latest dateline date in UTF-8 `bytes`. Every closing parenthesis is looked at (a
    /// `memchr` walk over the text); only those after a dotted date are read further.
    public static func latest(in bytes: UnsafeBufferPointer<UInt8>) -> CalendarDay? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        var best: CalendarDay? = nil
        var from = 0
        while from < bytes.count,
              let hit = memchr(base + from, 0x29, bytes.count - from) {
            let close = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            from = close + 1
            guard let day = dateline(closingAt: close, bytes) else { continue }
            if best.map({ $0 < day }) ?? true { best = day }
        }
        return best
    }

    /// The dateline whose ")" is at `close`, if it is one.
    static func dateline(closingAt close: Int, _ b: UnsafeBufferPointer<UInt8>) -> CalendarDay? {
        var i = close - 1
        skipSpace(&i, b)
        // The date, read backwards: year, ".", month, ".", day.
        guard let year = digitsBackward(&i, b, counts: [2, 4]), i >= 0, b[i] == 0x2E else { return nil }
        i -= 1
        guard let month = digitsBackward(&i, b, counts: [1, 2]), i >= 0, b[i] == 0x2E else { return nil }
        i -= 1
        guard let day = digitsBackward(&i, b, counts: [1, 2]) else { return nil }
        let y = year.digits == 2 ? year.value + (year.value < 50 ? 2000 : 1900) : year.value
        guard (1800...2099).contains(y), let date = CalendarDay(validYear: y, month: month.value, day: day.value) else { return nil }
        // The date stands alone ("x23.8.2015" or "1,23.8.2015" is no date), after "," or ";".
        skipSpace(&i, b)
        guard i >= 1, b[i] == 0x2C || b[i] == 0x3B, !isDigit(b[i - 1]) else { return nil }
        i -= 1
        // Back to "(" over one to four words and the marks that join them.
        var words = 0
        while i >= 0 {
            let c = b[i]
            if c == 0x28 { return words >= 1 ? date : nil }
            if isSpace(c) || c == 0x2F || c == 0x2C || c == 0x3B || c == 0x2D || c == 0x2E {
                i -= 1
                continue
            }
            if let width = wideSpaceOrDash(endingAt: i, b) {
                i -= width
                continue
            }
            guard isWordByte(c) else { return nil }
            var letters = false
            // An inner hyphen joins one word, as the tokenizer keeps it ("Garmisch-Partenkirchen").
            while i >= 0, isWordByte(b[i]) || (b[i] == 0x2D && i >= 1 && isWordByte(b[i - 1])) {
                if !isDigit(b[i]) { letters = true }
                i -= 1
            }
            // A number between "(" and the date ("(2, 23.8.2015)") is not a name.
            guard letters else { return nil }
            words += 1
            if words > 4 { return nil }
        }
        return nil
    }

    /// A run of ASCII digits ending at `i` (moved before it) whose length is one of `counts`.
    private static func digitsBackward(_ i: inout Int, _ b: UnsafeBufferPointer<UInt8>, counts: [Int]) -> (value: Int, digits: Int)? {
        var value = 0
        var scale = 1
        var n = 0
        while i >= 0, isDigit(b[i]), n < 5 {
            value += Int(b[i] - 0x30) * scale
            scale *= 10
            n += 1
            i -= 1
        }
        return counts.contains(n) ? (value, n) : nil
    }

    @inline(__always) private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Letters, digits and any byte of a non-ASCII scalar (umlauts, ß, accented names; the
    /// spaces and dashes among them are taken out first by `wideSpaceOrDash`).
    @inline(__always) private static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c >= 0x80
    }

    /// The UTF-8 width of a no-break space (U+00A0), a space of U+2000–U+200B or U+202F (thin,
    /// narrow no-break) or a dash of U+2010–U+2015 (en, em) that ends at `i`: the tokenizer
    /// reads them as space and "-".
    private static func wideSpaceOrDash(endingAt i: Int, _ b: UnsafeBufferPointer<UInt8>) -> Int? {
        if i >= 1, b[i - 1] == 0xC2, b[i] == 0xA0 { return 2 }
        if i >= 2, b[i - 2] == 0xE2, b[i - 1] == 0x80, b[i] <= 0x95 || b[i] == 0xAF { return 3 }
        return nil
    }

    /// Moves `i` back over white space, ASCII or wide (not over a dash).
    private static func skipSpace(_ i: inout Int, _ b: UnsafeBufferPointer<UInt8>) {
        while i >= 0 {
            if isSpace(b[i]) { i -= 1; continue }
            guard let w = wideSpaceOrDash(endingAt: i, b), w == 2 || b[i] <= 0x8B || b[i] == 0xAF else { return }
            i -= w
        }
    }

    @inline(__always) private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D)
    }
}
