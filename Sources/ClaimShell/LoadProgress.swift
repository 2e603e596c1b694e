import Foundation
import ClaimKit

/// The progress line of a long load on a terminal: documents, MB, MB/s and the time left,
/// rewritten in place with `\r` on stderr. It appears only after a second (short loads stay
/// quiet) and never when stderr is a pipe or file. Advanced from the pipeline's worker threads.
public final class LoadProgress: @unchecked Sendable {
    private let totalDocuments: Int
    private let totalBytes: Int
    private let started = DispatchTime.now().uptimeNanoseconds
    private let lock = NSLock()
    private var documents = 0
    private var bytes = 0
    private var lastDrawn: UInt64 = 0
    private var drawn = false

    /// A progress line for a load of these documents, or nil when stderr is not a terminal.
    public static func start(for documents: [Document]) -> LoadProgress? {
        guard Terminal.isTerminal(STDERR_FILENO) else { return nil }
        return LoadProgress(documents: documents.count, bytes: documents.reduce(0) { $0 + $1.text.utf8.count })
    }

    init(documents: Int, bytes: Int) {
        totalDocuments = documents
        totalBytes = bytes
    }

    /// One more document of `size` bytes is done.
    public func advance(_ size: Int) {
        lock.lock()
        defer { lock.unlock() }
        documents += 1
        bytes += size
        let now = DispatchTime.now().uptimeNanoseconds
        let elapsed = now - started
        // Silent for the first second, then at most ten redraws a second.
        guard elapsed >= 1_000_000_000, now - lastDrawn >= 100_000_000 else { return }
        lastDrawn = now
        drawn = true
        OutputSink.writeStandardError("\r" + Self.line(documents: documents, of: totalDocuments, bytes: bytes, of: totalBytes,
                                                       seconds: Double(elapsed) / 1e9) + "\u{1B}[K")
    }

    /// Clears the line (when one was drawn) so that the load's own message starts clean.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { OutputSink.writeStandardError("\r\u{1B}[K") }
        drawn = false
    }

    /// "loading 51,234/102,800 documents · 135/270 MB · 27.0 MB/s · 5 s left"
    static func line(documents: Int, of total: Int, bytes: Int, of totalBytes: Int, seconds: Double) -> String {
        let mb = Double(bytes) / 1e6, totalMB = Double(totalBytes) / 1e6
        let rate = seconds > 0 ? mb / seconds : 0
        let left = rate > 0 ? max(0, (totalMB - mb) / rate) : 0
        // Whole megabytes for large loads, tenths for small ones.
        let f = totalMB >= 100 ? "%.0f" : "%.1f"
        return "loading \(grouped(documents))/\(grouped(total)) documents · " + String(format: "\(f)/\(f) MB", mb, totalMB)
            + String(format: " · %.1f MB/s", rate) + " · \(Int(left.rounded(.up))) s left"
    }

    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
