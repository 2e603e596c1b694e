import ClaimKit

/// `load PATH... [options]`: adds documents to the corpus (SPEC §3, §5).
public enum LoadCommand: ShellCommand {
    public static let name = "load"
    public static let usage = "load PATH... [--sep S] [--quote Q] [--no-header] [--text-column C] [--text-field F]"
    public static let summary = "Add documents from files, directories or globs."
    public static let help = """
        Adds documents to the corpus; nothing already loaded is lost. PATH is a file, a directory
        (read recursively, sorted, hidden files skipped), a glob (*, ?, [...], ** for any depth)
        or - for standard input. The format follows the extension: .txt or none (plain text),
        .md (Markdown with front matter), .jsonl/.ndjson (JSON Lines), .csv and .tsv.

        Options for CSV/TSV: --sep S (field separator; \\t or tab for a tab), --quote Q (quote
        character, default "), --no-header (the first row is data; ids become FILE:ROW),
        --text-column C (the text column by name or 1-based number). For JSON Lines:
        --text-field F (default text).

        The 10kGNAD corpus (one article per line, Category;'text'):
          load test.csv --sep ';' --quote "'" --no-header --text-column 2

        Prints what was loaded; every problem (a binary, empty or unreadable file, a bad JSON
        line or CSV row, a file that is not UTF-8) is reported on stderr and the rest loads.
        A document whose id is already taken gets ~2, ~3; loading the same file again replaces
        its documents. Under --safe only the paths given on the command line may be read.
        """
    public static let examples = [
        CommandExample("load seeds/", expected: nil, note: "a directory: reloads the bundled articles"),
        CommandExample("load seeds/00[0-2]*.txt", expected: nil, note: "a glob; news/**/*.md reaches any depth"),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let words = try invocation.words()
        var options = LoadOptions()
        var paths: [ArgumentWord] = []
        var i = 0
        func value(_ flag: ArgumentWord, inline: String?) throws(ShellError) -> String {
            if let inline { return inline }
            i += 1
            guard i < words.count else { throw ShellError("\(flag.text) needs a value", at: flag.columns) }
            return words[i].text
        }
        func character(_ s: String, _ word: ArgumentWord) throws(ShellError) -> Character {
            if s == "\\t" || s.lowercased() == "tab" { return "\t" }
            guard s.count == 1, let c = s.first else {
                throw ShellError("expected one character, not '\(s)'", at: word.columns)
            }
            return c
        }
        while i < words.count {
            let w = words[i]
            // `--sep=';'` is a flag although quoted; `'--x'` (quoted from the start) is a path.
            if w.text.hasPrefix("--"), !startsQuoted(w, in: invocation) {
                var flag = w.text
                var inline: String? = nil
                if let eq = flag.firstIndex(of: "=") {
                    inline = String(flag[flag.index(after: eq)...])
                    flag = String(flag[..<eq])
                }
                switch flag {
                case "--sep", "--separator": options.separator = try character(value(w, inline: inline), words[i])
                case "--quote": options.quote = try character(value(w, inline: inline), words[i])
                case "--no-header": options.header = false
                case "--text-column": options.textColumn = try value(w, inline: inline)
                case "--text-field": options.textField = try value(w, inline: inline)
                default:
                    let known = ["--sep", "--separator", "--quote", "--no-header", "--text-column", "--text-field"]
                    let s = Suggestion.closest(to: flag, in: known)
                    throw ShellError("unknown option '\(flag)'" + (s.map { " (did you mean '\($0)'?)" } ?? ""), at: w.columns)
                }
            } else {
                paths.append(w)
            }
            i += 1
        }
        guard !paths.isEmpty else {
            throw ShellError("load needs a path: \(usage)", at: invocation.argumentOffset..<(invocation.argumentOffset + 1))
        }
        let report = CorpusLoader.load(paths: paths.map(\.text), options: options, allowedRoots: session.allowedLoadRoots)
        let from = paths.map(\.text).joined(separator: " ")
        guard !report.documents.isEmpty else {
            let first = paths[0].columns.lowerBound, last = paths[paths.count - 1].columns.upperBound
            if report.problems.count == 1 { throw ShellError(report.problems[0].description, at: first..<last) }
            session.diagnostics += report.problems.map { "warning: \($0)" }
            throw ShellError("no documents loaded from \(from) (\(count(report.problems.count, "problem")), see warnings)", at: first..<last)
        }
        session.diagnostics += report.problems.map { "warning: \($0)" }
        var documents = report.documents
        // Reloading a file replaces its documents; another file's id clash gets ~2, ~3.
        if !session.corpus.documents.isEmpty {
            let reloaded = Set(documents.map { "\($0.id)\u{0}\($0.path ?? "")" })
            let taken = Set(session.corpus.documents.map(\.document).filter {
                !reloaded.contains("\($0.id)\u{0}\($0.path ?? "")")
            }.map(\.id))
            if !taken.isEmpty { CorpusLoader.makeUnique(&documents, taken: taken) }
        }
        // A progress line on a terminal while the pipeline runs (it stays quiet under a second).
        let progress = LoadProgress.start(for: documents)
        let previous = session.pipeline.progress
        if let progress { session.pipeline.progress = { progress.advance($0) } }
        let completed = session.add(documents)
        session.pipeline.progress = previous
        progress?.finish()
        // An interrupted load adds nothing and reports nothing: the shell says "interrupted".
        guard completed else { return .none }
        // A load appends its documents, in order, after those it did not replace.
        let corpus = session.corpus
        let added = (corpus.documents.count - documents.count)..<corpus.documents.count
        let sentences = added.reduce(0) { $0 + corpus.documents[$1].sentences.count }
        let claims = added.reduce(0) { $0 + corpus.claims(of: $1).count }
        var message = "loaded \(count(documents.count, "document")) (\(count(sentences, "sentence")), \(count(claims, "claim"))) from \(from)"
        let skipped = report.problems.filter { $0.message.hasSuffix("skipped") }.count
        if skipped > 0 { message += "; \(skipped) skipped (see warnings)" }
        // A message, not a result: stdout stays clean for `--format jsonl | jq`.
        session.diagnostics.append(message)
        return .none
    }

    static func startsQuoted(_ w: ArgumentWord, in invocation: CommandInvocation) -> Bool {
        let line = Array(invocation.line)
        guard w.columns.lowerBound < line.count else { return w.quoted }
        return line[w.columns.lowerBound] == "'" || line[w.columns.lowerBound] == "\""
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
