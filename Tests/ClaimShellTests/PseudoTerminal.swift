@preconcurrency import CEditLine
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program on a pseudo-terminal, as a user at a terminal would: keys are written to
/// the master side, the screen output read from it. The child is a session leader with the
/// pty as its controlling terminal, so Ctrl-C raises SIGINT as it does for a person.
final class PseudoTerminal {
    let master: Int32
    let pid: pid_t
    private(set) var output = ""
    private var bytes: [UInt8] = []

    enum Failure: Error, CustomStringConvertible {
        case setup(String)
        case timeout(expected: String, output: String)

        var description: String {
            switch self {
            case let .setup(s): return "pty setup failed: \(s)"
            case let .timeout(expected, output): return "timed out waiting for \(expected.debugDescription); output so far:\n\(output)"
            }
        }
    }

    init(executable: String, arguments: [String] = [], environment: [String: String]) throws {
        master = posix_openpt(O_RDWR | O_NOCTTY)
        var name = [CChar](repeating: 0, count: 128)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, ptsname_r(master, &name, name.count) == 0 else {
            throw Failure.setup("posix_openpt: \(String(cString: strerror(errno)))")
        }
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)

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
        // setsid runs before the file actions, so opening the slave makes it the controlling tty.
        let setsid: Int32 = 0x80 // POSIX_SPAWN_SETSID (glibc)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGPIPE, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { throw Failure.setup("posix_spawn: \(String(cString: strerror(status)))") }
        pid = child
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, WNOHANG)
        close(master)
    }

    /// Types keys (UTF-8 text, control characters, escape sequences).
    func send(_ keys: String) {
        var keys = keys
        keys.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(master, buffer.baseAddress! + offset, buffer.count - offset)
                if n > 0 { offset += n } else if errno != EINTR { return }
            }
        }
    }

    /// Reads until the output after `start` contains `text`; returns the output from `start`.
    @discardableResult
    func waitFor(_ text: String, after start: String.Index? = nil, timeout: Double = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let from = start ?? output.startIndex
            let seen = String(output[from...])
            if seen.contains(text) { return seen }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { throw Failure.timeout(expected: text, output: output) }
            if !readAvailable(timeoutMillis: Int32(min(remaining, 0.5) * 1000)) {
                throw Failure.timeout(expected: text, output: output)
            }
        }
    }

    /// Waits until the program reads keys one by one (libedit switches to raw mode, without
    /// echo, only when it starts reading; keys typed before are echoed and edited by the
    /// kernel, as they would be for a person typing ahead).
    func waitForRawMode(timeout: Double = 20) throws {
        try waitForEcho(false, timeout: timeout)
    }

    /// Waits until the line editor has handed a line over (cooked mode again): the command runs.
    func waitForCookedMode(timeout: Double = 20) throws {
        try waitForEcho(true, timeout: timeout)
    }

    private func waitForEcho(_ on: Bool, timeout: Double) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var attributes = termios()
        while Date() < deadline {
            if tcgetattr(master, &attributes) == 0, (attributes.c_lflag & tcflag_t(ECHO) != 0) == on { return }
            _ = readAvailable(timeoutMillis: 10)
        }
        throw Failure.timeout(expected: on ? "cooked mode" : "raw mode", output: output)
    }

    /// Where the output ends now: pass it to `waitFor` to look only at what comes next.
    var mark: String.Index { output.endIndex }

    /// Reads what is there; false when the child has closed the terminal.
    private func readAvailable(timeoutMillis: Int32) -> Bool {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&fds, 1, timeoutMillis)
        if ready <= 0 { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if n <= 0 { return false }
        bytes += buffer[..<n]
        // Keep a trailing incomplete UTF-8 sequence for the next read.
        var complete = bytes.count
        var back = 0
        while back < 4, complete - back - 1 >= 0, bytes[complete - back - 1] & 0xC0 == 0x80 { back += 1 }
        if complete - back - 1 >= 0, bytes[complete - back - 1] >= 0xC0 { complete -= back + 1 }
        output += String(decoding: bytes[..<complete], as: UTF8.self)
        bytes.removeSubrange(..<complete)
        return true
    }

    /// Waits for the child to end; its exit status, or nil on timeout or a signal.
    func waitForExit(timeout: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            _ = readAvailable(timeoutMillis: 50)
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                let signal = status & 0x7f
                return signal == 0 ? (status >> 8) & 0xff : nil
            }
        }
        return nil
    }
}

/// Keys as a terminal sends them (xterm, Emacs mode).
enum Key {
    static let enter = "\r"
    static let tab = "\t"
    static let backspace = "\u{7f}"
    static let left = "\u{1b}[D"
    static let right = "\u{1b}[C"
    static let up = "\u{1b}[A"
    static let lineStart = "\u{01}"  // Ctrl-A
    static let lineEnd = "\u{05}"    // Ctrl-E
    static let interrupt = "\u{03}"  // Ctrl-C
    static let endOfInput = "\u{04}" // Ctrl-D
}
