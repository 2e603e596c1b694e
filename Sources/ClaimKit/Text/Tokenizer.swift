import Foundation

/// Splits a document's UTF-8 bytes into word, number and punctuation tokens.
///
///     Tokenizer.tokenize(Array("rund 11.000 Soldaten.".utf8))
///     // rund · 11.000 · Soldaten · .
///
/// Numbers keep their grouping ("14.000", "12'000", "1,5"); words keep inner hyphens
/// ("Kim Jong-un", "Ukraine-Konflikt") and a truncation hyphen ("Artillerie- und").
public enum Tokenizer {
    public static func tokenize(_ bytes: [UInt8]) -> [Token] {
        bytes.withUnsafeBufferPointer { tokenize($0) }
    }

    /// The tokenizer on the bytes themselves: every byte of a corpus passes here, so no
    /// bounds-checked array access, and ASCII (nearly every byte) takes short paths.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        // A document has fewer tokens than a fifth of its bytes nearly always (a sixth on
        // 10kGNAD).
        tokenize(bytes, firstCapacity: bytes.count / 5 + 16)
    }

    /// `tokenize`, the tokens written straight into the array's storage (no `append`, which
    /// checks uniqueness and capacity per token): the first `firstCapacity` into one array, any
    /// more into further ones appended to it.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, firstCapacity: Int) -> [Token] {
        var scan = Scan()
        var tokens = [Token](unsafeUninitializedCapacity: max(firstCapacity, 1)) { out, count in
            count = fill(bytes, out, &scan)
        }
        while scan.i < bytes.count {
            let more = [Token](unsafeUninitializedCapacity: (bytes.count - scan.i) / 2 + 16) { out, count in
                count = fill(bytes, out, &scan)
            }
            tokens.append(contentsOf: more)
        }
        return tokens
    }

    /// Where `fill` stopped: the next byte, and the space and line breaks seen before it.
    struct Scan {
        var i = 0
        var space = false
        /// Saturated at `UInt16.max` as it is counted (what `Token` stores), so that no token
        /// pays for clamping it.
        var newlines: UInt16 = 0
    }

    /// Tokens from `scan.i` on into `out` until the bytes end or `out` is full; the count
    /// written (`Token` is trivial: nothing to deinitialise on any path).
    static func fill(_ bytes: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<Token>, _ scan: inout Scan) -> Int {
        // Two copies of the loop, each with `SmallUTF8.isAvailable` (fixed for the process)
        // folded in: no flag kept live and tested per token.
        SmallUTF8.isAvailable ? fill(bytes, out, &scan, small: true) : fill(bytes, out, &scan, small: false)
    }

    @inline(__always)
    static func fill(_ bytes: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<Token>, _ scan: inout Scan,
                     small: Bool) -> Int {
        // The base address once (nil only for no bytes, when there is nothing to do), not per token.
        guard let to = out.baseAddress, let base = bytes.baseAddress else { return 0 }
        let capacity = out.count
        var written = 0
        var i = scan.i
        var space = scan.space
        var newlines = scan.newlines
        defer { scan = Scan(i: i, space: space, newlines: newlines) }
        let n = bytes.count
        // Read once: a `static let` costs a check per access.
        let oneByte = oneByteFlags
        while i < n {
            let b0 = bytes[i]
            // ASCII white space (the common case of `isSpace`).
            if b0 == 0x20 || (b0 >= 0x09 && b0 <= 0x0D) {
                space = true
                if b0 == 0x0A || (b0 == 0x0D && (i + 1 >= n || bytes[i + 1] != 0x0A)) { addNewlines(&newlines, 1) }
                i += 1
                continue
            }
            let (scalar, len) = b0 < 0x80 ? (Unicode.Scalar(b0), 1) : decode(bytes, i)
            let v = scalar.value
            if v >= 0x80, isSpace(v) {
                space = true
                // LF, CR not followed by LF, NEL and U+2028 are line breaks; U+2029 a paragraph.
                if v == 0x85 || v == 0x2028 { addNewlines(&newlines, 1) }
                if v == 0x2029 { addNewlines(&newlines, 2) }
                i += len
                continue
            }
            if v == 0xAD { i += len; continue }  // soft hyphen between tokens
            let start = i
            var kind: Token.Kind
            // Only bytes below 0x80 (and a soft hyphen, dropped) can change in `normalizedText`.
            var ascii = true
            // The run of ASCII letters and digits at the start: the whole of most tokens. A web
            // address needs one of . @ - _ % + : right after it (the run is all a word or domain
            // scan would read first), so nearly every token is told apart here without a
            // second scan.
            let run = b0 < 0x80 ? alnumRunEnd(bytes, i) : i
            if run > i, run < n, mayContinueWebAddress(bytes[run]),
               // After "." or "@" a domain or e-mail address needs a letter or digit ("Wien. Die"
               // is none), unless the token may start "http:", "www." (`webAddressEnd`).
               bytes[run] != 0x2E && bytes[run] != 0x40 || (run + 1 < n && isAlnumByte(bytes[run + 1]))
                || b0 == 0x68 || b0 == 0x77 || b0 == 0x57,
               let end = webAddressEnd(bytes, i, run) {
                // URLs, e-mail addresses and domains ("www.allinrechner.at") are one token, so
                // their dots neither split words nor end sentences.
                kind = .symbol
                i = end
            } else if isDigit(v) {
                kind = .number
                i += len
                while i < n {
                    let b = bytes[i]
                    if b >= 0x30 && b <= 0x39 { i += 1; continue }
                    // Grouping or decimal separator between digits: 14.000, 1,5, 12'000, 12’000.
                    if b == 0x2E || b == 0x2C || b == 0x27, i + 1 < n, isDigitByte(bytes[i + 1]) { i += 2; continue }
                    if b == 0xE2, i + 3 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99, isDigitByte(bytes[i + 3]) { i += 4; ascii = false; continue }
                    // Thin or narrow no-break space as a thousands separator: "12 000" (U+2009, U+202F).
                    if b == 0xE2, i + 3 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x89 || bytes[i + 2] == 0xAF,
                       isDigitByte(bytes[i + 3]), groupFollows(bytes, i + 3) { i += 3; ascii = false; continue }
                    break
                }
            } else if run > i {
                // An ASCII letter: the word goes on after its letter-and-digit run below.
                kind = .word
                i = run
                // Most words end at a space or ASCII punctuation: no more to read.
                if i < n, bytes[i] >= 0x80 || bytes[i] == 0x2D || bytes[i] == 0x27 { wordLoop(bytes, &i, &ascii) }
            } else if isLetter(scalar) {
                kind = .word
                i += len
                ascii = false
                wordLoop(bytes, &i, &ascii)
            } else {
                kind = isPunct(v) ? .punct : .symbol
                i += len
                if len > 1 { ascii = false }
                // "..." as one token.
                if v == 0x2E { while i < n && bytes[i] == 0x2E { i += 1 } }
            }
            if written == capacity {
                i = start  // this token goes into the next array
                break
            }
            let token: Token
            let count = i - start
            // One ASCII byte (a fifth of all tokens: punctuation, initials): its fields from a
            // table.
            if small, count == 1, b0 < 0x80 {
                let top: UInt64 = 0xE1 << 56  // `SmallUTF8.top(1, ascii: true)`
                let lower = b0 >= 0x41 && b0 <= 0x5A ? b0 + 0x20 : b0
                (to + written).initialize(to: Token(span: TextSpan(start, i), kind: kind, textBits: (UInt64(b0), top),
                                                    lowerBits: (UInt64(lower), top), flags: oneByte[Int(b0)],
                                                    lowerPrefix: UInt16(lower) << 8, spaceBefore: space,
                                                    newlines: newlines))
                written += 1
                space = false
                newlines = 0
                continue
            }
            if small, count <= SmallUTF8.capacity {
                let (lo, hi) = SmallUTF8.load(base, n, start, count)
                let allASCII = (lo | hi) & 0x8080_8080_8080_8080 == 0
                let lower: (UInt64, UInt64)?
                if allASCII {
                    lower = (SmallUTF8.asciiLower(lo), SmallUTF8.asciiLower(hi))
                } else {
                    lower = latin1Lower(lo, hi, count)
                }
                if let (lowerLo, lowerHi) = lower {
                    // ASCII: the last byte lowered from the text, not shifted out of the words.
                    let bit = allASCII ? SmallUTF8.filterBit(lowerLo, count, lastASCII: bytes[i &- 1])
                        : SmallUTF8.filterBit(lowerLo, lowerHi, count)
                    let prefix = SmallUTF8.prefix(lowerLo)
                    let capitalized = SmallUTF8.startsUppercase(lo)
                    let top = SmallUTF8.top(count, ascii: allASCII)
                    let flags = UInt16(truncatingIfNeeded: bit) | (capitalized ? Token.capitalFlag : 0)
                    (to + written).initialize(to: Token(span: TextSpan(start, i), kind: kind, textBits: (lo, hi | top),
                                                        lowerBits: (lowerLo, lowerHi | top), flags: flags, lowerPrefix: prefix,
                                                        spaceBefore: space, newlines: newlines))
                    written += 1
                    space = false
                    newlines = 0
                    continue
                }
            }
            if small, count > SmallUTF8.capacity, let token = longToken(bytes, start, i, kind, space, newlines) {
                (to + written).initialize(to: token)
                written += 1
                space = false
                newlines = 0
                continue
            }
            if ascii {
                // One-byte tokens (a fifth of all: punctuation, initials) from a table: no String
                // is made or validated.
                let text = i - start == 1 ? oneByteStrings[Int(bytes[start])]
                    : string(bytes, start, i)
                token = Token(span: TextSpan(start, i), kind: kind, text: text,
                              lower: Token.lowercase(UnsafeBufferPointer(rebasing: bytes[start..<i]), text),
                              spaceBefore: space, newlinesBefore: Int(newlines))
            } else {
                let (text, plain) = normalizedText(bytes, start, i)
                let lower = plain ? Token.lowercase(UnsafeBufferPointer(rebasing: bytes[start..<i]), text)
                    : Token.lowercase(text)
                token = Token(span: TextSpan(start, i), kind: kind, text: text, lower: lower,
                              spaceBefore: space, newlinesBefore: Int(newlines))
            }
            (to + written).initialize(to: token)
            written += 1
            space = false
            newlines = 0
        }
        return written
    }

    /// `count += k`, saturating (the clamp of the sum, as `Token` stores it).
    @inline(__always)
    static func addNewlines(_ count: inout UInt16, _ k: UInt16) {
        let (sum, overflow) = count.addingReportingOverflow(k)
        count = overflow ? .max : sum
    }

    /// The rest of a word from `i`: letters, digits, marks, soft hyphens, and inner hyphens
    /// and apostrophes; `ascii` is cleared at the first byte that is not ASCII.
    @inline(__always)
    static func wordLoop(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ ascii: inout Bool) {
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            // ASCII letters and digits: the common case of the loop below.
            if (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) { i += 1; continue }
            // U+00C0-U+00FF (umlauts, ß, accents) but × and ÷: letters, without decoding.
            if c == 0xC3, i + 1 < n {
                let d = bytes[i + 1]
                if d >= 0x80 && d <= 0xBF && d != 0x97 && d != 0xB7 { i += 2; ascii = false; continue }
            }
            let (s, l) = c < 0x80 ? (Unicode.Scalar(c), 1) : decode(bytes, i)
            if s.value >= 0x80, isLetter(s) || s.value == 0xAD || isMark(s) { i += l; ascii = false; continue }
            // Inner hyphen or apostrophe followed by a letter or digit.
            if s == "-" || s == "'" || s.value == 0x2019 || s.value == 0x2010 {
                if i + l < n {
                    let (next, _) = decode(bytes, i + l)
                    if isLetter(next) || isDigit(next.value) { i += l; if l > 1 { ascii = false }; continue }
                    // Truncated compound: "Artillerie- und", "Kampf-, Transport-".
                    if s == "-" || s.value == 0x2010, isSpace(next.value) || next == "," { i += l; if l > 1 { ascii = false } }
                }
            }
            break
        }
    }

    /// The lower case of bytes `start..<end` (at most 15) as `SmallUTF8.load` would give it,
    /// when they are ASCII and Latin-1 letters that `normalizedText` keeps as they are (lead byte
    /// 0xC2 or 0xC3 and a continuation byte, not U+00A0, U+00AB, U+00AD, U+00BB): the bytes are
    /// then valid UTF-8 and their own normal form, and their lower case is `Token.lowercase`'s.
    /// nil for any other byte.
    static func latin1Lower(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (UInt64, UInt64)? {
        // The lower-case bytes go into the two words' memory, one store each.
        var words: (UInt64, UInt64) = (0, 0)
        let valid = withUnsafeMutableBytes(of: &words) { out -> Bool in
            guard end - start <= out.count else { return false }
            var k = start, at = 0
            while k < end {
                let c = bytes[k]
                if c < 0x80 {
                    out[at] = c >= 0x41 && c <= 0x5A ? c + 0x20 : c
                    at += 1
                    k += 1
                    continue
                }
                guard c == 0xC2 || c == 0xC3, k + 1 < end else { return false }
                var d = bytes[k + 1]
                guard d & 0xC0 == 0x80 else { return false }
                if c == 0xC2 {
                    guard d != 0xA0 && d != 0xAB && d != 0xAD && d != 0xBB else { return false }
                } else if d <= 0x9E && d != 0x97 {
                    d += 0x20
                }
                out[at] = c
                out[at + 1] = d
                at += 2
                k += 2
            }
            return true
        }
        return valid ? (UInt64(littleEndian: words.0), UInt64(littleEndian: words.1)) : nil
    }

    /// `latin1Lower(bytes, start, end)` from the token's bytes as `SmallUTF8.load` gives them
    /// (`count` of them, at most 15): the ASCII bytes lowered eight at a time (SWAR), then only
    /// the non-ASCII ones (an umlaut or two) read one by one.
    @inline(__always)
    static func latin1Lower(_ lo: UInt64, _ hi: UInt64, _ count: Int) -> (UInt64, UInt64)? {
        let high: UInt64 = 0x8080_8080_8080_8080
        var lower = (asciiLowerKeepingHigh(lo), asciiLowerKeepingHigh(hi))
        var rest = (lo & high, hi & high)  // the high bit of each byte still to read
        @inline(__always) func byte(_ k: Int) -> UInt8 {
            UInt8(truncatingIfNeeded: k < 8 ? lo >> UInt64(k &* 8) : hi >> UInt64((k &- 8) &* 8))
        }
        while rest.0 | rest.1 != 0 {
            let k = rest.0 != 0 ? rest.0.trailingZeroBitCount >> 3 : 8 + rest.1.trailingZeroBitCount >> 3
            let c = byte(k)
            guard c == 0xC2 || c == 0xC3, k + 1 < count else { return nil }
            let d = byte(k + 1)
            guard d & 0xC0 == 0x80 else { return nil }
            if c == 0xC2 {
                guard d != 0xA0 && d != 0xAB && d != 0xAD && d != 0xBB else { return nil }
            } else if d <= 0x9E && d != 0x97 {
                let j = k + 1
                if j < 8 { lower.0 += 0x20 << UInt64(j &* 8) } else { lower.1 += 0x20 << UInt64((j &- 8) &* 8) }
            }
            // Both bytes read: clear their high bits.
            for j in k...(k + 1) {
                if j < 8 { rest.0 &= ~(0x80 << UInt64(j &* 8)) } else { rest.1 &= ~(0x80 << UInt64((j &- 8) &* 8)) }
            }
        }
        return lower
    }

    /// A-Z to a-z in a word, bytes of 0x80 and above left as they are (SWAR on the low seven
    /// bits, so that no carry crosses bytes).
    @inline(__always)
    static func asciiLowerKeepingHigh(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let y = x & ~high
        let upper = (y &+ (0x80 - 0x41) &* ones) & ~(y &+ (0x80 - 0x5B) &* ones) & ~x & high
        return x | (upper >> 2)
    }

    /// The token of bytes `start..<end` (more than 15) when they are ASCII and Latin-1 letters
    /// as `latin1Lower` admits them (most long tokens: compounds): its Strings are the bytes and
    /// their lower case (`Token.lowercase`), taken from `LongStrings` without making a String
    /// when they are known. nil for any other byte.
    static func longToken(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ kind: Token.Kind,
                          _ space: Bool, _ newlines: UInt16) -> Token? {
        let count = end - start
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { out -> Token? in
            var k = start
            var changed = false
            guard let from = bytes.baseAddress, let to = out.baseAddress else { return nil }
            while k < end {
                // Eight ASCII bytes at a time (SWAR), the rest byte by byte.
                if k + 8 <= end {
                    let w = UInt64(littleEndian: UnsafeRawPointer(from + k).loadUnaligned(as: UInt64.self))
                    if w & 0x8080_8080_8080_8080 == 0 {
                        let l = SmallUTF8.asciiLower(w)
                        changed = changed || l != w
                        UnsafeMutableRawPointer(to + (k - start)).storeBytes(of: l.littleEndian, as: UInt64.self)
                        k += 8
                        continue
                    }
                }
                let c = bytes[k]
                if c < 0x80 {
                    let upper = c >= 0x41 && c <= 0x5A
                    out[k - start] = upper ? c + 0x20 : c
                    changed = changed || upper
                    k += 1
                    continue
                }
                guard c == 0xC2 || c == 0xC3, k + 1 < end else { return nil }
                var d = bytes[k + 1]
                guard d & 0xC0 == 0x80 else { return nil }
                if c == 0xC2 {
                    guard d != 0xA0 && d != 0xAB && d != 0xAD && d != 0xBB else { return nil }
                } else if d <= 0x9E && d != 0x97 {
                    d += 0x20
                    changed = true
                }
                out[k - start] = c
                out[k - start + 1] = d
                k += 2
            }
            let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let lower = UnsafeBufferPointer(rebasing: out[0..<count])
            let (textBits, lowerBits) = LongStrings.shared.bits(bytes: text, lower: changed ? lower : nil)
            let capitalized = (text[0] >= 0x41 && text[0] <= 0x5A)
                || (text[0] == 0xC3 && text[1] >= 0x80 && text[1] <= 0x9E && text[1] != 0x97)
            let flags = UInt16(truncatingIfNeeded: WordFilter.bit(lower)) | (capitalized ? Token.capitalFlag : 0)
            return Token(span: TextSpan(start, end), kind: kind, textBits: textBits, lowerBits: lowerBits, flags: flags,
                         lowerPrefix: UInt16(lower[0]) << 8 | UInt16(lower[1]), spaceBefore: space,
                         newlines: newlines)
        }
    }

    /// The String of each ASCII byte.
    static let oneByteStrings: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// `Token.flags` of the token of each ASCII byte: the filter bit of its lower case, and
    /// whether it is a capital.
    static let oneByteFlags: [UInt16] = (0..<128).map { (b: Int) -> UInt16 in
        let upper = b >= 0x41 && b <= 0x5A
        let lower = UInt8(upper ? b + 0x20 : b)
        return UInt16(WordFilter.bit(count: 1, first: lower, second: lower, last: lower)) | (upper ? Token.capitalFlag : 0)
    }

    /// One past the run of ASCII letters and digits from `i`, eight bytes at a time.
    @inline(__always)
    static func alnumRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var j = i
        let n = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while j + 8 <= n {
                let m = nonAlnumMask(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)))
                if m != 0 { return j + m.trailingZeroBitCount >> 3 }
                j += 8
            }
        }
        while j < n, isAlnumByte(bytes[j]) { j += 1 }
        return j
    }

    /// The high bit of each byte of `x` that is not an ASCII letter or digit (SWAR: each
    /// byte's 7 low bits plus a bias stay below 0x100, so no carry crosses bytes).
    @inline(__always)
    static func nonAlnumMask(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let y = x & ~high
        let digit = (y &+ (0x80 - 0x30) &* ones) & ~(y &+ (0x7F - 0x39) &* ones)
        let folded = y | (0x20 &* ones)  // A-Z onto a-z
        let letter = (folded &+ (0x80 - 0x61) &* ones) & ~(folded &+ (0x7F - 0x7A) &* ones)
        return (~(digit | letter) & high) | (x & high)
    }

    /// The String of bytes `start..<end`, made in place: for up to 15 ASCII bytes (most
    /// tokens) `String(unsafeUninitializedCapacity:)` builds a small string without the
    /// validation pass that `String(decoding:)` makes; other bytes are validated as there.
    @inline(__always)
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        let count = end - start
        return String(unsafeUninitializedCapacity: count) { out in
            guard let to = out.baseAddress, let from = bytes.baseAddress, count > 0 else { return 0 }
            UnsafeMutableRawPointer(to).copyMemory(from: from + start, byteCount: count)
            return count
        }
    }

    // MARK: - Web addresses

    /// Top-level domains that mark a bare domain name ("allinrechner.at", "ORF.at").
    static let topLevelDomains: WordSet = [
        "de", "at", "ch", "com", "org", "net", "eu", "info", "io", "tv", "fm", "uk", "fr", "it", "nl",
        "be", "ru", "us", "gov", "edu", "int", "co", "ly", "li", "lu", "online",
    ]

    /// The bytes that can follow the first run of letters and digits inside a web address:
    /// "www." "http:" "a-b.de" "a_b@c.de" "a%20b" "a+b@c.de". After any other byte there is none.
    @inline(__always) static func mayContinueWebAddress(_ b: UInt8) -> Bool {
        b == 0x2E || b == 0x40 || b == 0x2D || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x3A
    }

    /// End of a URL ("https://…", "www.…"), e-mail address or domain name starting at `i`,
    /// when the letters and digits from `i` run to `run` (already scanned).
    static func webAddressEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ run: Int) -> Int? {
        let n = bytes.count
        guard run > i else { return nil }
        let first = bytes[i]
        if first == 0x68 || first == 0x77 || first == 0x57, hasPrefix(bytes, i, "http://") || hasPrefix(bytes, i, "https://") || hasPrefix(bytes, i, "www.") || hasPrefix(bytes, i, "WWW.") {
            return trimmedURLEnd(bytes, i)
        }
        // A run of domain/e-mail characters; its letters and digits up to `run` are known.
        // Bounded: a start inside a long dotted run must not rescan it (quadratic time).
        guard run - i < 256 else { return nil }
        var j = run
        var at = -1
        var dots = 0
        while j < n, j - i < 256 {
            let b = bytes[j]
            if isAlnumByte(b) || b == 0x2D || b == 0x5F || b == 0x25 || b == 0x2B { j += 1; continue }
            if b == 0x2E, j + 1 < n, isAlnumByte(bytes[j + 1]) { dots += 1; j += 1; continue }
            if b == 0x40, at < 0, j + 1 < n, isAlnumByte(bytes[j + 1]) { at = j; dots = 0; j += 1; continue }
            break
        }
        guard dots > 0, j - i < 256 else { return nil }
        // The last label must be a top-level domain (an e-mail's: any 2+ letters).
        var k = j
        while k > i, bytes[k - 1] != 0x2E { k -= 1 }
        let tld = bytes[k..<j]
        if at >= 0 {
            guard at > i, tld.count >= 2, tld.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return nil }
            return j
        }
        guard topLevelDomains.contains(bytes: UnsafeBufferPointer(rebasing: tld)) else { return nil }
        var firstLabel = i
        while firstLabel < j, bytes[firstLabel] != 0x2E { firstLabel += 1 }
        guard firstLabel - i >= 2 else { return nil }
        if j + 1 < n, bytes[j] == 0x2F, !isSpaceByte(bytes[j + 1]) { return trimmedURLEnd(bytes, j) }
        return j
    }

    /// A URL runs to the next space, quote or non-ASCII byte; final punctuation is not part of it.
    static func trimmedURLEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var j = i
        var open = 0
        while j < bytes.count {
            let b = bytes[j]
            if b >= 0x80 || isSpaceByte(b) || b == 0x22 || b == 0x3C || b == 0x3E { break }
            if b == 0x28 { open += 1 }
            if b == 0x29 { if open == 0 { break }; open -= 1 }
            j += 1
        }
        while j > i, trailingURLPunctuation.contains(bytes[j - 1]) { j -= 1 }
        return j
    }

    /// . , ; : ! ? ' after a URL belong to the sentence.
    static let trailingURLPunctuation: Set<UInt8> = [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27]

    @inline(__always) static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { p in
            for k in 0..<count where bytes[i + k] != p[k] { return false }
            return true
        }
    }

    @inline(__always) static func isAlnumByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    @inline(__always) static func isSpaceByte(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    // MARK: - Character classes

    @inline(__always) static func isDigitByte(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    static func groupFollows(_ bytes: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        // exactly three digits follow a thin-space separator
        guard j + 3 <= bytes.count else { return false }
        for k in j..<(j + 3) where !isDigitByte(bytes[k]) { return false }
        return j + 3 == bytes.count || !isDigitByte(bytes[j + 3])
    }

    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// Combining marks (a decomposed "ö" is o + U+0308) and joiners stay inside their word.
    @inline(__always) static func isMark(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 { return false }
        if v == 0x200C || v == 0x200D { return true }
        return hasMarkCategory(s)
    }

    // The Unicode property lookups are out of line: `Unicode.GeneralCategory` and
    // `Unicode.Scalar.Properties` are resilient types, and a function that inlines a use of
    // them fetches their metadata in its prologue on every call, even when no scalar ever
    // needs them (a quarter of `wordLoop`'s instructions, once per word with an umlaut).
    @inline(never) static func hasMarkCategory(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    @inline(never) static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic
    }

    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        if v == 0xAA || v == 0xB5 || v == 0xBA { return true }
        if v < 0xC0 { return false }
        // Latin-1 and Latin Extended-A/B letters (umlauts, accents, ß): all alphabetic but × and ÷.
        if v < 0x250 { return v != 0xD7 && v != 0xF7 }
        // General Punctuation (typographic quotes and dashes: most tokens that start above
        // Latin) holds no letter; a Unicode property lookup costs hundreds of instructions.
        if v >= 0x2000 && v <= 0x206F { return false }
        return isAlphabetic(s)
    }

    static func isPunct(_ v: UInt32) -> Bool {
        switch v {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        case 0xAB, 0xBB, 0x2010...0x2027, 0x2039, 0x203A: return true
        default: return false
        }
    }

    @inline(__always) static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
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
    /// `plain`: the text is the bytes themselves.
    static func normalizedText(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (text: String, plain: Bool) {
        // Plain: ASCII and two-byte letters below U+0300 (umlauts, accents), none of which is
        // mapped below or is a combining mark; only U+00A0, U+00AB, U+00AD, U+00BB are.
        var plain = true
        var k = start
        while k < end {
            let b = bytes[k]
            if b < 0x80 { k += 1; continue }
            if b >= 0xC3 && b <= 0xCB { k += 2; continue }
            if b == 0xC2, k + 1 < end {
                let c = bytes[k + 1]
                if c != 0xA0 && c != 0xAB && c != 0xAD && c != 0xBB { k += 2; continue }
            }
            plain = false
            break
        }
        if plain { return (string(bytes, start, end), true) }
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
            case 0xA0, 0x2009, 0x202F: out.append(" ")  // thousands separator in "14 000"
            default: out.append(s)
            }
        }
        let text = String(out)
        // NFC only when a combining mark is present (rare; Foundation's mapping is slow).
        guard text.unicodeScalars.contains(where: { $0.value >= 0x300 && $0.properties.canonicalCombiningClass != .notReordered })
        else { return (text, false) }
        return (text.precomposedStringWithCanonicalMapping, false)
    }
}
