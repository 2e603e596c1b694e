/// UTF-8, or Windows-1252 when the bytes are not valid UTF-8 (SPEC §3).
///
/// Works on bytes so that large CSV/JSONL files are decoded once and then parsed as bytes.
public enum TextDecoder {
    /// Text of a whole file: BOM dropped, line ends normalised to `\n`.
    public static func decode(_ bytes: [UInt8]) -> (String, Document.Encoding) {
        let (utf8, encoding) = utf8Bytes(bytes)
        return (normalizeNewlines(String(decoding: utf8, as: UTF8.self)), encoding)
    }

    /// The bytes as valid UTF-8: a leading BOM dropped; when they are not valid UTF-8 they are
    /// read as Windows-1252 and transcoded. Line ends are left as they are.
    public static func utf8Bytes(_ bytes: [UInt8]) -> ([UInt8], Document.Encoding) {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if isValidUTF8(body) { return (body, .utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(body.count + body.count / 8)
        for byte in body {
            if byte < 0x80 { out.append(byte) } else { out.append(contentsOf: highUTF8[Int(byte - 0x80)]) }
        }
        return (out, .windows1252)
    }

    /// A strict UTF-8 check (no overlongs, no surrogates, nothing above U+10FFFF).
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(b.baseAddress) else { return true }
        var i = 0
        let n = b.count
        while i < n {
            // Runs of ASCII (most of a German text) eight bytes at a time.
            if i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let len: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: len = 3
            case 0xED: len = 3; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; hi = 0x8F
            default: return false
            }
            guard i + len <= n else { return false }
            guard b[i + 1] >= lo, b[i + 1] <= hi else { return false }
            var k = 2
            while k < len {
                guard b[i + k] & 0xC0 == 0x80 else { return false }
                k += 1
            }
            i += len
        }
        return true
    }

    /// `\r\n` and lone `\r` become `\n`.
    public static func normalizeNewlines(_ s: String) -> String {
        guard s.utf8.contains(13) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var previousCR = false
        for byte in s.utf8 {
            if byte == 13 { out.append(10); previousCR = true; continue }
            if byte == 10 && previousCR { previousCR = false; continue }
            previousCR = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// UTF-8 of the Windows-1252 bytes 0x80...0xFF.
    static let highUTF8: [[UInt8]] = (0x80...0xFF).map { Array(String(Character(windows1252(UInt8($0)))).utf8) }

    static func windows1252(_ b: UInt8) -> Unicode.Scalar {
        if b >= 0x80 && b < 0xA0, let s = Unicode.Scalar(cp1252High[Int(b - 0x80)]) { return s }
        return Unicode.Scalar(b)
    }
}
