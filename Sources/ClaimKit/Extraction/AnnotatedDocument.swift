/// A document and the layers the pipeline has added to it (spaCy's `Doc`, CoreNLP's
/// `Annotation`). Each annotator reads earlier layers and adds its own.
public struct AnnotatedDocument: Sendable {
    public var document: Document
    /// `document.text` as UTF-8; all spans index into it.
    public let bytes: [UInt8]
    public var tokens: [Token] = []
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
    public var claims: [Claim] = []

    /// Unicode scalars before every 256th byte, so that `scalarOffset(ofByte:)` counts at most
    /// 255 bytes instead of the whole text.
    private let scalarCheckpoints: [Int32]

    public init(document: Document) {
        self.document = document
        let bytes = Array(document.text.utf8)
        self.bytes = bytes
        var checkpoints = [Int32]()
        checkpoints.reserveCapacity(bytes.count / 256 + 1)
        var n: Int32 = 0
        for (i, b) in bytes.enumerated() {
            if i & 255 == 0 { checkpoints.append(n) }
            if b & 0xC0 != 0x80 { n += 1 }
        }
        self.scalarCheckpoints = checkpoints
    }

    /// The original text of a span.
    public func text(_ span: TextSpan) -> String {
        let s = max(0, min(span.start, bytes.count)), e = max(s, min(span.end, bytes.count))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    public func text(of sentence: Int) -> String { text(sentences[sentence].span) }

    /// Converts a UTF-8 byte offset into a Unicode-scalar offset (SPEC §4 `span`).
    public func scalarOffset(ofByte offset: Int) -> Int {
        let end = max(0, min(offset, bytes.count))
        let block = end >> 8
        guard block < scalarCheckpoints.count else { return Int(scalarCheckpoints.last ?? 0) }
        var n = Int(scalarCheckpoints[block])
        var i = block << 8
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { n += 1 }
            i += 1
        }
        return n
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
