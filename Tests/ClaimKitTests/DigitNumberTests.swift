import Testing
@testable import ClaimKit

@Suite struct DigitNumberTests {
    /// The groups and separators of an ASCII token, as `DigitNumber` splits it.
    func split(_ s: String) -> ([String], [Character]) {
        var groups: [String] = [], separators: [Character] = [], current = ""
        for c in s {
            if c.isASCII && c.isNumber { current.append(c) } else {
                groups.append(current); current = ""
                separators.append(c == " " ? "'" : c)
            }
        }
        groups.append(current)
        return (groups, separators)
    }

    /// The byte reading of the value gives what joining and parsing the groups (`read`) gives.
    @Test func byteValueIsRead() {
        var samples = ["14.000", "1,5", "1.234,5", "28.4", "17.6.2024", "12'000", "2:1", "12:000", "0,25", "3.14",
                       "1.2345", "1.234.567", "12.34.567", "1,5,3", "1.5,3", "1,5.3", "0.0", "0,00", "999.999.999.999.999",
                       "123456789,012345", "1.234.567.890.123,45", "1234567890123456.5", "1'000,50", "100.5", "1000.000",
                       "1/2", "3-4", "12.00", "0.5", "7,0"]
        // Random tokens of digit groups and separators.
        // Seeded, so that a failure can be reproduced; the space is the thin-space separator
        // as the tokenizer normalises it.
        var rng = SeededGenerator(seed: 0x5EED_D161)
        let seps: [Character] = [".", ",", "'", ":", "/", "-", " "]
        for _ in 0..<2000 {
            var s = ""
            for g in 0..<Int.random(in: 1...4, using: &rng) {
                if g > 0 { s.append(seps.randomElement(using: &rng)!) }
                for _ in 0..<Int.random(in: 1...5, using: &rng) { s.append(Character(String(Int.random(in: 0...9, using: &rng)))) }
            }
            samples.append(s)
        }
        for s in samples {
            let (groups, separators) = split(s)
            let expected = separators.isEmpty ? Double(s) : DigitNumber.read(groups, separators)
            var text = s
            let fast = text.withUTF8 { DigitNumber.byteValue($0) }
            if let fast { #expect(fast == expected, "\(s)") }
            #expect(DigitNumber(s)?.value == expected, "\(s)")
            // The groups as stored (first and others) and as read one by one.
            if let d = DigitNumber(s) {
                #expect(d.groups == groups && d.separators == separators, "\(s)")
                #expect((0..<d.groupCount).map(d.group) == groups && d.firstGroup == groups[0], "\(s)")
            }
        }
    }

    @Test func values() {
        #expect(DigitNumber("14.000")?.value == 14000)
        #expect(DigitNumber("1,5")?.value == 1.5)
        #expect(DigitNumber("1.234,5")?.value == 1234.5)
        #expect(DigitNumber("28.4")?.value == 28.4)
        #expect(DigitNumber("17.6.2024")?.value == nil)
        #expect(DigitNumber("0664")?.hasLeadingZero == true)
        #expect(DigitNumber("0")?.hasLeadingZero == false)
    }
}

/// A small deterministic generator (SplitMix64) for the random samples.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
