/// The UTF-8 bytes of a rendered result, made into one String at the end. Renderers write a
/// million rows; appending bytes is several times faster than appending to a String piece by
/// piece, and escaping works on bytes because every character we escape is ASCII.
struct OutputBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    mutating func reserve(_ more: Int) {
        bytes.reserveCapacity(bytes.count + more)
    }

    mutating func append(_ s: String) {
        let done: Void? = s.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if done == nil { bytes.append(contentsOf: s.utf8) }
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    mutating func appendSpaces(_ n: Int) {
        if n > 0 { bytes.append(contentsOf: repeatElement(0x20, count: n)) }
    }

    /// Whether any UTF-8 byte of `s` satisfies `test`: a plain loop over the string's storage
    /// (the generic `utf8.contains` was a tenth of the time of rendering a big table).
    @inline(__always)
    static func any(_ s: String, _ test: (UInt8) -> Bool) -> Bool {
        if let found = s.utf8.withContiguousStorageIfAvailable({ $0.contains(where: test) }) { return found }
        return s.utf8.contains(where: test)
    }

    static func += (buffer: inout OutputBuffer, s: String) {
        buffer.append(s)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
