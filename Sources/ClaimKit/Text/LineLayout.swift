/// How a document uses line breaks: one paragraph or headline per line, or running text
/// wrapped at a fixed width. In wrapped text a line break ends a sentence only after a short
/// line (a headline or the last line of a paragraph) or before an empty line.
struct LineLayout {
    /// Wrapped text: at least a quarter of the single line breaks go on in lower case.
    let wrapped: Bool
    /// Lines shorter than this (in bytes) end their sentence in wrapped text.
    let shortLine: Int

    /// Reads the tokens in place (the splitter's buffer): no Token is copied.
    init(_ tokens: UnsafeBufferPointer<Token>) {
        var breaks = 0, lowerAfter = 0, longest = 0, lineStart = 0
        var i = 1
        while i < tokens.count {
            defer { i += 1 }
            let newlines = tokens[i].newlinesBefore
            guard newlines > 0 else { continue }
            longest = max(longest, tokens[i - 1].span.end - tokens[lineStart].span.start)
            lineStart = i
            guard newlines == 1 else { continue }
            breaks += 1
            if tokens[i].text.startsLowercase { lowerAfter += 1 }
        }
        wrapped = breaks >= 3 && lowerAfter * 4 >= breaks
        shortLine = longest * 2 / 3
    }

    /// Whether the line break before token `i` ends the sentence that `i` would continue.
    func breakEndsSentence(_ tokens: UnsafeBufferPointer<Token>, _ i: Int) -> Bool {
        if tokens[i].newlinesBefore >= 2 { return true }
        if tokens[i].text.startsLowercase { return false }
        // A line ending in a comma, semicolon or hyphen goes on ("sagten,\nDie Lage ...").
        let before = tokens[i - 1].text
        if before.isByte(0x2C) || before.isByte(0x3B) || before.utf8.last == 0x2D { return false }
        guard wrapped else { return true }
        var lineStart = i - 1
        while lineStart > 0, tokens[lineStart].newlinesBefore == 0 { lineStart -= 1 }
        return tokens[i - 1].span.end - tokens[lineStart].span.start < shortLine
    }
}
