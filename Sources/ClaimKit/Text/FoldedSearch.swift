/// Finds a pattern in UTF-8 text exactly as `TextFolding.fold(sentence).contains(fold(pattern))`
/// would, without building folded strings: `grep` scans hundreds of megabytes of loaded text.
///
/// Every input scalar folds to a fixed expansion (nothing for a combining mark, "ss" for ß,
/// one scalar otherwise), except that an "e" after a, o or u is dropped; the matcher replays
/// that rule. A vector prefilter on the first two pattern bytes (and the non-ASCII lead bytes
/// that can fold to the first one) skips most of the text 16 bytes at a time.
public struct FoldedSearch: Sendable {
    /// The folded pattern as UTF-8.
    public let pattern: [UInt8]
    private let first: UInt8
    private let firstUpper: UInt8
    private let second: UInt8?
    private let secondUpper: UInt8
    /// The pattern starts with a, o or u, so a raw "e" after it may be dropped.
    private let firstIsAOU: Bool
    /// Lead bytes of non-ASCII scalars whose fold can supply the first pattern byte.
    private let leads: [Bool]
    /// The same scalars for the vector prefilter, when they are few: two-byte ones as (lead,
    /// continuation) pairs ("ß" C3 9F for an "s"), longer ones by their lead byte. nil: every
    /// lead byte is a candidate. Umlauts (C3 xx) are frequent in German text and would
    /// otherwise send most blocks to the byte-by-byte check.
    private let nonASCIIStarts: (pairs: [(UInt8, UInt8)], leads: [UInt8])?
    private let table = FoldTable.shared

    public init?(_ pattern: String) {
        let folded = Array(TextFolding.fold(pattern).utf8)
        guard let f = folded.first else { return nil }
        self.pattern = folded
        first = f
        firstUpper = (f >= 0x61 && f <= 0x7A) ? f - 32 : f
        second = folded.count > 1 ? folded[1] : nil
        let s = second ?? 0
        secondUpper = (s >= 0x61 && s <= 0x7A) ? s - 32 : s
        firstIsAOU = f == 0x61 || f == 0x6F || f == 0x75
        var leads = [Bool](repeating: false, count: 256)
        var pairs: [(UInt8, UInt8)] = [], longLeads: Set<UInt8> = []
        if f >= 0x80 {
            for b in 0xC0...0xFF { leads[b] = true }
        } else {
            // Scalars above the table fold to non-ASCII scalars: they cannot supply `f`.
            for (scalar, e) in FoldTable.shared.expansions.enumerated() where scalar >= 0x80 {
                guard (0..<e.count).contains(where: { e[$0] == f }), let u = Unicode.Scalar(UInt32(scalar)) else { continue }
                leads[Int(FoldTable.leadByte(UInt32(scalar)))] = true
                let bytes = Array(String(u).utf8)
                if bytes.count == 2 { pairs.append((bytes[0], bytes[1])) } else { longLeads.insert(bytes[0]) }
            }
        }
        self.leads = leads
        nonASCIIStarts = f < 0x80 && pairs.count <= 8 && longLeads.count <= 2 ? (pairs, longLeads.sorted()) : nil
    }

    /// Whether the sentence `range` of `text` contains the pattern (the fold starts afresh at
    /// `range.lowerBound`, like folding the sentence on its own).
    public func matches(_ text: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Bool {
        pattern.withUnsafeBufferPointer { p in
            table.expansions.withUnsafeBufferPointer { exp in
                var i = range.lowerBound
                while i < range.upperBound {
                    let b = text[i]
                    if b < 0x80 || b >= 0xC0,
                       match(text, at: i, lowerBound: range.lowerBound, limit: range.upperBound, p, exp) { return true }
                    i += 1
                }
                return false
            }
        }
    }

    /// The sentences (indices into `sentences`, which are in text order and do not overlap)
    /// that contain the pattern, in order.
    public func sentences(in text: UnsafeBufferPointer<UInt8>, _ sentences: [Sentence]) -> [Int] {
        guard !sentences.isEmpty, text.baseAddress != nil else { return [] }
        return pattern.withUnsafeBufferPointer { p in
            table.expansions.withUnsafeBufferPointer { exp in
                leads.withUnsafeBufferPointer { leads in
                    scan(text, sentences, p, exp, leads)
                }
            }
        }
    }

    private func scan(_ text: UnsafeBufferPointer<UInt8>, _ sentences: [Sentence], _ p: UnsafeBufferPointer<UInt8>,
                      _ exp: UnsafeBufferPointer<FoldTable.Expansion>, _ leads: UnsafeBufferPointer<Bool>) -> [Int] {
        var found: [Int] = []
        let n = text.count
        guard let base = text.baseAddress else { return found }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let vf = SIMD16<UInt8>(repeating: first), vF = SIMD16<UInt8>(repeating: firstUpper)
        let vs = SIMD16<UInt8>(repeating: second ?? 0), vS = SIMD16<UInt8>(repeating: secondUpper)
        let high = SIMD16<UInt8>(repeating: 0x80), leadMin = SIMD16<UInt8>(repeating: 0xC0)
        let ve = SIMD16<UInt8>(repeating: 0x65), vE = SIMD16<UInt8>(repeating: 0x45)
        let zero = SIMD16<UInt8>(repeating: 0), one = SIMD16<UInt8>(repeating: 1)
        let anyNonASCII = leads.contains(true)
        let hasSecond = second != nil
        while i < n {
            // Lanes that may start a match, one bit per byte lane (bit 8k for lane k).
            var lo: UInt64, hi: UInt64
            if i + 17 <= n {
                let b0 = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                var candidates = (b0 .== vf) .| (b0 .== vF)
                if hasSecond {
                    let b1 = raw.loadUnaligned(fromByteOffset: i + 1, as: SIMD16<UInt8>.self)
                    var next = (b1 .>= high) .| (b1 .== vs) .| (b1 .== vS)
                    if firstIsAOU { next = next .| (b1 .== ve) .| (b1 .== vE) }
                    candidates = candidates .& next
                }
                if let starts = nonASCIIStarts {
                    if !starts.pairs.isEmpty {
                        let b1 = raw.loadUnaligned(fromByteOffset: i + 1, as: SIMD16<UInt8>.self)
                        for (lead, continuation) in starts.pairs {
                            candidates = candidates .| ((b0 .== SIMD16(repeating: lead)) .& (b1 .== SIMD16(repeating: continuation)))
                        }
                    }
                    for lead in starts.leads { candidates = candidates .| (b0 .== SIMD16(repeating: lead)) }
                } else if anyNonASCII {
                    candidates = candidates .| (b0 .>= leadMin)
                }
                let bits = unsafeBitCast(zero.replacing(with: one, where: candidates), to: (UInt64, UInt64).self)
                lo = bits.0
                hi = bits.1
                if lo | hi == 0 { i += 16; continue }
            } else {
                lo = 0x0101_0101_0101_0101
                hi = 0x0101_0101_0101_0101
            }
            let blockEnd = min(i + 16, n)
            var next = blockEnd
            while lo | hi != 0 {
                let lane: Int
                if lo != 0 {
                    lane = lo.trailingZeroBitCount >> 3
                    lo &= lo - 1
                } else {
                    lane = 8 + hi.trailingZeroBitCount >> 3
                    hi &= hi - 1
                }
                let k = i + lane
                if k >= blockEnd { break }
                let b = text[k]
                if b >= 0x80 {
                    guard b >= 0xC0, leads[Int(b)] else { continue }
                } else if b != first && b != firstUpper {
                    continue
                }
                // Lenient about a dropped first "e" (the sentence start is not known yet); exact below.
                guard match(text, at: k, lowerBound: k, limit: n, p, exp),
                      let s = sentenceIndex(containing: k, sentences),
                      match(text, at: k, lowerBound: sentences[s].span.start, limit: sentences[s].span.end, p, exp)
                else { continue }
                found.append(s)
                // One row per sentence: go on after it.
                next = max(sentences[s].span.end, k + 1)
                break
            }
            i = next
        }
        return found
    }

    /// Whether the folded text starting at the scalar at `i` (or inside its expansion) begins
    /// with the pattern, reading no further than `limit`; `lowerBound` is where the fold
    /// starts (no "e" is dropped for a scalar before it).
    @inline(__always)
    private func match(_ text: UnsafeBufferPointer<UInt8>, at i: Int, lowerBound: Int, limit: Int,
                       _ p: UnsafeBufferPointer<UInt8>, _ exp: UnsafeBufferPointer<FoldTable.Expansion>) -> Bool {
        let (scalar, length) = FoldTable.decode(text, i, limit)
        let e = expansion(scalar, exp)
        guard !e.isEmpty else { return false }
        if e.isE, previousIsAOU(text, before: i, lowerBound: lowerBound, exp) { return false }
        // The pattern may start inside a multi-scalar expansion (the second s of ß).
        for skip in 0..<e.count where e[skip] == first {
            if continueMatch(text, expansion: e, skip: skip, next: i + length, limit: limit, p, exp) { return true }
        }
        return false
    }

    @inline(__always)
    private func expansion(_ scalar: UInt32, _ exp: UnsafeBufferPointer<FoldTable.Expansion>) -> FoldTable.Expansion {
        scalar < FoldTable.limit ? exp[Int(scalar)] : table.expansion(scalar)
    }

    private func continueMatch(_ text: UnsafeBufferPointer<UInt8>, expansion e0: FoldTable.Expansion, skip: Int,
                               next: Int, limit: Int, _ p: UnsafeBufferPointer<UInt8>,
                               _ exp: UnsafeBufferPointer<FoldTable.Expansion>) -> Bool {
        var k = 0
        let m = p.count
        for x in skip..<e0.count {
            if e0[x] != p[k] { return false }
            k += 1
            if k == m { return true }
        }
        var prevAOU = e0.endsAOU
        var j = next
        while j < limit {
            let c = text[j]
            if c < 0x80 {
                let f = FoldTable.lowerASCII(c)
                j += 1
                if f == 0x65, prevAOU { prevAOU = false; continue }
                if f != p[k] { return false }
                k += 1
                if k == m { return true }
                prevAOU = f == 0x61 || f == 0x6F || f == 0x75
                continue
            }
            let (scalar, length) = FoldTable.decode(text, j, limit)
            j += length
            let e = expansion(scalar, exp)
            if e.isEmpty { continue }
            if e.isE, prevAOU { prevAOU = false; continue }
            for x in 0..<e.count {
                if e[x] != p[k] { return false }
                k += 1
                if k == m { return true }
            }
            prevAOU = e.endsAOU
        }
        return false
    }

    /// Whether the last scalar before `i` that is not a combining mark folds to a, o or u.
    private func previousIsAOU(_ text: UnsafeBufferPointer<UInt8>, before i: Int, lowerBound: Int,
                               _ exp: UnsafeBufferPointer<FoldTable.Expansion>) -> Bool {
        var j = i
        while j > lowerBound {
            var s = j - 1
            while s > lowerBound, text[s] & 0xC0 == 0x80 { s -= 1 }
            let (scalar, _) = FoldTable.decode(text, s, j)
            let e = expansion(scalar, exp)
            if !e.isEmpty { return e.endsAOU }
            j = s
        }
        return false
    }

    private func sentenceIndex(containing offset: Int, _ sentences: [Sentence]) -> Int? {
        var lo = 0, hi = sentences.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let s = sentences[mid].span
            if offset < s.start { hi = mid - 1 } else if offset >= s.end { lo = mid + 1 } else { return mid }
        }
        return nil
    }
}

/// The fold of every scalar below U+3000, computed once from `TextFolding.fold`, so the two
/// can never disagree; scalars above it are folded on the fly. Stored flat (one byte buffer,
/// offsets per scalar) so that lookups in the scan loop cost no reference counting.
struct FoldTable: Sendable {
    /// One scalar's fold: up to 8 UTF-8 bytes, packed little-endian.
    struct Expansion: Sendable {
        var packed: UInt64
        var count: Int
        init(_ bytes: [UInt8]) {
            var p: UInt64 = 0
            for (i, b) in bytes.prefix(8).enumerated() { p |= UInt64(b) << (8 * UInt64(i)) }
            packed = p
            count = min(bytes.count, 8)
        }
        var isEmpty: Bool { count == 0 }
        subscript(i: Int) -> UInt8 { UInt8(truncatingIfNeeded: packed >> (8 * UInt64(i))) }
        /// The expansion is "e" (subject to the after-a/o/u rule).
        var isE: Bool { count == 1 && packed == 0x65 }
        /// The last scalar is a, o or u.
        var endsAOU: Bool {
            guard count > 0 else { return false }
            let l = self[count - 1]
            return l == 0x61 || l == 0x6F || l == 0x75
        }
    }

    static let limit: UInt32 = 0x3000
    static let shared = FoldTable()
    let expansions: [Expansion]

    init() {
        var e: [Expansion] = []
        e.reserveCapacity(Int(Self.limit))
        for v in 0..<Self.limit {
            guard let s = Unicode.Scalar(v) else { e.append(Expansion([])); continue }
            e.append(Expansion(Array(TextFolding.fold(String(Character(s))).utf8)))
        }
        expansions = e
    }

    @inline(__always)
    func expansion(_ scalar: UInt32) -> Expansion {
        if scalar < Self.limit { return expansions[Int(scalar)] }
        guard let s = Unicode.Scalar(scalar) else { return Expansion([]) }
        return Expansion(Array(TextFolding.fold(String(Character(s))).utf8))
    }

    @inline(__always)
    static func lowerASCII(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b + 32 : b }

    /// The scalar starting at `i` and its length in bytes; a malformed sequence reads as
    /// U+FFFD of length 1 (as `String(decoding:)` would replace it).
    @inline(__always)
    static func decode(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ limit: Int) -> (UInt32, Int) {
        let b = t[i]
        if b < 0x80 { return (UInt32(b), 1) }
        func cont(_ k: Int) -> UInt32? {
            guard i + k < limit, t[i + k] & 0xC0 == 0x80 else { return nil }
            return UInt32(t[i + k] & 0x3F)
        }
        if b >= 0xC2, b < 0xE0, let c1 = cont(1) { return (UInt32(b & 0x1F) << 6 | c1, 2) }
        if b >= 0xE0, b < 0xF0, let c1 = cont(1), let c2 = cont(2) { return (UInt32(b & 0x0F) << 12 | c1 << 6 | c2, 3) }
        if b >= 0xF0, b < 0xF5, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            return (UInt32(b & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
        }
        return (0xFFFD, 1)
    }

    static func leadByte(_ scalar: UInt32) -> UInt8 {
        switch scalar {
        case ..<0x80: return UInt8(scalar)
        case ..<0x800: return UInt8(0xC0 | (scalar >> 6))
        case ..<0x10000: return UInt8(0xE0 | (scalar >> 12))
        default: return UInt8(0xF0 | (scalar >> 18))
        }
    }
}
