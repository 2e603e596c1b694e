import ArgumentParser
import ClaimKit
import ClaimShell
import Foundation

/// Options for reading corpus files (SPEC §3), shared by the shell and `extract`.
struct LoadFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Field separator of CSV/TSV corpus files (one character; 'tab' or '\\t' for a tab).",
                               valueName: "S"))
    var sep: String?

    @Option(help: ArgumentHelp("Quote character of CSV/TSV corpus files (default \").", valueName: "Q"))
    var quote: String?

    @Flag(help: "CSV/TSV corpus files have no header line.")
    var noHeader = false

    @Option(help: ArgumentHelp("Text column of CSV/TSV files: a name or a 1-based index.", valueName: "C"))
    var textColumn: String?

    @Option(help: ArgumentHelp("Field holding the text in JSON Lines files (default text).", valueName: "F"))
    var textField: String?

    func options() throws -> LoadOptions {
        var options = LoadOptions(header: !noHeader, textColumn: textColumn, textField: textField)
        if let sep { options.separator = try Self.character(sep, flag: "--sep") }
        if let quote { options.quote = try Self.character(quote, flag: "--quote") }
        return options
    }

    static func character(_ value: String, flag: String) throws -> Character {
        switch value {
        case "tab", "\\t": return "\t"
        default:
            guard value.count == 1, let c = value.first else {
                throw ValidationError("\(flag) takes one character, not '\(value)'")
            }
            return c
        }
    }
}

struct Claimsh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimsh",
        abstract: "An analysis shell for claims in German news text.",
        discussion: """
            Interactive when standard input is a terminal and neither -c nor -f is given; otherwise \
            runs the commands of every -c, then of every -f script, then of standard input when it is \
            not a terminal. Exit status: 0 success, 1 a command failed, 2 usage error.

            claimsh extract [CORPUS ...] [--format jsonl|csv|tsv] prints the claims of every \
            document without starting a shell (see claimsh extract --help).
            """,
        version: "0.1.0"
    )

    @Argument(help: ArgumentHelp("Files, directories or globs to load; '-' reads one file from standard input "
                                 + "(with -c/-f only). Default: the bundled seeds.", valueName: "CORPUS"))
    var corpus: [String] = []

    @Option(name: .customShort("c"), help: ArgumentHelp("Run COMMANDS (repeatable, in order).", valueName: "COMMANDS"))
    var commands: [String] = []

    @Option(name: .customShort("f"), help: ArgumentHelp("Run the commands of SCRIPT (repeatable).", valueName: "SCRIPT"))
    var scripts: [String] = []

    @Option(help: "Output format: table, tsv, csv, json, jsonl, markdown (default: table on a terminal, else tsv).")
    var format: String?

    @Flag(help: "Start with nothing loaded.")
    var empty = false

    @Option(name: .customLong("init"), help: ArgumentHelp("Run FILE first instead of ~/.claimshrc.", valueName: "FILE"))
    var initFile: String?

    @Flag(help: "Do not run ~/.claimshrc.")
    var noInit = false

    @Flag(help: "Run the remaining commands after one fails (the exit status is still 1).")
    var keepGoing = false

    @Flag(help: "No shell pipes, no writing files, no 'load' outside the given paths.")
    var safe = false

    @Flag(help: "No colour (as does the NO_COLOR environment variable).")
    var noColor = false

    @OptionGroup var load: LoadFlags

    func run() throws {
        SignalHandling.ignoreBrokenPipe()
        let loadOptions = try load.options()
        let batchCommands = !commands.isEmpty || !scripts.isEmpty
        if corpus.contains("-"), !batchCommands {
            throw ValidationError("'-' reads a corpus from standard input only when commands come from -c or -f")
        }
        var format: OutputFormat?
        if let name = self.format, name.lowercased() != "auto" {
            guard let f = OutputFormat(rawValue: name.lowercased()) else {
                let names = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("unknown format '\(name)' (one of \(names))")
            }
            format = f
        }
        // Every script is read before anything runs: an unreadable one is a usage error.
        let scriptTexts = try scripts.map { ($0, try Self.readScript($0)) }
        var initScript: (origin: String, text: String)?
        if !noInit {
            if let initFile {
                initScript = (initFile, try Self.readScript(initFile))
            } else if let home = ProcessInfo.processInfo.environment["HOME"],
                      FileManager.default.fileExists(atPath: home + "/.claimshrc") {
                initScript = ("~/.claimshrc", try Self.readScript(home + "/.claimshrc"))
            }
        }

        var missingCorpus: [String] = []
        let session = Session()
        session.safe = safe
        session.settings.format = format
        // NO_COLOR / --no-color: `set color off` (auto stays otherwise).
        session.settings.color = !noColor && !Terminal.noColorRequested
        if safe { session.allowedLoadRoots = corpus.filter { $0 != "-" } }
        if !empty {
            if corpus.isEmpty {
                session.loadSeeds()
            } else {
                let report = CorpusLoader.load(paths: corpus, options: loadOptions)
                for problem in report.problems { OutputSink.writeStandardError("claimsh: \(problem)\n") }
                session.add(report.documents)
                missingCorpus = Claimsh.missingPaths(corpus)
            }
        }
        // A corpus path that does not exist fails like a command: batch mode stops with status 1
        // (unless --keep-going); the shell only warns.
        let interactive = !batchCommands && Terminal.standardInputIsTerminal
        if !missingCorpus.isEmpty, !interactive, !keepGoing { throw ExitCode(1) }

        let runner = BatchRunner(session: session, keepGoing: keepGoing || interactive)
        if let initScript { runner.run(initScript.text, origin: initScript.origin) }
        if interactive {
            if session.shouldQuit { return }
            let status = InteractiveShell(session: session).run()
            if status != 0 { throw ExitCode(status) }
            return
        }
        for (n, text) in commands.enumerated() where !runner.stopped {
            runner.run(text, origin: "<command \(n + 1)>")
        }
        for (path, text) in scriptTexts where !runner.stopped {
            runner.run(text, origin: path)
        }
        if !runner.stopped, !corpus.contains("-"), !Terminal.standardInputIsTerminal {
            runner.runStandardInput()
        }
        if runner.exitStatus != 0 { throw ExitCode(runner.exitStatus) }
        if !missingCorpus.isEmpty { throw ExitCode(1) }
    }

    /// Corpus arguments that name no file or directory (globs and `-` excepted).
    static func missingPaths(_ paths: [String]) -> [String] {
        paths.filter { p in
            p != "-" && !p.contains(where: { "*?[".contains($0) }) && !FileManager.default.fileExists(atPath: p)
        }
    }

    /// A script's text; a script that cannot be read ends claimsh with status 2.
    static func readScript(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "no such file" : isDirectory.boolValue ? "is a directory" : "permission denied"
            OutputSink.writeStandardError("claimsh: cannot read script '\(path)': \(reason)\n")
            throw ExitCode(2)
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// `claimsh extract`: the claims of each document, streamed in document order, with the
/// same ids as in the shell; no shell, no init file.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimsh extract",
        abstract: "Print the claims of every document (jsonl, csv or tsv) without starting a shell."
    )

    @Argument(help: ArgumentHelp("Files, directories or globs; '-' reads standard input. Default: the seeds.",
                                 valueName: "CORPUS"))
    var corpus: [String] = []

    @Option(help: "Output format: jsonl, csv or tsv.")
    var format: String = "jsonl"

    @OptionGroup var load: LoadFlags

    /// Documents annotated and printed together: large enough to use every core.
    static let chunkSize = 64

    func run() throws {
        SignalHandling.ignoreBrokenPipe()
        guard let format = OutputFormat(rawValue: format.lowercased()), [.jsonl, .csv, .tsv].contains(format) else {
            throw ValidationError("extract writes jsonl, csv or tsv, not '\(self.format)'")
        }
        let documents: [Document]
        if corpus.isEmpty {
            documents = SeedCorpus.documents()
        } else {
            let report = CorpusLoader.load(paths: corpus, options: try load.options())
            for problem in report.problems { OutputSink.writeStandardError("claimsh: \(problem)\n") }
            documents = report.documents
        }
        let missing = Claimsh.missingPaths(corpus)
        let out = OutputSink.standardOutput()
        // The corpus date prior over the whole input, as `load` forms it: batches then read
        // their documents as one load would (the same claims as `load` and `claims`).
        let standard = Pipeline.standard
        let pipeline = standard.corpusDatePrior(documents).map(standard.datePrior) ?? standard
        var start = 0
        repeat {
            let end = min(start + Self.chunkSize, documents.count)
            // Every field of SPEC §4, ids `<doc>:<n>` as in the shell (`claims` in json).
            // `annotateEach`: the prior is the whole input's (or none), never one batch's own.
            let claims = pipeline.annotateEach(Array(documents[start..<end])).flatMap(\.claims)
            let table = ClaimTable.table(claims, fields: ClaimField.names)
            var text = Renderer.render(.table(table), RenderOptions(format: format))
            if start > 0, format != .jsonl, let newline = text.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) {
                text = String(text[text.index(after: newline)...])
            }
            out.write(text)
            start = end
        } while start < documents.count && !out.readerGone
        if !missing.isEmpty { throw ExitCode(1) }
    }
}

/// Parses and runs one of the two commands. `extract` is dispatched by hand: ArgumentParser
/// would take it for a CORPUS argument of the shell. Usage errors exit with 2 (SPEC §2), not
/// ArgumentParser's 64.
func start<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) -> Never {
    do {
        var command = try type.parseAsRoot(arguments)
        try command.run()
        type.exit()
    } catch {
        if type.exitCode(for: error) == .validationFailure {
            OutputSink.writeStandardError(type.fullMessage(for: error) + "\n")
            exit(2)
        }
        type.exit(withError: error)
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "extract" {
    start(Extract.self, Array(arguments.dropFirst()))
} else {
    start(Claimsh.self, arguments)
}
