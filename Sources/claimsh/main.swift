import ArgumentParser
import ClaimKit
import ClaimShell
import Foundation

struct Claimsh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimsh",
        abstract: "An analysis shell for claims in German news text.",
        version: "0.1.0"
    )

    @Argument(help: "Files, directories or globs to load; default: the bundled seeds.")
    var corpus: [String] = []

    @Option(name: .short, help: "Run COMMANDS (repeatable, in order).")
    var c: [String] = []

    @Option(help: "Output format: table, tsv, csv, json, jsonl, markdown.")
    var format: String?

    @Flag(help: "Start with nothing loaded.")
    var empty = false

    func run() throws {
        let session = Session()
        if !empty { session.loadSeeds() }
        if let format { session.settings.format = OutputFormat(rawValue: format) }
        var failed = false
        for (n, line) in c.enumerated() {
            do {
                let out = try session.execute(line)
                print(Renderer.render(out, RenderOptions(format: session.settings.format ?? .tsv)), terminator: "")
            } catch {
                FileHandle.standardError.write(Data("<command \(n + 1)>:1:\((error.columns?.lowerBound ?? 0) + 1): error: \(error.message)\n".utf8))
                failed = true
                break
            }
        }
        if failed { throw ExitCode(1) }
    }
}

Claimsh.main()
