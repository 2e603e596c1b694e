import ClaimKit
import ClaimTestSupport
@testable import ClaimShell

extension KurskClaims {
    /// A session whose corpus holds the five seed documents with the hand-built claims.
    static func session() -> Session {
        let s = Session()
        let docs: [AnnotatedDocument] = [d0, d1, d2, d3, d4].map { id in
            var d = AnnotatedDocument(document: Document(id: id, text: all.filter { $0.doc == id }.map(\.text).joined(separator: " ")))
            d.claims = all.filter { $0.doc == id }
            return d
        }
        s.corpus.add(docs)
        return s
    }
}
