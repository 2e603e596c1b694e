import ClaimKit

/// `docs`: the loaded documents; `docs set ...` changes one's metadata (`DocsSetCommand`).
public enum DocsCommand: ShellCommand {
    public static let name = "docs"
    public static let usage = "docs [where EXPR] [sort COLUMN [desc], ...] [limit N] | docs set DOC FIELD VALUE"
    public static let summary = "List the loaded documents, or set a document's metadata."
    public static let help = """
        Lists the loaded documents with their id, title, date (date_inferred: true when it was
        guessed from the text), url, source, number of sentences and claims, length in
        characters, encoding (windows-1252 when the file was not UTF-8) and path.

        docs set DOC FIELD VALUE sets a document's date, title, source, url or lang; DOC is an
        id or a unique prefix of one. Setting the date re-reads the document so that relative
        times ("Ende letzten Jahres") are resolved against it. VALUE null clears the field.
        """
    public static let examples = [
        CommandExample("docs", expected: nil),
        CommandExample("docs where claims > 10 sort claims desc", expected: nil),
        CommandExample("docs set 002 date 2025-06-19", expected: "", note: "says 002_2cc7b7632708e469: date = 2025-06-19 on stderr"),
        CommandExample("docs set 000 title Nordkorea schickt Truppen nach Kursk",
                       expected: ""),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let words = try invocation.words()
        if let first = words.first {
            if first.text.lowercased() == "set", !first.quoted {
                return try DocsSetCommand.run(Array(words.dropFirst()), at: first.columns, in: session)
            }
        }
        let corpus = session.corpus
        let rows: [[Value]] = corpus.documents.indices.map { i in
            let d = corpus.documents[i]
            return [.string(d.document.id), Value(d.document.title), Value(d.document.date),
             .bool(d.document.dateInferred), Value(d.document.url), Value(d.document.source),
             .int(d.sentences.count), .int(corpus.claims(of: i).count), .int(d.document.text.unicodeScalars.count),
             .string(d.document.encoding.rawValue), Value(d.document.path)]
        }
        let table = ResultTable(["id", "title", "date", "date_inferred", "url", "source", "sentences", "claims",
                                 "chars", "encoding", "path"], rows: rows)
        return .table(try TableQuery.apply(invocation.arguments, offset: invocation.argumentOffset, to: table))
    }

    /// The index of the document a word names (id or unique prefix); the error points at the word.
    static func resolve(_ word: ArgumentWord, in session: Session) throws(ShellError) -> Int {
        do {
            return try DocumentName.resolve(word.text, in: session.corpus)
        } catch {
            throw ShellError(error.description, at: word.columns)
        }
    }
}
