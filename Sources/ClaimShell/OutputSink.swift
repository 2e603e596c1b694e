#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command's output goes (SPEC §5, §6): standard output, a file (`> FILE`,
/// `>> FILE`) or the standard input of `/bin/sh -c COMMAND` (`| COMMAND`, whose own output
/// goes to our standard output). Writes are plain `write(2)` calls, so nothing is buffered
/// behind the back of a spawned command or of libedit.
public final class OutputSink {
    enum Target {
        case standardOutput
        case file
        case pipe(pid: pid_t)
    }

    let fd: Int32
    let target: Target
    /// The reader went away (EPIPE: `| head -1`, a closed pager); later writes are dropped.
    public private(set) var readerGone = false
    /// Ctrl-C stopped the writing.
    public private(set) var interrupted = false
    private var closed = false

    init(fd: Int32, target: Target) {
        self.fd = fd
        self.target = target
    }

    /// Standard output. SIGPIPE must be ignored (`SignalHandling.ignoreBrokenPipe`) for a
    /// closed reader to show as `readerGone` instead of killing the process.
    public static func standardOutput() -> OutputSink {
        OutputSink(fd: STDOUT_FILENO, target: .standardOutput)
    }

    /// Opens the sink for a redirection; nil means standard output. `columns` locate the
    /// redirection in the command for the error caret.
    public static func open(_ redirection: ScriptReader.Redirection?, columns: Range<Int>?, safe: Bool)
        throws(ShellError) -> OutputSink {
        guard let redirection else { return standardOutput() }
        if safe {
            throw ShellError("--safe forbids " + (redirection.isPipe ? "shell pipes" : "writing files"), at: columns)
        }
        switch redirection {
        case let .write(path): return try openFile(path, append: false, columns: columns)
        case let .append(path): return try openFile(path, append: true, columns: columns)
        case let .pipe(command): return try spawn(command, columns: columns)
        }
    }

    static func openFile(_ path: String, append: Bool, columns: Range<Int>?) throws(ShellError) -> OutputSink {
        let expanded = expandTilde(path)
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        let fd = systemOpen(expanded, flags, 0o644)
        guard fd >= 0 else {
            throw ShellError("cannot write '\(path)': \(String(cString: strerror(errno)))", at: columns)
        }
        return OutputSink(fd: fd, target: .file)
    }

    static func spawn(_ command: String, columns: Range<Int>?) throws(ShellError) -> OutputSink {
        if command.isEmpty { throw ShellError("missing shell command after '|'", at: columns) }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw ShellError("cannot create a pipe: \(String(cString: strerror(errno)))", at: columns)
        }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)

        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, readEnd, STDIN_FILENO)
        // The child must not inherit our ignored SIGPIPE (`| sort | head` would complain) or
        // Ctrl-C handling.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let arguments = ["/bin/sh", "-c", command]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, environ)
        systemClose(readEnd)
        guard status == 0 else {
            systemClose(writeEnd)
            throw ShellError("cannot run /bin/sh: \(String(cString: strerror(status)))", at: columns)
        }
        return OutputSink(fd: writeEnd, target: .pipe(pid: pid))
    }

    static func expandTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return String(cString: home) + path.dropFirst()
    }

    /// Writes all of `text`, unless the reader has gone or Ctrl-C was pressed.
    public func write(_ text: String) {
        guard !readerGone, !interrupted, !closed, !text.isEmpty else { return }
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n > 0 { offset += n; continue }
                if n < 0, errno == EINTR {
                    if SignalHandling.interruptPending { interrupted = true; return }
                    continue
                }
                // EPIPE, or an error no retry will fix (disk full): stop writing quietly.
                readerGone = true
                return
            }
        }
    }

    /// Closes a file or pipe and waits for the shell command; standard output stays open.
    public func close() {
        guard !closed else { return }
        closed = true
        switch target {
        case .standardOutput:
            return
        case .file:
            systemClose(fd)
        case let .pipe(pid):
            systemClose(fd)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }
    }

    public var isStandardOutput: Bool {
        if case .standardOutput = target { return true }
        return false
    }

    deinit { close() }

    /// Diagnostics: unbuffered, so they interleave with results in the order they happen.
    public static func writeStandardError(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if n > 0 { offset += n } else if n < 0, errno == EINTR { continue } else { return }
            }
        }
    }
}

extension ScriptReader.Redirection {
    var isPipe: Bool {
        if case .pipe = self { return true }
        return false
    }
}

// The C calls under names that do not collide with this type's own `write`/`close`.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
private func systemClose(_ fd: Int32) { _ = close(fd) }
