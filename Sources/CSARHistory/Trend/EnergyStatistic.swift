/// The divergence E-divisive maximises (Matteson & James, "A Nonparametric Approach for Multiple
/// Change Point Analysis of Multivariate Data", 2014), with exponent α = 1: for X = z[s..<τ] and
/// Y = z[τ..<κ],
///
///     Q̂(τ, κ) = mn/(m+n) · ( 2/(mn) Σ|Xᵢ−Yⱼ| − 1/C(n,2) Σᵢ<ₖ|Xᵢ−Xₖ| − 1/C(m,2) Σⱼ<ₖ|Yⱼ−Yₖ| ),
///
/// with n = τ − s and m = κ − τ (a within-sum is 0 for a single point). Large when the two pieces come
/// from different distributions. Every (τ, κ) of an interval is evaluated in O(L²) from cumulative
/// column sums of the distance matrix.
struct EnergyStatistic {
    /// A split and its divergence: `index` is the first run of the right-hand piece.
    struct Candidate: Equatable {
        var index: Int
        var qHat: Double
    }

    private let values: [Double]
    /// `columnSums[j][i]` = Σ_{k<i} |z_k − z_j|.
    private let columnSums: [[Double]]

    init(_ values: [Double]) {
        self.values = values
        let count = values.count
        var sums = [[Double]](repeating: [Double](repeating: 0, count: count + 1), count: count)
        for j in 0..<count {
            var running = 0.0
            for i in 0..<count {
                sums[j][i] = running
                running += abs(values[i] - values[j])
            }
            sums[j][count] = running
        }
        columnSums = sums
    }

    /// Σ_{i ∈ lower..<upper} |z_i − z_j|.
    private func distance(from j: Int, _ lower: Int, _ upper: Int) -> Double {
        columnSums[j][upper] - columnSums[j][lower]
    }

    /// The split of `range` with the largest Q̂ over every τ and κ that leave at least `minimumSize` runs
    /// in X and in Y, or nil when the range is too short for any.
    func bestSplit(in range: Range<Int>, minimumSize: Int = 1) -> Candidate? {
        let size = max(1, minimumSize)
        guard range.count >= 2 * size else { return nil }
        let start = range.lowerBound
        var best: Candidate?
        var withinX = 0.0
        for tau in (start + 1)...(range.upperBound - size) {
            // X grows by z[tau − 1].
            withinX += distance(from: tau - 1, start, tau - 1)
            guard tau - start >= size else { continue }
            let n = Double(tau - start)
            let meanWithinX = n > 1 ? withinX / (n * (n - 1) / 2) : 0
            var between = 0.0
            var withinY = 0.0
            for kappa in (tau + 1)...range.upperBound {
                // Y grows by z[kappa − 1].
                let newest = kappa - 1
                between += distance(from: newest, start, tau)
                withinY += distance(from: newest, tau, newest)
                guard kappa - tau >= size else { continue }
                let m = Double(kappa - tau)
                let meanWithinY = m > 1 ? withinY / (m * (m - 1) / 2) : 0
                let qHat = (m * n / (m + n)) * (2 * between / (m * n) - meanWithinX - meanWithinY)
                if best == nil || qHat > best!.qHat + 1e-12 {
                    best = Candidate(index: tau, qHat: qHat)
                }
            }
        }
        return best
    }

    /// The best split over several intervals (the pieces between change points found so far).
    func bestSplit(in intervals: [Range<Int>], minimumSize: Int = 1) -> Candidate? {
        intervals.compactMap { bestSplit(in: $0, minimumSize: minimumSize) }.max { $0.qHat < $1.qHat }
    }
}
