// Applied to every arbitrage candidate before it is reported: costs (gas at the projected fee, L1 data fee,
// flash fee), the configured thresholds (min_profit_usd, min_spread_bps, max_position_usd), liquidity (no hop
// may move its pool's price more than the slippage budget allows) and a min-out for every hop.
import DeFiCore
import Primitives
import Protocols

/// A sized cyclic trade as validation sees it (Strategies' Route, flattened to legs and amounts).
public struct TradeCandidate: Sendable, Equatable {
    /// The token spent first and received last.
    public var tokenIn: Address
    /// Input of the first hop.
    public var size: U256
    /// The swaps.
    public var legs: [Leg]
    /// Predicted input of each hop.
    public var amountsIn: [U256]
    /// Predicted output of each hop.
    public var amountsOut: [U256]
    /// The cycle's gain at the margin after pool fees, in basis points ((product of marginal rates − 1)·10^4).
    public var marginBps: Int

    /// A candidate.
    public init(tokenIn: Address, size: U256, legs: [Leg], amountsIn: [U256], amountsOut: [U256], marginBps: Int) {
        self.tokenIn = tokenIn
        self.size = size
        self.legs = legs
        self.amountsIn = amountsIn
        self.amountsOut = amountsOut
        self.marginBps = marginBps
    }

    /// Last output − size.
    public var grossProfit: I256 { I256(bits: amountsOut.last ?? .zero) &- I256(bits: size) }
}

/// The thresholds of `defi.strategies.arbitrage` plus the slippage budget.
public struct ValidationPolicy: Sendable, Equatable {
    /// Least net profit worth reporting.
    public var minProfitUSD: USDValue
    /// Least marginal gain of the cycle, bps.
    public var minSpreadBps: Int
    /// Largest input, in USD.
    public var maxPositionUSD: USDValue
    /// Per-hop slippage budget, bps: min-out = out·(1 − slippage) and no hop may move its pool's price more.
    public var slippageBps: Int

    /// A policy.
    public init(minProfitUSD: USDValue, minSpreadBps: Int, maxPositionUSD: USDValue, slippageBps: Int = 50) {
        self.minProfitUSD = minProfitUSD
        self.minSpreadBps = minSpreadBps
        self.maxPositionUSD = maxPositionUSD
        self.slippageBps = slippageBps
    }

    /// The policy of a config (slippage 50 bps unless given).
    public init(_ config: ArbitrageConfig, slippageBps: Int = 50) {
        self.init(
            minProfitUSD: USDValue(decimal: config.minProfitUSD) ?? .zero, minSpreadBps: config.minSpreadBPS,
            maxPositionUSD: USDValue(decimal: config.maxPositionUSD) ?? .zero, slippageBps: slippageBps)
    }
}

/// Why a candidate is not reported.
public enum Rejection: Sendable, Equatable, CustomStringConvertible {
    /// No USD price for the token (or the native token) to value it.
    case noPrice(Address)
    /// Costs are at least the gross profit.
    case unprofitableAfterCosts(gross: I256, costs: U256)
    /// Net profit below min_profit_usd.
    case belowMinProfit(net: USDValue, min: USDValue)
    /// The cycle's marginal gain is below min_spread_bps.
    case belowMinSpread(bps: Int, min: Int)
    /// The input is worth more than max_position_usd.
    case aboveMaxPosition(size: USDValue, max: USDValue)
    /// A hop moves its pool's price beyond the slippage budget: the pool cannot absorb the size.
    case tooLargeForPool(hop: Int, pool: Address, impactBps: Int, maxBps: Int)
    /// A token of the route is not a plain ERC-20 (fee-on-transfer or rebasing, by `TokenProbe`): the exact math
    /// would overstate every hop after it, so the route is excluded.
    case nonStandardToken(Address, TokenBehaviour)

    /// A stable short code.
    public var code: String {
        switch self {
        case .noPrice: "no_price"
        case .unprofitableAfterCosts: "unprofitable_after_costs"
        case .belowMinProfit: "below_min_profit"
        case .belowMinSpread: "below_min_spread"
        case .aboveMaxPosition: "above_max_position"
        case .tooLargeForPool: "too_large_for_pool"
        case .nonStandardToken: "non_standard_token"
        }
    }

    /// The one-line description.
    public var description: String {
        switch self {
        case .noPrice(let a): "no USD price for \(a)"
        case .unprofitableAfterCosts(let g, let c): "costs \(c) eat the gross profit \(g)"
        case .belowMinProfit(let n, let m): "net profit $\(n) is below min_profit_usd $\(m)"
        case .belowMinSpread(let b, let m): "spread \(b) bps is below min_spread_bps \(m)"
        case .aboveMaxPosition(let s, let m): "size $\(s) is above max_position_usd $\(m)"
        case .tooLargeForPool(let h, let p, let i, let m):
            "hop \(h) moves pool \(p) by \(i) bps, more than the \(m) bps slippage budget"
        case .nonStandardToken(let t, let b):
            switch b {
            case .feeOnTransfer(let bps, _, _): "token \(t) takes a \(bps) bps fee on transfer"
            case .rebasing: "token \(t) rebases (balances change with time)"
            case .unknown(let why): "token \(t) could not be probed: \(why)"
            case .standard: "token \(t)"
            }
        }
    }
}

/// A validated candidate: costs, net profit, min-outs, and the reasons it is refused (empty: accepted).
public struct ValidatedTrade: Sendable, Equatable {
    /// The candidate.
    public var trade: TradeCandidate
    /// Its costs (nil when they could not be valued).
    public var costs: RouteCosts?
    /// Gross − costs, in the trade's token.
    public var netProfit: I256
    /// Net profit in USD.
    public var netProfitUSD: USDValue?
    /// Gross profit in USD.
    public var grossProfitUSD: USDValue?
    /// Least output per hop.
    public var minOuts: [U256]
    /// Why it is refused (empty: accepted).
    public var rejections: [Rejection]

    /// Whether every check passed.
    public var accepted: Bool { rejections.isEmpty }
}

/// The checks, pure.
public enum OpportunityValidator {
    /// Validates `trade` against `policy` with chain inputs and prices.
    public static func validate(
        _ trade: TradeCandidate, policy: ValidationPolicy, inputs: CostInputs, prices: PriceBook
    ) -> ValidatedTrade {
        var reasons: [Rejection] = []
        let slip = U256(UInt64(max(0, min(10_000, policy.slippageBps))))
        let minOuts = trade.amountsOut.map { (try? U256.mulDiv($0, U256(10_000) &- slip, U256(10_000))) ?? .zero }
        // Liquidity: each hop's price impact (execution vs marginal price, fee excluded) within the budget.
        for (i, leg) in trade.legs.enumerated() {
            if let impact = impactBps(leg, amountIn: trade.amountsIn[i], amountOut: trade.amountsOut[i]),
                impact > policy.slippageBps
            {
                reasons.append(
                    .tooLargeForPool(hop: i, pool: leg.pool.address, impactBps: impact, maxBps: policy.slippageBps))
            }
        }
        if trade.marginBps < policy.minSpreadBps {
            reasons.append(.belowMinSpread(bps: trade.marginBps, min: policy.minSpreadBps))
        }
        let costs = CostModel.costs(trade, inputs: inputs, prices: prices)
        let gross = trade.grossProfit
        let net = gross &- I256(bits: costs?.total ?? .zero)
        let grossUSD = prices.value(gross, of: trade.tokenIn)
        var netUSD: USDValue? = nil
        if let costs, let g = grossUSD { netUSD = g - costs.totalUSD }
        if costs == nil || grossUSD == nil {
            let missing = prices.price(trade.tokenIn) == nil ? trade.tokenIn : (inputs.nativeToken ?? trade.tokenIn)
            reasons.append(.noPrice(missing))
        } else if let costs, !(net > .zero) {
            reasons.append(.unprofitableAfterCosts(gross: gross, costs: costs.total))
        } else if let n = netUSD, n < policy.minProfitUSD {
            reasons.append(.belowMinProfit(net: n, min: policy.minProfitUSD))
        }
        if let sizeUSD = prices.value(trade.size, of: trade.tokenIn), policy.maxPositionUSD < sizeUSD {
            reasons.append(.aboveMaxPosition(size: sizeUSD, max: policy.maxPositionUSD))
        }
        return ValidatedTrade(
            trade: trade, costs: costs, netProfit: net, netProfitUSD: netUSD, grossProfitUSD: grossUSD,
            minOuts: minOuts, rejections: reasons)
    }

    /// How far the hop moves its pool's price, fee excluded, in bps rounded up: 10^4·(1 − (out / in) /
    /// (mid · (1 − fee))), with out/(in·mid) from QuoteEngine's exact 1e18 fixed-point ratio; nil if unknown.
    /// Curve and Balancer legs: against the rate of ``Leg/probeQuote`` (fee included on both sides),
    /// 10^4·(1 − (out / in) / (probeOut / probe)).
    public static func impactBps(_ leg: Leg, amountIn: U256, amountOut: U256) -> Int? {
        if Leg.multiCoin(leg.pool.state) {
            // in ≤ 2^112 and probe outputs far below 2^144: the products fit 256 bits.
            guard let (probe, probeOut) = leg.probeQuote, !amountIn.isZero,
                let kept = try? U256.mulDiv(amountOut, probe &* U256(10_000), amountIn &* probeOut)
            else { return nil }
            return 10_000 - Int(min(kept, U256(10_000)).uint64 ?? 10_000)
        }
        guard let q = try? QuoteEngine.quote(leg.pool, zeroForOne: leg.zeroForOne, amount: amountIn, side: .exactIn),
            let ratio = q.executionToMidE18, q.fee < 1_000_000
        else { return nil }
        // kept = ratio / (1 − fee) in bps, floored: ratio·10^4·10^6 / ((10^6 − fee)·10^18).
        guard
            let kept = try? U256.mulDiv(
                ratio, U256(10_000_000_000), U256(UInt64(1_000_000 - q.fee)) &* Units.powerOfTen(18))
        else { return nil }
        let k = Int(min(kept, U256(10_000)).uint64 ?? 10_000)
        return 10_000 - k
    }
}
