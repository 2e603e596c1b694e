/// Splits a token stream into sentences.
///
/// A sentence ends at `.`, `!`, `?` or `…` followed by a token that can start a sentence,
/// unless the period belongs to an abbreviation or an ordinal date; a line break after a line
/// without final punctuation ends a headline; closing quotes and brackets stay with the
/// sentence they close.
public struct SentenceSplitter: Sendable {
    public let abbreviations: Set<String>

    public init(lexicon: Lexicon = .shared) {
        abbreviations = Set(lexicon.table("abbreviations").rows.compactMap { $0.first?.lowercased() })
    }

    public func split(tokens: [Token], bytes: [UInt8]) -> [Sentence] {
        var sentences: [Sentence] = []
        var start = 0
        var i = 0
        func close(_ endExclusive: Int) {
            guard endExclusive > start else { return }
            let span = TextSpan(tokens[start].span.start, tokens[endExclusive - 1].span.end)
            sentences.append(Sentence(span: span, tokens: start..<endExclusive))
            start = endExclusive
        }
        while i < tokens.count {
            let t = tokens[i]
            // A line break ends the previous sentence (headlines, bylines, paragraphs).
            if i > start && t.newlinesBefore > 0 {
                close(i)
            }
            if t.kind == .punct && (t.text == "." || t.text == "!" || t.text == "?" || t.text == "..." || t.text == "…") {
                var j = i + 1
                while j < tokens.count, !tokens[j].spaceBefore, isCloser(tokens[j].text) { j += 1 }
                if j >= tokens.count { i = j; break }
                let next = tokens[j]
                if next.spaceBefore || next.newlinesBefore > 0, canStart(next), !isAbbreviation(tokens, i, start) {
                    close(j)
                    i = j
                    continue
                }
            }
            i += 1
        }
        close(tokens.count)
        return sentences
    }

    func isCloser(_ s: String) -> Bool { s == "\"" || s == "'" || s == ")" || s == "]" }

    func canStart(_ t: Token) -> Bool {
        if t.kind == .number { return true }
        if t.kind == .punct { return t.text == "\"" || t.text == "(" || t.text == "'" || t.text == "-" }
        return t.isCapitalized
    }

    func isAbbreviation(_ tokens: [Token], _ dot: Int, _ sentenceStart: Int) -> Bool {
        guard tokens[dot].text == ".", dot > sentenceStart else { return false }
        let prev = tokens[dot - 1]
        if prev.span.end != tokens[dot].span.start { return false }
        if prev.kind == .word {
            if abbreviations.contains(prev.lower) { return true }
            // Initials: "J. R. R."
            if prev.text.count == 1 && prev.isCapitalized { return true }
        }
        return false
    }
}
