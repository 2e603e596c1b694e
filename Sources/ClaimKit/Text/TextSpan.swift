/// A half-open range of UTF-8 byte offsets into a document's text.
///
/// The pipeline works on bytes; `Document.scalarOffset(ofByte:)` converts to the Unicode-scalar
/// offsets that SPEC §4 promises users in the `span` field.
public struct TextSpan: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { end <= start }
    public var range: Range<Int> { start..<end }

    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }
    public func union(_ other: TextSpan) -> TextSpan { TextSpan(min(start, other.start), max(end, other.end)) }

    public static func < (a: TextSpan, b: TextSpan) -> Bool { (a.start, a.end) < (b.start, b.end) }
    public var description: String { "\(start)..<\(end)" }
}
