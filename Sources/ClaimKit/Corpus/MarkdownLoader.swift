/// Markdown (`.md`): front matter (`---` ... `---`, `key: value` lines) gives id, title, date,
/// url, source, lang; otherwise the title is the first `#` heading. The text is the body with
/// the markup removed (heading marks, emphasis, links and images → their text, code marks,
/// quote and list marks), one output line per source line so sentences still end at headings.
public enum MarkdownLoader {
    public static func document(name: String, path: String, bytes: [UInt8]) -> (document: Document, problems: [LoadProblem]) {
        var problems: [LoadProblem] = []
        let (text, encoding) = TextDecoder.decode(bytes)
        if encoding == .windows1252 { problems.append(.decodedAsWindows1252(path)) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var doc = Document(id: FileName.stem(name), text: "", encoding: encoding, path: path)
        var bodyStart = 0
        if let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---",
           let close = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingCharacters(in: .whitespaces)) }) {
            for i in 1..<close {
                let line = lines[i]
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = line[..<colon].trimmingCharacters(in: .whitespaces)
                let value = unquote(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                if let complaint = doc.setMetadata(key, value) {
                    problems.append(LoadProblem(path: path, line: i + 1, message: complaint))
                }
            }
            bodyStart = close + 1
        }
        lines = Array(lines[bodyStart...])
        var out: [String] = []
        var inFence = false
        var headingTitle: String? = nil
        for raw in lines {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); continue }
            if inFence { out.append(raw); continue }
            // Setext underline: the line above was a heading.
            if !trimmed.isEmpty, trimmed.allSatisfy({ $0 == "=" }) || (trimmed.allSatisfy({ $0 == "-" }) && trimmed.count >= 2),
               let previous = out.last, !previous.trimmingCharacters(in: .whitespaces).isEmpty {
                if trimmed.first == "=", headingTitle == nil { headingTitle = previous }
                continue
            }
            if isRule(trimmed) { out.append(""); continue }
            if isLinkDefinition(trimmed) { continue }
            var line = Substring(trimmed)
            var isHeading = false
            if line.hasPrefix("#") {
                let marks = line.prefix { $0 == "#" }
                let rest = line.dropFirst(marks.count)
                if marks.count <= 6, rest.isEmpty || rest.first == " " {
                    line = rest.drop { $0 == " " }
                    // Closing #s of an ATX heading.
                    while line.last == "#" { line = line.dropLast() }
                    while line.last == " " { line = line.dropLast() }
                    isHeading = true
                }
            }
            while line.hasPrefix(">") { line = line.dropFirst().drop { $0 == " " } }
            for bullet in ["- ", "* ", "+ "] where line.hasPrefix(bullet) && !isHeading {
                line = line.dropFirst(2).drop { $0 == " " }
                break
            }
            let plain = inline(String(line))
            if isHeading, headingTitle == nil, doc.title == nil { headingTitle = plain }
            out.append(plain)
        }
        if doc.title == nil { doc.title = headingTitle.flatMap { $0.isEmpty ? nil : $0 } }
        while out.first?.isEmpty == true { out.removeFirst() }
        while out.last?.isEmpty == true { out.removeLast() }
        doc.text = out.joined(separator: "\n")
        return (doc, problems)
    }

    /// Inline markup removed: `![alt](u)` and `[text](u)` / `[text][r]` → the text,
    /// `<http://…>` → the address, code marks, and emphasis marks (`*`, `_`, `~~`) where they
    /// open or close a span — not inside words (`snake_case`) or between spaces (`5 * 3`).
    static func inline(_ s: String) -> String {
        let c = Array(s)
        var out = ""
        var i = 0
        func isWordChar(_ x: Character?) -> Bool { x.map { $0.isLetter || $0.isNumber } ?? false }
        func isBlank(_ x: Character?) -> Bool { x.map { $0.isWhitespace } ?? true }
        while i < c.count {
            let ch = c[i]
            if ch == "\\", i + 1 < c.count, "\\`*_{}[]()#+-.!~<>".contains(c[i + 1]) {
                out.append(c[i + 1]); i += 2; continue
            }
            if ch == "[" || (ch == "!" && i + 1 < c.count && c[i + 1] == "[") {
                let open = ch == "!" ? i + 1 : i
                if let close = matching(c, from: open, open: "[", close: "]") {
                    let label = String(c[(open + 1)..<close])
                    var after = close + 1
                    if after < c.count, c[after] == "(", let end = matching(c, from: after, open: "(", close: ")") {
                        after = end + 1
                        out += inline(label); i = after; continue
                    }
                    if after < c.count, c[after] == "[", let end = matching(c, from: after, open: "[", close: "]") {
                        after = end + 1
                        out += inline(label); i = after; continue
                    }
                }
            }
            if ch == "<", let end = c[i...].firstIndex(of: ">") {
                let inner = String(c[(i + 1)..<end])
                if inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:") {
                    out += inner; i = end + 1; continue
                }
            }
            if ch == "`" {
                var j = i
                while j < c.count, c[j] == "`" { j += 1 }
                i = j
                continue
            }
            if ch == "*" || ch == "_" || (ch == "~" && i + 1 < c.count && c[i + 1] == "~") {
                var j = i
                while j < c.count, c[j] == ch { j += 1 }
                let before: Character? = i > 0 ? c[i - 1] : nil
                let after: Character? = j < c.count ? c[j] : nil
                let opens = !isBlank(after) && (isBlank(before) || !isWordChar(before))
                let closes = !isBlank(before) && (isBlank(after) || !isWordChar(after))
                if opens || closes { i = j; continue }
                out += String(c[i..<j]); i = j; continue
            }
            out.append(ch)
            i += 1
        }
        return out
    }

    static func matching(_ c: [Character], from start: Int, open: Character, close: Character) -> Int? {
        var depth = 0
        var i = start
        while i < c.count {
            if c[i] == open { depth += 1 }
            else if c[i] == close { depth -= 1; if depth == 0 { return i } }
            i += 1
        }
        return nil
    }

    static func isRule(_ t: String) -> Bool {
        let marks = t.filter { $0 != " " }
        guard marks.count >= 3, let m = marks.first, "-*_".contains(m) else { return false }
        return marks.allSatisfy { $0 == m }
    }

    /// `[ref]: http://…` reference definitions carry no text.
    static func isLinkDefinition(_ t: String) -> Bool {
        guard t.hasPrefix("["), let close = t.firstIndex(of: "]") else { return false }
        return t[t.index(after: close)...].hasPrefix(":")
    }

    static func unquote(_ s: String) -> String {
        if s.count >= 2, let f = s.first, let l = s.last, f == l, f == "\"" || f == "'" {
            return String(s.dropFirst().dropLast())
        }
        return s
    }
}

import Foundation
