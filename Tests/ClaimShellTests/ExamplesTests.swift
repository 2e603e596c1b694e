import Foundation
import Testing

/// Golden tests: every `examples/NAME.claimsh` run through the built binary
/// (`.build/debug/claimsh --no-init -f examples/NAME.claimsh`, cwd = repo root) must print
/// exactly `examples/NAME.expected`. `CLAIMSH_UPDATE_EXPECTED=1 swift test --filter ExamplesTests`
/// rewrites the .expected files after an intended change.
@Suite struct ExamplesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/claimsh")
    static let shared = root.appendingPathComponent("../shared/corpora/10kGNAD/test.csv").standardizedFileURL

    /// Scripts that need ../shared (10kGNAD), which is not part of the repository.
    static let needsShared: Set<String> = ["gnad"]

    static var scripts: [String] {
        let dir = root.appendingPathComponent("examples").path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return files.filter { $0.hasSuffix(".claimsh") }.map { String($0.dropLast(".claimsh".count)) }.sorted()
    }

    /// The batch flags the runner needs (`-f`, `--no-init`) come with the shell; a binary
    /// without them cannot run the examples.
    static var binarySupportsScripts: Bool {
        guard FileManager.default.isExecutableFile(atPath: binary.path),
              let help = try? run(["--help"]).stdout else { return false }
        return help.contains("--no-init")
    }

    static func run(_ arguments: [String]) throws -> (stdout: String, stderr: String, status: Int32) {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // No user configuration: no rc file, no user lexicons, no history.
        for key in ["CLAIMSH_LEXICON", "XDG_CONFIG_HOME", "XDG_STATE_HOME"] { env.removeValue(forKey: key) }
        env["HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("claimsh-examples-home").path
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Read before waiting: a large output would otherwise fill the pipe and block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self), p.terminationStatus)
    }

    @Test func everyExampleHasAScriptWorthRunning() {
        #expect(Set(ExamplesTests.scripts).isSuperset(of: ["troops", "reconstruction", "casualties", "treaty", "sources", "timeline", "gnad"]))
    }

    @Test(.enabled(if: ExamplesTests.binarySupportsScripts, "needs the shell's -f and --no-init (build the claimsh binary first)"),
          arguments: ExamplesTests.scripts)
    func exampleOutputMatchesExpected(_ name: String) throws {
        if ExamplesTests.needsShared.contains(name), !FileManager.default.fileExists(atPath: ExamplesTests.shared.path) {
            print("skipping examples/\(name).claimsh: \(ExamplesTests.shared.path) is absent")
            return
        }
        let result = try ExamplesTests.run(["--no-init", "-f", "examples/\(name).claimsh"])
        #expect(result.status == 0, "examples/\(name).claimsh failed: \(result.stderr)")
        let expectedURL = ExamplesTests.root.appendingPathComponent("examples/\(name).expected")
        if ProcessInfo.processInfo.environment["CLAIMSH_UPDATE_EXPECTED"] == "1" {
            // A failing script must not become its own golden output.
            guard result.status == 0 else { return }
            try result.stdout.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        if result.stdout != expected {
            let got = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(got, want)).firstIndex { $0.0 != $0.1 } ?? min(got.count, want.count)
            Issue.record("""
                examples/\(name).claimsh differs from .expected at line \(line + 1):
                  expected: \(line < want.count ? String(want[line]) : "<end>")
                  got:      \(line < got.count ? String(got[line]) : "<end>")
                (CLAIMSH_UPDATE_EXPECTED=1 rewrites the .expected files)
                """)
        }
    }
}
