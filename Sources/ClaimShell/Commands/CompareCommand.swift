import ClaimKit

/// `compare [on FIELD, ...] [from NAME] [where EXPR] [--explain]`.
public enum CompareCommand: ShellCommand {
    public static let name = "compare"
    public static let usage = "compare [--explain] [on FIELD, ...] [from NAME] [where EXPR]"
    public static let summary = "Group claims about the same thing across documents: agree, conflict or single."
    public static let help = """
        Groups the claims matching EXPR by a key — by default `kind, class, aspect` for quantities
        (claims without a class are left out) and `event` for dates (claims without an event are
        left out); `on FIELD, ...` groups every claim by those fields instead.
        Each claim stands for an interval: exact → the value; about (rund, etwa) → ±10 %;
        more_than → above the value; at_least → the value or more; less_than / up_to → up to the
        value; range → its bounds; vague (tausende) → the word's bounds. Dates stand for their time
        interval (2024-06 is the whole month). Verdict: `conflict` when the intervals of two
        documents do not overlap, `agree` when they all do, `single` when one document speaks of it;
        values in different units (EUR, USD) are not compared.
        Conflicts come first, with spread = max / min.
        For a conflict, claims of the corpus that add up to one of the values (two or three terms
        within 2 %, same unit, same class or a class of the same family in the class_families
        lexicon, all from one document, the value's own document first) are shown as notes:
        "14.000 (000) = 11.000 + 3.000 (001)". `--explain` also shows what the search tried.
        JSON: one object per group with group, kind, class, aspect, event, verdict, docs, sources,
        min, max, spread and claims (ids).
        """
    public static let examples = [
        CommandExample("compare", expected: nil),
        CommandExample("compare where class = soldiers", expected: nil),
        CommandExample("compare --explain where kind = quantity", expected: nil),
        CommandExample("compare on class where kind = quantity", expected: nil),
    ]

    public static func run(_ invocation: CommandInvocation, in session: Session) throws(ShellError) -> CommandOutput {
        let sel = try ClaimSelection(invocation, in: session, allowed: [.on, .where, .from], leading: 1)
        var explain = false
        for t in sel.clauses.leading {
            guard t.text == "--explain" else {
                throw ShellError("unexpected '\(t.text)' (expected --explain, on, from or where)", at: ClaimSelection.shift(t.columns, invocation))
            }
            explain = true
        }
        let keys = try sel.fields(sel.clauses.on, invocation)
        let comparison = ClaimComparison(on: keys.isEmpty ? nil : keys)
        let reconciler = Reconciler()
        // The whole corpus as claims, built only when a conflict is searched for a sum.
        var all: [Claim]? = nil
        let dates = Dictionary(session.corpus.documents.map { ($0.document.id, ($0.document.date, $0.document.dateInferred)) },
                               uniquingKeysWith: { a, _ in a })
        let dateExplanation = DateConflictExplanation { dates[$0] ?? (nil, false) }
        let groups = try comparison.groups(sel.claims).map { (g) throws(ShellError) -> ResultGroup in
            // Explaining conflicts searches the whole corpus: Ctrl-C stops between groups.
            if session.isInterrupted { throw ShellError("interrupted") }
            var notes: [String] = []
            var explained = false
            if g.verdict == .conflict {
                if g.claims.allSatisfy({ $0.kind == .date }) { notes += dateExplanation.notes(for: g.claims) }
                if all == nil { all = Array(session.corpus.store.claims) }
                let search = reconciler.explain(g, in: all ?? [])
                notes += search.found.map { "sum: " + $0.explanation }
                explained = !search.found.isEmpty
                if explain {
                    notes += g.conflictingPairs(limit: 10).map { "no overlap: \($0.0.id) \(interval($0.0)) vs \($0.1.id) \(interval($0.1))" }
                    notes += search.log.map { "searched " + $0 }
                }
            }
            return resultGroup(g, notes: notes, explained: explained)
        }
        return .groups(groups)
    }

    static func interval(_ c: Claim) -> String {
        if let v = ValueInterval(c) { return v.description }
        return c.time ?? ""
    }

    /// Rows: doc, value as written, approx, time, source, claim id.
    static func table(_ claims: [Claim]) -> ResultTable {
        ResultTable(["doc", "value", "approx", "time", "source", "claim"], rows: claims.map { c in
            [.string(c.doc), .string(c.valueText), Value(c.approx?.rawValue), Value(c.time), Value(c.source), .string(c.id)]
        })
    }

    /// `explained`: a conflict for which reconciliation found a sum; the header says so, and
    /// JSON has `"explained": true` (an addition to SPEC §6's fields).
    static func resultGroup(_ g: ComparisonGroup, notes: [String], extra: [(String, Value)] = [],
                            explained: Bool = false) -> ResultGroup {
        let fields: [(String, Value)] = [
            ("group", .string(g.label)),
            ("kind", Value(g.value(of: "kind") ?? g.claims.first?.kind.rawValue)),
            ("class", Value(g.value(of: "class"))),
            ("aspect", Value(g.value(of: "aspect"))),
            ("event", Value(g.value(of: "event"))),
        ] + extra + [
            ("verdict", .string(g.verdict.rawValue)),
            ("explained", .bool(explained)),
            ("docs", .list(g.docs.map(Value.string))),
            ("sources", .list(g.sources.map(Value.string))),
            ("min", g.min),
            ("max", g.max),
            ("spread", Value(g.spread)),
            ("claims", .list(g.claims.map { .string($0.id) })),
        ]
        let summary = explained ? g.summary.replacingOccurrences(of: "conflict (", with: "conflict, explained by a sum (") : g.summary
        return ResultGroup(header: "\(g.label.isEmpty ? "(no key)" : g.label) — \(summary)", fields: fields,
                           table: table(g.claims), notes: notes, emphasis: g.verdict == .conflict)
    }
}
