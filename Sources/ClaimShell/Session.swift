import ClaimKit
import Foundation

/// Options changed with `set` (SPEC §5).
public struct Settings: Sendable {
    /// nil: `table` on a terminal, `tsv` otherwise.
    public var format: OutputFormat?
    /// `set color on|off|auto`; auto: colour on a terminal unless NO_COLOR / --no-color.
    public var colorMode: ColorMode
    /// Whether colour may be used (on or auto); the terminal decides the rest. Setting true
    /// (colour allowed at startup) keeps on/auto and turns off into auto.
    public var color: Bool {
        get { colorMode != .off }
        set { colorMode = newValue ? (colorMode == .off ? .auto : colorMode) : .off }
    }
    /// Rows a terminal table shows; 0: all.
    public var maxRows: Int
    /// nil: the terminal's width.
    public var width: Int?
    public var timer: Bool
    /// Reference date for relative expressions when a document has none ("2025-06-19").
    public var refdate: String?
    public var numbers: NumberStyle

    public enum ColorMode: String, Sendable, CaseIterable { case on, off, auto }

    public init(format: OutputFormat? = nil, colorMode: ColorMode = .auto, maxRows: Int = 40, width: Int? = nil,
                timer: Bool = false, refdate: String? = nil, numbers: NumberStyle = .de) {
        self.format = format
        self.colorMode = colorMode
        self.maxRows = maxRows
        self.width = width
        self.timer = timer
        self.refdate = refdate
        self.numbers = numbers
    }
}

/// The state of one claimsh session: the corpus, settings, named sets and history.
/// Commands read and change it; the shell (interactive or batch) drives it.
public final class Session {
    public var corpus = Corpus()
    public var settings = Settings()
    /// Named result sets: `troops = claims where ...`; the claim ids in order.
    public var sets: [String: [String]] = [:]
    public var history: [String] = []
    public var pipeline: Pipeline
    /// Set by `quit`.
    public var shouldQuit = false
    /// Paths `load` may read from under `--safe`; nil: anywhere.
    public var allowedLoadRoots: [String]? = nil
    /// `--safe`: no pipes, no writing files.
    public var safe = false
    /// Messages for stderr (warnings, load problems), collected by commands and printed by the shell.
    public var diagnostics: [String] = []
    /// Asks whether the user pressed Ctrl-C; long loops check `isInterrupted` and stop early,
    /// leaving the corpus as it was. The interactive shell wires it to its SIGINT flag.
    public var interruptCheck: @Sendable () -> Bool = { false }

    public var isInterrupted: Bool { interruptCheck() }

    /// The interactive prompt (SPEC §7): `claimsh [5 docs · 31 claims]> `.
    public var prompt: String {
        let docs = corpus.documents.count
        let claims = corpus.store.count
        return "claimsh [\(docs) \(docs == 1 ? "doc" : "docs") · \(claims) \(claims == 1 ? "claim" : "claims")]> "
    }

    public init(pipeline: Pipeline = .standard) {
        self.pipeline = pipeline
    }

    /// Annotates documents and adds them to the corpus. Ctrl-C stops a long load; then nothing
    /// is added and the result is false.
    @discardableResult
    public func add(_ documents: [Document]) -> Bool {
        // The corpus date prior of the whole load (metadata dates and datelines), found before
        // any document is read: each document is then read once, with it.
        var pipeline = annotationPipeline
        if let prior = pipeline.corpusDatePrior(documents) { pipeline = pipeline.datePrior(prior) }
        // Each document goes into the store as soon as it and those before it are read (the
        // workers read on meanwhile), so that the claims of a large load are never all held as
        // `Claim` values at once; the corpus keeps no mention layers, they are dropped on the
        // workers. Ctrl-C restores the corpus as it was.
        let before = corpus
        corpus.removeLoaded(documents.lazy.map(\.id))
        corpus.reserveCapacity(documents: documents.count)
        let interrupt = interruptCheck
        let completed = pipeline.annotateInOrder(documents, then: { $0.dropMentionLayers() }, stop: interrupt) {
            corpus.append($0)
        }
        if !completed { corpus = before }
        return completed
    }

    /// The corpus documents at `indices` with their mention layers, derived again (the corpus
    /// keeps none): each document is read by the session's pipeline with the date it was given
    /// or inferred at load as its own, so the layers are those its claims were built from.
    /// On all cores; in `indices` order.
    public func withMentionLayers(_ indices: [Int]) -> [AnnotatedDocument] {
        let stored = indices.map { corpus.documents[$0] }
        let fixed = stored.map { d -> Document in
            var doc = d.document
            // A date as given: the resolver keeps it instead of inferring it again without the
            // corpus prior it was inferred with.
            doc.dateInferred = false
            return doc
        }
        // Each document with the reference date its times fell back on when it was read (a
        // later `set refdate` re-reads only documents with an inferred date).
        var out = [AnnotatedDocument?](repeating: nil, count: stored.count)
        let groups = Dictionary(grouping: stored.indices) { stored[$0].timeReference }
        for (reference, members) in groups.sorted(by: { $0.value[0] < $1.value[0] }) {
            var p = pipeline.referenceDate(reference)
            p.threads = pipeline.threads
            for (k, doc) in zip(members, p.annotateEach(members.map { fixed[$0] })) { out[k] = doc }
        }
        return out.indices.map { k in
            var doc = out[k] ?? AnnotatedDocument(document: stored[k].document)
            doc.document = stored[k].document
            doc.claims = []
            return doc
        }
    }

    /// The pipeline with the session's `refdate` given to the time annotators.
    var annotationPipeline: Pipeline {
        guard let reference = ReferenceDate(settings.refdate) else { return pipeline }
        var p = pipeline.referenceDate(reference)
        p.threads = pipeline.threads
        p.progress = pipeline.progress
        return p
    }

    /// After `set refdate`: reads again every document whose date was inferred, so that its
    /// relative times resolve against the new reference. Returns how many were read.
    @discardableResult
    public func reannotateInferredDates() -> Int {
        let stale = corpus.documents.filter { $0.document.dateInferred }.map(\.document)
        guard !stale.isEmpty else { return 0 }
        corpus.replace(annotationPipeline.annotate(stale))
        return stale.count
    }

    public func loadSeeds() {
        add(SeedCorpus.documents())
    }

    /// Runs one command line (no redirection, no `;`): `claims where value > 1000`.
    public func execute(_ line: String) throws(ShellError) -> CommandOutput {
        if let assigned = try SetsCommand.assignment(line, in: self) { return assigned }
        let chars = Array(line)
        var i = 0
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        let start = i
        while i < chars.count, chars[i] != " ", chars[i] != "\t" { i += 1 }
        let name = String(chars[start..<i])
        if name.isEmpty { return .none }
        let rest = String(chars[i...])
        guard let command = CommandRegistry.command(named: name) else {
            let suggestion = Suggestion.closest(to: name, in: CommandRegistry.names)
            throw ShellError("unknown command '\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                             at: start..<i)
        }
        let invocation = CommandInvocation(name: command.name, arguments: rest, argumentOffset: i, line: line)
        return try command.run(invocation, in: self)
    }
}
