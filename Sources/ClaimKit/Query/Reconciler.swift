/// Searches the corpus for sums of two or three claims that explain a value of a conflicting
/// group: same kind and unit, a class equal to the target's or in the same family
/// (`class_families` lexicon), an aspect equal to the target's or `additional`, all terms from
/// one document (the target's first, or one naming `minSharedEntities` of the target
/// document's entities) and at most `maxSentenceGap` sentences apart, within `tolerance`; no
/// term may be the sum of the others. Percentages are never summed. The search is bounded: candidates are capped per document and sums pruned as
/// soon as they exceed the target.
public struct Reconciler: Sendable {
    /// Relative difference allowed between the sum and the target.
    public var tolerance: Double
    /// Candidates considered per document (largest values first).
    public var maxCandidatesPerDocument: Int
    /// Sums tried for one target before the search gives up.
    public var maxSumsPerTarget: Int
    /// Terms lie at most this many sentences apart: a report states a sum and its parts together
    /// ("rund 11.000 ..., in diesem Jahr kamen weitere rund 3.000 hinzu").
    public var maxSentenceGap: Int
    /// Terms from another document than the target's count only when the two documents name at
    /// least this many of the same entities: they report the same story.
    public var minSharedEntities: Int
    /// Distinct values of a group searched; a group of hundreds of reports is not explained value by value.
    public var maxTargetsPerGroup: Int
    public var families: [String: String]

    public init(tolerance: Double = 0.02, maxCandidatesPerDocument: Int = 60, maxSumsPerTarget: Int = 100_000,
                maxTargetsPerGroup: Int = 12, maxSentenceGap: Int = 1, minSharedEntities: Int = 2,
                families: [String: String]? = nil) {
        self.minSharedEntities = minSharedEntities
        self.maxSentenceGap = maxSentenceGap
        self.maxTargetsPerGroup = maxTargetsPerGroup
        self.tolerance = tolerance
        self.maxCandidatesPerDocument = maxCandidatesPerDocument
        self.maxSumsPerTarget = maxSumsPerTarget
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
    /// Shares of different wholes do not add up.
    static let shares: Set<String> = ["%", "‰", "pp"]

    /// Explanations for the values of `group`, best first (terms in the target's document,
    /// fewer terms, smaller error); at most one per target.
    public func explain(_ group: ComparisonGroup, in corpus: [Claim]) -> Search {
        var search = Search()
        var seenTargets: Set<String> = []
        // Candidate pools per (class, unit, aspect) of the targets: per document, deduplicated,
        // largest values first, capped.
        var pools: [String: [(doc: String, claims: [Claim])]] = [:]
        var skipped = 0
        var entitiesByDoc: [String: Set<String>] = [:]
        if group.claims.contains(where: { Reconciler.summable.contains($0.approx ?? .exact) && !Reconciler.shares.contains($0.unit ?? "") }) {
            for c in corpus { entitiesByDoc[c.doc, default: []].formUnion(c.entities.map(TextFolding.fold)) }
        }
        for target in group.claims {
            guard target.kind == .quantity, let v = target.value, v > 0, Reconciler.summable.contains(target.approx ?? .exact),
                  !Reconciler.shares.contains(target.unit ?? "") else { continue }
            // The same number stated twice in one document needs one explanation.
            guard seenTargets.insert(target.doc + "|" + Value.format(v)).inserted else { continue }
            if seenTargets.count > maxTargetsPerGroup { skipped += 1; continue }
            let poolKey = [target.cls ?? "", target.unit ?? "", target.aspect ?? ""].joined(separator: "\u{1}")
            if pools[poolKey] == nil { pools[poolKey] = pool(for: target, in: corpus) }
            var docs = pools[poolKey] ?? []
            // The target's own document first, then the others in corpus order.
            if let own = docs.firstIndex(where: { $0.doc == target.doc }) { docs.insert(docs.remove(at: own), at: 0) }
            let limit = v * (1 + tolerance), floor = v * (1 - tolerance)
            var tried = 0, candidates = 0, docsSearched = 0
            var best: Reconciliation?
            var stopped = false
            let targetEntities = entitiesByDoc[target.doc] ?? []
            search: for (doc, all) in docs {
                if doc != target.doc, (entitiesByDoc[doc] ?? []).intersection(targetEntities).count < minSharedEntities { continue }
                let pool = all.filter { $0.id != target.id && ($0.value ?? 0) < v }
                guard pool.count >= 2 else { continue }
                docsSearched += 1
                candidates += pool.count
                let vals = pool.map { $0.value ?? 0 }
                func consider(_ idx: [Int]) {
                    let sum = idx.reduce(0) { $0 + vals[$1] }
                    let err = abs(sum - v) / v
                    guard err <= tolerance else { return }
                    let sentences = idx.map { pool[$0].sentence }
                    guard (sentences.max() ?? 0) - (sentences.min() ?? 0) <= maxSentenceGap else { return }
                    // A term that is itself the sum of the others would count them twice.
                    if idx.count == 3, idx.contains(where: { i in abs(2 * vals[i] - sum) <= tolerance * vals[i] }) { return }
                    let terms = idx.map { pool[$0] }.sorted { $0.span.start < $1.span.start }
                    let r = Reconciliation(target: target, terms: terms, error: err)
                    if better(r, than: best) { best = r }
                }
                let n = vals.count
                for i in 0..<n {
                    // Values are sorted descending: the largest sum from i on is its first terms.
                    let most = vals[i] + (i + 1 < n ? vals[i + 1] : 0) + (i + 2 < n ? vals[i + 2] : 0)
                    if most < floor { break }
                    for j in (i + 1)..<max(i + 1, n) {
                        let s2 = vals[i] + vals[j]
                        tried += 1
                        consider([i, j])
                        if s2 + (j + 1 < n ? vals[j + 1] : 0) < floor { break }
                        for k in (j + 1)..<max(j + 1, n) {
                            if s2 + vals[k] > limit { continue }
                            // Once a third term leaves the sum short, every later (smaller) one does too.
                            if s2 + vals[k] < floor { break }
                            tried += 1
                            consider([i, j, k])
                        }
                        if tried > maxSumsPerTarget { stopped = true; break search }
                    }
                }
            }
            search.log.append("\(target.valueText) (\(Reconciliation.shortDoc(target.doc))): \(candidates) candidates in \(docsSearched) docs, \(tried) sums tried"
                              + (stopped ? " (stopped at the limit)" : "")
                              + (best.map { " → " + $0.explanation } ?? ", none within \(Value.format(tolerance * 100)) %"))
            if let best { search.found.append(best) }
        }
        if skipped > 0 { search.log.append("\(skipped) more values not searched (limit \(maxTargetsPerGroup) per group)") }
        return search
    }

    func pool(for target: Claim, in corpus: [Claim]) -> [(doc: String, claims: [Claim])] {
        var byDoc: [String: [Claim]] = [:]
        var order: [String] = []
        for c in corpus where c.kind == .quantity && c.unit == target.unit {
            guard let cv = c.value, cv > 0, Reconciler.summable.contains(c.approx ?? .exact),
                  compatible(c.cls, target.cls), Reconciler.partAspect(c.aspect, of: target.aspect) else { continue }
            if byDoc[c.doc] == nil { order.append(c.doc) }
            byDoc[c.doc, default: []].append(c)
        }
        return order.map { doc in
            let sorted = dedupe(byDoc[doc] ?? []).sorted { ($0.value ?? 0) > ($1.value ?? 0) }
            return (doc, Array(sorted.prefix(maxCandidatesPerDocument)))
        }
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
