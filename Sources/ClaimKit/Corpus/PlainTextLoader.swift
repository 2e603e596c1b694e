/// Plain text (`.txt` or no extension): id = file name without extension; title = first line
/// when it is short and has no final period; `Quelle: URL` / `Source: URL` lines become `url`.
public enum PlainTextLoader {
    public static func document(name: String, path: String, bytes: [UInt8]) -> (document: Document, problem: LoadProblem?) {
        let (text, encoding) = TextDecoder.decode(bytes)
        var doc = Document(id: FileName.stem(name), text: text, encoding: encoding, path: path)
        doc.title = title(of: text)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            // Leading white space only (Foundation's trimming of every line of every seed took
            // a millisecond of start-up); the URL itself is trimmed below.
            let l = line.drop { $0.isWhitespace }
            for key in ["Quelle:", "Source:"] where l.hasPrefix(key) {
                let rest = l.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
                if rest.hasPrefix("http") { doc.url = String(rest) }
            }
        }
        return (doc, encoding == .windows1252 ? LoadProblem.decodedAsWindows1252(path) : nil)
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
