import Foundation

/// The few distribution functions the trend needs, computed here (no numerics library is listed).
enum Statistics {
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Median absolute deviation scaled to estimate a normal standard deviation (× 1.4826).
    static func robustScale(_ values: [Double]) -> Double {
        let center = median(values)
        return 1.4826 * median(values.map { abs($0 - center) })
    }

    /// P(T ≥ t) for Student's t with `degrees` degrees of freedom.
    static func studentUpperTail(_ t: Double, degrees: Double) -> Double {
        guard t.isFinite else { return t > 0 ? 0 : 1 }
        let tail = 0.5 * regularizedBeta(degrees / (degrees + t * t), degrees / 2, 0.5)
        return t >= 0 ? tail : 1 - tail
    }

    /// P(X ≥ k) for X ~ Binomial(n, p).
    static func binomialUpperTail(_ k: Int, trials n: Int, probability p: Double) -> Double {
        guard k > 0 else { return 1 }
        guard k <= n, p > 0 else { return 0 }
        guard p < 1 else { return 1 }
        return regularizedBeta(p, Double(k), Double(n - k + 1))
    }

    /// The regularised incomplete beta function I_x(a, b), by its continued fraction (modified Lentz).
    static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        guard x > 0 else { return 0 }
        guard x < 1 else { return 1 }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront = logGammas + logPowers
        if x > (a + 1) / (a + b + 2) {
            return 1 - exp(logFront) * continuedFraction(1 - x, b, a) / b
        }
        return exp(logFront) * continuedFraction(x, a, b) / a
    }

    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        d = 1 / (abs(d) < tiny ? tiny : d)
        var result = d
        for m in 1...300 {
            let m = Double(m)
            let evenStep = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 / nonZero(1 + evenStep * d)
            c = nonZero(1 + evenStep / c)
            result *= d * c
            let oddStep = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 / nonZero(1 + oddStep * d)
            c = nonZero(1 + oddStep / c)
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-14 { break }
        }
        return result
    }

    private static func nonZero(_ value: Double) -> Double {
        abs(value) < 1e-300 ? 1e-300 : value
    }
}
