/// How numbers are written for people (`table`, `markdown`): German grouping ("11.000", "1,5")
/// or plain ("11000", "1.5"). Machine formats (tsv, csv, json) always write plain numbers.
public enum NumberStyle: String, Sendable, CaseIterable {
    case de, plain

    /// A number as this style writes it.
    public func text(_ i: Int) -> String {
        switch self {
        case .plain: return String(i)
        case .de: return NumberStyle.grouped(String(i))
        }
    }

    public func text(_ d: Double) -> String {
        let plain = Value.format(d)
        guard self == .de, d.isFinite else { return plain }
        // Exponent notation ("1e-05") is left alone apart from the decimal comma.
        if plain.utf8.contains(UInt8(ascii: "e")) { return String(plain.map { $0 == "." ? "," : $0 }) }
        guard let dot = plain.firstIndex(of: ".") else { return NumberStyle.grouped(plain) }
        return NumberStyle.grouped(String(plain[..<dot])) + "," + plain[plain.index(after: dot)...]
    }

    /// A cell's text for people: numbers in this style, lists joined with ", ", null empty.
    public func text(_ v: Value) -> String {
        switch v {
        case .null: return ""
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return text(i)
        case let .number(d): return text(d)
        case let .string(s): return s
        case let .list(items):
            // Numbers in lists are offsets and ids (spans), not amounts: no grouping, bracketed
            // so that "[1126, 1175]" does not read as two decimals.
            let numeric = !items.isEmpty && items.allSatisfy { $0.doubleValue != nil }
            var out = numeric ? "[" : ""
            for (n, item) in items.enumerated() {
                if n > 0 { out += ", " }
                out += numeric ? item.plainText : text(item)
            }
            return numeric ? out + "]" : out
        }
    }

    /// "-1234567" → "-1.234.567" (German thousands separator; also for four digits, as Duden
    /// allows and as our footer "1.234 more rows" reads).
    static func grouped(_ digits: String) -> String {
        var bytes = Array(digits.utf8)
        var sign: [UInt8] = []
        if bytes.first == UInt8(ascii: "-") { sign = [UInt8(ascii: "-")]; bytes.removeFirst() }
        guard bytes.count > 3 else { return digits }
        var out = sign
        out.reserveCapacity(sign.count + bytes.count + bytes.count / 3)
        for (n, b) in bytes.enumerated() {
            if n > 0, (bytes.count - n) % 3 == 0 { out.append(UInt8(ascii: ".")) }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
