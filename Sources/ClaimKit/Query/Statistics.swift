/// count, min, median, mean, max, sum of numbers (`stats`). The median is found by selection
/// (quickselect), not by sorting.
public struct Statistics: Sendable, Equatable {
    public var count: Int
    public var min: Double?
    public var median: Double?
    public var mean: Double?
    public var max: Double?
    public var sum: Double

    public init(_ values: [Double]) {
        count = values.count
        sum = values.reduce(0, +)
        min = values.min()
        max = values.max()
        mean = values.isEmpty ? nil : sum / Double(values.count)
        guard !values.isEmpty else { median = nil; return }
        var v = values
        let n = v.count
        if n % 2 == 1 {
            median = Statistics.select(&v, n / 2)
        } else {
            let hi = Statistics.select(&v, n / 2)
            // After selecting k, everything before k is ≤ it: the lower middle is their maximum.
            let lo = v[..<(n / 2)].max() ?? hi
            median = (lo + hi) / 2
        }
    }

    /// The k-th smallest (0-based); reorders `v` so that v[..<k] ≤ v[k] ≤ v[(k+1)...].
    public static func select(_ v: inout [Double], _ k: Int) -> Double {
        guard v.indices.contains(k) else { return .nan }
        var lo = 0, hi = v.count - 1
        while lo < hi {
            let pivot = v[(lo + hi) / 2]
            var i = lo, j = hi
            while i <= j {
                while v[i] < pivot { i += 1 }
                while v[j] > pivot { j -= 1 }
                if i <= j { v.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { break }
        }
        return v[k]
    }
}
