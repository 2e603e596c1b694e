import ClaimKit

/// `diff DOC DOC`.
public enum DiffCommand: ShellCommand {
    public static let name = "diff"
    public static let usage = "diff DOC DOC"
    public static let summary = "What two documents both report, where they conflict, and what only one has."
    public static let help = """
        Groups the claims of both documents as `compare` does (kind, class, aspect / event) and
        shows, per group: `conflict` (both report it, values incompatible), `shared` (both report
        it, values compatible), `only DOC` (one document only). Documents may be named by a unique
        prefix (002). JSON: one object per group with status (conflict, shared, only_first,
        only_second) and the compare fields.
        """
    public static let examples = [
        CommandExample("diff 001 003", expected: nil),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let words = try invocation.words()
        guard words.count == 2 else {
            let at = words.count > 2 ? words[2].columns : invocation.argumentOffset..<invocation.argumentOffset + 1
            throw ShellError("diff needs two documents: diff DOC DOC", at: at)
        }
        var ids: [String] = []
        for w in words {
            do {
                let i = try session.corpus.resolveDocument(w.text)
                ids.append(session.corpus.documents[i].document.id)
            } catch {
                var message = error.description
                if case .unknownDocument = error,
                   let s = Suggestion.closest(to: w.text, in: session.corpus.documents.map(\.document.id)) {
                    message += " (did you mean '\(s)'?)"
                }
                throw ShellError(message, at: w.columns)
            }
        }
        if ids[0] == ids[1] { throw ShellError("diff needs two different documents", at: words[1].columns) }
        // Only the two documents' claims are built from the store.
        let corpus = session.corpus
        let mine = ids.compactMap(corpus.index(ofDocument:)).flatMap { Array(corpus.claims(of: $0)) }
        let diff = DocumentDiff(ids[0], ids[1], claims: mine)
        let short = ids.map(Reconciliation.shortDoc)
        return .groups(diff.entries.map { e in
            let status: String
            switch e.status {
            case .conflict: status = "conflict"
            case .shared: status = "shared"
            case .onlyFirst: status = "only \(short[0])"
            case .onlySecond: status = "only \(short[1])"
            }
            var g = CompareCommand.resultGroup(e.group, notes: [], extra: [("status", .string(e.status.rawValue))])
            g.header = "\(e.group.label) — \(status)"
            return g
        })
    }
}
