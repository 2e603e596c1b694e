@preconcurrency import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signals the shell handles itself. SIGINT (Ctrl-C) only sets a flag, so that a running
/// command can stop at a safe point and the corpus stays intact; SIGPIPE is ignored so that a
/// closed reader shows up as EPIPE on write and output can end quietly.
///
/// The flag lives in C (`shim.h`, async-signal-safe); this is the only Swift file touching it.
public enum SignalHandling {
    /// Interactive mode: Ctrl-C no longer ends the process.
    public static func catchInterrupts() {
        _ = claimsh_install_interrupt_handler()
    }

    public static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Whether Ctrl-C was pressed since the last `takeInterrupt()`.
    public static var interruptPending: Bool { claimsh_interrupt_pending() != 0 }

    /// Returns whether Ctrl-C was pressed, and clears it.
    @discardableResult
    public static func takeInterrupt() -> Bool { claimsh_take_interrupt() != 0 }
}
