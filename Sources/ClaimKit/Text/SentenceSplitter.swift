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
    /// Abbreviations (lower case, without the period) whose period never ends a sentence.
    public let abbreviations: Set<String>
    /// Abbreviations whose period ends a sentence when a capitalised word follows ("usw.").
    public let sentenceFinalAbbreviations: Set<String>
    /// Abbreviations only before a number ("Art. 5").
    public let numberAbbreviations: Set<String>
    /// Abbreviations after a number ("5 Mio. Euro", "19. Jh."): a sentence start after them
    /// ("um 5 Mio. Die Kosten ...") ends the sentence.
    public let amountAbbreviations: Set<String>
    /// Endings that make any word an abbreviation ("Hauptstr.").
    public let abbreviationSuffixes: [String]
    /// Words that start a sentence after "NUMBER." ("auf Rang 144. Es fehlen"): the number is
    /// then a count ending the sentence, not an ordinal.
    public let starters: Set<String>

    public init(lexicon: Lexicon = .shared) {
        var abbr: Set<String> = [], final: Set<String> = [], number: Set<String> = [], starts: Set<String> = []
        var amount: Set<String> = []
        var suffixes: [String] = []
        for row in lexicon.table("abbreviations").rows {
            guard let first = row.first else { continue }
            var word = first.lowercased()
            while word.hasSuffix(".") { word.removeLast() }
            guard !word.isEmpty else { continue }
            switch row.count > 1 ? row[1].lowercased() : "abbr" {
            case "end": final.insert(word)
            case "number": number.insert(word)
            case "suffix": suffixes.append(word)
            case "starter": starts.insert(word)
            case "amount": amount.insert(word)
            default: abbr.insert(word)
            }
        }
        abbreviations = abbr
        sentenceFinalAbbreviations = final
        numberAbbreviations = number
        abbreviationSuffixes = suffixes
        starters = starts
        amountAbbreviations = amount
    }

    public func split(tokens: [Token], bytes: [UInt8]) -> [Sentence] {
        var sentences: [Sentence] = []
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
            if isTerminal(tokens[i]), !isAbbreviationPeriod(tokens, i, bytes) {
                if let end = sentenceEnd(after: i, tokens, bytes) {
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
    func sentenceEnd(after i: Int, _ tokens: [Token], _ bytes: [UInt8]) -> Int? {
        var last = i
        var afterOpening = false
        var j = i + 1
        while j < tokens.count {
            let t = tokens[j]
            if t.newlinesBefore > 0 { return last + 1 }
            if startsSentence(tokens, j), t.spaceBefore || afterOpening || isGluedSentence(tokens, j),
               !(t.kind == .number && tokens[j - 1].text == "(") {  // "12,5 Sek. (8./8.)"
                return last + 1
            }
            let attached = !t.spaceBefore
            if attached && !afterOpening && last == j - 1 && (isTerminal(t) || isClosing(tokens, j, bytes)) {
                last = j
            } else if isByline(tokens, j) {
                return last + 1
            } else if isOpening(tokens, j, bytes) {
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
    func isByline(_ tokens: [Token], _ j: Int) -> Bool {
        guard tokens[j].text == "(" else { return false }
        var k = j + 1
        while k < tokens.count, k <= j + 12 {
            let t = tokens[k]
            if t.newlinesBefore > 0 { return false }
            // Only the periods of dates and abbreviations ("31. 7.", "stu.").
            if isTerminal(t), t.text != "." || t.spaceBefore { return false }
            if t.text == ")" { return k + 1 == tokens.count || tokens[k + 1].newlinesBefore > 0 }
            k += 1
        }
        return false
    }

    func isTerminal(_ t: Token) -> Bool {
        guard t.kind == .punct else { return false }
        switch t.text {
        case ".", "!", "?", "...", "…": return true
        default: return t.text.hasPrefix("..")
        }
    }

    /// The token a sentence can start with: a capitalised word, a plain number ("2015", "52.
    /// Minute"), a hashtag or an @-mention.
    func startsSentence(_ tokens: [Token], _ j: Int) -> Bool {
        let t = tokens[j]
        if t.kind == .number { return t.text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        if t.text == "#" || t.text == "@" {
            return j + 1 < tokens.count && !tokens[j + 1].spaceBefore && tokens[j + 1].kind == .word
        }
        guard t.kind == .word || t.kind == .symbol, let f = t.text.unicodeScalars.first else { return false }
        return f.properties.isUppercase
    }

    /// "Ende.Die", "so der EuGH.Hingegen": a missing space after the period between a word with
    /// lower-case letters and a capitalised one (not "SAT.1", "Leave.EU", "f2.8", "DAS.GOLDBERG").
    func isGluedSentence(_ tokens: [Token], _ j: Int) -> Bool {
        guard j >= 2, tokens[j].kind == .word, tokens[j - 1].text == ".", tokens[j - 2].kind == .word else { return false }
        let word = tokens[j - 2].text.unicodeScalars
        let before = Array(word.suffix(2))
        let after = Array(tokens[j].text.unicodeScalars.prefix(2))
        return before.count == 2 && before.allSatisfy { $0.properties.isAlphabetic } && word.contains { $0.properties.isLowercase }
            && after.count == 2 && after[0].properties.isUppercase && after[1].properties.isLowercase
    }

    /// Quotes are told apart by spacing (typographic ones are normalised to `"` and `'`): one
    /// attached to the previous token closes, one after a space opens.
    func isQuote(_ t: Token) -> Bool { t.kind == .punct && (t.text == "\"" || t.text == "'") }

    func isOpening(_ tokens: [Token], _ j: Int, _ bytes: [UInt8]) -> Bool {
        let t = tokens[j]
        guard t.kind == .punct else { return false }
        if isQuote(t) { return t.spaceBefore || (j > 0 && isOpening(tokens, j - 1, bytes)) }
        switch t.text {
        case "(", "[", "{", "¿", "¡": return true
        case "-", "--": return t.spaceBefore  // a dash, not "dass..?-Moderator"
        default: return false
        }
    }

    func isClosing(_ tokens: [Token], _ j: Int, _ bytes: [UInt8]) -> Bool {
        let t = tokens[j]
        guard t.kind == .punct else { return false }
        if isQuote(t) { return !t.spaceBefore }
        return t.text == ")" || t.text == "]" || t.text == "}"
    }

    // MARK: - Periods that do not end a sentence

    func isAbbreviationPeriod(_ tokens: [Token], _ dot: Int, _ bytes: [UInt8]) -> Bool {
        guard tokens[dot].text == ".", dot > 0 else { return false }
        let prev = tokens[dot - 1]
        guard prev.span.end == tokens[dot].span.start else { return false }
        switch prev.kind {
        case .word:
            var lower = prev.lower
            if lower.unicodeScalars.count == 1 {
                // Initials, "z. B.", "u. a." -- but not the end of "km/h", "Gbit/s", "5s".
                guard dot >= 2, prev.span.start == tokens[dot - 2].span.end else { return true }
                let before = tokens[dot - 2]
                return before.text == "." || isOpening(tokens, dot - 2, bytes)
            }
            // "ATP-Nr.", "Weltranglisten-19."
            if let hyphen = lower.lastIndex(of: "-") {
                let tail = String(lower[lower.index(after: hyphen)...])
                if tail.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true { return Self.isOrdinal(tail) }
                if !tail.isEmpty { lower = tail }
            }
            if abbreviations.contains(lower) { return true }
            if amountAbbreviations.contains(lower) { return !startsWithStarter(tokens, dot + 1) }
            if numberAbbreviations.contains(lower), dot + 1 < tokens.count, tokens[dot + 1].kind == .number { return true }
            if abbreviationSuffixes.contains(where: { lower.hasSuffix($0) }) { return true }
            return Self.isRomanOrdinal(prev.text)
        case .number:
            // A clock time or score with two digits ends the sentence ("stand es 0:10."); one like
            // "2:1." is read like a short number below.
            if dot >= 2, tokens[dot - 2].text == ":", tokens[dot - 2].span.end == prev.span.start, prev.text.utf8.count == 2 { return false }
            guard Self.isOrdinal(prev.text) else { return false }
            // "besten 32. Der", "Windows 10. Der": a count before a typical sentence start.
            return prev.text.utf8.contains(UInt8(ascii: ".")) || !startsWithStarter(tokens, dot + 1)
        default:
            return false
        }
    }

    /// A capitalised typical sentence start ("Die", "Es", "Im") after a space.
    func startsWithStarter(_ tokens: [Token], _ k: Int) -> Bool {
        guard k < tokens.count else { return false }
        let t = tokens[k]
        return t.spaceBefore && t.isCapitalized && starters.contains(t.lower)
    }

    /// "17." "3." "100." are ordinals; so are numbers of five digits or more. Four-digit
    /// numbers from 1000 to 2999 are years and end sentences ("seit 2015."); "17.6." is a date.
    static func isOrdinal(_ number: String) -> Bool {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) else { return false }
        if parts.count == 2 { return parts.allSatisfy { $0.utf8.count <= 2 } }  // 17.6.
        guard parts.count == 1 else { return false }
        let digits = Array(number.utf8)
        if digits.count <= 3 || digits.count >= 5 { return true }
        return digits[0] >= 0x33  // 3000-9999
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
