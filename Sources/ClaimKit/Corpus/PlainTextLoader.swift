/// Plain text (`.txt` or no extension): id = file name without extension; title = first line
/// when it is short and has no final period; `Quelle: URL` / `Source: URL` lines become `url`.
public enum PlainTextLoader {
    public static func document(name: String, path: String, bytes: [UInt8]) -> (document: Document, problem: LoadProblem?) {
        let (text, encoding) = TextDecoder.decode(bytes)
        var id = name
        if let dot = id.lastIndex(of: "."), dot != id.startIndex { id = String(id[..<dot]) }
        var doc = Document(id: id, text: text, encoding: encoding, path: path)
        doc.title = title(of: text)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let l = line.trimmingCharacters(in: .whitespacesAndNewlines)
            for key in ["Quelle:", "Source:"] where l.hasPrefix(key) {
                let rest = l.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
                if rest.hasPrefix("http") { doc.url = String(rest) }
            }
        }
        return (doc, nil)
    }

    /// The first line, when it reads as a headline: short and without a final period.
    public static func title(of text: String) -> String? {
        guard let first = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first else { return nil }
        let line = first.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !line.isEmpty, line.count <= 120, let last = line.last, !".!?:;,".contains(last) else { return nil }
        return line
    }
}

import Foundation

/// UTF-8, or Windows-1252 when the bytes are not valid UTF-8 (SPEC §3).
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8]) -> (String, Document.Encoding) {
        var b = bytes[...]
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        if let s = String(validating: b, as: UTF8.self) {
            return (normalizeNewlines(s), .utf8)
        }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(b.count)
        for byte in b { scalars.append(windows1252(byte)) }
        return (normalizeNewlines(String(scalars)), .windows1252)
    }

    static func normalizeNewlines(_ s: String) -> String {
        s.contains("\r") ? s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : s
    }

    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252(_ b: UInt8) -> Unicode.Scalar {
        if b >= 0x80 && b < 0xA0 { return Unicode.Scalar(cp1252High[Int(b - 0x80)])! }
        return Unicode.Scalar(b)
    }
}
