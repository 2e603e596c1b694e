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
        CommandExample("grep /\\d+\\.000 Soldaten/ in 000 003", expected: "doc\tsentence\ttext\n000_dbee2a27689250e2\t6\tDiese Entwicklung folgt auf die bereits bestehende militärische Unterstützung Nordkoreas für Russland, wobei seit Anfang 2024 bereits etwa 14.000 Soldaten in Kampfrollen in der Ukraine eingesetzt wurden.\n"),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let (matches, rest) = try pattern(invocation)
        var documents = Array(session.corpus.documents.indices)
        if let keyword = rest.first {
            let names = rest.dropFirst()
            guard !names.isEmpty else { throw ShellError("'in' needs documents", at: keyword.columns) }
            var chosen: [Int] = []
            for w in names {
                let i = try DocsCommand.resolve(w, in: session)
                if !chosen.contains(i) { chosen.append(i) }
            }
            documents = chosen.sorted()
        }
        var rows: [[Value]] = []
        for i in documents {
            let d = session.corpus.documents[i]
            switch matches {
            case let .folded(search):
                // The document's bytes are scanned in place; only hits are materialised.
                for s in d.withUTF8({ search.sentences(in: $0, d.sentences) }) {
                    rows.append([.string(d.document.id), .int(s + 1), .string(d.text(of: s))])
                }
            case let .regex(test):
                for s in d.sentences.indices {
                    let text = d.text(of: s)
                    if test(text) { rows.append([.string(d.document.id), .int(s + 1), .string(text)]) }
                }
            }
        }
        var table = ResultTable(["doc", "sentence", "text"], rows: rows)
        table.columns[2].isLongText = true
        return .table(table)
    }

    /// How sentences are tested: a folded word or phrase (scanned on bytes), or a regex.
    enum Matcher {
        case folded(FoldedSearch)
        case regex((String) -> Bool)
    }

    /// The sentence test, and the `in DOC...` words after the pattern (starting with `in`).
    /// A regular expression is taken from the raw text up to its closing `/`, so it may hold
    /// blanks and quotes; `\/` is a slash inside it.
    static func pattern(_ invocation: CommandInvocation) throws(ShellError) -> (Matcher, [ArgumentWord]) {
        let chars = Array(invocation.arguments)
        var i = 0
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        let offset = invocation.argumentOffset
        if i < chars.count, chars[i] == "/" {
            let start = i
            var j = i + 1
            var body = ""
            var closed = false
            while j < chars.count {
                if chars[j] == "\\", j + 1 < chars.count, chars[j + 1] == "/" { body.append("/"); j += 2; continue }
                if chars[j] == "\\", j + 1 < chars.count { body.append(chars[j]); body.append(chars[j + 1]); j += 2; continue }
                if chars[j] == "/" { closed = true; j += 1; break }
                body.append(chars[j])
                j += 1
            }
            var caseSensitive = false
            if closed, j < chars.count, chars[j] == "c", j + 1 == chars.count || chars[j + 1] == " " || chars[j + 1] == "\t" {
                caseSensitive = true
                j += 1
            }
            let columns = (offset + start)..<(offset + j)
            guard closed, j == chars.count || chars[j] == " " || chars[j] == "\t" else {
                throw ShellError("a regular expression ends with /", at: columns)
            }
            guard !body.isEmpty else { throw ShellError("empty regular expression", at: columns) }
            let regex: Regex<AnyRegexOutput>
            do {
                regex = try Regex(body)
            } catch {
                throw ShellError("bad regular expression: \(error)", at: columns)
            }
            let r = caseSensitive ? regex : regex.ignoresCase()
            let rest = try ArgumentWord.split(String(chars[j...]), offset: offset + j)
            if let first = rest.first, first.text.lowercased() != "in" || first.quoted {
                throw ShellError("unexpected '\(first.text)' after the pattern (in DOC... limits the documents)", at: first.columns)
            }
            return (.regex({ $0.contains(r) }), rest)
        }
        let words = try invocation.words()
        var patternWords = words
        var rest: [ArgumentWord] = []
        if let k = words.indices.dropFirst().first(where: { words[$0].text.lowercased() == "in" && !words[$0].quoted }) {
            patternWords = Array(words[..<k])
            rest = Array(words[k...])
        }
        guard let first = patternWords.first, let last = patternWords.last else {
            throw ShellError("grep needs a pattern: \(usage)", at: offset..<(offset + 1))
        }
        guard let search = FoldedSearch(patternWords.map(\.text).joined(separator: " ")) else {
            throw ShellError("empty pattern", at: first.columns.lowerBound..<last.columns.upperBound)
        }
        return (.folded(search), rest)
    }
}
