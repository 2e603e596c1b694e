/// Numbers as users type them in queries: `10000`, `10.000`, `10'000`, `1,5`, `10k`, `8 Mio`.
public enum NumberLiteral {
    /// Scale words (`Mio`, `Milliarden`, `k`) from the `query_scales` lexicon, folded.
    static let scales: [String: Double] = {
        var out: [String: Double] = [:]
        for row in Lexicon.shared.table("query_scales").rows where row.count >= 2 {
            if let m = Double(row[1]) { out[TextFolding.fold(row[0])] = m }
        }
        return out
    }()

    public static func scale(of word: String) -> Double? {
        var w = TextFolding.fold(word)
        if w.hasSuffix("."), w.count > 1 { w.removeLast() }
        return scales[w]
    }

    public static func parse(_ text: String) -> Double? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        if parts.count == 2 {
            guard let n = plain(String(parts[0])), let m = scale(of: String(parts[1])) else { return nil }
            return n * m
        }
        guard parts.count == 1 else { return nil }
        if let n = plain(text) { return n }
        // A scale glued to the digits: 10k, 8Mio, 2,5Mrd.
        let chars = Array(text)
        guard let cut = chars.lastIndex(where: { $0.isASCII && $0.isNumber }), cut + 1 < chars.count,
              let n = plain(String(chars[...cut])), let m = scale(of: String(chars[(cut + 1)...])) else { return nil }
        return n * m
    }

    /// Digits with German or Swiss grouping and a decimal comma; a point followed by exactly
    /// three digits groups thousands, any other point is a decimal point.
    static func plain(_ s: String) -> Double? {
        var t = s
        var sign = 1.0
        if t.hasPrefix("-") { sign = -1; t.removeFirst() } else if t.hasPrefix("+") { t.removeFirst() }
        guard let first = t.first, first.isASCII, first.isNumber else { return nil }
        guard t.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," || $0 == "'" }) else { return nil }
        t = t.replacingOccurrences("'", with: "")
        let commas = t.filter { $0 == "," }.count
        if commas > 1 { return nil }
        let dotGroups = t.split(separator: ",", omittingEmptySubsequences: false)[0].split(separator: ".", omittingEmptySubsequences: false)
        var intPart: String
        var fraction = ""
        if commas == 1 {
            let halves = t.split(separator: ",", omittingEmptySubsequences: false)
            fraction = String(halves[1])
            guard !fraction.isEmpty, !fraction.contains(".") else { return nil }
            guard dotGroups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            intPart = dotGroups.joined()
        } else if dotGroups.count > 1 {
            if dotGroups.dropFirst().allSatisfy({ $0.count == 3 }) {
                intPart = dotGroups.joined()
            } else if dotGroups.count == 2 {
                intPart = String(dotGroups[0])
                fraction = String(dotGroups[1])
            } else {
                return nil
            }
        } else {
            intPart = t
        }
        guard !intPart.isEmpty, let v = Double(intPart + (fraction.isEmpty ? "" : "." + fraction)) else { return nil }
        return sign * v
    }
}

extension String {
    func replacingOccurrences(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
