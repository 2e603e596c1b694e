/// One path component of a glob: `*` (any run), `?` (one character), `[abc]`, `[a-z]`,
/// `[!x]` / `[^x]` (a set or its complement). An unclosed `[` is a literal.
struct GlobPattern {
    private let pattern: [Character]

    init(_ pattern: String) { self.pattern = Array(pattern) }

    /// Whether a string holds glob characters at all.
    static func isPattern(_ s: String) -> Bool { s.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    func matches(_ name: String) -> Bool {
        let s = Array(name)
        // Iterative matcher with one backtrack point for the last `*` (linear for usual input).
        var p = 0, i = 0
        var starP = -1, starI = 0
        while i < s.count {
            if p < pattern.count {
                let c = pattern[p]
                if c == "*" { starP = p; starI = i; p += 1; continue }
                if c == "?" { p += 1; i += 1; continue }
                if c == "[", let (matched, next) = matchSet(at: p, s[i]) {
                    if matched { p = next; i += 1; continue }
                } else if c == s[i] { p += 1; i += 1; continue }
            }
            guard starP >= 0 else { return false }
            p = starP + 1
            starI += 1
            i = starI
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// Matches `ch` against the set starting at `start` (`[`); nil when the set is unclosed.
    private func matchSet(at start: Int, _ ch: Character) -> (Bool, Int)? {
        var j = start + 1
        var negate = false
        if j < pattern.count, pattern[j] == "!" || pattern[j] == "^" { negate = true; j += 1 }
        var matched = false
        var first = true
        while j < pattern.count {
            let c = pattern[j]
            if c == "]" && !first { return (matched != negate, j + 1) }
            first = false
            if j + 2 < pattern.count, pattern[j + 1] == "-", pattern[j + 2] != "]" {
                if c <= ch && ch <= pattern[j + 2] { matched = true }
                j += 3
            } else {
                if c == ch { matched = true }
                j += 1
            }
        }
        return nil
    }
}
