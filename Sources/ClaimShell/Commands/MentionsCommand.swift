import ClaimKit

/// `mentions LAYER`: every annotation of one pipeline layer, claim or not (SPEC §5).
public enum MentionsCommand: ShellCommand {
    public static let name = "mentions"
    public static let usage = "mentions LAYER [where EXPR] [sort COLUMN [desc], ...] [limit N]"
    public static let summary = "List every annotation of one pipeline layer (numbers, times, sources, entities, objects)."
    public static let help = """
        Shows what the text pipeline found, claim or not: the way to see why a claim was or was
        not found. LAYER is one of:
          numbers   doc, sentence, text, value, high, approx, unit, role, span
          times     doc, sentence, text, value (TIMEX3: 2024-06, 2025-07/2025-08, P3M), type, span
          sources   doc, sentence, text (the attribution as written), source (normalised), cue, span
          entities  doc, sentence, text, name (canonical), type, span
          objects   doc, sentence, number (its text), object, class, aspect, span
        Sentences are 1-based; spans are character offsets [start, end] in the document text.
        """
    public static let examples = [
        CommandExample("mentions sources", expected: nil),
        CommandExample("mentions entities", expected: nil),
    ]

    /// The layers and their columns, in the order of `help`.
    static let layers: [(name: String, columns: [String])] = [
        ("numbers", ["doc", "sentence", "text", "value", "high", "approx", "unit", "role", "span"]),
        ("times", ["doc", "sentence", "text", "value", "type", "span"]),
        ("sources", ["doc", "sentence", "text", "source", "cue", "span"]),
        ("entities", ["doc", "sentence", "text", "name", "type", "span"]),
        ("objects", ["doc", "sentence", "number", "object", "class", "aspect", "span"]),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let words = try invocation.words()
        let names = layers.map(\.name)
        guard let first = words.first else {
            throw ShellError("mentions needs a layer: \(names.joined(separator: ", "))",
                             at: invocation.argumentOffset..<(invocation.argumentOffset + 1))
        }
        guard let layer = layers.first(where: { $0.name == first.text.lowercased() }) else {
            let hint = Suggestion.closest(to: first.text.lowercased(), in: names).map { " (did you mean '\($0)'?)" } ?? ""
            throw ShellError("unknown layer '\(first.text)'\(hint); layers: \(names.joined(separator: ", "))", at: first.columns)
        }
        let restStart = first.columns.upperBound - invocation.argumentOffset
        let rest = String(Array(invocation.arguments)[restStart...])
        // The clauses are checked before any layer is derived: a typo costs no reading.
        _ = try TableQuery.apply(rest, offset: first.columns.upperBound, to: ResultTable(layer.columns, rows: []))
        // The corpus keeps no mention layers: they are derived again, a batch of documents at
        // a time so that a large corpus never holds all of them.
        var rows: [[Value]] = []
        // `where doc = ID` (or `doc in (...)`, and-ed with anything) names the only documents
        // that can match: only they are read. The filter itself still runs on their rows.
        let clauses = try? QueryClauses.parse(rest, allowed: [.where, .sort, .limit])
        let named = clauses?.filter.flatMap(Self.documentNames)?.map(TextFolding.fold)
        let all = session.corpus.documents.indices.filter { i in
            guard let named else { return true }
            let id = TextFolding.fold(session.corpus.documents[i].document.id)
            return named.contains { id.hasPrefix($0) }
        }
        var start = 0
        while start < all.count {
            if session.isInterrupted { throw ShellError("interrupted") }
            let end = min(start + 512, all.count)
            for d in session.withMentionLayers(Array(all[start..<end])) {
                rows += MentionsCommand.rows(layer.name, d)
            }
            start = end
        }
        // The rest of the line: `where ...`, `sort ...`, `limit N` over the layer's columns.
        return .table(try TableQuery.apply(rest, offset: first.columns.upperBound, to: ResultTable(layer.columns, rows: rows)))
    }

    /// The document names a filter requires one of (`doc = X`, `doc in (X, Y)`, in an `and`),
    /// nil when it does not restrict the documents.
    static func documentNames(_ e: Expression) -> [String]? {
        switch e {
        case let .and(a, b):
            // A row must satisfy both sides: either side's names bound the documents.
            return documentNames(a) ?? documentNames(b)
        case let .or(a, b):
            guard let x = documentNames(a), let y = documentNames(b) else { return nil }
            return x + y
        case .not:
            return nil
        case let .comparison(c):
            guard c.field.lowercased() == "doc" else { return nil }
            switch (c.op, c.operand) {
            case let (.equal, .literal(l)): return [l.text]
            case let (.isIn, .list(ls)): return ls.map(\.text)
            default: return nil
            }
        }
    }

    static func span(_ d: AnnotatedDocument, _ s: TextSpan) -> Value {
        .list([.int(d.scalarOffset(ofByte: s.start)), .int(d.scalarOffset(ofByte: s.end))])
    }

    static func rows(_ layer: String, _ d: AnnotatedDocument) -> [[Value]] {
        let doc = Value.string(d.document.id)
        switch layer {
        case "numbers":
            return d.numbers.map { n in
                [doc, .int(n.sentence + 1), .string(n.text), .number(n.value), n.high.map(Value.number) ?? .null,
                 .string(n.approx.rawValue), n.unit.map(Value.string) ?? .null, .string(n.role.rawValue), span(d, n.span)]
            }
        case "times":
            return d.times.map { t in
                [doc, .int(t.sentence + 1), .string(t.text), .string(t.value), .string(t.type.rawValue), span(d, t.span)]
            }
        case "sources":
            return d.sources.map { m in
                [doc, .int(m.sentence + 1), .string(m.text), .string(m.source), .string(m.cue), span(d, m.span)]
            }
        case "entities":
            return d.entities.map { e in
                [doc, .int(e.sentence + 1), .string(e.text), .string(e.name), .string(e.type.rawValue), span(d, e.span)]
            }
        default:
            return d.objects.map { o in
                let number = d.numbers.indices.contains(o.number) ? d.numbers[o.number] : nil
                return [doc, number.map { .int($0.sentence + 1) } ?? .null, number.map { .string($0.text) } ?? .null,
                        o.object.map(Value.string) ?? .null, o.cls.map(Value.string) ?? .null,
                        o.aspect.map(Value.string) ?? .null, (o.span ?? number?.span).map { span(d, $0) } ?? .null]
            }
        }
    }
}
