/// E-divisive means with a permutation test (Matteson & James 2014), as Apache Otava's
/// `compute_change_points_orig` runs it: find the split with the largest Q̂ over every piece between the
/// change points found so far; shuffle the runs within each piece `permutations` times and see how often
/// the largest Q̂ of shuffled data is as large; keep the split when that share (the p-value) is at most
/// `alpha`, and look again; stop at the first split that is not significant.
///
/// The permutation test needs no assumption on the noise's distribution: when the runs are exchangeable
/// (no change), a split is accepted with probability at most `alpha`. Every piece keeps at least
/// `minimumSegment` runs (as R's `ecp::e.divisive` has `min.size`): one or two odd nights, even the very
/// first ones, cannot become a level of their own; a shift in the last runs is the latest-run rule's.
/// Permutations come from a generator seeded by the series' name, so the same history always gives the
/// same answer.
struct ChangePointDetector: Sendable {
    var alpha: Double
    var permutations: Int
    var minimumSegment: Int

    init(alpha: Double = 0.01, permutations: Int = 999, minimumSegment: Int = 3) {
        self.alpha = alpha
        self.permutations = permutations
        self.minimumSegment = minimumSegment
    }

    /// A significant change: the run at `index` is the first of the new level.
    struct ChangePoint: Sendable, Equatable {
        var index: Int
        var qHat: Double
        /// (shuffles at least as extreme + 1) / (shuffles + 1).
        var pValue: Double
        var shuffles: Int
    }

    /// The fewest runs in which a change can be significant at `alpha` at all: a clean step of k runs at the
    /// end of n has a permutation p-value of about (n − k + 1) / C(n, k) at best.
    static func minimumRuns(alpha: Double, minimumSegment: Int = 3) -> Int {
        for n in (2 * minimumSegment)...200 {
            for k in minimumSegment...(n / 2) where Double(n - k + 1) / binomial(n, k) <= alpha {
                return n
            }
        }
        return 200
    }

    private static func binomial(_ n: Int, _ k: Int) -> Double {
        (0..<k).reduce(1.0) { $0 * Double(n - $1) / Double($1 + 1) }
    }

    /// Change points of `values`, in order of index.
    func changePoints(_ values: [Double], seed: String) -> [ChangePoint] {
        guard values.count >= 2 * minimumSegment else { return [] }
        var generator = SeededGenerator(text: seed)
        let statistic = EnergyStatistic(values)
        var found: [ChangePoint] = []
        while true {
            let intervals = Self.intervals(between: found.map(\.index), count: values.count)
            guard let candidate = statistic.bestSplit(in: intervals, minimumSize: minimumSegment), candidate.qHat > 0
            else { break }
            let (pValue, shuffles) = significance(of: candidate, values, intervals, &generator)
            guard pValue <= alpha else { break }
            found.append(ChangePoint(index: candidate.index, qHat: candidate.qHat, pValue: pValue, shuffles: shuffles))
            found.sort { $0.index < $1.index }
        }
        return found
    }

    /// The pieces between change points.
    static func intervals(between indices: [Int], count: Int) -> [Range<Int>] {
        let bounds = [0] + indices.sorted() + [count]
        return zip(bounds, bounds.dropFirst()).filter { $0 < $1 }.map { $0..<$1 }
    }

    /// The permutation p-value of a candidate. Stops early once the p-value cannot come under `alpha`
    /// (most candidates in noise stop after a few dozen shuffles).
    private func significance(
        of candidate: EnergyStatistic.Candidate, _ values: [Double], _ intervals: [Range<Int>],
        _ generator: inout SeededGenerator
    ) -> (pValue: Double, shuffles: Int) {
        var shuffled = values
        var extreme = 0
        var shuffles = 0
        let tolerance = 1e-9 * max(1, abs(candidate.qHat))
        while shuffles < permutations {
            for interval in intervals {
                shuffled[interval].shuffle(using: &generator)
            }
            shuffles += 1
            let qHat = EnergyStatistic(shuffled).bestSplit(in: intervals, minimumSize: minimumSegment)?.qHat ?? 0
            if qHat >= candidate.qHat - tolerance { extreme += 1 }
            if Double(extreme + 1) / Double(permutations + 1) > alpha { break }
        }
        return (Double(extreme + 1) / Double(shuffles + 1), shuffles)
    }
}
