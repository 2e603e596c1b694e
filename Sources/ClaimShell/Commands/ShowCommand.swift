import ClaimKit

/// `show ID`: a document, a sentence or a claim with its context.
public enum ShowCommand: ShellCommand {
    public static let name = "show"
    public static let usage = "show DOC | DOC#N | DOC:N"
    public static let summary = "Show a document, a sentence in context, or a claim with all its fields."
    public static let help = """
        show DOC      the document: its metadata, then its text.
        show DOC#N    sentence N (1-based) with the sentences before and after it, and the
                      ids of the claims found in it.
        show DOC:N    claim N of the document (the claim id as `claims` lists it): every
                      field, then its sentence with the phrase in bold and the time and the
                      attribution underlined when colour is on.
        With --format json or jsonl each gives one object: the document's metadata, counts
        and text; the sentence's text and claim ids; the claim's fields as `claims` has them.
        DOC is a document id or any unique prefix of one (002 for 002_2cc7b7632708e469).
        A document id that itself contains ':' (10kGNAD rows: test:12) is shown whole;
        its claims are test:12:1, test:12:2, ...
        """
    public static let examples = [
        CommandExample("show 002", expected: nil),
        CommandExample("show 002#2", expected: nil),
        CommandExample("show 000:1", expected: nil),
    ]

    /// A claim as text with its sentence, or, when the session asks for json or jsonl, as one
    /// object with every field (as `claims` gives it).
    static func output(_ claim: Claim, in session: Session) -> CommandOutput {
        if wantsObject(session) { return .table(ClaimTable.table([claim], fields: ClaimField.names)) }
        return .text(self.claim(claim, in: session))
    }

    /// Whether the session asks for json or jsonl: `show` then gives one object.
    static func wantsObject(_ session: Session) -> Bool {
        session.settings.format == .json || session.settings.format == .jsonl
    }

    /// A document as text, or as one object (metadata, counts and text) for json and jsonl.
    static func output(_ d: AnnotatedDocument, in session: Session) -> CommandOutput {
        guard wantsObject(session) else { return .text(document(d)) }
        let doc = d.document
        let extra = doc.extra.keys.sorted()
        var names = ["id", "title", "date", "date_inferred", "url", "source", "lang"]
        var row: [Value] = [.string(doc.id), Value(doc.title), Value(doc.date), .bool(doc.dateInferred), Value(doc.url),
                            Value(doc.source), Value(doc.lang)]
        for key in extra where !names.contains(key) {
            names.append(key)
            row.append(Value(doc.extra[key]))
        }
        names += ["sentences", "claims", "chars", "encoding", "path", "text"]
        row += [.int(d.sentences.count), .int(d.claims.count), .int(doc.text.unicodeScalars.count),
                .string(doc.encoding.rawValue), Value(doc.path), .string(doc.text)]
        return .table(ResultTable(names, rows: [row]))
    }

    /// A sentence in context as text, or as one object (its text and its claims' ids).
    static func output(sentence s: Int, of d: AnnotatedDocument, in session: Session) -> CommandOutput {
        guard wantsObject(session) else { return .text(sentence(s, of: d, in: session)) }
        let claims = d.claims.filter { $0.sentence == s + 1 }.map { Value.string($0.id) }
        return .table(ResultTable(["doc", "sentence", "text", "claims"],
                                  rows: [[.string(d.document.id), .int(s + 1), .string(d.text(of: s)), .list(claims)]]))
    }

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let words = try invocation.words()
        guard let word = words.first else {
            throw ShellError("show needs an id: \(usage)", at: invocation.argumentOffset..<(invocation.argumentOffset + 1))
        }
        if words.count > 1 { throw ShellError("show takes one id", at: words[1].columns) }
        let corpus = session.corpus
        let id = word.text
        if let i = corpus.index(ofDocument: id) { return output(corpus.annotated(i), in: session) }
        if let claim = corpus.store[id: id] { return output(claim, in: session) }
        if let hash = id.lastIndex(of: "#") {
            let docName = ArgumentWord(text: String(id[..<hash]), columns: word.columns, quoted: word.quoted)
            let number = id[id.index(after: hash)...]
            guard let n = Int(number) else { throw ShellError("expected a sentence number after '#'", at: word.columns) }
            let d = corpus.annotated(try DocsCommand.resolve(docName, in: session))
            guard n >= 1, n <= d.sentences.count else {
                throw ShellError("\(d.document.id) has \(d.sentences.count) sentences, no sentence \(n)", at: word.columns)
            }
            return output(sentence: n - 1, of: d, in: session)
        }
        if let colon = id.lastIndex(of: ":"), let n = Int(id[id.index(after: colon)...]) {
            let docName = ArgumentWord(text: String(id[..<colon]), columns: word.columns, quoted: word.quoted)
            if let i = try? DocsCommand.resolve(docName, in: session) {
                let d = corpus.annotated(i)
                guard let claim = corpus.store[id: "\(d.document.id):\(n)"] else {
                    throw ShellError("\(d.document.id) has \(d.claims.count) claims, no claim \(n)", at: word.columns)
                }
                return output(claim, in: session)
            }
        }
        return output(corpus.annotated(try DocsCommand.resolve(word, in: session)), in: session)
    }

    static func document(_ d: AnnotatedDocument) -> String {
        let doc = d.document
        var fields: [(String, String)] = [("id", doc.id)]
        if let t = doc.title { fields.append(("title", t)) }
        if let date = doc.date { fields.append(("date", date + (doc.dateInferred ? " (inferred)" : ""))) }
        if let u = doc.url { fields.append(("url", u)) }
        if let s = doc.source { fields.append(("source", s)) }
        if let l = doc.lang { fields.append(("lang", l)) }
        for key in doc.extra.keys.sorted() { fields.append((key, doc.extra[key] ?? "")) }
        fields.append(("sentences", String(d.sentences.count)))
        fields.append(("claims", String(d.claims.count)))
        fields.append(("chars", String(doc.text.unicodeScalars.count)))
        if doc.encoding != .utf8 { fields.append(("encoding", doc.encoding.rawValue)) }
        if let p = doc.path { fields.append(("path", p)) }
        return aligned(fields) + "\n" + doc.text + (doc.text.hasSuffix("\n") ? "" : "\n")
    }

    static func sentence(_ s: Int, of d: AnnotatedDocument, in session: Session) -> String {
        var out = "\(d.document.id)#\(s + 1)\n"
        for k in max(0, s - 1)...min(d.sentences.count - 1, s + 1) {
            let text = d.text(of: k)
            let marker = k == s ? ">" : " "
            let shown = k == s && session.settings.color ? Highlight.bold + text + Highlight.reset : text
            out += "\(marker) [\(k + 1)] \(shown)\n"
        }
        let claims = d.claims.filter { $0.sentence == s + 1 }
        if !claims.isEmpty {
            out += "claims:\n"
            for c in claims { out += "  \(c.id)  \(c.phrase)\n" }
        }
        return out
    }

    static func claim(_ c: Claim, in session: Session) -> String {
        func text(_ v: String?) -> String { v ?? "null" }
        func number(_ v: Double?) -> String { v.map(Value.format) ?? "null" }
        let fields: [(String, String)] = [
            ("id", c.id), ("doc", c.doc), ("sentence", String(c.sentence)),
            ("span", "[\(c.span.start), \(c.span.end)]"), ("kind", c.kind.rawValue),
            ("value", number(c.value)), ("high", number(c.high)), ("approx", text(c.approx?.rawValue)),
            ("object", text(c.object)), ("class", text(c.cls)), ("aspect", text(c.aspect)), ("unit", text(c.unit)),
            ("time", text(c.time)), ("time_text", text(c.timeText)), ("source", text(c.source)),
            ("source_text", text(c.sourceText)), ("modality", c.modality.rawValue), ("event", text(c.event)),
            ("entities", c.entities.isEmpty ? "[]" : c.entities.joined(separator: ", ")), ("phrase", c.phrase),
        ]
        var sentence = c.text
        if session.settings.color, let i = session.corpus.index(ofDocument: c.doc) {
            let d = session.corpus.documents[i]
            if c.sentence >= 1, c.sentence <= d.sentences.count {
                let start = d.scalarOffset(ofByte: d.sentences[c.sentence - 1].span.start)
                let text = d.text(of: c.sentence - 1)
                var marks: [Highlight.Mark] = [Highlight.Mark(start: c.span.start - start, end: c.span.end - start, style: Highlight.bold)]
                for part in [c.timeText, c.sourceText].compactMap({ $0 }) where !c.phrase.contains(part) {
                    if let r = Highlight.find(part, in: text) { marks.append(Highlight.Mark(start: r.lowerBound, end: r.upperBound, style: Highlight.underline)) }
                }
                sentence = Highlight.apply(marks, to: text)
            }
        }
        return aligned(fields) + "\nsentence \(c.sentence) of \(c.doc):\n  " + sentence + "\n"
    }

    static func aligned(_ fields: [(String, String)]) -> String {
        let width = fields.map(\.0.count).max() ?? 0
        return fields.map { $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 + "\n" }.joined()
    }
}

extension ShowCommand {
    /// ANSI styling of parts of a sentence, by Unicode-scalar offsets (claim spans).
    enum Highlight {
        static let bold = "\u{1B}[1m"
        static let underline = "\u{1B}[4m"
        static let reset = "\u{1B}[0m"

        struct Mark {
            var start: Int
            var end: Int
            var style: String
        }

        /// Marks applied in text order; a mark overlapping an earlier one is dropped.
        static func apply(_ marks: [Mark], to text: String) -> String {
            let scalars = Array(text.unicodeScalars)
            var kept: [Mark] = []
            for m in marks where m.start >= 0 && m.end <= scalars.count && m.start < m.end {
                if !kept.contains(where: { $0.start < m.end && m.start < $0.end }) { kept.append(m) }
            }
            kept.sort { $0.start < $1.start }
            var out = String.UnicodeScalarView()
            var i = 0
            for m in kept {
                out.append(contentsOf: scalars[i..<m.start])
                out.append(contentsOf: m.style.unicodeScalars)
                out.append(contentsOf: scalars[m.start..<m.end])
                out.append(contentsOf: reset.unicodeScalars)
                i = m.end
            }
            out.append(contentsOf: scalars[i...])
            return String(out)
        }

        /// Scalar offsets of the first occurrence of `part` in `text`.
        static func find(_ part: String, in text: String) -> Range<Int>? {
            let t = Array(text.unicodeScalars), p = Array(part.unicodeScalars)
            guard !p.isEmpty, p.count <= t.count else { return nil }
            for i in 0...(t.count - p.count) where t[i] == p[0] && Array(t[i..<(i + p.count)]) == p {
                return i..<(i + p.count)
            }
            return nil
        }
    }
}
