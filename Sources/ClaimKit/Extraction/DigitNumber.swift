/// A number token written in digits, read the German, Swiss or international way:
/// "14.000" and "12'000" and "12 000" (thin space) are grouped thousands, "1,5" has a decimal
/// comma, "1.234,5" both; "28.4" and "17.6.2024" keep their groups so that dates can be told apart.
public struct DigitNumber: Sendable, Hashable {
    /// nil when the groups fit no number notation ("17.6.2024" is a date, not a number).
    public var value: Double?
    /// The digit groups between separators: "17.6.2024" → ["17", "6", "2024"].
    public var groups: [String]
    /// The separators between the groups, in order.
    public var separators: [Character]
    /// Only digits, no separator ("2024", "4000").
    public var isPlain: Bool { separators.isEmpty }
    /// Starts with "0" followed by another digit ("030", "0664"): a phone or code, not a count.
    public var hasLeadingZero: Bool { groups.first.map { $0.count > 1 && $0.hasPrefix("0") } ?? false }

    /// The value of 1 to 15 ASCII digits, nil for other text.
    @inline(__always)
    private static func plainValue(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard b.count > 0, b.count <= 15 else { return nil }
        var v = 0
        for c in b {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            v = v &* 10 &+ Int(c &- 0x30)
        }
        return v
    }

    /// What the byte reading of an ASCII number token found.
    private enum ASCIIReading {
        case number([String], [Character])
        case notANumber
        /// Not ASCII (or "\r\n", one Character): read Characters instead.
        case unicode
    }

    /// The groups and separators of an ASCII text, one Character per byte: no Character
    /// iteration for nearly every number token.
    private static func readASCII(_ text: String, _ b: UnsafeBufferPointer<UInt8>) -> ASCIIReading {
        var groups: [String] = [], separators: [Character] = []
        var start = 0
        for i in 0..<b.count {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 { continue }
            if c >= 0x80 || c == 0x0D { return .unicode }
            guard i > start else { return .notANumber }
            groups.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self))
            // ASCII whitespace groups like the apostrophe, as in the Character reading.
            let isSpace = c == 0x20 || (c >= 0x09 && c <= 0x0C)
            separators.append(isSpace ? "'" : Character(Unicode.Scalar(c)))
            start = i + 1
        }
        guard b.count > start else { return .notANumber }
        groups.append(start == 0 ? text : String(decoding: UnsafeBufferPointer(rebasing: b[start...]), as: UTF8.self))
        return .number(groups, separators)
    }

    public init?(_ text: String) {
        // Digits only, up to 15 (most number tokens): the value in integer arithmetic, which is
        // exact there and so the Double that parsing the text gives; no reading of groups.
        if let v = text.utf8.withContiguousStorageIfAvailable({ Self.plainValue($0) }), let v {
            groups = [text]
            separators = []
            value = Double(v)
            return
        }
        switch text.utf8.withContiguousStorageIfAvailable({ Self.readASCII(text, $0) }) ?? .unicode {
        case let .number(groups, separators):
            self.groups = groups
            self.separators = separators
            // Digits only: what `read` would parse after joining the one group.
            value = separators.isEmpty ? Double(text) : DigitNumber.read(groups, separators)
            return
        case .notANumber:
            return nil
        case .unicode:
            break
        }
        var groups: [String] = [], separators: [Character] = []
        var current = ""
        for c in text {
            if c.isASCII && c.isNumber {
                current.append(c)
            } else {
                guard !current.isEmpty else { return nil }
                groups.append(current)
                // Thin and narrow no-break spaces group like the apostrophe.
                separators.append(c == "’" || c.unicodeScalars.first?.properties.isWhitespace == true ? "'" : c)
                current = ""
            }
        }
        guard !current.isEmpty else { return nil }
        groups.append(current)
        self.groups = groups
        self.separators = separators
        value = DigitNumber.read(groups, separators)
    }

    /// "1.234,5": the last comma is the decimal mark; "." and "'" group thousands when every
    /// later group has three digits; a lone "." before one, two or four digits is a decimal point.
    private static func read(_ groups: [String], _ separators: [Character]) -> Double? {
        var integerGroups = groups
        var integerSeparators = separators
        var fraction = ""
        if let comma = separators.lastIndex(of: ",") {
            fraction = groups[(comma + 1)...].joined()
            integerGroups = Array(groups[...comma])
            integerSeparators = Array(separators[..<comma])
            if integerSeparators.contains(",") { return nil }
        }
        if integerSeparators.count == 1, integerSeparators[0] == ".", fraction.isEmpty,
           integerGroups[1].count != 3 {
            return Double(integerGroups[0] + "." + integerGroups[1])
        }
        let grouped = integerGroups.dropFirst().allSatisfy { $0.count == 3 } && integerGroups[0].count <= 3
        if integerGroups.count > 1 && !grouped { return nil }
        let digits = integerGroups.joined() + (fraction.isEmpty ? "" : "." + fraction)
        return Double(digits)
    }
}
