// The risk caps checked before anything is signed, as pure functions over exact integers, so `execute`,
// `liquidate` and `pnl` compute the same numbers. USD values are I256 with 18 decimals (`USD.scale`).
import DeFiCore
import Foundation
import History
import Primitives

/// USD amounts as exact integers with 18 decimals.
public enum USD {
    /// 10^18.
    public static let scale = U256(1_000_000_000_000_000_000)

    /// An exact config decimal ("1000", "0.5") as 18-decimal USD; nil when it has more than 18 fraction digits.
    public static func from(_ d: ExactDecimal) -> U256? {
        guard d.fractionDigits.count <= 18 else { return nil }
        let digits = d.integerDigits + d.fractionDigits + String(repeating: "0", count: 18 - d.fractionDigits.count)
        let trimmed = String(digits.drop { $0 == "0" })
        return trimmed.isEmpty ? .zero : try? U256(decimalDigits: trimmed)
    }

    /// "1234.56" from 18-decimal USD, cut (not rounded) to `places` fraction digits.
    public static func format(_ v: I256, places: Int = 2) -> String {
        let m = v.magnitude
        let (q, r) = m.quotientAndRemainder(dividingBy: scale)
        var frac = r.description
        frac = String(repeating: "0", count: 18 - frac.count) + frac
        let f = places > 0 ? "." + frac.prefix(places) : ""
        return (v.isNegative && !m.isZero ? "-" : "") + q.description + f
    }
}

/// Prices token amounts in USD (18 decimals). The zero address is native ETH.
public protocol USDPricer: Sendable {
    /// The USD value of `amount` smallest units of `token`, or nil when the token has no price.
    func usd(_ amount: U256, token: Address) -> U256?
}

/// A pricer from fixed per-token prices: USD per whole token (18 decimals) and the token's decimals.
public struct FixedPricer: USDPricer {
    /// `token -> (usdPerToken 1e18-scaled, decimals)`.
    public var prices: [Address: (usd: U256, decimals: Int)]

    /// A pricer over `prices`.
    public init(prices: [Address: (usd: U256, decimals: Int)]) { self.prices = prices }

    /// `amount × price / 10^decimals`, rounded down.
    public func usd(_ amount: U256, token: Address) -> U256? {
        guard let p = prices[token] else { return nil }
        let (hi, lo) = amount.multipliedFullWidth(by: p.usd)
        guard hi.isZero else { return nil }
        return lo / U256.power10(p.decimals)
    }
}

extension U256 {
    /// 10^n for n ≤ 77.
    static func power10(_ n: Int) -> U256 {
        var v = U256.one
        for _ in 0..<Swift.max(0, n) { v = v * U256(10) }
        return v
    }
}

/// The configured limits (defi.execution.flash_loan.max_gas_price_gwei, strategies.arbitrage.max_position_usd,
/// risk.max_daily_loss_usd, risk.max_position_count), in exact integers.
public struct RiskLimits: Sendable, Equatable {
    /// Highest gas price in wei a transaction may carry (maxFeePerGas / gasPrice).
    public var maxGasPriceWei: U256
    /// Largest position in USD (18 decimals).
    public var maxPositionUSD: U256
    /// Stop for the day after this realised loss in USD (18 decimals).
    public var maxDailyLossUSD: U256
    /// The most executions in flight at once.
    public var maxOpenPositions: Int

    /// Limits from their exact values.
    public init(maxGasPriceWei: U256, maxPositionUSD: U256, maxDailyLossUSD: U256, maxOpenPositions: Int) {
        self.maxGasPriceWei = maxGasPriceWei
        self.maxPositionUSD = maxPositionUSD
        self.maxDailyLossUSD = maxDailyLossUSD
        self.maxOpenPositions = maxOpenPositions
    }

    /// The limits of a validated config.
    public init(config: DefiConfig) {
        maxGasPriceWei = RiskLimits.gweiToWei(config.flashLoan.maxGasPriceGwei) ?? .max
        maxPositionUSD = USD.from(config.arbitrage.maxPositionUSD) ?? .max
        maxDailyLossUSD = USD.from(config.risk.maxDailyLossUSD) ?? .max
        maxOpenPositions = config.risk.maxPositionCount
    }

    /// "100" / "0.5" gwei as wei; nil with more than 9 fraction digits.
    public static func gweiToWei(_ d: ExactDecimal) -> U256? {
        guard d.fractionDigits.count <= 9 else { return nil }
        let digits = d.integerDigits + d.fractionDigits + String(repeating: "0", count: 9 - d.fractionDigits.count)
        let trimmed = String(digits.drop { $0 == "0" })
        return trimmed.isEmpty ? .zero : try? U256(decimalDigits: trimmed)
    }
}

/// What the caps look at for one trade.
public struct RiskExposure: Sendable, Equatable {
    /// The gas price the transaction carries (maxFeePerGas or gasPrice), wei.
    public var gasPriceWei: U256
    /// The trade's position size in USD (18 decimals); nil when it cannot be priced.
    public var positionUSD: U256?
    /// Realised loss so far today in USD (18 decimals, ≥ 0; gains do not offset below zero).
    public var dailyLossUSD: U256
    /// Executions currently in flight.
    public var openPositions: Int

    /// An exposure value.
    public init(gasPriceWei: U256, positionUSD: U256?, dailyLossUSD: U256, openPositions: Int) {
        self.gasPriceWei = gasPriceWei
        self.positionUSD = positionUSD
        self.dailyLossUSD = dailyLossUSD
        self.openPositions = openPositions
    }
}

/// A cap that refuses a trade.
public struct RiskRefusal: Sendable, Equatable, CustomStringConvertible {
    /// Stable code: gas_price_cap, max_position, daily_loss, position_count, unpriced_position.
    public var code: String
    /// One line with got and limit.
    public var description: String
}

/// The cap checks.
public enum RiskCaps {
    /// The first cap `exposure` breaks, or nil when every cap holds. Order: gas price, position, daily loss, count.
    public static func check(_ e: RiskExposure, limits: RiskLimits) -> RiskRefusal? {
        if e.gasPriceWei > limits.maxGasPriceWei {
            return RiskRefusal(code: "gas_price_cap", description:
                "gas price \(Units.format(e.gasPriceWei, decimals: 9)) gwei is above the cap "
                + "\(Units.format(limits.maxGasPriceWei, decimals: 9)) gwei (execution.flash_loan.max_gas_price_gwei)")
        }
        guard let p = e.positionUSD else {
            return RiskRefusal(code: "unpriced_position", description:
                "the position cannot be priced in USD, so max_position_usd cannot be checked")
        }
        if p > limits.maxPositionUSD {
            return RiskRefusal(code: "max_position", description:
                "position \(USD.format(I256(bits: p))) USD is above strategies.arbitrage.max_position_usd "
                + "\(USD.format(I256(bits: limits.maxPositionUSD)))")
        }
        if e.dailyLossUSD >= limits.maxDailyLossUSD {
            return RiskRefusal(code: "daily_loss", description:
                "today's realised loss \(USD.format(I256(bits: e.dailyLossUSD))) USD has reached risk.max_daily_loss_usd "
                + "\(USD.format(I256(bits: limits.maxDailyLossUSD)))")
        }
        if e.openPositions >= limits.maxOpenPositions {
            return RiskRefusal(code: "position_count", description:
                "\(e.openPositions) executions are in flight; risk.max_position_count is \(limits.maxOpenPositions)")
        }
        return nil
    }

    /// The start of the UTC day containing `now`.
    public static func dayStart(_ now: Date) -> Date {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        return cal.startOfDay(for: now)
    }

    /// Today's realised loss in USD (18 decimals): the sum over today's mined executions of profit in the profit
    /// token minus fees in ETH, each priced by `pricer`; a net gain counts as zero loss. Rows that cannot be
    /// priced count their fees only (a loss is never hidden by a missing price).
    public static func dailyLoss(_ records: [ExecutionRecord], pricer: any USDPricer) -> U256 {
        var gains = U256.zero
        var losses = U256.zero
        for r in records where r.state == .included || r.state == .reverted {
            if let fees = r.fees.flatMap({ try? U256(decimalDigits: $0) }), let usd = pricer.usd(fees, token: .zero) {
                losses = losses + usd
            }
            guard let text = r.grossProfit, let token = r.profitToken.flatMap({ try? Address(parsing: $0) }),
                let g = I256(decimalText: text), let usd = pricer.usd(g.magnitude, token: token)
            else { continue }
            if g.isNegative { losses = losses + usd } else { gains = gains + usd }
        }
        return losses > gains ? losses - gains : .zero
    }

    /// Executions in flight (built, signed, journaled, broadcast, pending).
    public static func openCount(_ records: [ExecutionRecord]) -> Int {
        records.filter { [.built, .signed, .journaled, .broadcast, .pending].contains($0.state) }.count
    }

    /// Reads today's executions and the in-flight ones from history and builds the exposure for one trade.
    public static func exposure(history: HistoryStore, chainID: UInt64, gasPriceWei: U256, positionUSD: U256?,
                                pricer: any USDPricer, now: Date = Date()) throws(HistoryError) -> RiskExposure {
        let today = try history.listExecutions(filter: ExecutionFilter(since: dayStart(now), chainID: chainID))
        let open = try history.listExecutions(filter: ExecutionFilter(
            states: [.built, .signed, .journaled, .broadcast, .pending], chainID: chainID))
        return RiskExposure(gasPriceWei: gasPriceWei, positionUSD: positionUSD,
                            dailyLossUSD: dailyLoss(today, pricer: pricer), openPositions: openCount(open))
    }
}

extension I256 {
    /// Parses "-123" / "123".
    init?(decimalText s: String) {
        let neg = s.hasPrefix("-")
        guard let m = try? U256(decimalDigits: neg ? String(s.dropFirst()) : s) else { return nil }
        self.init(negative: neg, magnitude: m)
    }
}
