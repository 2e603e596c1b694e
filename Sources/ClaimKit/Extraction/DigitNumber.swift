/// A number token written in digits, read the German, Swiss or international way:
/// "14.000" and "12'000" and "12 000" (thin space) are grouped thousands, "1,5" has a decimal
/// comma, "1.234,5" both; "28.4" and "17.6.2024" keep their groups so that dates can be told apart.
public struct DigitNumber: Sendable, Hashable {
    /// nil when the groups fit no number notation ("17.6.2024" is a date, not a number).
    public var value: Double?
    /// The digit groups between separators: "17.6.2024" → ["17", "6", "2024"]. (Stored as the
    /// first group and the others: a number without separators, nearly every one, then needs
    /// no array; `firstGroup`, `groupCount` and `group(_:)` read them without making one.)
    public var groups: [String] {
        get { [firstGroup] + otherGroups }
        set {
            firstGroup = newValue.first ?? ""
            otherGroups = Array(newValue.dropFirst())
        }
    }
    public private(set) var firstGroup: String
    private var otherGroups: [String]
    public var groupCount: Int { 1 + otherGroups.count }
    /// Group `i` (0 is `firstGroup`).
    public func group(_ i: Int) -> String { i == 0 ? firstGroup : otherGroups[i - 1] }
    /// The separators between the groups, in order.
    public var separators: [Character]
    /// Only digits, no separator ("2024", "4000").
    public var isPlain: Bool { separators.isEmpty }
    /// Starts with "0" followed by another digit ("030", "0664"): a phone or code, not a count.
    /// (The groups hold ASCII digits only: bytes count as Characters.)
    public var hasLeadingZero: Bool { firstGroup.utf8.count > 1 && firstGroup.utf8.first == UInt8(ascii: "0") }

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
        /// The first group, the other groups, the separators and the value if the bytes decided
        /// it (`byteValue`).
        case number(String, [String], [Character], Double??)
        case notANumber
        /// Not ASCII (or "\r\n", one Character): read Characters instead.
        case unicode
    }

    /// The groups and separators of an ASCII text, one Character per byte: no Character
    /// iteration for nearly every number token.
    private static func readASCII(_ text: String, _ b: UnsafeBufferPointer<UInt8>) -> ASCIIReading {
        var first: String? = nil
        var groups: [String] = [], separators: [Character] = []
        // Room for every group at once: appending would grow each array one step at a time.
        var nonDigits = 0
        for c in b where c < 0x30 || c > 0x39 { nonDigits += 1 }
        groups.reserveCapacity(nonDigits)
        separators.reserveCapacity(nonDigits)
        var start = 0
        for i in 0..<b.count {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 { continue }
            if c >= 0x80 || c == 0x0D { return .unicode }
            guard i > start else { return .notANumber }
            let group = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            if first == nil { first = group } else { groups.append(group) }
            // ASCII whitespace groups like the apostrophe, as in the Character reading.
            let isSpace = c == 0x20 || (c >= 0x09 && c <= 0x0C)
            separators.append(isSpace ? "'" : Character(Unicode.Scalar(c)))
            start = i + 1
        }
        guard b.count > start else { return .notANumber }
        let last = start == 0 ? text : String(decoding: UnsafeBufferPointer(rebasing: b[start...]), as: UTF8.self)
        guard let first else { return .number(last, [], separators, byteValue(b)) }
        groups.append(last)
        return .number(first, groups, separators, byteValue(b))
    }

    private static let powersOfTen: [Double] = (0...15).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// `read` of an ASCII number token (digit groups between single non-digit bytes) on its
    /// bytes, without the Strings that `read` joins and parses: nil when it cannot say (more
    /// than 15 digits), else `read`'s result. With at most 15 digits the digits m and 10^k are
    /// exact Doubles, so m / 10^k is the correctly rounded value that parsing "…." gives.
    static func byteValue(_ b: UnsafeBufferPointer<UInt8>) -> Double?? {
        let comma = UInt8(ascii: ","), dot = UInt8(ascii: ".")
        var lastComma = -1
        var digitCount = 0
        for i in 0..<b.count {
            if b[i] == comma { lastComma = i } else if b[i] >= 0x30 && b[i] <= 0x39 { digitCount += 1 }
        }
        guard digitCount <= 15 else { return nil }
        let integerEnd = lastComma >= 0 ? lastComma : b.count
        // The integer part's groups: a second comma there is no number; "." or "'" group
        // thousands only when every later group has three digits.
        var separators = 0, firstSeparator: UInt8 = 0
        var groupStart = 0, firstGroup = 0, laterGroupsOfThree = true, lastGroup = 0
        var m = 0
        for i in 0..<integerEnd {
            let c = b[i]
            if c >= 0x30 && c <= 0x39 { m = m &* 10 &+ Int(c &- 0x30); continue }
            if c == comma { return .some(nil) }
            if separators == 0 { firstGroup = i - groupStart; firstSeparator = c } else if i - groupStart != 3 {
                laterGroupsOfThree = false
            }
            separators += 1
            groupStart = i + 1
        }
        lastGroup = integerEnd - groupStart
        if separators == 0 { firstGroup = lastGroup } else if lastGroup != 3 { laterGroupsOfThree = false }
        // The fraction: every digit after the last comma.
        var k = 0
        if lastComma >= 0 {
            for i in (lastComma + 1)..<b.count where b[i] >= 0x30 && b[i] <= 0x39 {
                m = m &* 10 &+ Int(b[i] &- 0x30)
                k += 1
            }
        }
        if separators == 1, firstSeparator == dot, lastComma < 0, lastGroup != 3 {
            // A lone "." before other than three digits: a decimal point.
            return .some(Double(m) / powersOfTen[lastGroup])
        }
        if separators > 0 && !(laterGroupsOfThree && firstGroup <= 3) { return .some(nil) }
        return .some(Double(m) / powersOfTen[k])
    }

    public init?(_ text: String) {
        // Digits only, up to 15 (most number tokens): the value in integer arithmetic, which is
        // exact there and so the Double that parsing the text gives; no reading of groups.
        if let v = text.utf8.withContiguousStorageIfAvailable({ Self.plainValue($0) }), let v {
            firstGroup = text
            otherGroups = []
            separators = []
            value = Double(v)
            return
        }
        switch text.utf8.withContiguousStorageIfAvailable({ Self.readASCII(text, $0) }) ?? .unicode {
        case let .number(first, others, separators, byteValue):
            firstGroup = first
            otherGroups = others
            self.separators = separators
            if let byteValue {
                value = byteValue
                return
            }
            // Digits only: what `read` would parse after joining the one group.
            value = separators.isEmpty ? Double(text) : DigitNumber.read([first] + others, separators)
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
        firstGroup = groups[0]
        otherGroups = Array(groups.dropFirst())
        self.separators = separators
        value = DigitNumber.read(groups, separators)
    }

    /// "1.234,5": the last comma is the decimal mark; "." and "'" group thousands when every
    /// later group has three digits; a lone "." before one, two or four digits is a decimal point.
    static func read(_ groups: [String], _ separators: [Character]) -> Double? {
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
