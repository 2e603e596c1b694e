/// Splits a token stream into sentences.
///
/// A sentence ends at `.`, `!`, `?`, `...` or `…` when the next word (after closing quotes and
/// brackets, which stay with the sentence they close, and opening ones, which go with the next)
/// is capitalised or a plain number. A period does not end a sentence after an abbreviation
/// (`abbreviations.tsv`), a single letter ("J. F. Kennedy", "z. B."), an ordinal ("am 17. Juni",
/// "der 3. Platz"; but "auf Rang 144. Es ..." ends), a short date ("am 17.6.") or a Roman
/// ordinal ("Ludwig XIV."). A short bracket closing the text ("(APA/red)") is a sentence of its
/// own. Line breaks: see `LineLayout`. The rules follow SoMaJo's where it is right, measured with
/// scripts/evaluate.sh on 10kGNAD.
public struct SentenceSplitter: Sendable {
    /// The abbreviation lists of `abbreviations.tsv` (lower case, without the period) in one
    /// byte-keyed map, asked once at every period after a word; per word a bit for: an
    /// abbreviation whose period never ends a sentence; one after a number ("5 Mio. Euro",
    /// "19. Jh.": a sentence start after it, "um 5 Mio. Die Kosten", ends the sentence); one
    /// only before a number ("Art. 5"). Rows marked `end` ("usw.") are left out: their period
    /// ends a sentence as any other.
    let abbreviationKinds: WordMap<UInt8>
    static let abbreviationBit: UInt8 = 1, amountBit: UInt8 = 2, numberBit: UInt8 = 4
    /// Bit n: some word in `abbreviationKinds` has n bytes (n < 64; longer words are always
    /// looked up). Abbreviations are short, the words that end sentences often long: those
    /// need no lookup.
    let abbreviationLengths: UInt64
    /// Words that start a sentence after "NUMBER." ("auf Rang 144. Es fehlen"): the number is
    /// then a count ending the sentence, not an ordinal.
    let starterSet: WordSet
    /// Endings that make any word an abbreviation ("Hauptstr."), as bytes.
    let suffixBytes: [[UInt8]]

    public init(lexicon: Lexicon = .shared) {
        var abbr: Set<String> = [], number: Set<String> = [], starts: Set<String> = []
        var amount: Set<String> = []
        var suffixes: [String] = []
        for row in lexicon.table("abbreviations").rows {
            guard let first = row.first else { continue }
            var word = first.lowercased()
            while word.hasSuffix(".") { word.removeLast() }
            guard !word.isEmpty else { continue }
            switch row.count > 1 ? row[1].lowercased() : "abbr" {
            case "end": continue
            case "number": number.insert(word)
            case "suffix": suffixes.append(word)
            case "starter": starts.insert(word)
            case "amount": amount.insert(word)
            default: abbr.insert(word)
            }
        }
        var kinds = WordMap<UInt8>()
        for (words, bit) in [(abbr, Self.abbreviationBit), (amount, Self.amountBit), (number, Self.numberBit)] {
            for word in words { kinds[word] = (kinds[word] ?? 0) | bit }
        }
        abbreviationKinds = kinds
        var lengths: UInt64 = 0
        for word in kinds.keys where word.utf8.count < 64 { lengths |= 1 << UInt64(word.utf8.count) }
        abbreviationLengths = lengths
        starterSet = WordSet(starts)
        suffixBytes = suffixes.map { Array($0.utf8) }
    }

    /// The sentences of `tokens`. (`bytes`, the document's text, is kept for callers: the
    /// rules read only the tokens.)
    public func split(tokens: [Token], bytes: [UInt8]) -> [Sentence] {
        tokens.withUnsafeBufferPointer { split($0) }
    }

    /// The splitter on the token buffer: tokens are read in place, never copied (a copy
    /// retains and releases both of its Strings).
    func split(_ tokens: UnsafeBufferPointer<Token>) -> [Sentence] {
        var sentences: [Sentence] = []
        sentences.reserveCapacity(tokens.count / 12 + 1)
        var start = 0
        func close(_ endExclusive: Int) {
            guard endExclusive > start else { return }
            let span = TextSpan(tokens[start].span.start, tokens[endExclusive - 1].span.end)
            sentences.append(Sentence(span: span, tokens: start..<endExclusive))
            start = endExclusive
        }
        let n = tokens.count
        let layout = LineLayout(tokens)
        var i = 0
        while i < n {
            if i > start, tokens[i].newlinesBefore > 0, layout.breakEndsSentence(tokens, i) {
                close(i)
            }
            if Self.isTerminal(tokens, i), !isAbbreviationPeriod(tokens, i) {
                if let end = sentenceEnd(after: i, tokens) {
                    close(end)
                    i = end
                    continue
                }
            }
            i += 1
        }
        close(n)
        return sentences
    }

    // MARK: - Sentence ends

    /// Token index just past the sentence that the terminal mark at `i` ends, or nil when the
    /// text goes on within the same sentence.
    func sentenceEnd(after i: Int, _ tokens: UnsafeBufferPointer<Token>) -> Int? {
        var last = i
        var afterOpening = false
        var j = i + 1
        while j < tokens.count {
            if tokens[j].newlinesBefore > 0 { return last + 1 }
            let spaceBefore = tokens[j].spaceBefore
            if startsSentence(tokens, j), spaceBefore || afterOpening || isGluedSentence(tokens, j),
               !(tokens[j].kind == .number && tokens[j - 1].text.isByte(0x28)) {  // "12,5 Sek. (8./8.)"
                return last + 1
            }
            let attached = !spaceBefore
            if attached && !afterOpening && last == j - 1 && (Self.isTerminal(tokens, j) || isClosing(tokens, j)) {
                last = j
            } else if isByline(tokens, j) {
                return last + 1
            } else if isOpening(tokens, j) {
                afterOpening = true
            } else {
                return nil
            }
            j += 1
        }
        return nil
    }

    /// A short bracket closing the text or its line, as in "(APA/red)", "(afp)", "(red, 31. 7.
    /// 2015)": an agency or author byline, its own sentence even in lower case.
    func isByline(_ tokens: UnsafeBufferPointer<Token>, _ j: Int) -> Bool {
        guard tokens[j].text.isByte(0x28) else { return false }
        var k = j + 1
        while k < tokens.count, k <= j + 12 {
            if tokens[k].newlinesBefore > 0 { return false }
            // Only the periods of dates and abbreviations ("31. 7.", "stu.").
            if Self.isTerminal(tokens, k), !tokens[k].text.isByte(0x2E) || tokens[k].spaceBefore { return false }
            if tokens[k].text.isByte(0x29) { return k + 1 == tokens.count || tokens[k + 1].newlinesBefore > 0 }
            k += 1
        }
        return false
    }

    /// . ! ? … and runs of periods ("...", also ".."). Tokens are passed by index, here and
    /// below: a Token argument read from the buffer would be copied (two retains, two releases).
    @inline(__always)
    static func isTerminal(_ tokens: UnsafeBufferPointer<Token>, _ i: Int) -> Bool {
        guard tokens[i].kind == .punct else { return false }
        let u = tokens[i].text.utf8
        guard let b = u.first else { return false }
        switch u.count {
        case 1: return b == 0x2E || b == 0x21 || b == 0x3F
        case 3 where b == 0xE2: return tokens[i].text == "…"
        default: return b == 0x2E && u.dropFirst().first == 0x2E
        }
    }

    /// The token a sentence can start with: a capitalised word, a plain number ("2015", "52.
    /// Minute"), a hashtag or an @-mention.
    func startsSentence(_ tokens: UnsafeBufferPointer<Token>, _ j: Int) -> Bool {
        let kind = tokens[j].kind
        if kind == .number { return tokens[j].text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        let text = tokens[j].text
        if text.isByte(0x23) || text.isByte(0x40) {
            return j + 1 < tokens.count && !tokens[j + 1].spaceBefore && tokens[j + 1].kind == .word
        }
        guard kind == .word || kind == .symbol else { return false }
        return text.startsUppercase
    }

    /// "Ende.Die", "so der EuGH.Hingegen": a missing space after the period between a word with
    /// lower-case letters and a capitalised one (not "SAT.1", "Leave.EU", "f2.8", "DAS.GOLDBERG").
    func isGluedSentence(_ tokens: UnsafeBufferPointer<Token>, _ j: Int) -> Bool {
        guard j >= 2, tokens[j].kind == .word, tokens[j - 1].text.isByte(0x2E), tokens[j - 2].kind == .word else { return false }
        let word = tokens[j - 2].text.unicodeScalars
        let before = Array(word.suffix(2))
        let after = Array(tokens[j].text.unicodeScalars.prefix(2))
        return before.count == 2 && before.allSatisfy { $0.properties.isAlphabetic } && word.contains { $0.properties.isLowercase }
            && after.count == 2 && after[0].properties.isUppercase && after[1].properties.isLowercase
    }

    /// Quotes are told apart by spacing (typographic ones are normalised to `"` and `'`): one
    /// attached to the previous token closes, one after a space opens.
    @inline(__always)
    static func isQuote(_ tokens: UnsafeBufferPointer<Token>, _ j: Int) -> Bool {
        tokens[j].kind == .punct && (tokens[j].text.isByte(0x22) || tokens[j].text.isByte(0x27))
    }

    func isOpening(_ tokens: UnsafeBufferPointer<Token>, _ j: Int) -> Bool {
        guard tokens[j].kind == .punct else { return false }
        if Self.isQuote(tokens, j) { return tokens[j].spaceBefore || (j > 0 && isOpening(tokens, j - 1)) }
        let u = tokens[j].text.utf8
        guard let b = u.first else { return false }
        switch u.count {
        case 1:
            // ( [ {, and a dash (not "dass..?-Moderator")
            if b == 0x28 || b == 0x5B || b == 0x7B { return true }
            return b == 0x2D && tokens[j].spaceBefore
        case 2:
            if tokens[j].text == "¿" || tokens[j].text == "¡" { return true }
            return tokens[j].text == "--" && tokens[j].spaceBefore
        default: return false
        }
    }

    func isClosing(_ tokens: UnsafeBufferPointer<Token>, _ j: Int) -> Bool {
        guard tokens[j].kind == .punct else { return false }
        if Self.isQuote(tokens, j) { return !tokens[j].spaceBefore }
        let text = tokens[j].text
        return text.isByte(0x29) || text.isByte(0x5D) || text.isByte(0x7D)
    }

    // MARK: - Periods that do not end a sentence

    func isAbbreviationPeriod(_ tokens: UnsafeBufferPointer<Token>, _ dot: Int) -> Bool {
        guard dot > 0, tokens[dot].text.isByte(0x2E) else { return false }
        guard tokens[dot - 1].span.end == tokens[dot].span.start else { return false }
        switch tokens[dot - 1].kind {
        case .word:
            let lower = tokens[dot - 1].lower
            if lower.isOneScalar {
                // Initials, "z. B.", "u. a." -- but not the end of "km/h", "Gbit/s", "5s".
                guard dot >= 2, tokens[dot - 1].span.start == tokens[dot - 2].span.end else { return true }
                return tokens[dot - 2].text.isByte(0x2E) || isOpening(tokens, dot - 2)
            }
            let r = lower.utf8.withContiguousStorageIfAvailable { abbreviationWord($0, tokens, dot) }
            if let r { return r }
            return Array(lower.utf8).withUnsafeBufferPointer { abbreviationWord($0, tokens, dot) }
        case .number:
            // A clock time or score with two digits ends the sentence ("stand es 0:10."); one like
            // "2:1." is read like a short number below.
            if dot >= 2, tokens[dot - 2].text.isByte(0x3A), tokens[dot - 2].span.end == tokens[dot - 1].span.start,
               tokens[dot - 1].text.utf8.count == 2 { return false }
            guard Self.isOrdinal(tokens[dot - 1].text) else { return false }
            // "besten 32. Der", "Windows 10. Der": a count before a typical sentence start.
            return tokens[dot - 1].text.utf8.contains(UInt8(ascii: ".")) || !startsWithStarter(tokens, dot + 1)
        default:
            return false
        }
    }

    /// Whether the word before the period at `dot`, in lower case `lower` (two scalars or
    /// more), is an abbreviation there.
    func abbreviationWord(_ whole: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>, _ dot: Int) -> Bool {
        var lower = whole
        // "ATP-Nr.", "Weltranglisten-19.": the part after the last hyphen.
        var k = whole.count
        while k > 0, whole[k - 1] != 0x2D { k -= 1 }
        if k > 0 {
            let tail = UnsafeBufferPointer(rebasing: whole[k...])
            if let f = tail.first, f >= 0x30 && f <= 0x39 { return Self.isOrdinal(tail) }
            if !tail.isEmpty { lower = tail }
        }
        if lower.count >= 64 || abbreviationLengths >> UInt64(lower.count) & 1 != 0, let kind = abbreviationKinds.value(bytes: lower) {
            if kind & Self.abbreviationBit != 0 { return true }
            if kind & Self.amountBit != 0 { return !startsWithStarter(tokens, dot + 1) }
            if kind & Self.numberBit != 0, dot + 1 < tokens.count, tokens[dot + 1].kind == .number { return true }
        }
        for suffix in suffixBytes where suffix.count <= lower.count {
            var same = true
            let offset = lower.count - suffix.count
            for m in 0..<suffix.count where lower[offset + m] != suffix[m] { same = false; break }
            if same { return true }
        }
        // Only a word starting I, V, X or L can be one (its lower case's first byte, stored).
        let first = UInt8(truncatingIfNeeded: tokens[dot - 1].lowerPrefix >> 8)
        guard first == 0x69 || first == 0x76 || first == 0x78 || first == 0x6C else { return false }
        return Self.isRomanOrdinal(tokens[dot - 1].text)
    }

    /// A capitalised typical sentence start ("Die", "Es", "Im") after a space.
    func startsWithStarter(_ tokens: UnsafeBufferPointer<Token>, _ k: Int) -> Bool {
        guard k < tokens.count else { return false }
        guard tokens[k].spaceBefore, tokens[k].isCapitalized else { return false }
        return starterSet.contains(tokens[k].lower)
    }

    /// "17." "3." "100." are ordinals; so are numbers of five digits or more. Four-digit
    /// numbers from 1000 to 2999 are years and end sentences ("seit 2015."); "17.6." is a date.
    static func isOrdinal(_ number: String) -> Bool {
        if let r = number.utf8.withContiguousStorageIfAvailable({ isOrdinal($0) }) { return r }
        return Array(number.utf8).withUnsafeBufferPointer { isOrdinal($0) }
    }

    /// `isOrdinal` on the number's bytes: digits in one part, or two parts of at most two
    /// digits each ("17.6").
    static func isOrdinal(_ number: UnsafeBufferPointer<UInt8>) -> Bool {
        var parts = 1
        var partLength = 0
        var longestPart = 0
        for b in number {
            if b == 0x2E {
                if partLength == 0 { return false }
                parts += 1
                partLength = 0
                continue
            }
            guard b >= 0x30 && b <= 0x39 else { return false }
            partLength += 1
            longestPart = max(longestPart, partLength)
        }
        if partLength == 0 { return false }
        if parts == 2 { return longestPart <= 2 }  // 17.6.
        guard parts == 1 else { return false }
        let count = number.count
        if count <= 3 || count >= 5 { return true }
        return number[0] >= 0x33  // 3000-9999
    }

    /// "II." "XIV." "VIII." (made of I, V, X and L only: "CD." and "DC." are more often names).
    static func isRomanOrdinal(_ word: String) -> Bool {
        guard word.utf8.count <= 6, word.utf8.allSatisfy({ $0 == 0x49 || $0 == 0x56 || $0 == 0x58 || $0 == 0x4C }) else { return false }
        // Well-formed: tens (XL, L?X{0,3}) then units (IX, IV, V?I{0,3}).
        var rest = Substring(word)
        for group in [["XL", "L", ""], ["XXX", "XX", "X", ""], ["IX", "IV", "V", ""], ["III", "II", "I", ""]] {
            if let m = group.first(where: { !$0.isEmpty && rest.hasPrefix($0) }) { rest = rest.dropFirst(m.count) }
        }
        return rest.isEmpty && !word.isEmpty
    }
}
