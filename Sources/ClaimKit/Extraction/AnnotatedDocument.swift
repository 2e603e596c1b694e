/// A document and the layers the pipeline has added to it (spaCy's `Doc`, CoreNLP's
/// `Annotation`). Each annotator reads earlier layers and adds its own.
public struct AnnotatedDocument: Sendable {
    public var document: Document
    /// `document.text` as UTF-8; all spans index into it. Empty after `compact()`: the text is
    /// then read from `document.text` itself (one copy of a large corpus, not two).
    public private(set) var bytes: [UInt8]
    public var tokens: [Token] = []
    /// The time expressions the document date resolver found (without a reference date): the
    /// time annotator takes them instead of scanning every token again.
    var timeScan: [TimeExpression]? = nil
    public var sentences: [Sentence] = []
    public var numbers: [NumberMention] = []
    public var times: [TimeMention] = []
    public var sources: [SourceMention] = []
    public var entities: [EntityMention] = []
    public var objects: [ObjectMention] = []
    /// Per sentence: the attribution that governs it (index into `sources`), also when carried
    /// over from an earlier sentence in reported speech.
    public var sentenceSource: [Int?] = []
    /// Per sentence: its modality.
    public var sentenceModality: [Modality] = []
    /// Per sentence: the event key words ("Abkommen unterzeichnen") when one was found.
    public var sentenceEvent: [String?] = []
    /// Per sentence with an event: the index in `times` of the date expression the event is
    /// placed at (the one nearest to its verb within the clause), for the date claim.
    public var eventTime: [Int: Int] = [:]
    /// The claims the pipeline found. Empty for a document held by a `Corpus`, which keeps
    /// each claim once, in its store: ask `Corpus.claims(of:)` or `Corpus.annotated(_:)`.
    public var claims: [Claim] = []

    /// The reference date the time annotator fell back on for a document without a date (the
    /// session's `refdate` when it ran): the layers are derived again with the same one.
    public var timeReference: ReferenceDate? = nil

    /// False once `dropMentionLayers()` has run: a corpus keeps its documents without the
    /// mention layers, which `Session.withMentionLayers` derives again on demand.
    public private(set) var hasMentionLayers = true

    /// Unicode scalars before every 256th byte, so that `scalarOffset(ofByte:)` counts at most
    /// 255 bytes instead of the whole text.
    private let scalarCheckpoints: [Int32]

    public init(document: Document) {
        self.document = document
        let bytes = Array(document.text.utf8)
        self.bytes = bytes
        self.scalarCheckpoints = Self.checkpoints(bytes)
    }

    /// The scalar count before every 256th byte. Every byte of a corpus passes here: the
    /// continuation bytes (10xxxxxx) are counted eight at a time.
    static func checkpoints(_ bytes: [UInt8]) -> [Int32] {
        var checkpoints = [Int32]()
        checkpoints.reserveCapacity(bytes.count / 256 + 1)
        bytes.withUnsafeBytes { raw in
            let count = raw.count
            var n = 0
            var i = 0
            while i < count {
                checkpoints.append(Int32(truncatingIfNeeded: n))
                let start = i
                let end = min(i + 256, count)
                var continuation = Self.continuationBytes(raw.baseAddress, from: i, to: end)
                i += (end - i) & ~7
                while i < end {
                    if raw[i] & 0xC0 == 0x80 { continuation += 1 }
                    i += 1
                }
                n += end - start - continuation
            }
        }
        return checkpoints
    }

    /// The continuation bytes (10xxxxxx) among the whole 8-byte words of `from..<to` (the
    /// bytes of a last partial word are not read). Each word's continuation bytes are counted per
    /// byte lane and the lanes summed by one multiplication per 255 words: a population count
    /// per word is a dozen instructions on a target without the POPCNT instruction.
    @inline(__always)
    static func continuationBytes(_ base: UnsafeRawPointer?, from: Int, to: Int) -> Int {
        guard let base else { return 0 }
        var total = 0
        var i = from
        while i + 8 <= to {
            var lanes: UInt64 = 0
            let stop = min(to, i + 255 * 8)
            while i + 8 <= stop {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // Bit 7 set and bit 6 clear in a byte: a continuation byte; one per lane.
                lanes &+= (w & ~(w << 1) & 0x8080_8080_8080_8080) >> 7
                i += 8
            }
            // Byte lanes (up to 255 each) into 16-bit lanes, then their sum in the top 16 bits.
            let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
            total += Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
        }
        return total
    }

    /// Drops what only the annotators need (the tokens, the byte copy of the text) once the
    /// pipeline is done; every layer and `text(_:)` keep working.
    public mutating func compact() {
        tokens = []
        timeScan = nil
        bytes = []
        // Layers grew by appending (capacity up to twice the count): keep what is used.
        Self.fit(&sentences)
        Self.fit(&numbers)
        Self.fit(&times)
        Self.fit(&sources)
        Self.fit(&entities)
        Self.fit(&objects)
        Self.fit(&sentenceSource)
        Self.fit(&sentenceModality)
        Self.fit(&sentenceEvent)
        Self.fit(&claims)
    }

    /// Drops the mention layers and the per-sentence layers the claims were built from
    /// (numbers, times, sources, entities, objects; sentence sources, modality, events): after
    /// the claims exist, only `mentions` reads them, and in a large corpus they take more memory
    /// than the text. The sentences, the claims and the text stay.
    public mutating func dropMentionLayers() {
        guard hasMentionLayers else { return }
        numbers = []
        times = []
        sources = []
        entities = []
        objects = []
        sentenceSource = []
        sentenceModality = []
        sentenceEvent = []
        eventTime = [:]
        hasMentionLayers = false
    }

    private static func fit<T>(_ a: inout [T]) {
        guard a.capacity > a.count + a.count / 8 else { return }
        var exact: [T] = []
        exact.reserveCapacity(a.count)
        exact.append(contentsOf: a)
        a = exact
    }

    /// Calls `body` with the document's UTF-8 bytes (the spans' coordinates), without copying.
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if !bytes.isEmpty || document.text.isEmpty { return try bytes.withUnsafeBufferPointer(body) }
        if let r = try document.text.utf8.withContiguousStorageIfAvailable(body) { return r }
        return try Array(document.text.utf8).withUnsafeBufferPointer(body)
    }


    /// The original text of a span.
    public func text(_ span: TextSpan) -> String {
        withUTF8 { b in
            let s = max(0, min(span.start, b.count)), e = max(s, min(span.end, b.count))
            return String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
        }
    }

    public func text(of sentence: Int) -> String { text(sentences[sentence].span) }

    /// A span of `document.text` as a slice that shares the text's storage.
    public func slice(_ span: TextSpan) -> Substring {
        let text = document.text
        let u = text.utf8
        let s = max(0, min(span.start, u.count)), e = max(s, min(span.end, u.count))
        let start = u.index(u.startIndex, offsetBy: s), end = u.index(u.startIndex, offsetBy: e)
        return text[start..<end]
    }

    /// Converts a UTF-8 byte offset into a Unicode-scalar offset (SPEC §4 `span`).
    public func scalarOffset(ofByte offset: Int) -> Int {
        withUTF8 { b in
            let end = max(0, min(offset, b.count))
            // The end of a text whose length is a multiple of 256 lies past the last checkpoint.
            let block = min(end >> 8, scalarCheckpoints.count - 1)
            guard block >= 0 else { return 0 }
            var n = Int(scalarCheckpoints[block])
            var i = block << 8
            // Eight bytes at a time: every byte but a continuation byte (10xxxxxx) starts a scalar.
            if end > i {
                let words = (end - i) & ~7
                n += words - Self.continuationBytes(UnsafeRawPointer(b.baseAddress), from: i, to: end)
                i += words
            }
            while i < end {
                if b[i] & 0xC0 != 0x80 { n += 1 }
                i += 1
            }
            return n
        }
    }

    /// The sentence (0-based) that contains a byte offset.
    public func sentenceIndex(containing offset: Int) -> Int? {
        var lo = 0, hi = sentences.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let s = sentences[mid].span
            if offset < s.start { hi = mid - 1 } else if offset >= s.end { lo = mid + 1 } else { return mid }
        }
        return nil
    }
}
