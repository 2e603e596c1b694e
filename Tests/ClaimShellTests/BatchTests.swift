@testable import ClaimShell
import ClaimKit
import Foundation
import Testing

/// claimsh in batch mode, run as a script or pipeline would run it.
@Suite struct BatchTests {
    static let enabled = BuiltBinary.exists

    static let script = """
        #!/usr/bin/env -S claimsh -f
        help quit; sentnces   # typo on line 2
        help docs
        """

    @Test(.enabled(if: enabled, "\(BuiltBinary.missing)"))
    func failingScriptLineStopsWithFileLineColumn() throws {
        let dir = try TemporaryDirectory()
        dir.write("troops.claimsh", Self.script)
        let r = try BuiltBinary.run(["--no-init", "-f", "troops.claimsh"], directory: dir.path)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("troops.claimsh:2:12: error: unknown command 'sentnces'"), "\(r.stderr)")
        #expect(r.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)
        #expect(r.stdout.contains("usage: quit"), "the command before the error ran")
        #expect(!r.stdout.contains("usage: docs"), "line 3 did not run")
    }

    @Test(.enabled(if: enabled, "\(BuiltBinary.missing)"))
    func keepGoingRunsTheRestAndStillFails() throws {
        let dir = try TemporaryDirectory()
        dir.write("troops.claimsh", Self.script)
        let r = try BuiltBinary.run(["--no-init", "--keep-going", "-f", "troops.claimsh"], directory: dir.path)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("troops.claimsh:2:12: error:"))
        #expect(r.stdout.contains("usage: docs"), "line 3 ran")
    }

    @Test(.enabled(if: enabled, "\(BuiltBinary.missing)"))
    func commandsThenScriptsThenStandardInput() throws {
        let dir = try TemporaryDirectory()
        dir.write("a.claimsh", "help docs\n")
        let r = try BuiltBinary.run(["--no-init", "-c", "help quit", "-f", "a.claimsh", "-c", "help history"],
                                    input: "help \\\n  sentences\n", directory: dir.path)
        #expect(r.status == 0)
        let order = ["usage: quit", "usage: history", "usage: docs", "usage: sentences"].map {
            r.stdout.range(of: $0)?.lowerBound.utf16Offset(in: r.stdout) ?? -1
        }
        #expect(order.allSatisfy { $0 >= 0 } && order == order.sorted(), "\(r.stdout)")

        let c = try BuiltBinary.run(["--no-init", "-c", "docs", "-c", "help quit; «Pjöngjang»"])
        #expect(c.status == 1)
        #expect(c.stderr == "<command 2>:1:12: error: unknown command '«Pjöngjang»'\n")

        let stdin = try BuiltBinary.run(["--no-init"], input: "help quit\n   dosc\ndocs\n")
        #expect(stdin.status == 1)
        #expect(stdin.stderr.hasPrefix("<stdin>:2:4: error: unknown command 'dosc'"))
        #expect(!stdin.stdout.contains("000_dbee2a27689250e2"))
    }

    @Test(.enabled(if: enabled, "\(BuiltBinary.missing)"))
    func quitStopsEverything() throws {
        let r = try BuiltBinary.run(["--no-init", "-c", "help quit; quit; docs", "-c", "docs"], input: "docs\n")
        #expect(r.status == 0)
        #expect(r.stdout.contains("usage: quit"))
        #expect(!r.stdout.contains("000_dbee2a27689250e2"))
    }

    @Test(.enabled(if: enabled, "\(BuiltBinary.missing)"))
    func usageErrorsExitWithTwo() throws {
        let bogus = try BuiltBinary.run(["--bogus"])
        #expect(bogus.status == 2)
        #expect(bogus.stderr.contains("--bogus"))
        let missing = try BuiltBinary.run(["-c", "docs", "-f", "/nonexistent/troops.claimsh"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read script '/nonexistent/troops.claimsh'"))
        #expect(missing.stdout.isEmpty, "nothing ran")
        #expect(try BuiltBinary.run(["--format", "xml", "-c", "docs"]).status == 2)
        #expect(try BuiltBinary.run(["-"]).status == 2, "'-' needs -c or -f")
        #expect(try BuiltBinary.run(["--sep", "ab", "-c", "docs"]).status == 2)
    }

    @Test(.enabled(if: enabled, "\(BuiltBinary.missing)"))
    func redirectionWritesAndAppendsFiles() throws {
        let dir = try TemporaryDirectory()
        let r = try BuiltBinary.run(["--no-init", "-c", "docs > docs.tsv", "-c", "help quit >> docs.tsv"],
                                    directory: dir.path)
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let written = String(decoding: FileManager.default.contents(atPath: dir.path + "/docs.tsv") ?? Data(), as: UTF8.self)
        #expect(written.hasPrefix("id\ttitle\t"))
        #expect(written.components(separatedBy: "\n").filter { $0.hasPrefix("00") }.count == 5)
        #expect(written.contains("\nusage: quit\n"), "appended after the table")

        let home = try TemporaryDirectory()
        let tilde = try BuiltBinary.run(["--no-init", "-c", "docs >> ~/docs.tsv"], environment: ["HOME": home.path])
        #expect(tilde.status == 0)
        #expect(FileManager.default.fileExists(atPath: home.path + "/docs.tsv"), "~ is the home directory")

        let bad = try BuiltBinary.run(["--no-init", "-c", "docs > nirgends/docs.tsv"], directory: dir.path)
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("<command 1>:1:6: error: cannot write 'nirgends/docs.tsv'"))
    }

    @Test(.enabled(if: enabled, "\(BuiltBinary.missing)"))
    func safeModeForbidsFilesAndPipes() throws {
        let dir = try TemporaryDirectory()
        let file = try BuiltBinary.run(["--no-init", "--safe", "-c", "docs > docs.tsv"], directory: dir.path)
        #expect(file.status == 1)
        #expect(file.stderr.contains("<command 1>:1:6: error: --safe forbids writing files"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/docs.tsv"))
        let pipe = try BuiltBinary.run(["--no-init", "--safe", "-c", "docs | cat"])
        #expect(pipe.stderr.contains("--safe forbids shell pipes"))
        #expect(pipe.stdout.isEmpty)
    }

    @Test(.enabled(if: enabled, "\(BuiltBinary.missing)"))
    func pipesToShellCommands() throws {
        let r = try BuiltBinary.run(["--no-init", "-c", "docs | wc -l", "-c", "docs | grep -c 003_"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } == ["6", "1"])
    }

    @Test(.enabled(if: enabled, "\(BuiltBinary.missing)"))
    func closedPipeEndsQuietlyWithStatusZero() throws {
        let dir = try TemporaryDirectory()
        // Output far beyond a pipe's buffer (64 KiB), so that writing meets the closed reader.
        let many = dir.write("many.claimsh", String(repeating: "help quit\n", count: 2000))
        let outer = try BuiltBinary.run(["-c", "set -o pipefail; '\(BuiltBinary.path)' --no-init -f '\(many)' | head -1"],
                                        directory: dir.path, shell: true)
        #expect(outer.status == 0)
        #expect(outer.stdout == "usage: quit\n")
        #expect(outer.stderr.isEmpty)

        // `| head -1` inside claimsh: `history` lists 5000 lines; the next command still runs.
        let long = dir.write("long.claimsh", String(repeating: "help quit > /dev/null\n", count: 5000)
                             + "history | head -1\nhelp docs\n")
        let inner = try BuiltBinary.run(["--no-init", "-f", long])
        #expect(inner.status == 0)
        #expect(inner.stdout.hasPrefix("     1  help quit > /dev/null\nusage: docs"), "\(inner.stdout.prefix(200))")
        #expect(inner.stderr.isEmpty)
    }

    @Test(.enabled(if: enabled, "\(BuiltBinary.missing)"))
    func initFileRunsFirstUnlessSkipped() throws {
        let home = try TemporaryDirectory()
        home.write(".claimshrc", "help quit\n")
        let other = home.write("other.rc", "help history\n")
        let withRC = try BuiltBinary.run(["-c", "help docs"], environment: ["HOME": home.path])
        #expect(withRC.stdout.hasPrefix("usage: quit"))
        #expect(withRC.stdout.contains("usage: docs"))
        let skipped = try BuiltBinary.run(["--no-init", "-c", "help docs"], environment: ["HOME": home.path])
        #expect(skipped.stdout.hasPrefix("usage: docs"))
        let chosen = try BuiltBinary.run(["--init", other, "-c", "help docs"], environment: ["HOME": home.path])
        #expect(chosen.stdout.hasPrefix("usage: history"))
        #expect(!chosen.stdout.contains("usage: quit"))
        home.write("broken.rc", "help quit\ndosc\n")
        let broken = try BuiltBinary.run(["--init", home.path + "/broken.rc", "-c", "help docs"])
        #expect(broken.status == 1)
        #expect(broken.stderr.hasPrefix(home.path + "/broken.rc:2:1: error: unknown command 'dosc'"))
        #expect(try BuiltBinary.run(["--init", "/nonexistent/rc", "-c", "docs"]).status == 2)
    }

    @Test(.enabled(if: enabled, "\(BuiltBinary.missing)"))
    func corpusFromStandardInputAndProblems() throws {
        let seed = try String(contentsOfFile: BuiltBinary.root + "/seeds/004_37545d6c4a403162.txt", encoding: .utf8)
        let r = try BuiltBinary.run(["--no-init", "-", "-c", "docs"], input: seed)
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").count == 2, "header and one document")
        let missing = try BuiltBinary.run(["--no-init", "/nonexistent/corpus.txt", "-c", "docs"])
        #expect(missing.status == 1, "a corpus path that does not exist fails the batch")
        #expect(missing.stdout.isEmpty, "and no command runs")
        #expect(missing.stderr.contains("/nonexistent/corpus.txt"))
        let going = try BuiltBinary.run(["--no-init", "--keep-going", "/nonexistent/corpus.txt", "-c", "count"])
        #expect(going.status == 1 && going.stdout == "count\n0\n", "--keep-going runs the commands, still status 1")
    }

    @Test(.enabled(if: enabled, "\(BuiltBinary.missing)"))
    func extractStreamsTheShellsClaims() throws {
        // More documents than one chunk of `extract`, so the header must be written once only.
        let dir = try TemporaryDirectory()
        let seeds = BuiltBinary.root + "/seeds"
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds) where name.hasSuffix(".txt") {
            let text = try String(contentsOfFile: seeds + "/" + name, encoding: .utf8)
            for copy in 0..<14 { dir.write("\(copy)_\(name)", text) }
        }
        for arguments in [[String](), [dir.path]] {
            let extracted = try BuiltBinary.run(["extract"] + arguments)
            let shell = try BuiltBinary.run(["--no-init", "--format", "jsonl", "-c", "claims"] + arguments)
            #expect(extracted.status == 0)
            #expect(extracted.stdout == shell.stdout, "same claims, fields and ids as `claims` in the shell")
            #expect(extracted.stdout.hasPrefix("{\"id\":"))
            let tsv = try BuiltBinary.run(["extract", "--format", "tsv"] + arguments)
            let lines = tsv.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first.map(String.init) == ClaimField.names.joined(separator: "\t"), "one header, every field")
            #expect(lines.filter { $0.hasPrefix("id\t") }.count == 1)
            #expect(lines.count - 2 == extracted.stdout.split(separator: "\n").count, "a row per claim")
        }
        let csv = try BuiltBinary.run(["extract", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("id,"))
        #expect(try BuiltBinary.run(["extract", "--format", "table"]).status == 2)
    }
}

/// What `BatchRunner.perform` adds around a command, checked in-process.
@Suite struct CommandPerformingTests {
    @Test func timerAndDiagnosticsGoToStandardErrorAfterTheCommand() throws {
        let dir = try TemporaryDirectory()
        let session = Session()
        session.loadSeeds()
        session.settings.timer = true
        session.diagnostics.append("seeds: 1 Dokument übersprungen")
        let out = try OutputSink.open(.write(path: dir.path + "/out.txt"), columns: nil, safe: false)
        var errors: [String] = []
        let command = try #require(ScriptReader.commands(in: "help quit", origin: "t").first)
        let outcome = BatchRunner.perform(command, in: session, standardOutput: out, standardError: { errors.append($0) },
                                          reportError: { errors.append("error: \($0.message)") })
        out.close()
        #expect(outcome == .succeeded)
        #expect(errors.count == 2)
        #expect(errors.first == "seeds: 1 Dokument übersprungen\n")
        #expect(errors.last?.wholeMatch(of: /Run Time: real \d+\.\d{3} s\n/) != nil, "\(errors)")
        #expect(session.diagnostics.isEmpty)

        // A failing command: the error first, then the time.
        errors = []
        let failing = try #require(ScriptReader.commands(in: "dosc", origin: "t").first)
        let failed = BatchRunner.perform(failing, in: session, standardOutput: out, standardError: { errors.append($0) },
                                         reportError: { errors.append("error: \($0.message)") })
        #expect(failed == .failed(ShellError("unknown command 'dosc' (did you mean 'docs'?)", at: 0..<4)))
        #expect(errors.count == 2)
        #expect(errors.first?.hasPrefix("error: unknown command 'dosc'") == true)
        #expect(errors.last?.hasPrefix("Run Time: real ") == true)
        let written = try String(contentsOfFile: dir.path + "/out.txt", encoding: .utf8)
        #expect(written.hasPrefix("usage: quit"))
    }

    @Test func outputFormatFollowsTheDestination() {
        let session = Session()
        #expect(BatchRunner.renderOptions(for: session, toTerminal: false).format == .tsv)
        #expect(BatchRunner.renderOptions(for: session, toTerminal: false).maxRows == nil)
        #expect(BatchRunner.renderOptions(for: session, toTerminal: false).width == nil)
        #expect(BatchRunner.renderOptions(for: session, toTerminal: true).format == .table)
        #expect(BatchRunner.renderOptions(for: session, toTerminal: true).maxRows == session.settings.maxRows)
        #expect(!BatchRunner.renderOptions(for: session, toTerminal: false).color, "no colour into files and pipes")
        #expect(BatchRunner.renderOptions(for: session, toTerminal: true).color)
        session.settings.color = false
        #expect(!BatchRunner.renderOptions(for: session, toTerminal: true).color, "NO_COLOR, --no-color, set color off")
        session.settings.format = .jsonl
        #expect(BatchRunner.renderOptions(for: session, toTerminal: true).format == .jsonl)
    }
}
