import Foundation

/// All claims of the loaded corpus, in document order, with lookup by id: a columnar store.
///
/// The fields queries scan are columns (`ClaimColumns`: interned strings as integer codes,
/// numbers as doubles); the rest of a claim is a small fixed-size row: its sentence as a slice
/// of the document text (shared, never copied), its phrase as a byte range in that sentence,
/// its id as the number after `<doc>:`, the texts as written as codes into one interned pool,
/// its entity list as a code into a pool of lists. No `Claim` value is kept: `claims[i]` (and
/// `subscript(id:)`) builds one from its row when asked, so a million claims take about a
/// fifth of the memory they would as `[Claim]`, and filters and group-bys never build one.
public struct ClaimStore: Sendable {
    public private(set) var columns = ClaimColumns()
    private var rows: [Row] = []
    /// Texts as written (value, time, source) and the rare id or phrase that is not stored in
    /// compact form.
    private var texts = ClaimColumns.Strings()
    /// Entity lists, each distinct list once (the claims of a sentence share theirs).
    private var entityLists: [[String]] = []
    private var entityCodes: [UInt64: [Int32]] = [:]
    private var emptyEntities: Int32? = nil
    /// Per document (by its code in `columns`): the row of its first claim. Ids are
    /// `<doc>:<n>` with n counting from 1 in store order, so `<doc>:<n>` is usually row
    /// `first + n - 1`: lookup by id needs no dictionary of a million strings.
    private var firstRow: [Int32] = []

    /// What the columns do not hold of a claim.
    struct Row: Sendable {
        /// The sentence: a slice of the document's text.
        var sentenceText: Substring
        var span: Range32
        /// UTF-8 offset and length of the phrase in `sentenceText`; offset -1: the phrase is
        /// `texts` entry `phraseLength` (not found in the sentence).
        var phraseStart: Int32
        var phraseLength: Int32
        /// n in the id `<doc>:<n>`; negative: the id is `texts` entry `-ordinal - 1`.
        var ordinal: Int32
        /// The number as written: a `texts` code, or (negative) where it stands in the
        /// sentence, `-(offset << 11 | length) - 1` (it nearly always does: no string to intern).
        var valueText: Int32
        var timeText: Int32
        var sourceText: Int32
        var entities: Int32
    }

    public init(_ claims: some Sequence<Claim> = [Claim]()) {
        reserveCapacity(claims.underestimatedCount)
        append(contentsOf: claims)
    }

    public var count: Int { rows.count }

    /// The claims in store order, each built from its row when read.
    public var claims: Claims { Claims(store: self) }

    public struct Claims: RandomAccessCollection, Sendable {
        let store: ClaimStore
        public var startIndex: Int { 0 }
        public var endIndex: Int { store.rows.count }
        public subscript(position: Int) -> Claim { store.claim(row: position) }
    }

    public subscript(id id: String) -> Claim? {
        guard let colon = id.lastIndex(of: ":"), let n = Int(id[id.index(after: colon)...]), n >= 1,
              let doc = columns.documentCode(String(id[..<colon])) else {
            return claims.first { $0.id == id }
        }
        let row = Int(firstRow[Int(doc)]) + n - 1
        if row < rows.count, self.id(row: row) == id { return claim(row: row) }
        // Claims not numbered in store order (built by hand): look them up one by one.
        return claims.first { $0.id == id }
    }

    /// The id of the claim at `row`, without building the claim.
    public func id(row: Int) -> String {
        let o = rows[row].ordinal
        if o < 0 { return texts.values[Int(-o - 1)] }
        return document(row: row) + ":" + String(o)
    }

    /// The document id of the claim at `row`.
    public func document(row: Int) -> String {
        columns.coded[0].strings.values[Int(columns.coded[0].codes[row])]
    }

    /// The claim at `row`.
    public func claim(row r: Int) -> Claim {
        let row = rows[r]
        let doc = document(row: r)
        let id = row.ordinal < 0 ? texts.values[Int(-row.ordinal - 1)] : doc + ":" + String(row.ordinal)
        let phrase = row.phraseStart >= 0 ? Self.text(row.sentenceText, Int(row.phraseStart), Int(row.phraseLength))
            : texts.values[Int(row.phraseLength)]
        let located = -Int(row.valueText) - 1
        let valueText = row.valueText >= 0 ? texts.values[Int(row.valueText)]
            : Self.text(row.sentenceText, located >> 11, located & 0x7FF)
        let value = columns.value[r], high = columns.high[r]
        return Claim(id: id, doc: doc, sentenceText: row.sentenceText, phrase: phrase,
                     valueText: valueText, timeText: texts.string(row.timeText),
                     sourceText: texts.string(row.sourceText), entities: entityLists[Int(row.entities)],
                     value: value.isNaN ? nil : value, high: high.isNaN ? nil : high, span: row.span,
                     sentence: Int32(columns.sentence[r]), codes: columns.codes(row: r),
                     kind: columns.enumValue(1, row: r, as: ClaimKind.self) ?? .quantity,
                     approx: columns.enumValue(2, row: r, as: Approx.self),
                     modality: columns.enumValue(9, row: r, as: Modality.self) ?? .asserted)
    }

    public mutating func reserveCapacity(_ n: Int) {
        rows.reserveCapacity(n)
        columns.reserveCapacity(n)
    }

    /// Makes a document known to the store (its id a value of the `doc` column) even when it
    /// has no claims: `where doc = ID` then names it exactly instead of as a prefix of others.
    public mutating func registerDocument(_ id: String) {
        let documents = columns.documentCount
        columns.registerDocument(id)
        if columns.documentCount > documents { firstRow.append(Int32(rows.count)) }
    }

    public mutating func append(contentsOf more: some Sequence<Claim>) {
        for c in more { append(c) }
    }

    /// `append(contentsOf:)` of an array (a document's claims): each claim read in place, not
    /// copied (a copy retains and releases its Strings).
    public mutating func append(contentsOf more: [Claim]) {
        for k in more.indices { append(more[k]) }
    }

    public mutating func append(_ c: Claim) {
        let documents = columns.documentCount
        columns.append(c)
        let r = rows.count
        // A new document code: its first claim is this row.
        if columns.documentCount > documents { firstRow.append(Int32(r)) }
        let (phraseStart, phraseLength) = Self.locate(c.phrase, in: c.sentenceText).map { (Int32($0.0), Int32($0.1)) }
            ?? (-1, texts.code(c.phrase))
        rows.append(Row(sentenceText: c.sentenceText, span: c.spanStorage, phraseStart: phraseStart,
                        phraseLength: phraseLength, ordinal: ordinal(c),
                        valueText: valueTextCode(c, phraseAt: Int(phraseStart)),
                        timeText: texts.code(c.timeText), sourceText: texts.code(c.sourceText),
                        entities: entitiesCode(c.entities)))
    }

    /// The text at a UTF-8 offset and length of a sentence.
    private static func text(_ sentence: Substring, _ offset: Int, _ length: Int) -> String {
        let u = sentence.utf8
        let s = u.index(u.startIndex, offsetBy: offset)
        return String(sentence[s..<u.index(s, offsetBy: length)])
    }

    /// `Row.valueText` of a claim: where its number stands in the sentence, else its code.
    /// `phraseAt`: where the phrase stands in the sentence (-1: not in it); the number as
    /// written usually opens it ("18 Prozent der Arbeiter"), and a date's text is its phrase.
    private mutating func valueTextCode(_ c: Claim, phraseAt: Int) -> Int32 {
        if phraseAt >= 0, phraseAt < 1 << 20, Self.opens(c.phrase, with: c.valueText) {
            let length = c.valueText.utf8.count
            if length > 0, length < 1 << 11 { return -Int32(phraseAt << 11 | length) - 1 }
        }
        if let (offset, length) = Self.locate(c.valueText, in: c.sentenceText), offset < 1 << 20, length < 1 << 11 {
            return -Int32(offset << 11 | length) - 1
        }
        return texts.code(c.valueText)
    }

    /// n when the claim's id is `<doc>:<n>` (n written plainly), else the pooled id as -code-1.
    private mutating func ordinal(_ c: Claim) -> Int32 {
        if let n = Self.plainOrdinal(id: c.id, doc: c.doc) { return n }
        return -texts.code(c.id) - 1
    }

    /// n when `id` is `<doc>:<n>` with n written plainly (1-9 digits, no leading zero: the
    /// number reads back as the same id). On the bytes in place: every stored claim asks.
    static func plainOrdinal(id: String, doc: String) -> Int32? {
        id.utf8.withContiguousStorageIfAvailable { i -> Int32? in
            doc.utf8.withContiguousStorageIfAvailable { d -> Int32? in
                let digits = i.count - d.count - 1
                guard digits >= 1, digits <= 9, i[d.count] == UInt8(ascii: ":") else { return nil }
                if digits > 1, i[d.count + 1] == UInt8(ascii: "0") { return nil }
                if d.count > 0, let a = i.baseAddress, let b = d.baseAddress, memcmp(a, b, d.count) != 0 { return nil }
                var n: Int32 = 0
                for k in (d.count + 1)..<i.count {
                    let b = i[k]
                    guard b >= 0x30, b <= 0x39 else { return nil }
                    n = n * 10 + Int32(b &- 0x30)
                }
                return n
            } ?? nil
        } ?? nil
    }

    private mutating func entitiesCode(_ list: [String]) -> Int32 {
        // Most claims name no entity, and the claims of a sentence share their list.
        if list.isEmpty, let c = emptyEntities { return c }
        if let last = rows.last, entityLists[Int(last.entities)] == list { return last.entities }
        // Keyed by a byte hash of the names (no SipHash over an array of Strings), confirmed
        // against the lists with that hash.
        let key = Self.hash(list)
        if let codes = entityCodes[key] {
            for c in codes where entityLists[Int(c)] == list { return c }
        }
        let c = Int32(entityLists.count)
        entityLists.append(list)
        entityCodes[key, default: []].append(c)
        if list.isEmpty { emptyEntities = c }
        return c
    }

    /// FNV-1a over the names' UTF-8, each name closed by a 0 byte.
    private static func hash(_ list: [String]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for name in list {
            // On the bytes in place (a UTF8View iterator costs several times as much a byte).
            if let r = name.utf8.withContiguousStorageIfAvailable({ b -> UInt64 in
                var h = h
                for x in b { h = (h ^ UInt64(x)) &* 0x100_0000_01B3 }
                return h
            }) {
                h = r
            } else {
                for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
            }
            h = (h ^ 0) &* 0x100_0000_01B3
        }
        return h
    }

    /// Whether `text`'s bytes begin with `prefix`'s.
    static func opens(_ text: String, with prefix: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { t -> Bool in
            prefix.utf8.withContiguousStorageIfAvailable { p -> Bool in
                guard p.count <= t.count else { return false }
                guard let a = t.baseAddress, let b = p.baseAddress else { return p.isEmpty }
                return memcmp(a, b, p.count) == 0
            } ?? false
        } ?? false
    }

    /// The UTF-8 offset and length of `phrase` in `sentence` (its first occurrence).
    static func locate(_ phrase: String, in sentence: Substring) -> (Int, Int)? {
        var phrase = phrase
        return phrase.withUTF8 { p -> (Int, Int)? in
            let n = p.count
            guard n > 0, n <= Int(Int32.max) else { return nil }
            return sentence.utf8.withContiguousStorageIfAvailable { s -> (Int, Int)? in
                guard s.count >= n, let base = s.baseAddress, let pattern = p.baseAddress else { return nil }
                // Candidates by memchr on the first byte (vectorised), then one memcmp each.
                let last = s.count - n
                var i = 0
                while i <= last, let hit = memchr(base + i, Int32(pattern[0]), last - i + 1) {
                    let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + at, pattern, n) == 0 { return (at, n) }
                    i = at + 1
                }
                return nil
            } ?? nil
        }
    }

    public mutating func removeAll(where predicate: (Claim) -> Bool) {
        self = ClaimStore(claims.filter { !predicate($0) })
    }
}
