/// How a document uses line breaks: one paragraph or headline per line, or running text
/// wrapped at a fixed width. In wrapped text a line break ends a sentence only after a short
/// line (a headline or the last line of a paragraph) or before an empty line.
struct LineLayout {
    /// Wrapped text: at least a quarter of the single line breaks go on in lower case.
    let wrapped: Bool
    /// Lines shorter than this (in bytes) end their sentence in wrapped text.
    let shortLine: Int

    init(_ tokens: [Token]) {
        var breaks = 0, lowerAfter = 0, longest = 0, lineStart = 0
        for (i, t) in tokens.enumerated() where i > 0 && t.newlinesBefore > 0 {
            longest = max(longest, tokens[i - 1].span.end - tokens[lineStart].span.start)
            lineStart = i
            guard t.newlinesBefore == 1 else { continue }
            breaks += 1
            if let f = t.text.unicodeScalars.first, f.properties.isLowercase { lowerAfter += 1 }
        }
        wrapped = breaks >= 3 && lowerAfter * 4 >= breaks
        shortLine = longest * 2 / 3
    }

    /// Whether the line break before token `i` ends the sentence that `i` would continue.
    func breakEndsSentence(_ tokens: [Token], _ i: Int) -> Bool {
        let t = tokens[i]
        if t.newlinesBefore >= 2 { return true }
        if let f = t.text.unicodeScalars.first, f.properties.isLowercase { return false }
        // A line ending in a comma, semicolon or hyphen goes on ("sagten,\nDie Lage ...").
        let before = tokens[i - 1].text
        if before == "," || before == ";" || before.hasSuffix("-") { return false }
        guard wrapped else { return true }
        var lineStart = i - 1
        while lineStart > 0, tokens[lineStart].newlinesBefore == 0 { lineStart -= 1 }
        return tokens[i - 1].span.end - tokens[lineStart].span.start < shortLine
    }
}
