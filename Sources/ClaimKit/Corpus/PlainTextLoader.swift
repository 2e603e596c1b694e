/// Plain text (`.txt` or no extension): id = file name without extension; title = first line
/// when it is short and has no final period; `Quelle: URL` / `Source: URL` lines become `url`.
public enum PlainTextLoader {
    public static func document(name: String, path: String, bytes: [UInt8]) -> (document: Document, problem: LoadProblem?) {
        let (text, encoding) = TextDecoder.decode(bytes)
        var doc = Document(id: FileName.stem(name), text: text, encoding: encoding, path: path)
        doc.title = title(of: text)
        // Lines split on the bytes (a split by Characters cost a millisecond of start-up with the
        // seeds); only a line whose first byte past ASCII blanks is Q, S or not ASCII (a Unicode
        // space may come first) is read as Characters.
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            guard let first = bytes.first(where: { $0 != 0x20 && !(0x09...0x0D).contains($0) }),
                  first == UInt8(ascii: "Q") || first == UInt8(ascii: "S") || first >= 0x80 else { continue }
            // Leading white space only (Foundation's trimming of every line of every seed took
            // a millisecond of start-up); the URL itself is trimmed below.
            let l = Substring(bytes).drop { $0.isWhitespace }
            for key in ["Quelle:", "Source:"] where l.hasPrefix(key) {
                let rest = l.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
                if rest.hasPrefix("http") { doc.url = String(rest) }
            }
        }
        return (doc, encoding == .windows1252 ? LoadProblem.decodedAsWindows1252(path) : nil)
    }

    /// The first line, when it reads as a headline: short and without a final period.
    public static func title(of text: String) -> String? {
        // The first line that is not empty, found on the bytes.
        let u = text.utf8
        guard let start = u.firstIndex(where: { $0 != UInt8(ascii: "\n") }) else { return nil }
        let end = u[start...].firstIndex(of: UInt8(ascii: "\n")) ?? u.endIndex
        let line = text[start..<end].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !line.isEmpty, line.count <= 120, let last = line.last, !".!?:;,".contains(last) else { return nil }
        return line
    }
}

import Foundation
