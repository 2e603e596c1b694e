import Dispatch
import Foundation

/// The text pipeline: named annotators run in order over each document; documents are
/// processed in parallel and returned in input order.
public struct Pipeline: Sendable {
    public let annotators: [any Annotator]

    public init(annotators: [any Annotator]) {
        self.annotators = annotators
    }

    /// The full German claims pipeline. For benchmarks, `CLAIMSH_PIPELINE=sentences` keeps only
    /// tokenising and sentence splitting, and `CLAIMSH_THREADS=N` limits the worker threads.
    public static let standard: Pipeline = {
        let env = ProcessInfo.processInfo.environment
        // The sentences-only pipeline builds none of the other annotators' tables.
        var p = env["CLAIMSH_PIPELINE"] == "sentences"
            ? Pipeline(annotators: [SentenceAnnotator(lexicon: .shared)])
            : Pipeline(lexicon: .shared)
        p.threads = Workers.configured
        return p
    }()

    /// Worker threads for `annotate(_:[Document])`; nil: one per core.
    public var threads: Int? = nil

    /// Called (from any worker thread) with the UTF-8 size of each document the batch
    /// `annotate` has finished: `load` draws its progress line from it.
    public var progress: (@Sendable (Int) -> Void)? = nil

    public init(lexicon: Lexicon) {
        lexicon.prebuild()
        annotators = [
            SentenceAnnotator(lexicon: lexicon),
            // Entities first: the object annotator places counts at locations ("in Russland").
            EntityAnnotator(lexicon: lexicon),
            NumberAnnotator(lexicon: lexicon),
            ObjectAnnotator(lexicon: lexicon),
            DocumentDateResolver(lexicon: lexicon),
            TimeAnnotator(lexicon: lexicon),
            EventAnnotator(lexicon: lexicon),
            SourceAnnotator(lexicon: lexicon),
            ModalityAnnotator(lexicon: lexicon),
            ClaimAssembler(),
        ]
    }

    public func annotate(_ document: Document) -> AnnotatedDocument {
        var doc = AnnotatedDocument(document: document)
        for a in annotators { a.annotate(&doc) }
        return doc
    }

    /// Annotates documents on all cores; the result is in input order. The documents come back
    /// compacted (no tokens, no second copy of the text): a corpus of 100,000 articles keeps
    /// only its text, layers and claims. The batch's `CorpusDatePrior` is found first, so that
    /// documents whose date is a weak guess far from it are read with it.
    public func annotate(_ documents: [Document]) -> [AnnotatedDocument] {
        guard let prior = corpusDatePrior(documents) else { return annotateEach(documents) }
        return datePrior(prior).annotateEach(documents)
    }

    /// Annotates documents on all cores as they are, without a corpus date prior (a caller
    /// that forms the prior itself, or a pipeline that already has one).
    public func annotateEach(_ documents: [Document]) -> [AnnotatedDocument] {
        concurrentMap(documents.count) { finish(documents[$0]) }
    }

    /// Annotates documents on all cores and gives each, with `then` applied on its worker, to
    /// `take` on the calling thread in input order, as soon as it and all before it are done:
    /// a load appends documents to its corpus while the workers read the next ones, with no
    /// pause between batches. The calling thread reads documents too. Stops when `stop` says so (asked on the calling thread while it
    /// waits, and between documents): then returns false, and `take` has seen a prefix.
    public func annotateInOrder(_ documents: [Document], then: @escaping @Sendable (inout AnnotatedDocument) -> Void,
                                stop: () -> Bool, take: (AnnotatedDocument) -> Void) -> Bool {
        let workers = threads ?? ProcessInfo.processInfo.activeProcessorCount
        if workers <= 1 || documents.count < 2 {
            for d in documents {
                if stop() { return false }
                var doc = finish(d)
                then(&doc)
                take(doc)
            }
            return true
        }
        let slots = OrderedSlots<AnnotatedDocument>(count: documents.count)
        let next = AtomicCounter()
        let done = DispatchGroup()
        let pipeline = self
        // The calling thread is one of the workers: between its own documents it hands on
        // those that are ready in order, so that the cores never run more threads than they
        // have (a separate appending thread would take turns with the workers).
        done.enter()
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: workers - 1) { _ in
                while !slots.stopped {
                    let i = next.add(1)
                    if i >= documents.count { break }
                    var doc = pipeline.finish(documents[i])
                    then(&doc)
                    slots.set(i, doc)
                }
            }
            done.leave()
        }
        var handed = 0
        var completed = true
        while completed {
            while handed < documents.count, let doc = slots.takeIfReady(handed) {
                take(doc)
                handed += 1
            }
            if stop() {
                completed = false
                break
            }
            let i = next.add(1)
            if i >= documents.count { break }
            var doc = finish(documents[i])
            then(&doc)
            slots.set(i, doc)
        }
        // The documents still being read by the other workers, in order.
        while completed, handed < documents.count {
            guard let doc = slots.take(handed, stop: stop) else {
                completed = false
                break
            }
            take(doc)
            handed += 1
        }
        slots.stop()
        done.wait()
        return completed
    }

    /// `body(0..<count)` on `threads` workers (one per core), results in index order.
    func concurrentMap<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        Workers.map(count, threads: threads, body)
    }
}

/// Work spread over the cores, for the pipeline and the readers of large files.
enum Workers {
    /// `CLAIMSH_THREADS=N` (benchmarks: one core is `CLAIMSH_THREADS=1`); nil: one per core.
    static let configured: Int? = ProcessInfo.processInfo.environment["CLAIMSH_THREADS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }

    /// `body(0..<count)` on `threads` workers (nil: one per core), results in index order.
    static func map<T>(_ count: Int, threads: Int?, _ body: @Sendable (Int) -> T) -> [T] {
        if count < 2 || threads == 1 { return (0..<count).map(body) }
        let results = ResultSlots<T>(count: count)
        let workers = threads ?? ProcessInfo.processInfo.activeProcessorCount
        // Items are taken in small batches from a shared counter (at least eight batches per
        // worker), so long articles do not leave one core idle at the end.
        let batch = max(1, min(8, count / (max(1, workers) * 8)))
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: max(1, workers)) { _ in
            while true {
                let start = next.add(batch)
                if start >= count { break }
                for i in start..<min(start + batch, count) {
                    results.set(i, body(i))
                }
            }
        }
        return results.values()
    }
}

extension Pipeline {
    /// One document of a batch: annotated, compacted, counted.
    func finish(_ document: Document) -> AnnotatedDocument {
        var doc = annotate(document)
        doc.compact()
        progress?(document.text.utf8.count)
        return doc
    }
}

/// Write-once slots filled from concurrent iterations, each index by exactly one writer.
final class ResultSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>
    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }
    deinit {
        _ = buffer.deinitialize()
        buffer.deallocate()
    }
    func set(_ i: Int, _ value: T) { buffer[i] = value }
    func values() -> [T] { buffer.map { $0! } }
}

/// Slots filled by workers in any order and emptied by one reader in index order, which waits
/// for the next one (and asks `stop` every 50 ms while it waits).
final class OrderedSlots<T>: @unchecked Sendable {
    private var values: [T?]
    private let condition = NSCondition()
    private var halted = false
    /// The index the reader is waiting for (-1: none): only its worker wakes it, so that a
    /// large load does not wake the reader once per document.
    private var awaited = -1

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        condition.lock()
        values[i] = value
        if i == awaited { condition.signal() }
        condition.unlock()
    }

    /// The value at `i` once set (the slot is emptied); nil when `stop` said so first.
    func take(_ i: Int, stop: () -> Bool) -> T? {
        condition.lock()
        defer { condition.unlock() }
        while values[i] == nil {
            if halted { return nil }
            condition.unlock()
            let stopping = stop()
            condition.lock()
            if stopping {
                halted = true
                return nil
            }
            if values[i] == nil {
                awaited = i
                _ = condition.wait(until: Date(timeIntervalSinceNow: 0.05))
                awaited = -1
            }
        }
        let value = values[i]
        values[i] = nil
        return value
    }

    /// The value at `i` when it is set (the slot is emptied), else nil at once.
    func takeIfReady(_ i: Int) -> T? {
        condition.lock()
        defer { condition.unlock() }
        guard let value = values[i] else { return nil }
        values[i] = nil
        return value
    }

    /// Workers take no more work.
    func stop() {
        condition.lock()
        halted = true
        condition.unlock()
    }

    var stopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return halted
    }
}

/// A counter shared by the pipeline's workers.
final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    /// Returns the value before adding `n`.
    func add(_ n: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let v = value
        value += n
        return v
    }
}
