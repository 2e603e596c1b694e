/// A document as a user names it: its id or a unique prefix ("002"), with a did-you-mean
/// suggestion when nothing matches ("00x2" → "002_2cc7b7632708e469").
public enum DocumentName {
    public static func resolve(_ name: String, in corpus: Corpus) throws(CorpusError) -> Int {
        do {
            return try corpus.resolveDocument(name)
        } catch .unknownDocument {
            throw .unknownDocument(name, suggestion: suggestion(for: name, in: corpus))
        } catch {
            throw error
        }
    }

    /// The id whose start (as long as the name, or whole) is closest to the name.
    static func suggestion(for name: String, in corpus: Corpus) -> String? {
        let ids = corpus.documents.map(\.document.id)
        let folded = TextFolding.fold(name)
        if let i = ids.firstIndex(where: { TextFolding.fold($0).hasPrefix(folded) }) { return ids[i] }
        var best: (String, Int)? = nil
        let lower = name.lowercased()
        for id in ids {
            // Against the whole id and against its starts about as long as the name.
            var d = Suggestion.distance(lower, id.lowercased())
            for length in max(1, name.count - 1)...(name.count + 1) {
                d = min(d, Suggestion.distance(lower, String(id.prefix(length)).lowercased()))
            }
            let limit = max(1, min(3, name.count / 3))
            if d <= limit, best.map({ d < $0.1 }) ?? true { best = (id, d) }
        }
        return best?.0
    }
}
