import ClaimKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs commands that do not come from the line editor: `-c` texts, `-f` scripts, standard
/// input, the init file (SPEC §2). Errors are reported as `ORIGIN:LINE:COL: error: MESSAGE`;
/// the run stops at the first failing command unless `keepGoing`, and at `quit`, and quietly
/// when the reader of standard output has gone.
public final class BatchRunner {
    /// How one command ended.
    public enum Outcome: Equatable {
        case succeeded
        case failed(ShellError)
        /// Ctrl-C during the command: its output was dropped.
        case interrupted
    }

    public let session: Session
    public var keepGoing: Bool
    public let standardOutput: OutputSink
    /// Some command failed (exit status 1).
    public private(set) var failed = false
    /// `quit`, a failure without `keepGoing`, or a closed standard output: run nothing more.
    public private(set) var stopped = false

    public init(session: Session, keepGoing: Bool = false, standardOutput: OutputSink = .standardOutput()) {
        self.session = session
        self.keepGoing = keepGoing
        self.standardOutput = standardOutput
    }

    /// 0 when every command succeeded, 1 when one failed.
    public var exitStatus: Int32 { failed ? 1 : 0 }

    /// Runs every command of `text` until the run stops.
    public func run(_ text: String, origin: String, firstLine: Int = 1) {
        for command in ScriptReader.commands(in: text, origin: origin, firstLine: firstLine) {
            if stopped { return }
            run(command)
        }
    }

    public func run(_ command: ScriptReader.Command) {
        session.history.append(command.source)
        let outcome = Self.perform(command, in: session, standardOutput: standardOutput) { error in
            let location = command.location(ofColumn: error.columns?.lowerBound ?? 0)
            OutputSink.writeStandardError("\(location): error: \(error.message)\n")
        }
        if case .failed = outcome {
            failed = true
            if !keepGoing { stopped = true }
        }
        if session.shouldQuit || standardOutput.readerGone { stopped = true }
    }

    /// Reads commands from standard input with plain reads, a line at a time, so that a
    /// producer feeding claimsh sees each command's output as soon as it is done.
    public func runStandardInput(origin: String = "<stdin>") {
        var pending: [UInt8] = []
        var consumed = 0 // bytes of `pending` already taken as lines
        var text = ""
        var textFirstLine = 1
        var lineNumber = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        var atEnd = false
        while !stopped {
            let newline = pending[consumed...].firstIndex(of: UInt8(ascii: "\n"))
            if newline != nil || (atEnd && consumed < pending.count) {
                let lineEnd = newline ?? pending.count
                let line = String(decoding: pending[consumed..<lineEnd], as: UTF8.self)
                consumed = min(lineEnd + 1, pending.count)
                lineNumber += 1
                if text.isEmpty { textFirstLine = lineNumber } else { text += "\n" }
                text += line
                if !ScriptReader.endsWithContinuation(text) {
                    run(text, origin: origin, firstLine: textFirstLine)
                    text = ""
                }
                continue
            }
            if atEnd { break }
            pending.removeSubrange(..<consumed)
            consumed = 0
            let n = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n > 0 {
                pending += buffer[..<n]
            } else if n < 0, errno == EINTR {
                continue
            } else {
                atEnd = true
            }
        }
        if !stopped, !text.isEmpty { run(text, origin: origin, firstLine: textFirstLine) }
    }

    /// Runs one command, renders its output for where it goes, writes it, then reports an
    /// error (`reportError`), the session's diagnostics and, with `set timer on`, the run time
    /// (on stderr). Shared by batch mode and the interactive shell.
    public static func perform(_ command: ScriptReader.Command, in session: Session, standardOutput: OutputSink,
                               standardError: (String) -> Void = OutputSink.writeStandardError,
                               reportError: (ShellError) -> Void) -> Outcome {
        let clock = ContinuousClock()
        let started = clock.now
        defer {
            for message in session.diagnostics { standardError(message.hasSuffix("\n") ? message : message + "\n") }
            session.diagnostics.removeAll()
            if session.settings.timer {
                let elapsed = clock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                standardError("Run Time: real \(formatSeconds(seconds)) s\n")
            }
        }
        do throws(ShellError) {
            if session.safe, let redirection = command.redirection {
                throw ShellError("--safe forbids " + (redirection.isPipe ? "shell pipes" : "writing files"),
                                 at: command.redirectionColumns)
            }
            let output = try session.execute(command.text)
            if SignalHandling.interruptPending { return .interrupted }
            if case .none = output, command.redirection == nil { return .succeeded }
            let sink = try OutputSink.open(command.redirection, columns: command.redirectionColumns, safe: session.safe)
            let toTerminal = sink.isStandardOutput && Terminal.standardOutputIsTerminal
            let text = Renderer.render(output, renderOptions(for: session, toTerminal: toTerminal))
            (sink.isStandardOutput ? standardOutput : sink).write(text)
            sink.close()
            if sink.interrupted || standardOutput.interrupted || SignalHandling.interruptPending { return .interrupted }
            return .succeeded
        } catch {
            reportError(error)
            return .failed(error)
        }
    }

    /// SPEC §6: a table fitted to the window, with colour and a row limit, on a terminal;
    /// tsv and every row, untruncated, anywhere else. `set format` wins over both.
    public static func renderOptions(for session: Session, toTerminal: Bool) -> RenderOptions {
        let settings = session.settings
        return RenderOptions(
            format: settings.format ?? (toTerminal ? .table : .tsv),
            color: toTerminal && settings.color,
            width: toTerminal ? (settings.width ?? Terminal.width()) : nil,
            maxRows: toTerminal && settings.maxRows > 0 ? settings.maxRows : nil,
            numbers: settings.numbers
        )
    }

    static func formatSeconds(_ seconds: Double) -> String {
        let millis = Int((seconds * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
