/// TIMEX3-style value strings: ISO 8601 truncated to what is known, `X` for unknown digits.
///
/// Every time expression formats its value here, some several parts: the usual forms (a year
/// of four digits, months and days of two) are written as bytes into a String of their exact
/// size (up to 15 bytes a String needs no allocation); anything else is formatted as
/// `Interpolated` does, which is what every form reads as.
enum TimexFormat {
    static func year(_ y: Int?) -> String {
        guard let y else { return "XXXX" }
        guard (0...9999).contains(y) else { return Interpolated.year(y) }
        return ascii(4) { put4($0, 0, y) }
    }

    static func two(_ n: Int?) -> String {
        guard let n else { return "XX" }
        guard (0...99).contains(n) else { return Interpolated.two(n) }
        return ascii(2) { put2($0, 0, n) }
    }

    static func month(_ y: Int?, _ m: Int) -> String {
        guard fourDigits(y), (0...99).contains(m) else { return Interpolated.month(y, m) }
        return ascii(7) { o in
            putYear(o, y)
            o[4] = UInt8(ascii: "-")
            put2(o, 5, m)
        }
    }

    static func day(_ y: Int?, _ m: Int, _ d: Int) -> String {
        guard fourDigits(y), (0...99).contains(m), (0...99).contains(d) else { return Interpolated.day(y, m, d) }
        return ascii(10) { o in
            putYear(o, y)
            o[4] = UInt8(ascii: "-")
            put2(o, 5, m)
            o[7] = UInt8(ascii: "-")
            put2(o, 8, d)
        }
    }

    static func week(_ y: Int?, _ w: Int?) -> String {
        guard fourDigits(y), w.map({ (0...99).contains($0) }) ?? true else { return Interpolated.week(y, w) }
        return ascii(8) { o in
            putYear(o, y)
            o[4] = UInt8(ascii: "-")
            o[5] = UInt8(ascii: "W")
            if let w { put2(o, 6, w) } else { o[6] = UInt8(ascii: "X"); o[7] = UInt8(ascii: "X") }
        }
    }

    /// "2025-07/2025-08"; a single month when both ends are equal.
    static func interval(_ a: String, _ b: String) -> String {
        if a == b { return a }
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                String(unsafeUninitializedCapacity: x.count + 1 + y.count) { o in
                    _ = UnsafeMutableBufferPointer(rebasing: o[0..<x.count]).initialize(from: x)
                    o[x.count] = UInt8(ascii: "/")
                    _ = UnsafeMutableBufferPointer(rebasing: o[(x.count + 1)...]).initialize(from: y)
                    return x.count + 1 + y.count
                }
            }
        }
    }

    /// "P3M", "P1.5Y".
    static func duration(_ n: Double, _ unit: String) -> String {
        let amount = n == n.rounded() ? String(Int(n)) : String(n)
        return "P\(amount)\(unit)"
    }

    /// The general forms, by interpolation (also the reference the byte forms are tested against).
    enum Interpolated {
        static func year(_ y: Int?) -> String {
            guard let y else { return "XXXX" }
            let s = String(y)
            return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
        }

        static func two(_ n: Int?) -> String {
            guard let n else { return "XX" }
            return n < 10 ? "0\(n)" : "\(n)"
        }

        static func month(_ y: Int?, _ m: Int) -> String { "\(year(y))-\(two(m))" }
        static func day(_ y: Int?, _ m: Int, _ d: Int) -> String { "\(year(y))-\(two(m))-\(two(d))" }
        static func week(_ y: Int?, _ w: Int?) -> String { "\(year(y))-W\(two(w))" }
        static func interval(_ a: String, _ b: String) -> String { a == b ? a : "\(a)/\(b)" }
    }

    /// nil ("XXXX") or a year of at most four digits, written with four.
    @inline(__always)
    private static func fourDigits(_ y: Int?) -> Bool { y.map { (0...9999).contains($0) } ?? true }

    @inline(__always)
    private static func ascii(_ count: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Void) -> String {
        String(unsafeUninitializedCapacity: count) { o in
            body(o)
            return count
        }
    }

    @inline(__always)
    private static func putYear(_ o: UnsafeMutableBufferPointer<UInt8>, _ y: Int?) {
        if let y {
            put4(o, 0, y)
        } else {
            for k in 0..<4 { o[k] = UInt8(ascii: "X") }
        }
    }

    @inline(__always)
    private static func put4(_ o: UnsafeMutableBufferPointer<UInt8>, _ at: Int, _ v: Int) {
        o[at] = 0x30 &+ UInt8(v / 1000)
        o[at + 1] = 0x30 &+ UInt8(v / 100 % 10)
        o[at + 2] = 0x30 &+ UInt8(v / 10 % 10)
        o[at + 3] = 0x30 &+ UInt8(v % 10)
    }

    @inline(__always)
    private static func put2(_ o: UnsafeMutableBufferPointer<UInt8>, _ at: Int, _ v: Int) {
        o[at] = 0x30 &+ UInt8(v / 10)
        o[at + 1] = 0x30 &+ UInt8(v % 10)
    }
}
