/// The loaded documents with their layers, and the claim store built from them.
public struct Corpus: Sendable {
    public private(set) var documents: [AnnotatedDocument] = []
    public private(set) var store = ClaimStore()

    public init() {}

    public var sentenceCount: Int { documents.reduce(0) { $0 + $1.sentences.count } }

    /// Adds annotated documents; a document whose id is already loaded replaces the old one.
    public mutating func add(_ docs: [AnnotatedDocument]) {
        let newIDs = Set(docs.map(\.document.id))
        if documents.contains(where: { newIDs.contains($0.document.id) }) {
            remove(ids: newIDs)
        }
        for d in docs {
            documents.append(d)
            store.append(contentsOf: d.claims)
        }
    }

    public mutating func remove(ids: Set<String>) {
        documents.removeAll { ids.contains($0.document.id) }
        store.removeAll { ids.contains($0.doc) }
    }

    public mutating func removeAll() {
        documents = []
        store = ClaimStore()
    }

    /// Re-runs the pipeline on one document (after `docs set ... date`, say).
    public mutating func replace(_ doc: AnnotatedDocument) {
        guard let i = documents.firstIndex(where: { $0.document.id == doc.document.id }) else { return }
        documents[i] = doc
        store = ClaimStore(documents.flatMap(\.claims))
    }

    public func index(ofDocument id: String) -> Int? {
        documents.firstIndex { $0.document.id == id }
    }

    /// Resolves a document name: its exact id, or any unique prefix of one ("002").
    public func resolveDocument(_ name: String) throws(CorpusError) -> Int {
        if let i = index(ofDocument: name) { return i }
        let matches = documents.indices.filter { documents[$0].document.id.hasPrefix(name) }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw .unknownDocument(name, suggestion: nil) }
        throw .ambiguousDocument(name, candidates: matches.prefix(5).map { documents[$0].document.id })
    }
}

public enum CorpusError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownDocument(String, suggestion: String?)
    case ambiguousDocument(String, candidates: [String])

    public var description: String {
        switch self {
        case let .unknownDocument(name, suggestion):
            return "no document '\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case let .ambiguousDocument(name, candidates):
            return "'\(name)' names several documents: " + candidates.joined(separator: ", ")
        }
    }
}
