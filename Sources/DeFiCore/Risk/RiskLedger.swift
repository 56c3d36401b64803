import Foundation
import History
import Primitives

/// The risk numbers `defi pnl --risk` reports and `execute` / `liquidate` check their caps against.
public struct RiskSnapshot: Sendable, Equatable {
    /// In-flight capital per input token (smallest units), from executions not yet in a terminal state.
    public var exposure: [(token: String, amount: U256)]
    /// Executions not yet in a terminal state.
    public var positionCount: Int
    /// In-flight executions whose opportunity (and so exposure) is unknown.
    public var unlinkedPositions: Int
    /// The configured position cap.
    public var maxPositionCount: Int
    /// Today's (UTC) net P&L in USD (18 decimals).
    public var todayNetUSD: I256
    /// Today's loss in USD (18 decimals): max(0, −net).
    public var dailyLossUSD: U256
    /// The configured daily loss cap in USD (18 decimals).
    public var maxDailyLossUSD: U256
    /// The VaR confidence level.
    public var varConfidence: ExactDecimal
    /// One-day historical VaR in USD (18 decimals), nil without any valued day.
    public var valueAtRiskUSD: U256?
    /// Days in the VaR sample.
    public var varDays: Int

    /// Whether today's loss has reached the cap.
    public var dailyLossBreached: Bool { dailyLossUSD >= maxDailyLossUSD && !maxDailyLossUSD.isZero }
    /// Whether the position count has reached the cap.
    public var positionCapReached: Bool { positionCount >= maxPositionCount }

    public static func == (a: RiskSnapshot, b: RiskSnapshot) -> Bool {
        a.exposure.map(\.token) == b.exposure.map(\.token) && a.exposure.map(\.amount) == b.exposure.map(\.amount)
            && a.positionCount == b.positionCount && a.unlinkedPositions == b.unlinkedPositions
            && a.maxPositionCount == b.maxPositionCount && a.todayNetUSD == b.todayNetUSD
            && a.dailyLossUSD == b.dailyLossUSD && a.maxDailyLossUSD == b.maxDailyLossUSD
            && a.varConfidence == b.varConfidence && a.valueAtRiskUSD == b.valueAtRiskUSD && a.varDays == b.varDays
    }
}

/// A cap that refuses a new execution.
public enum RiskViolation: Sendable, Equatable, CustomStringConvertible {
    /// Today's loss reached `risk.max_daily_loss_usd`.
    case dailyLoss(lossUSD: U256, capUSD: U256)
    /// In-flight executions reached `risk.max_position_count`.
    case positionCount(open: Int, cap: Int)

    /// A one-line description.
    public var description: String {
        switch self {
        case .dailyLoss(let l, let c):
            "daily loss \(Units.format(l, decimals: 18, maxFractionDigits: 2)) USD reached risk.max_daily_loss_usd "
                + Units.format(c, decimals: 18, maxFractionDigits: 2)
        case .positionCount(let o, let c): "\(o) open executions reached risk.max_position_count \(c)"
        }
    }
}

/// Computes risk numbers from the history store (USD valuations only).
public enum RiskLedger {
    /// The snapshot at `now` for `config`.
    public static func snapshot(store: HistoryStore, config: RiskConfig, now: Date = Date()) throws -> RiskSnapshot {
        var builder = DailyPnL.Builder()
        let today = CivilDay.text(Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
        var todayNet = I256.zero
        try store.forEachPnLRow { row in
            guard row.quote == "USD", let text = row.net, let net = try? I256(parsing: text) else { return true }
            builder.add(createdAt: row.createdAt, net: net)
            if row.createdAt.hasPrefix(today) { todayNet += net }
            return true
        }
        let series = builder.build()
        var exposure: [String: U256] = [:]
        var unlinked = 0
        let open = try store.openExecutions()
        for e in open {
            guard let token = e.tokenIn, let size = e.size.flatMap({ try? U256(decimalDigits: $0) }) else {
                unlinked += 1
                continue
            }
            exposure[token.lowercased(), default: .zero] += size
        }
        return RiskSnapshot(
            exposure: exposure.keys.sorted().map { ($0, exposure[$0] ?? .zero) }, positionCount: open.count,
            unlinkedPositions: unlinked, maxPositionCount: config.maxPositionCount, todayNetUSD: todayNet,
            dailyLossUSD: todayNet.isNegative ? todayNet.magnitude : .zero, maxDailyLossUSD: usd18(config.maxDailyLossUSD),
            varConfidence: config.varConfidence,
            valueAtRiskUSD: historicalVaR(series.nets, confidence: config.varConfidence), varDays: series.nets.count)
    }

    /// The caps a new execution would break now; empty when it may go ahead.
    public static func violations(_ s: RiskSnapshot) -> [RiskViolation] {
        var out: [RiskViolation] = []
        if s.dailyLossBreached { out.append(.dailyLoss(lossUSD: s.dailyLossUSD, capUSD: s.maxDailyLossUSD)) }
        if s.positionCapReached { out.append(.positionCount(open: s.positionCount, cap: s.maxPositionCount)) }
        return out
    }

    /// One-day historical VaR: the loss at the (1 − confidence) lower quantile of daily nets (nearest rank:
    /// the ⌈(1 − c)·n⌉-th smallest), as a positive amount; 0 when that day is not a loss; nil for no days.
    public static func historicalVaR(_ nets: [I256], confidence: ExactDecimal) -> U256? {
        guard !nets.isEmpty else { return nil }
        let sorted = nets.sorted()
        // Exact: (1 − c)·n with c = digits / 10^k, rounded up, at least 1.
        let fraction = confidence.fractionDigits.prefix(9)  // 1e-9 resolution keeps the products in Int
        let scale = (0..<fraction.count).reduce(1) { acc, _ in acc * 10 }
        let whole = Int(confidence.integerDigits) ?? 0
        let c = whole >= 1 ? scale : (Int(fraction) ?? 0)
        let numerator = (scale - c) * sorted.count
        let rank = max(1, (numerator + scale - 1) / scale)
        let q = sorted[min(rank, sorted.count) - 1]
        return q.isNegative ? q.magnitude : .zero
    }

    /// An exact decimal as USD with 18 decimals (saturating).
    public static func usd18(_ d: ExactDecimal) -> U256 {
        (try? Units.parse(d.description, decimals: 18)) ?? .max
    }
}
