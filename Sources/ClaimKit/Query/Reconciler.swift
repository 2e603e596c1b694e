/// Searches the corpus for sums of two or three claims that explain a value of a conflicting
/// group: same kind and unit, a class equal to the target's or in the same family
/// (`class_families` lexicon), an aspect equal to the target's or `additional`, all terms from
/// one document (the target's first), within `tolerance`; no term may be the sum of the others. The search is bounded: candidates are capped per document and sums pruned as
/// soon as they exceed the target.
public struct Reconciler: Sendable {
    /// Relative difference allowed between the sum and the target.
    public var tolerance: Double
    /// Candidates considered per document (largest values first).
    public var maxCandidatesPerDocument: Int
    public var families: [String: String]

    public init(tolerance: Double = 0.02, maxCandidatesPerDocument: Int = 60, families: [String: String]? = nil) {
        self.tolerance = tolerance
        self.maxCandidatesPerDocument = maxCandidatesPerDocument
        if let families {
            self.families = families
        } else {
            var f: [String: String] = [:]
            for row in Lexicon.shared.table("class_families").rows where row.count >= 2 { f[row[0].lowercased()] = row[1] }
            self.families = f
        }
    }

    public struct Search: Sendable {
        public var found: [Reconciliation] = []
        /// One line per target: how many candidates and sums were tried.
        public var log: [String] = []
    }

    func compatible(_ a: String?, _ b: String?) -> Bool {
        guard let a = a?.lowercased(), let b = b?.lowercased() else { return false }
        if a == b { return true }
        guard let fa = families[a], let fb = families[b] else { return false }
        return fa == fb
    }

    static let summable: Set<Approx> = [.exact, .about]

    /// Explanations for the values of `group`, best first (terms in the target's document,
    /// fewer terms, smaller error); at most one per target.
    public func explain(_ group: ComparisonGroup, in corpus: [Claim]) -> Search {
        var search = Search()
        var seenTargets: Set<String> = []
        for target in group.claims {
            guard target.kind == .quantity, let v = target.value, v > 0, Reconciler.summable.contains(target.approx ?? .exact) else { continue }
            // The same number stated twice in one document needs one explanation.
            let targetKey = target.doc + "|" + Value.format(v)
            guard seenTargets.insert(targetKey).inserted else { continue }
            let limit = v * (1 + tolerance)
            var byDoc: [String: [Claim]] = [:]
            var docOrder: [String] = []
            for c in corpus where c.id != target.id && c.kind == .quantity && c.unit == target.unit {
                guard let cv = c.value, cv > 0, cv < v, Reconciler.summable.contains(c.approx ?? .exact),
                      compatible(c.cls, target.cls), Reconciler.partAspect(c.aspect, of: target.aspect) else { continue }
                if byDoc[c.doc] == nil { docOrder.append(c.doc) }
                byDoc[c.doc, default: []].append(c)
            }
            // The target's own document first, then the others in corpus order.
            docOrder.sort { ($0 == target.doc ? 0 : 1) < ($1 == target.doc ? 0 : 1) }
            var tried = 0
            var candidates = 0
            var best: Reconciliation?
            for doc in docOrder {
                var pool = dedupe(byDoc[doc] ?? []).sorted { ($0.value ?? 0) > ($1.value ?? 0) }
                if pool.count > maxCandidatesPerDocument { pool = Array(pool.prefix(maxCandidatesPerDocument)) }
                candidates += pool.count
                let vals = pool.map { $0.value ?? 0 }
                func consider(_ idx: [Int]) {
                    let sum = idx.reduce(0) { $0 + vals[$1] }
                    let err = abs(sum - v) / v
                    guard err <= tolerance else { return }
                    // A term that is itself the sum of the others would count them twice.
                    if idx.count == 3, idx.contains(where: { i in abs(2 * vals[i] - sum) <= tolerance * vals[i] }) { return }
                    let r = Reconciliation(target: target, terms: idx.sorted().reversed().map { pool[$0] }.sorted { ($0.span.start, $0.doc) < ($1.span.start, $1.doc) }, error: err)
                    if better(r, than: best) { best = r }
                }
                for i in pool.indices {
                    for j in pool.indices where j > i {
                        let s2 = vals[i] + vals[j]
                        tried += 1
                        consider([i, j])
                        // Values are sorted descending: once a third term leaves the sum short of
                        // the target, every later (smaller) one does too.
                        for k in pool.indices where k > j {
                            if s2 + vals[k] > limit { continue }
                            tried += 1
                            consider([i, j, k])
                            if s2 + vals[k] < v * (1 - tolerance) { break }
                        }
                    }
                }
            }
            search.log.append("\(target.valueText) (\(Reconciliation.shortDoc(target.doc))): \(candidates) candidates in \(docOrder.count) docs, \(tried) sums tried"
                              + (best.map { " → " + $0.explanation } ?? ", none within \(Value.format(tolerance * 100)) %"))
            if let best { search.found.append(best) }
        }
        return search
    }

    /// Parts of a figure happened as it did (same aspect) or on top of it (`additional`); a
    /// total (or a figure without aspect) may be made of anything.
    static func partAspect(_ part: String?, of whole: String?) -> Bool {
        guard let whole, whole != "total" else { return true }
        guard let part else { return true }
        return part == whole || part == "additional"
    }

    /// One claim per (value, class, sentence): the same figure repeated in a sentence counts once.
    func dedupe(_ claims: [Claim]) -> [Claim] {
        var seen: Set<String> = []
        return claims.filter { seen.insert("\($0.sentence)|\($0.value ?? 0)|\($0.cls ?? "")").inserted }
    }

    func better(_ a: Reconciliation, than b: Reconciliation?) -> Bool {
        guard let b else { return true }
        if a.termsInTargetDocument != b.termsInTargetDocument { return a.termsInTargetDocument }
        if a.terms.count != b.terms.count { return a.terms.count < b.terms.count }
        return a.error < b.error
    }
}
