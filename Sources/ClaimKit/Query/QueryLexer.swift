/// Splits query text into tokens. Words run until a blank, a parenthesis, a comparison
/// operator or a comma; a comma between digits stays in the word so that `1,5` is a number.
public enum QueryLexer {
    public static func tokens(_ text: String) throws(QueryError) -> [QueryToken] {
        let c = Array(text)
        var out: [QueryToken] = []
        var i = 0
        func isDigit(_ ch: Character) -> Bool { ch.isASCII && ch.isNumber }
        while i < c.count {
            let ch = c[i]
            if ch == " " || ch == "\t" || ch == "\n" || ch == "\r" { i += 1; continue }
            let start = i
            switch ch {
            case "(": out.append(QueryToken(.leftParen, "(", i..<i + 1)); i += 1
            case ")": out.append(QueryToken(.rightParen, ")", i..<i + 1)); i += 1
            case ",": out.append(QueryToken(.comma, ",", i..<i + 1)); i += 1
            case "=", "~":
                // `==` is accepted as `=` for people used to C.
                if ch == "=", i + 1 < c.count, c[i + 1] == "=" { i += 2 } else { i += 1 }
                out.append(QueryToken(.op, String(ch), start..<i))
            case "!":
                if i + 1 < c.count, c[i + 1] == "=" || c[i + 1] == "~" {
                    out.append(QueryToken(.op, "!" + String(c[i + 1]), i..<i + 2)); i += 2
                } else {
                    throw QueryError("'!' must be followed by '=' or '~'", at: i..<i + 1)
                }
            case "<", ">":
                if i + 1 < c.count, c[i + 1] == "=" {
                    out.append(QueryToken(.op, String(ch) + "=", i..<i + 2)); i += 2
                } else if ch == "<", i + 1 < c.count, c[i + 1] == ">" {
                    out.append(QueryToken(.op, "!=", i..<i + 2)); i += 2
                } else {
                    out.append(QueryToken(.op, String(ch), i..<i + 1)); i += 1
                }
            case "'", "\"":
                i += 1
                var s = ""
                var closed = false
                while i < c.count {
                    if c[i] == ch {
                        if i + 1 < c.count, c[i + 1] == ch { s.append(ch); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    s.append(c[i])
                    i += 1
                }
                if !closed { throw QueryError("unterminated quote", at: start..<c.count) }
                out.append(QueryToken(.quoted, s, start..<i))
            case "/":
                i += 1
                var s = ""
                var closed = false
                while i < c.count {
                    if c[i] == "\\", i + 1 < c.count, c[i + 1] == "/" { s.append("/"); i += 2; continue }
                    if c[i] == "/" { closed = true; i += 1; break }
                    s.append(c[i])
                    i += 1
                }
                if !closed { throw QueryError("unterminated regular expression (missing closing '/')", at: start..<c.count) }
                out.append(QueryToken(.regex, s, start..<i))
            default:
                var s = ""
                while i < c.count {
                    let d = c[i]
                    if d == " " || d == "\t" || d == "\n" || d == "\r" || d == "(" || d == ")" || d == "=" || d == "~"
                        || d == "!" || d == "<" || d == ">" || d == "\"" { break }
                    // A comma or apostrophe between digits belongs to the number: 1,5 and 12'000.
                    if d == "," || d == "'" {
                        let digitBefore = i > start && isDigit(c[i - 1])
                        let digitAfter = i + 1 < c.count && isDigit(c[i + 1])
                        if !(digitBefore && digitAfter) { break }
                    }
                    s.append(d)
                    i += 1
                }
                out.append(QueryToken(.word, s, start..<i))
            }
        }
        out.append(QueryToken(.end, "", c.count..<c.count))
        return out
    }
}
