import Foundation
import Testing

/// The interactive shell through a pseudo-terminal: what a person typing sees.
@Suite(.serialized) struct TerminalTests {
    static let prompt = "claimsh [5 docs"

    /// No LANG/LC_*: claimsh must switch to C.UTF-8 itself, or libedit drops the umlauts.
    static func environment(home: String) -> [String: String] {
        ["HOME": home, "XDG_STATE_HOME": home + "/state", "TERM": "xterm", "PATH": "/usr/bin:/bin"]
    }

    /// Types `keys` and Enter, waits for the next prompt; the output in between.
    @discardableResult
    static func enter(_ keys: String, on terminal: PseudoTerminal) throws -> String {
        let mark = terminal.mark
        terminal.send(keys + Key.enter)
        let shown = try terminal.waitFor(prompt, after: mark).components(separatedBy: prompt).dropLast().joined()
        try terminal.waitForRawMode()
        return shown
    }

    /// The lines listed by the `history` command in `shown`, without their numbers.
    static func historyLines(_ shown: String) -> [String] {
        shown.components(separatedBy: "\r\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2, Int(parts[0]) != nil else { return nil }
            return parts[1].trimmingCharacters(in: .whitespaces)
        }
    }

    @Test(.enabled(if: BuiltBinary.exists, "\(BuiltBinary.missing)"))
    func editingHistoryCompletionInterruptsAcrossSessions() throws {
        let home = try TemporaryDirectory()
        let terminal = try PseudoTerminal(executable: BuiltBinary.path, environment: Self.environment(home: home.path))
        try terminal.waitFor(Self.prompt)
        try terminal.waitForRawMode()

        // Umlauts and guillemets edit as single characters: delete "k" before "»" and the "ö".
        terminal.send("Pjöngjang «Kursk» X")
        try terminal.waitFor("X")
        terminal.send(Key.left + Key.left + Key.left + Key.backspace)
        terminal.send(Key.lineStart + Key.right + Key.right + Key.right + Key.backspace + "oe")
        let error = try Self.enter(Key.lineEnd + " Kämpfe", on: terminal)
        #expect(error.contains("unknown command 'Pjoengjang'"))
        #expect(error.contains("^^^^^^^^^^ unknown command"), "a caret line under the command name")

        // Up recalls the line for more editing.
        try Self.enter(Key.up + Key.lineEnd + " 2", on: terminal)

        // Tab completes a document id right after a word with an umlaut (libedit counts
        // characters, the buffer holds bytes), and a command name.
        try Self.enter("grep Pjöngjang in 002" + Key.tab, on: terminal)

        // Ctrl-C drops the typed line and keeps the shell.
        let mark = terminal.mark
        terminal.send("abc")
        try terminal.waitFor("abc", after: mark)
        let beforeInterrupt = terminal.mark
        terminal.send(Key.interrupt)
        try terminal.waitFor(Self.prompt, after: beforeInterrupt)
        try terminal.waitForRawMode()

        // Ctrl-C also stops a running command (here the shell command of a pipe) and comes
        // back to the prompt with the corpus intact.
        let beforeSleep = terminal.mark
        terminal.send("docs | sleep 30" + Key.enter)
        try terminal.waitForCookedMode()
        Thread.sleep(forTimeInterval: 0.5)
        terminal.send(Key.interrupt)
        let interrupted = try terminal.waitFor(Self.prompt, after: beforeSleep, timeout: 10)
        try terminal.waitForRawMode()
        #expect(interrupted.contains("interrupted"))

        // Tab completes the command name `history`, which lists what was entered.
        let lines = Self.historyLines(try Self.enter("histo" + Key.tab, on: terminal))
        #expect(lines == [
            "Pjoengjang «Kurs» X Kämpfe",
            "Pjoengjang «Kurs» X Kämpfe 2",
            "grep Pjöngjang in 002_2cc7b7632708e469",
            "docs | sleep 30",
            "history",
        ])

        terminal.send(Key.endOfInput)
        #expect(terminal.waitForExit() == 0)

        let file = home.path + "/state/claimsh/history"
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        // A second session finds the first one's history: Up recalls its last line.
        let second = try PseudoTerminal(executable: BuiltBinary.path, environment: Self.environment(home: home.path))
        try second.waitFor(Self.prompt)
        try second.waitForRawMode()
        let recalled = Self.historyLines(try Self.enter(Key.up, on: second))
        #expect(recalled == lines + ["history"])
        second.send(Key.endOfInput)
        #expect(second.waitForExit() == 0)
    }

    @Test(.enabled(if: BuiltBinary.exists, "\(BuiltBinary.missing)"))
    func unwritableHistoryIsOnlyAWarning() throws {
        let home = try TemporaryDirectory()
        var environment = Self.environment(home: home.path)
        environment["XDG_STATE_HOME"] = "/proc/claimsh-cannot-write-here"
        let terminal = try PseudoTerminal(executable: BuiltBinary.path, environment: environment)
        try terminal.waitFor(Self.prompt)
        try terminal.waitForRawMode()
        let first = try Self.enter("help quit", on: terminal)
        #expect(first.contains("warning: cannot write history file"))
        #expect(first.contains("usage: quit"))
        let second = try Self.enter("help quit", on: terminal)
        #expect(!second.contains("warning"), "warned once")
        terminal.send("quit" + Key.enter)
        #expect(terminal.waitForExit() == 0)
    }

    @Test(.enabled(if: BuiltBinary.exists, "\(BuiltBinary.missing)"))
    func interruptedLoadLeavesTheCorpusAsItWas() throws {
        // Enough articles that annotating them takes far longer than the interrupt.
        let dir = try TemporaryDirectory()
        let seeds = BuiltBinary.root + "/seeds"
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds) where name.hasSuffix(".txt") {
            let text = try String(contentsOfFile: seeds + "/" + name, encoding: .utf8)
            for copy in 0..<300 { dir.write("\(copy)_\(name)", text) }
        }
        let home = try TemporaryDirectory()
        let terminal = try PseudoTerminal(executable: BuiltBinary.path, environment: Self.environment(home: home.path))
        try terminal.waitFor(Self.prompt)
        try terminal.waitForRawMode()
        let before = terminal.mark
        terminal.send("load \(dir.path)" + Key.enter)
        try terminal.waitForCookedMode()
        Thread.sleep(forTimeInterval: 0.5)
        terminal.send(Key.interrupt)
        let shown = try terminal.waitFor(Self.prompt, after: before, timeout: 30)
        try terminal.waitForRawMode()
        #expect(shown.contains("interrupted"))
        #expect(!shown.contains("loaded"), "the load's report is dropped")
        let count = try Self.enter("docs | wc -l", on: terminal)
        #expect(count.contains("\r\n6\r\n"), "header and the five seeds, nothing half-loaded: \(count)")
        terminal.send(Key.endOfInput)
        #expect(terminal.waitForExit() == 0)
    }
}
