/// Why the dates of one event conflict, in a few lines under a `compare` group:
///
///     dates: 2024-06 (000, 004) · 2024-10/2024-12 (001) · 2024 (002, 003)
///     2024-06 and 2024-10/2024-12 do not overlap (about 4 months apart); 2024 contains them all
///     relative: "Ende letzten Jahres" (001) read against 2025-04 (inferred from the text)
///
/// A relative expression is one whose text names no year; it is resolved against its
/// document's date, so an inferred or wrong document date is the first thing to check.
public struct DateConflictExplanation: Sendable {
    /// A document's date and whether it was inferred.
    public typealias DocumentDate = @Sendable (String) -> (date: String?, inferred: Bool)

    let documentDate: DocumentDate

    public init(documentDate: @escaping DocumentDate) {
        self.documentDate = documentDate
    }

    public func notes(for claims: [Claim]) -> [String] {
        let dated = claims.compactMap { c -> (Claim, String, TimeRange)? in
            guard let t = c.time, let r = TimeRange.parse(t) else { return nil }
            return (c, t, r)
        }
        guard dated.count > 1 else { return [] }
        // The distinct values, in time order, with the documents that give them.
        var values: [(time: String, range: TimeRange, docs: [String])] = []
        for (c, t, r) in dated {
            if let i = values.firstIndex(where: { $0.time == t }) {
                if !values[i].docs.contains(c.doc) { values[i].docs.append(c.doc) }
            } else {
                values.append((t, r, [c.doc]))
            }
        }
        values.sort { $0.range < $1.range }
        var notes = ["dates: " + values.map { "\($0.time) (\($0.docs.map(Self.short).joined(separator: ", ")))" }
            .joined(separator: " · ")]

        // Values that some other value does not overlap, and the coarse ones that overlap all.
        var clashes: [String] = []
        for (i, a) in values.enumerated() {
            for b in values[(i + 1)...] where !a.range.overlaps(b.range) {
                let gap = max(b.range.start - a.range.end, a.range.start - b.range.end)
                let months = max(1, Int((Double(gap) / 30.44).rounded()))
                clashes.append("\(a.time) and \(b.time) do not overlap (about \(months) month\(months == 1 ? "" : "s") apart)")
            }
        }
        let covering = values.filter { v in values.allSatisfy { $0.range.overlaps(v.range) } }.map(\.time)
        if !clashes.isEmpty {
            var line = clashes.prefix(3).joined(separator: "; ")
            if !covering.isEmpty {
                line += "; " + covering.joined(separator: ", ") + (covering.count == 1 ? " agrees" : " agree") + " with all of them"
            }
            notes.append(line)
        }

        // Relative expressions and the document dates they were resolved against.
        var relative: [String] = []
        for (c, _, _) in dated where !Self.namesYear(c.timeText ?? c.valueText) {
            let (date, inferred) = documentDate(c.doc)
            let against = date.map { "\($0)\(inferred ? " (inferred from the text)" : "")" } ?? "no document date"
            relative.append("\"\(c.timeText ?? c.valueText)\" (\(Self.short(c.doc))) read against \(against)")
        }
        if !relative.isEmpty { notes.append("relative: " + relative.joined(separator: "; ")) }
        return notes
    }

    /// The text writes a four-digit year ("im Juni 2024"), so it does not depend on the document date.
    static func namesYear(_ text: String) -> Bool {
        var run = 0
        for c in text.unicodeScalars {
            if c.properties.numericType != nil, c.value < 0x80 {
                run += 1
                if run == 4 { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// "002_2cc7b7632708e469" → "002": the part before the first underscore, when there is one.
    static func short(_ doc: String) -> String {
        if let u = doc.firstIndex(of: "_"), u != doc.startIndex { return String(doc[..<u]) }
        return doc
    }
}
