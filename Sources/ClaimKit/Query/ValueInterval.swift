/// The values a quantity claim allows, for `compare`:
/// exact → the point; about → ± `aboutTolerance` (10 %); more_than → (v, ∞); at_least → [v, ∞);
/// less_than → [0, v); up_to → [0, v]; range → [v, high]; vague → [v, high] (∞ without high).
public struct ValueInterval: Sendable, Hashable, CustomStringConvertible {
    public var low: Double
    public var high: Double
    public var lowOpen: Bool
    public var highOpen: Bool

    public static let aboutTolerance = 0.10

    public init(low: Double, high: Double, lowOpen: Bool = false, highOpen: Bool = false) {
        self.low = low
        self.high = high
        self.lowOpen = lowOpen
        self.highOpen = highOpen
    }

    public init?(_ c: Claim) {
        guard c.kind == .quantity, let v = c.value else { return nil }
        switch c.approx ?? .exact {
        case .exact: self.init(low: v, high: c.high.map { max($0, v) } ?? v)
        case .about:
            let t = abs(v) * ValueInterval.aboutTolerance
            self.init(low: v - t, high: v + t)
        case .moreThan: self.init(low: v, high: .infinity, lowOpen: true, highOpen: true)
        case .atLeast: self.init(low: v, high: .infinity, highOpen: true)
        case .lessThan: self.init(low: 0, high: v, highOpen: true)
        case .upTo: self.init(low: 0, high: v)
        case .range: self.init(low: v, high: c.high.map { max($0, v) } ?? v)
        case .vague: self.init(low: v, high: c.high.map { max($0, v) } ?? .infinity, highOpen: c.high == nil)
        }
    }

    public func overlaps(_ o: ValueInterval) -> Bool {
        let lo = max(low, o.low), hi = min(high, o.high)
        if lo < hi { return true }
        if lo > hi { return false }
        // Touching at one point: only when both sides include it.
        let loOpenBoth = (low == lo && lowOpen) || (o.low == lo && o.lowOpen)
        let hiOpenBoth = (high == hi && highOpen) || (o.high == hi && o.highOpen)
        return !loOpenBoth && !hiOpenBoth
    }

    public var description: String {
        let l = (lowOpen ? "(" : "[") + Value.format(low)
        let h = (high.isInfinite ? "∞" : Value.format(high)) + (highOpen ? ")" : "]")
        return l + ", " + h
    }
}
