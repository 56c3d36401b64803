// Pure statistics for statistical arbitrage (Double is acceptable here: these are signals, not amounts).
import Foundation

/// Sample statistics, OLS and the Engle-Granger cointegration test used by `StatisticalArbitrage`.
public enum SpreadStatistics {
    /// Mean and sample standard deviation (n − 1 denominator); nil for fewer than 2 values.
    public static func meanAndStdev(_ xs: [Double]) -> (mean: Double, stdev: Double)? {
        guard xs.count >= 2 else { return nil }
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        let ss = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, (ss / (n - 1)).squareRoot())
    }

    /// (value − mean) / stdev of `history`; nil when history has < 2 values or zero spread.
    public static func zScore(_ value: Double, history: [Double]) -> Double? {
        guard let (m, s) = meanAndStdev(history), s > 0, s.isFinite else { return nil }
        return (value - m) / s
    }

    /// Ordinary least squares y = alpha + beta · x; nil for < 3 points or constant x.
    public static func ols(x: [Double], y: [Double]) -> (alpha: Double, beta: Double)? {
        guard x.count == y.count, x.count >= 3 else { return nil }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n
        let my = y.reduce(0, +) / n
        var sxx = 0.0
        var sxy = 0.0
        for i in x.indices {
            sxx += (x[i] - mx) * (x[i] - mx)
            sxy += (x[i] - mx) * (y[i] - my)
        }
        guard sxx > 0 else { return nil }
        let beta = sxy / sxx
        return (my - beta * mx, beta)
    }

    /// The Dickey-Fuller t statistic of the residual series `e`: regress Δe_t = γ · e_{t−1} + u_t (no constant:
    /// OLS residuals have mean zero) and return γ̂ / se(γ̂). Strongly negative means mean-reverting. nil for < 4
    /// residuals or a degenerate series.
    public static func dickeyFullerT(_ e: [Double]) -> Double? {
        guard e.count >= 4 else { return nil }
        var sxx = 0.0
        var sxy = 0.0
        for t in 1..<e.count {
            sxx += e[t - 1] * e[t - 1]
            sxy += e[t - 1] * (e[t] - e[t - 1])
        }
        guard sxx > 0 else { return nil }
        let gamma = sxy / sxx
        var ssr = 0.0
        for t in 1..<e.count {
            let u = (e[t] - e[t - 1]) - gamma * e[t - 1]
            ssr += u * u
        }
        let dof = Double(e.count - 2)  // (n − 1) regressions, one parameter
        let se = (ssr / dof / sxx).squareRoot()
        guard se > 0, se.isFinite else { return nil }
        return gamma / se
    }

    /// The 5% critical value of the Engle-Granger test (two variables, constant in the cointegrating regression)
    /// for a sample of `n` observations: MacKinnon (2010) response surface, τ = −3.33613 − 6.1101/n − 6.823/n².
    public static func engleGrangerCritical5(n: Int) -> Double {
        let t = Double(max(n, 1))
        return -3.33613 - 6.1101 / t - 6.823 / (t * t)
    }
}
