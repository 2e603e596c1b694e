import ClaimKit

/// `grep PATTERN [in DOC...]`: sentences containing a string or matching a regular expression.
public enum GrepCommand: ShellCommand {
    public static let name = "grep"
    public static let usage = "grep PATTERN [in DOC...]"
    public static let summary = "Find sentences containing a word or phrase, or matching /regex/."
    public static let help = """
        Lists the sentences (doc, sentence, text) that contain PATTERN, ignoring case and
        umlauts: pjongjang finds Pjöngjang, soldaten finds SOLDATEN, Grossbritannien finds
        Großbritannien. Several words form one phrase (grep Kim Jong Un); quote a pattern that
        contains the word in. /REGEX/ matches a regular expression instead (case-insensitive;
        /REGEX/c for case-sensitive). `in DOC...` limits the search to documents (ids or
        unique prefixes).
        """
    public static let examples = [
        CommandExample("grep pjongjang", expected: nil, note: "finds Pjöngjang"),
        CommandExample("grep /\\d+\\.000 Soldaten/ in 000 003", expected: nil),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let words = try invocation.words()
        var patternWords = words
        var documents = Array(session.corpus.documents.indices)
        if let k = words.indices.dropFirst().first(where: { words[$0].text.lowercased() == "in" && !words[$0].quoted }) {
            patternWords = Array(words[..<k])
            let names = words[(k + 1)...]
            guard !names.isEmpty else { throw ShellError("'in' needs documents", at: words[k].columns) }
            var chosen: [Int] = []
            for w in names {
                let i = try DocsCommand.resolve(w, in: session)
                if !chosen.contains(i) { chosen.append(i) }
            }
            documents = chosen.sorted()
        }
        guard let first = patternWords.first, let last = patternWords.last else {
            throw ShellError("grep needs a pattern: \(usage)", at: invocation.argumentOffset..<(invocation.argumentOffset + 1))
        }
        let columns = first.columns.lowerBound..<last.columns.upperBound
        let pattern = patternWords.map(\.text).joined(separator: " ")
        let matches = try matcher(pattern, quoted: first.quoted && patternWords.count == 1, at: columns)
        var rows: [[Value]] = []
        for i in documents {
            let d = session.corpus.documents[i]
            for s in d.sentences.indices {
                let text = d.text(of: s)
                if matches(text) { rows.append([.string(d.document.id), .int(s + 1), .string(text)]) }
            }
        }
        var table = ResultTable(["doc", "sentence", "text"], rows: rows)
        table.columns[2].isLongText = true
        return .table(table)
    }

    /// The test a sentence must pass: folded substring, or a regular expression for /.../.
    static func matcher(_ pattern: String, quoted: Bool, at columns: Range<Int>) throws(ShellError) -> (String) -> Bool {
        if !quoted, pattern.count >= 2, pattern.hasPrefix("/") {
            var body = pattern.dropFirst()
            var caseSensitive = false
            if body.hasSuffix("/c") { caseSensitive = true; body = body.dropLast(2) }
            else if body.hasSuffix("/") { body = body.dropLast() }
            else { throw ShellError("a regular expression ends with /", at: columns) }
            guard !body.isEmpty else { throw ShellError("empty regular expression", at: columns) }
            let regex: Regex<AnyRegexOutput>
            do {
                regex = try Regex(String(body))
            } catch {
                throw ShellError("bad regular expression: \(error)", at: columns)
            }
            let r = caseSensitive ? regex : regex.ignoresCase()
            return { $0.contains(r) }
        }
        let folded = TextFolding.fold(pattern)
        guard !folded.isEmpty else { throw ShellError("empty pattern", at: columns) }
        return { TextFolding.fold($0).contains(folded) }
    }
}
