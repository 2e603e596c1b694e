import ClaimKit

/// `docs set DOC FIELD VALUE`: sets a document's metadata; reached through `docs`.
public enum DocsSetCommand {
    public static let fields = ["date", "title", "source", "url", "lang"]

    static func run(_ words: [ArgumentWord], at setColumns: Range<Int>, in session: Session) throws(ShellError) -> CommandOutput {
        guard words.count >= 3 else {
            let end = words.last?.columns.upperBound ?? setColumns.upperBound
            throw ShellError("usage: docs set DOC FIELD VALUE (FIELD: \(fields.joined(separator: ", ")))", at: setColumns.lowerBound..<end)
        }
        let index = try DocsCommand.resolve(words[0], in: session)
        let fieldWord = words[1]
        let field = fieldWord.text.lowercased()
        guard fields.contains(field) else {
            let s = Suggestion.closest(to: field, in: fields)
            throw ShellError("cannot set '\(fieldWord.text)'" + (s.map { " (did you mean '\($0)'?)" } ?? "")
                             + "; fields: " + fields.joined(separator: ", "), at: fieldWord.columns)
        }
        let valueWords = words[2...]
        let text = valueWords.map(\.text).joined(separator: " ")
        let clear = valueWords.count == 1 && !valueWords[valueWords.startIndex].quoted && text.lowercased() == "null"
        let valueColumns = valueWords[valueWords.startIndex].columns.lowerBound..<(valueWords.last?.columns.upperBound ?? 0)
        var annotated = session.corpus.documents[index]
        var doc = annotated.document
        switch field {
        case "date":
            if clear {
                doc.date = nil
            } else {
                guard let iso = Document.isoDate(text) else {
                    throw ShellError("not a date: '\(text)' (use YYYY-MM-DD, YYYY-MM or YYYY)", at: valueColumns)
                }
                doc.date = iso
            }
            doc.dateInferred = false
        case "title": doc.title = clear ? nil : text
        case "source": doc.source = clear ? nil : text
        case "url": doc.url = clear ? nil : text
        default: doc.lang = clear ? nil : text
        }
        if field == "date" {
            // Relative times ("im vergangenen Oktober") resolve against the date: re-annotate.
            annotated = session.pipeline.annotate(doc)
        } else {
            annotated.document = doc
        }
        session.corpus.replace(annotated)
        session.diagnostics.append("\(doc.id): \(field) = " + (clear ? "null" : (field == "date" ? (doc.date ?? "null") : text)))
        return .none
    }
}
