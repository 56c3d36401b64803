// Statistical arbitrage: entry/exit signals on a mean-reverting spread, from the mid prices PriceRecorder stored.
//
// Spread per block t (blocks where both legs have an observation; the last row of a block wins):
//   venues pair (same tokens on two pools):  s_t = ln P_A(t) − ln P_B(t)   (hedge ratio 1; no test needed: the same
//                                              asset on two venues cannot drift apart beyond the arbitrage band)
//   cointegrated pair (two different pairs): OLS  ln P_B = α + β · ln P_A  over the window, s_t = ln P_B(t) − α − β ln P_A(t)
//                                              (Engle-Granger step 1) and an entry needs step 2: the Dickey-Fuller t
//                                              statistic of the window's residuals below MacKinnon's (2010) 5% critical
//                                              value for two variables with a constant.
// z_t = (s_t − mean(window)) / stdev(window), the window being the observations in the `lookback_blocks` blocks
// before t (t itself excluded, so a jump is measured against the regime before it).
//
// The position state is replayed from the stored history (no hidden state): flat → open when |z| ≥ entry_z_score
// (short the spread when z > 0: sell leg A's token0 on A / buy on B; long when z < 0); open → flat when
// |z| ≤ exit_z_score or z crosses zero against the position. The replay covers the 2 · lookback_blocks blocks before
// the evaluated one.
//
// These trades are NOT atomic (two legs held over many blocks): a StatSignal carries no executor plan, and nothing in
// it can be handed to the atomic executor.
import DeFiCore
import Foundation
import History
import Primitives
import Protocols

/// One leg of a statistical pair: a pool whose stored mid price (token0 in token1) is the series.
public struct StatLeg: Sendable, Equatable, Hashable {
    /// The pool.
    public var pool: Address
    /// Its token0 (the price is whole token1 per whole token0).
    public var token0: Address
    /// Its token1.
    public var token1: Address

    /// A leg.
    public init(pool: Address, token0: Address, token1: Address) {
        self.pool = pool
        self.token0 = token0
        self.token1 = token1
    }
}

/// Two legs whose spread is expected to mean-revert.
public struct StatPair: Sendable, Equatable, Hashable {
    /// How the spread is formed.
    public enum Kind: String, Sendable, Equatable, Hashable {
        /// The same token pair on two venues: log price difference, hedge ratio 1.
        case venues
        /// Two different pairs: Engle-Granger residual (OLS hedge ratio) with a cointegration test.
        case cointegrated
    }

    /// The kind.
    public var kind: Kind
    /// Leg A (the regressor for `.cointegrated`).
    public var a: StatLeg
    /// Leg B.
    public var b: StatLeg

    /// A pair.
    public init(kind: Kind, a: StatLeg, b: StatLeg) {
        self.kind = kind
        self.a = a
        self.b = b
    }

    /// What to watch in `snapshot`: every same-pair-on-two-venues pair, then the configured `pairs` whose pools are
    /// both in the snapshot (kind as configured, else `.venues` when the tokens match and `.cointegrated` otherwise),
    /// without duplicates. Configured pools missing from the snapshot are returned in `missing` (as written).
    public static func watchList(config: StatisticalConfig?, snapshot: MarketSnapshot) -> (pairs: [StatPair], missing: [String]) {
        var out = venuePairs(in: snapshot)
        var missing: [String] = []
        func leg(_ text: String) -> StatLeg? {
            guard let addr = try? Address(parsing: text), let p = snapshot.pools.first(where: { $0.address == addr }),
                let (t0, t1) = p.state.tokens
            else {
                missing.append(text)
                return nil
            }
            return StatLeg(pool: addr, token0: t0, token1: t1)
        }
        for entry in config?.pairs ?? [] {
            guard let a = leg(entry.a), let b = leg(entry.b) else { continue }
            let same = Set([a.token0, a.token1]) == Set([b.token0, b.token1])
            let kind = entry.kind.flatMap(Kind.init(rawValue:)) ?? (same ? .venues : .cointegrated)
            let pair = StatPair(kind: kind, a: a, b: b)
            if !out.contains(pair) { out.append(pair) }
        }
        return (out, missing)
    }

    /// Every two pools of the snapshot quoting the same two tokens, as `.venues` pairs (in snapshot order).
    public static func venuePairs(in snapshot: MarketSnapshot) -> [StatPair] {
        let legs: [StatLeg] = snapshot.pools.compactMap { p in
            guard let (t0, t1) = p.state.tokens else { return nil }
            return StatLeg(pool: p.address, token0: t0, token1: t1)
        }
        var out: [StatPair] = []
        for i in legs.indices {
            for j in legs.indices where j > i && legs[j].token0 == legs[i].token0 && legs[j].token1 == legs[i].token1 {
                out.append(StatPair(kind: .venues, a: legs[i], b: legs[j]))
            }
        }
        return out
    }
}

/// Which way a position in the spread points.
public enum SpreadDirection: String, Sendable, Equatable {
    /// Spread above its mean (z > 0): sell leg A / buy leg B (for `.cointegrated`: sell B, buy β of A).
    case short
    /// Spread below its mean (z < 0): buy leg A / sell leg B.
    case long
}

/// What the strategy says at the evaluated block.
public enum StatAction: Sendable, Equatable {
    /// Open a position now.
    case enter(SpreadDirection)
    /// A position opened earlier stays open.
    case hold(SpreadDirection)
    /// Close the open position now.
    case exit(SpreadDirection)
    /// No position and no entry.
    case flat
    /// Not enough data to decide (the reason says why).
    case insufficient(String)
}

/// A statistical-arbitrage signal. Not an atomic opportunity: it has no executor plan and cannot be executed by the
/// flash-loan executor; an operator (or a future non-atomic engine) trades the legs separately.
public struct StatSignal: Sendable, Equatable {
    /// Always false: the legs are held across blocks.
    public let atomic = false
    /// The pair.
    public var pair: StatPair
    /// The block evaluated.
    public var block: UInt64
    /// The action at this block.
    public var action: StatAction
    /// z-score of the spread at this block (nil when undefined).
    public var zScore: Double?
    /// The spread at this block (log units).
    public var spread: Double?
    /// Mean and sample standard deviation of the window.
    public var mean: Double?
    /// Sample standard deviation of the window.
    public var stdev: Double?
    /// Hedge ratio β (1 for `.venues`).
    public var hedgeRatio: Double?
    /// Engle-Granger: Dickey-Fuller t of the window residuals and its 5% critical value (`.cointegrated` only).
    public var cointegrationT: Double?
    /// The 5% critical value it was compared with.
    public var cointegrationCritical: Double?
    /// Observations in the window.
    public var windowCount: Int
    /// `max_position_usd` from the config: the cap for each leg (see `StatisticalArbitrage.positionSize`).
    public var maxPositionUSD: ExactDecimal?
}

/// Thresholds as the strategy uses them (from `defi.strategies.statistical`).
public struct StatThresholds: Sendable, Equatable {
    /// Blocks in the window.
    public var lookbackBlocks: UInt64
    /// |z| at which a position opens.
    public var entry: Double
    /// |z| at or below which it closes.
    public var exit: Double
    /// Minimum observations in the window for a z-score.
    public var minObservations: Int
    /// Per-leg USD cap.
    public var maxPositionUSD: ExactDecimal?

    /// Thresholds.
    public init(lookbackBlocks: UInt64, entry: Double, exit: Double, minObservations: Int = 5,
                maxPositionUSD: ExactDecimal? = nil)
    {
        self.lookbackBlocks = lookbackBlocks
        self.entry = entry
        self.exit = exit
        self.minObservations = minObservations
        self.maxPositionUSD = maxPositionUSD
    }

    /// Defaults for missing keys: 100 blocks, entry 2.0, exit 0.5.
    public init(config: StatisticalConfig?) {
        self.init(
            lookbackBlocks: UInt64(config?.lookbackBlocks ?? 100),
            entry: config?.entryZScore.flatMap { Double($0.description) } ?? 2.0,
            exit: config?.exitZScore.flatMap { Double($0.description) } ?? 0.5,
            maxPositionUSD: config?.maxPositionUSD)
    }
}

/// Errors of the statistical strategy (bad input, storage).
public enum StatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The history store failed.
    case history(HistoryError)
    /// The thresholds are inconsistent.
    case invalidThresholds(String)

    /// One line for stderr.
    public var description: String {
        switch self {
        case .history(let e): "statistical arbitrage: \(e)"
        case .invalidThresholds(let s): "statistical arbitrage: \(s)"
        }
    }
}

/// The statistical-arbitrage entry point.
public enum StatisticalArbitrage {
    /// Signals for `pools` at `atBlock` from the observations in `store`, with thresholds from `config`.
    public static func evaluate(store: HistoryStore, pools: [StatPair], config: StatisticalConfig?, atBlock: UInt64)
        throws(StatError) -> [StatSignal]
    {
        try evaluate(store: store, pools: pools, thresholds: StatThresholds(config: config), atBlock: atBlock)
    }

    /// Signals for `pools` at `atBlock` with explicit thresholds.
    public static func evaluate(store: HistoryStore, pools: [StatPair], thresholds: StatThresholds, atBlock: UInt64)
        throws(StatError) -> [StatSignal]
    {
        guard thresholds.exit >= 0, thresholds.entry > thresholds.exit, thresholds.lookbackBlocks > 0 else {
            throw .invalidThresholds("need lookback_blocks > 0 and entry_z_score > exit_z_score >= 0")
        }
        let from = atBlock >= 2 * thresholds.lookbackBlocks ? atBlock - 2 * thresholds.lookbackBlocks : 0
        var out: [StatSignal] = []
        for pair in pools {
            let a = try series(prices(store, pair.a.pool, from...atBlock))
            let b = try series(prices(store, pair.b.pool, from...atBlock))
            out.append(signal(pair: pair, a: a, b: b, thresholds: thresholds, atBlock: atBlock))
        }
        return out
    }

    static func prices(_ store: HistoryStore, _ pool: Address, _ blocks: ClosedRange<UInt64>) throws(StatError)
        -> [PriceObservationRecord]
    {
        do { return try store.prices(pool: pool.lowercaseHex, blocks: blocks) } catch { throw .history(error) }
    }

    /// Log mid price per block (last row of a block wins).
    static func series(_ rows: [PriceObservationRecord]) -> [UInt64: Double] {
        var out: [UInt64: Double] = [:]
        for r in rows {
            if let n = r.priceNum, let d = r.priceDen, let nn = try? U256(decimalDigits: n),
                let dd = try? U256(decimalDigits: d), !nn.isZero, !dd.isZero
            {
                out[r.blockNumber] = MidPrice.ln(nn) - MidPrice.ln(dd)
            } else if let w = r.priceWad, let ww = try? U256(decimalDigits: w), !ww.isZero {
                out[r.blockNumber] = MidPrice.ln(ww) - 18 * Foundation.log(10.0)
            }
        }
        return out
    }

    /// The signal from two log-price series keyed by block (pure).
    public static func signal(
        pair: StatPair, a: [UInt64: Double], b: [UInt64: Double], thresholds: StatThresholds, atBlock: UInt64
    ) -> StatSignal {
        // Orient leg B like leg A for a venues pair listed with the tokens swapped.
        let flip = pair.kind == .venues && pair.a.token0 == pair.b.token1 && pair.a.token1 == pair.b.token0
        let blocks = a.keys.filter { b[$0] != nil && $0 <= atBlock }.sorted()
        let xs = blocks.map { a[$0]! }
        let ys = blocks.map { flip ? -b[$0]! : b[$0]! }
        var sig = StatSignal(
            pair: pair, block: atBlock, action: .flat, windowCount: 0, maxPositionUSD: thresholds.maxPositionUSD)
        guard let last = blocks.last, last == atBlock else {
            sig.action = .insufficient("no observation of both legs at block \(atBlock)")
            return sig
        }
        var open: SpreadDirection?
        for (i, t) in blocks.enumerated() {
            let lo = t >= thresholds.lookbackBlocks ? t - thresholds.lookbackBlocks : 0
            let window = blocks.indices.filter { blocks[$0] < t && blocks[$0] >= lo }
            let e = evaluatePoint(
                kind: pair.kind, x: window.map { xs[$0] }, y: window.map { ys[$0] }, xt: xs[i], yt: ys[i],
                minObservations: thresholds.minObservations)
            let isLast = t == atBlock
            if isLast {
                sig.zScore = e.z
                sig.spread = e.spread
                sig.mean = e.mean
                sig.stdev = e.stdev
                sig.hedgeRatio = e.beta
                sig.cointegrationT = e.dfT
                sig.cointegrationCritical = e.critical
                sig.windowCount = window.count
            }
            guard let z = e.z else {
                if isLast {
                    sig.action = open.map { .hold($0) } ?? .insufficient(e.reason ?? "no z-score")
                }
                continue
            }
            if let dir = open {
                let crossed = (dir == .short && z < 0) || (dir == .long && z > 0)
                if abs(z) <= thresholds.exit || crossed {
                    open = nil
                    if isLast { sig.action = .exit(dir) }
                } else if isLast {
                    sig.action = .hold(dir)
                }
            } else if abs(z) >= thresholds.entry && e.cointegrated {
                let dir: SpreadDirection = z > 0 ? .short : .long
                open = dir
                if isLast { sig.action = .enter(dir) }
            } else if isLast {
                sig.action = e.cointegrated ? .flat : .insufficient(e.reason ?? "not cointegrated")
            }
        }
        return sig
    }

    struct Point {
        var z: Double?
        var spread: Double?
        var mean: Double?
        var stdev: Double?
        var beta: Double?
        var dfT: Double?
        var critical: Double?
        var cointegrated = true
        var reason: String?
    }

    /// z of the point (xt, yt) against the window (x, y).
    static func evaluatePoint(kind: StatPair.Kind, x: [Double], y: [Double], xt: Double, yt: Double,
                              minObservations: Int) -> Point
    {
        var p = Point()
        guard x.count >= max(2, minObservations) else {
            p.reason = "\(x.count) observations in the window, need \(max(2, minObservations))"
            return p
        }
        let history: [Double]
        switch kind {
        case .venues:
            p.beta = 1
            history = zip(x, y).map { $0 - $1 }
            p.spread = xt - yt
        case .cointegrated:
            guard let (alpha, beta) = SpreadStatistics.ols(x: x, y: y) else {
                p.reason = "leg A's price did not move in the window (no hedge ratio)"
                return p
            }
            p.beta = beta
            history = zip(x, y).map { $1 - alpha - beta * $0 }
            p.spread = yt - alpha - beta * xt
            p.critical = SpreadStatistics.engleGrangerCritical5(n: x.count)
            p.dfT = SpreadStatistics.dickeyFullerT(history)
            if let t = p.dfT, let c = p.critical, t < c {
                p.cointegrated = true
            } else {
                p.cointegrated = false
                p.reason = "not cointegrated at 5% (Engle-Granger t \(p.dfT.map { String($0) } ?? "n/a") ≥ \(p.critical!))"
            }
        }
        guard let (m, s) = SpreadStatistics.meanAndStdev(history), s > 0 else {
            p.reason = "the spread did not vary in the window"
            return p
        }
        p.mean = m
        p.stdev = s
        p.z = (p.spread! - m) / s
        return p
    }

    /// The exact size of one leg for `maxPositionUSD`: floor(maxUSD · 10^decimals · priceDen / priceNum) token units,
    /// where `priceNum / priceDen` is USD per whole token. Nil when the price is zero or the size overflows.
    public static func positionSize(maxPositionUSD: ExactDecimal, decimals: Int, usdPriceNum: U256, usdPriceDen: U256)
        -> U256?
    {
        guard !usdPriceNum.isZero, let (cap, capScale) = scaled(maxPositionUSD) else { return nil }
        // cap / 10^capScale USD · 10^decimals units/token / (num/den USD/token)
        let top = cap.multipliedReportingOverflow(by: Units.powerOfTen(decimals))
        let bottom = usdPriceNum.multipliedReportingOverflow(by: Units.powerOfTen(capScale))
        guard !top.overflow, !bottom.overflow else { return nil }
        return try? U256.mulDiv(top.partialValue, usdPriceDen, bottom.partialValue)
    }

    /// An ExactDecimal as (digits, scale).
    static func scaled(_ d: ExactDecimal) -> (U256, Int)? {
        guard let v = try? U256(decimalDigits: d.integerDigits + d.fractionDigits) else { return nil }
        return (v, d.fractionDigits.count)
    }
}
