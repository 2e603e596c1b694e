import Dispatch

/// The text pipeline: named annotators run in order over each document; documents are
/// processed in parallel and returned in input order.
public struct Pipeline: Sendable {
    public let annotators: [any Annotator]

    public init(annotators: [any Annotator]) {
        self.annotators = annotators
    }

    /// The full German claims pipeline.
    public static let standard = Pipeline(lexicon: .shared)

    public init(lexicon: Lexicon) {
        annotators = [
            SentenceAnnotator(lexicon: lexicon),
            EntityAnnotator(lexicon: lexicon),
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

    /// Annotates documents on all cores; the result is in input order.
    public func annotate(_ documents: [Document]) -> [AnnotatedDocument] {
        if documents.count < 2 { return documents.map(annotate) }
        let results = ResultSlots<AnnotatedDocument>(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { i in
            results.set(i, annotate(documents[i]))
        }
        return results.values()
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
