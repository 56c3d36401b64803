import DeFiCore
import Foundation
import History
import Primitives

/// Performance of one strategy (or `all`) over the selected executions.
public struct StrategyPerformance: Sendable, Equatable {
    /// The strategy, or `all`.
    public var strategy: String
    /// Executions (every state).
    public var count: Int
    /// Valued executions.
    public var valued: Int
    /// Valued executions with a positive net.
    public var wins: Int
    /// `wins / valued`, nil without valued executions.
    public var winRate: Double?
    /// Total net (quote units).
    public var net: I256
    /// Mean net per valued execution (rounded toward zero).
    public var averageNet: I256?
    /// Median net (the lower middle for an even count).
    public var medianNet: I256?
    /// Annualised Sharpe ratio of daily net P&L (√365, risk-free 0); nil with fewer than 2 days or no variance.
    public var sharpe: Double?
    /// Annualised Sortino ratio of daily net P&L (downside deviation over all days); nil without a losing day.
    public var sortino: Double?
    /// Largest fall of cumulative net from a running peak (starting at 0), quote units, ≥ 0.
    public var maxDrawdown: I256
    /// Gas used by mined executions.
    public var gasUsed: U256
    /// Net per unit of gas (quote units per gas, Double), nil without gas.
    public var netPerGas: Double?
    /// `(reverted + failed + dropped) / attempts`, attempts excluding refused and in-flight executions.
    public var failureRate: Double?
    /// `reverted / (included + reverted)`.
    public var revertRate: Double?
    /// Days in the Sharpe/Sortino sample.
    public var days: Int
}

/// Accumulates per-strategy statistics from streamed rows (time order).
public struct PerformanceAccumulator: Sendable {
    struct State: Sendable {
        var count = 0
        var nets: [I256] = []
        var wins = 0
        var net = I256.zero
        var peak = I256.zero
        var drawdown = I256.zero
        var gasUsed = U256.zero
        var daily = DailyPnL.Builder()
        var states: [String: Int] = [:]
    }

    private var byStrategy: [String: State] = [:]
    private var all = State()
    private let aggregator: PnLAggregator

    /// An accumulator for `quote`.
    public init(quote: String) { aggregator = PnLAggregator(grouping: .strategy, quote: quote) }

    /// Adds one row.
    public mutating func add(_ row: PnLRow) {
        let amounts = aggregator.amounts(of: row)
        Self.fold(&all, row, amounts?.net)
        Self.fold(&byStrategy[row.strategy, default: State()], row, amounts?.net)
    }

    private static func fold(_ s: inout State, _ row: PnLRow, _ net: I256?) {
        s.count += 1
        s.states[row.state, default: 0] += 1
        if let g = row.gasUsed, g > 0 { s.gasUsed += U256(UInt64(g)) }
        guard let net else { return }
        s.nets.append(net)
        if net > .zero { s.wins += 1 }
        s.net += net
        if s.net > s.peak { s.peak = s.net }
        let dd = s.peak - s.net
        if dd > s.drawdown { s.drawdown = dd }
        s.daily.add(createdAt: row.createdAt, net: net)
    }

    /// The metrics per strategy (sorted by name), then `all`; `quoteDecimals` scales daily returns for the ratios.
    public func finish(quoteDecimals: Int) -> [StrategyPerformance] {
        byStrategy.keys.sorted().map { Self.metrics($0, byStrategy[$0]!, quoteDecimals) }
            + [Self.metrics("all", all, quoteDecimals)]
    }

    static func metrics(_ name: String, _ s: State, _ decimals: Int) -> StrategyPerformance {
        let valued = s.nets.count
        let sorted = s.nets.sorted()
        let daily = s.daily.build().nets.map { toDouble($0, decimals: decimals) }
        let included = s.states["included", default: 0]
        let reverted = s.states["reverted", default: 0]
        let failed = s.states["failed", default: 0] + s.states["dropped", default: 0]
        let attempts = included + reverted + failed + s.states["replaced", default: 0]
        return StrategyPerformance(
            strategy: name, count: s.count, valued: valued, wins: s.wins,
            winRate: valued == 0 ? nil : Double(s.wins) / Double(valued), net: s.net,
            averageNet: valued == 0 ? nil : s.net / I256(Int64(valued)),
            medianNet: valued == 0 ? nil : sorted[(valued - 1) / 2],
            sharpe: Statistics.sharpe(daily), sortino: Statistics.sortino(daily), maxDrawdown: s.drawdown,
            gasUsed: s.gasUsed,
            netPerGas: s.gasUsed.isZero ? nil : toDouble(s.net, decimals: decimals) / toDouble(s.gasUsed),
            failureRate: attempts == 0 ? nil : Double(reverted + failed) / Double(attempts),
            revertRate: included + reverted == 0 ? nil : Double(reverted) / Double(included + reverted),
            days: daily.count)
    }

    /// A quote amount in whole units as a Double (statistics only).
    static func toDouble(_ v: I256, decimals: Int) -> Double {
        let m = toDouble(v.magnitude) / pow(10, Double(decimals))
        return v.isNegative ? -m : m
    }

    static func toDouble(_ v: U256) -> Double { Double(v.description) ?? .infinity }
}

/// Return statistics on daily series (Double is fine here: these are ratios, not money).
public enum Statistics {
    /// √365 × mean / sample standard deviation; nil with fewer than 2 points or zero deviation.
    public static func sharpe(_ r: [Double]) -> Double? {
        guard r.count >= 2 else { return nil }
        let mean = r.reduce(0, +) / Double(r.count)
        let variance = r.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(r.count - 1)
        guard variance > 0 else { return nil }
        return mean / variance.squareRoot() * 365.0.squareRoot()
    }

    /// √365 × mean / downside deviation √(Σ min(r, 0)² / n); nil with fewer than 2 points or no losing day.
    public static func sortino(_ r: [Double]) -> Double? {
        guard r.count >= 2 else { return nil }
        let mean = r.reduce(0, +) / Double(r.count)
        let downside = r.reduce(0) { $0 + min($1, 0) * min($1, 0) } / Double(r.count)
        guard downside > 0 else { return nil }
        return mean / downside.squareRoot() * 365.0.squareRoot()
    }
}
