/// The loaded documents with their layers, and the claim store built from them.
///
/// Each claim is held once, in the store: a document's own `claims` are emptied when it is
/// added (on a 100,000-article corpus a second copy of every claim costs as much as the text).
/// `claims(of:)` and `annotated(_:)` give a document's claims back.
/// Documents are kept without their mention layers (`AnnotatedDocument.dropMentionLayers`):
/// text, sentences and claims are what queries read.
public struct Corpus: Sendable {
    public private(set) var documents: [AnnotatedDocument] = []
    public private(set) var store = ClaimStore()
    /// Per document: where its claims start in the store (they are contiguous, in document order).
    private var claimStart: [Int] = []

    public init() {}

    public var sentenceCount: Int { documents.reduce(0) { $0 + $1.sentences.count } }

    /// The claims of the document at `index`, in text order.
    public func claims(of index: Int) -> Slice<ClaimStore.Claims> {
        let end = index + 1 < claimStart.count ? claimStart[index + 1] : store.count
        return store.claims[claimStart[index]..<end]
    }

    /// The document at `index` with its claims filled in.
    public func annotated(_ index: Int) -> AnnotatedDocument {
        var d = documents[index]
        d.claims = Array(claims(of: index))
        return d
    }

    /// Adds annotated documents; a document whose id is already loaded replaces the old one.
    /// Pass the array with `consume` when it is not used afterwards: each document's claims
    /// are then moved into the store one document at a time instead of being copied.
    public mutating func add(_ docs: consuming [AnnotatedDocument]) {
        removeLoaded(docs.lazy.map(\.document.id))
        append(docs)
    }

    /// Removes the loaded documents with these ids (before a load that replaces them); on an
    /// empty corpus (the first load) nothing is hashed.
    public mutating func removeLoaded(_ ids: some Sequence<String>) {
        guard !documents.isEmpty else { return }
        let ids = Set(ids)
        if documents.contains(where: { ids.contains($0.document.id) }) {
            remove(ids: ids)
        }
    }

    /// Adds annotated documents after the loaded ones, without looking for ids already loaded
    /// (`removeLoaded` first).
    public mutating func append(_ docs: consuming [AnnotatedDocument]) {
        store.reserveCapacity(store.count + docs.reduce(0) { $0 + $1.claims.count })
        let first = documents.count
        if documents.isEmpty {
            // The first load: the array becomes the corpus's (no second array of documents).
            documents = consume docs
        } else {
            documents.reserveCapacity(documents.count + docs.count)
            documents.append(contentsOf: consume docs)
        }
        for i in first..<documents.count { storeClaims(ofDocument: i) }
    }

    /// Room for `n` more documents (before appending them one at a time).
    public mutating func reserveCapacity(documents n: Int) {
        documents.reserveCapacity(documents.count + n)
        claimStart.reserveCapacity(claimStart.count + n)
    }

    /// `append` of one document.
    public mutating func append(_ doc: consuming AnnotatedDocument) {
        documents.append(doc)
        storeClaims(ofDocument: documents.count - 1)
    }

    /// Moves the claims of the document at `i` (the last one added) into the store.
    private mutating func storeClaims(ofDocument i: Int) {
        let claims = documents[i].claims
        documents[i].claims = []
        documents[i].dropMentionLayers()
        claimStart.append(store.count)
        store.registerDocument(documents[i].document.id)
        store.append(contentsOf: claims)
    }

    public mutating func remove(ids: Set<String>) {
        var kept: [AnnotatedDocument] = []
        var claims: [Claim] = []
        for i in documents.indices where !ids.contains(documents[i].document.id) {
            kept.append(documents[i])
            claims += self.claims(of: i)
        }
        rebuild(kept, claims)
    }

    public mutating func removeAll() {
        documents = []
        claimStart = []
        store = ClaimStore()
    }

    /// Re-runs the pipeline on one document (after `docs set ... date`, say). A document taken
    /// from `documents` and changed in its metadata only (its `claims` still empty) keeps its
    /// claims; a re-annotated one brings its own.
    public mutating func replace(_ doc: AnnotatedDocument, reannotated: Bool? = nil) {
        guard let k = documents.firstIndex(where: { $0.document.id == doc.document.id }) else { return }
        let fresh = reannotated ?? (!doc.claims.isEmpty || !doc.tokens.isEmpty || !doc.bytes.isEmpty)
        var kept = documents
        var replacement = doc
        replacement.claims = []
        replacement.compact()
        replacement.dropMentionLayers()
        kept[k] = replacement
        var claims: [Claim] = []
        claims.reserveCapacity(store.count)
        for i in documents.indices {
            if i == k && fresh { claims += doc.claims } else { claims += self.claims(of: i) }
        }
        rebuild(kept, claims)
    }

    /// Replaces several re-annotated documents at once (their claims with them), rebuilding the
    /// store once: `set refdate` re-reads every document whose date was inferred.
    public mutating func replace(_ docs: [AnnotatedDocument]) {
        let byID = Dictionary(docs.map { ($0.document.id, $0) }, uniquingKeysWith: { a, _ in a })
        guard !byID.isEmpty else { return }
        var kept = documents
        var claims: [Claim] = []
        claims.reserveCapacity(store.count)
        for i in documents.indices {
            if var fresh = byID[documents[i].document.id] {
                claims += fresh.claims
                fresh.claims = []
                fresh.compact()
                fresh.dropMentionLayers()
                kept[i] = fresh
            } else {
                claims += self.claims(of: i)
            }
        }
        rebuild(kept, claims)
    }

    private mutating func rebuild(_ docs: [AnnotatedDocument], _ claims: [Claim]) {
        var starts: [Int] = []
        starts.reserveCapacity(docs.count)
        // Claims are in document order; each document's run starts where the previous ended.
        var position = 0
        for d in docs {
            starts.append(position)
            while position < claims.count, claims[position].doc == d.document.id { position += 1 }
        }
        documents = docs
        claimStart = starts
        var rebuilt = ClaimStore()
        rebuilt.reserveCapacity(claims.count)
        for (k, d) in docs.enumerated() {
            rebuilt.registerDocument(d.document.id)
            let end = k + 1 < starts.count ? starts[k + 1] : claims.count
            rebuilt.append(contentsOf: claims[starts[k]..<end])
        }
        if docs.isEmpty { rebuilt.append(contentsOf: claims) }
        store = rebuilt
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
