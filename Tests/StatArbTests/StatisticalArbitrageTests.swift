@testable import DeFiCore
import Foundation
import History
import Primitives
import Protocols
import Strategies
import Testing

@Suite struct StatisticalArbitrageTests {
    static let t0 = try! Address(parsing: "0x1000000000000000000000000000000000000001")
    static let t1 = try! Address(parsing: "0x2000000000000000000000000000000000000002")
    static let poolA = try! Address(parsing: "0x00000000000000000000000000000000000000aa")
    static let poolB = try! Address(parsing: "0x00000000000000000000000000000000000000bb")
    static let venues = StatPair(
        kind: .venues, a: StatLeg(pool: poolA, token0: t0, token1: t1), b: StatLeg(pool: poolB, token0: t0, token1: t1))

    @Test func v2MidPriceIsTheExactReserveRatioInWholeUnits() throws {
        // 10 WETH (18 decimals) against 20,000 USDC (6): exactly 2000 USDC per WETH.
        let pair = try V2Pair(
            token0: Self.t0, token1: Self.t1, reserve0: Units.powerOfTen(19), reserve1: U256(20_000) * Units.powerOfTen(6))
        let p = try #require(MidPrice.of(.uniswapV2(pair), decimals0: 18, decimals1: 6))
        #expect(p == MidPrice(num: U256(2000), den: .one))
        #expect(p.num == U256(2000) && p.den == .one)
        // 3 : 7 raw, same decimals: the fraction stays exact (no rounding to a wad).
        let q = try V2Pair(token0: Self.t0, token1: Self.t1, reserve0: U256(3_000), reserve1: U256(7_000))
        #expect(MidPrice.of(.uniswapV2(q), decimals0: 18, decimals1: 18) == MidPrice(num: U256(7), den: U256(3)))
    }

    @Test func v3MidPriceSquaresSqrtPriceX96Exactly() throws {
        // sqrtPriceX96 = 2^97 (sqrt price 2): raw price 4; token0 with 8 decimals, token1 with 18: 4e-10 whole.
        let s = U256.one << 97
        let state = try V3PoolState(
            sqrtPriceX96: s, tick: try TickMath.tick(atSqrtRatio: s), liquidity: 1, fee: 3000, tickSpacing: 60, ticks: [])
        let e = PoolState.uniswapV3(V3PoolEntry(token0: Self.t0, token1: Self.t1, state: state))
        #expect(MidPrice.of(e, decimals0: 18, decimals1: 18) == MidPrice(num: U256(4), den: .one))
        #expect(MidPrice.of(e, decimals0: 8, decimals1: 18) == MidPrice(num: U256(4), den: Units.powerOfTen(10)))
        // An odd sqrt price: (2^96 + 1)^2 / 2^192 stays an exact fraction.
        let odd = (U256.one << 96) + .one
        let st2 = try V3PoolState(
            sqrtPriceX96: odd, tick: try TickMath.tick(atSqrtRatio: odd), liquidity: 1, fee: 3000, tickSpacing: 60,
            ticks: [])
        let p = try #require(
            MidPrice.of(.uniswapV3(V3PoolEntry(token0: Self.t0, token1: Self.t1, state: st2)), decimals0: 6, decimals1: 6))
        #expect(p.num == odd * odd && p.den == U256.one << 192)
    }

    @Test func statisticsOnKnownSeries() throws {
        let (m, s) = try #require(SpreadStatistics.meanAndStdev([1, 2, 3, 4, 5]))
        #expect(m == 3 && s == 2.5.squareRoot())
        let (alpha, beta) = try #require(SpreadStatistics.ols(x: [0, 1, 2, 3], y: [1, 3, 5, 7]))
        #expect(alpha == 1 && beta == 2)
        #expect(SpreadStatistics.zScore(5, history: [2, 2, 2]) == nil)  // no spread: undefined, not infinite
        // MacKinnon (2010), N = 2 with constant, 5%: asymptotic -3.33613.
        #expect(abs(SpreadStatistics.engleGrangerCritical5(n: 100) - (-3.33613 - 0.061101 - 0.0006823)) < 1e-12)
    }

    /// Spreads −1, 0, 1 (mean 0, sample stdev exactly 1) then the thresholds are hit exactly.
    func run(_ spreads: [Double], entry: Double = 2, exit: Double = 0.5) -> StatSignal {
        var a: [UInt64: Double] = [:]
        var b: [UInt64: Double] = [:]
        for (i, s) in spreads.enumerated() {
            a[UInt64(i + 1)] = s
            b[UInt64(i + 1)] = 0
        }
        return StatisticalArbitrage.signal(
            pair: Self.venues, a: a, b: b,
            thresholds: StatThresholds(lookbackBlocks: 3, entry: entry, exit: exit, minObservations: 3),
            atBlock: UInt64(spreads.count))
    }

    @Test func entryAndExitExactlyAtTheThresholds() {
        #expect(run([-1, 0, 1]).action == .insufficient("2 observations in the window, need 3"))
        let at = run([-1, 0, 1, 2])
        #expect(at.zScore == 2 && at.mean == 0 && at.stdev == 1 && at.windowCount == 3)
        #expect(at.action == .enter(.short))
        #expect(at.atomic == false)
        #expect(run([-1, 0, 1, 1.999]).action == .flat)
        #expect(run([1, 0, -1, -2]).action == .enter(.long))
        // Window [0, 1, 2]: mean 1, stdev 1. z = 0.5 closes, 0.6 holds, -0.5 (crossed) closes.
        #expect(run([-1, 0, 1, 2, 1.5]).action == .exit(.short))
        let hold = run([-1, 0, 1, 2, 1.6])
        #expect(hold.action == .hold(.short))
        #expect(abs(hold.zScore! - 0.6) < 1e-12)
        #expect(run([-1, 0, 1, 2, 0.5]).action == .exit(.short))
        // After the exit the replay is flat again.
        #expect(run([-1, 0, 1, 2, 1.5, 1.5]).action == .flat)
        // A leg missing at the evaluated block gives no signal.
        var a: [UInt64: Double] = [1: 0, 2: 1]
        a[3] = 2
        let s = StatisticalArbitrage.signal(
            pair: Self.venues, a: a, b: [1: 0, 2: 0], thresholds: StatThresholds(lookbackBlocks: 3, entry: 2, exit: 0.5),
            atBlock: 3)
        #expect(s.action == .insufficient("no observation of both legs at block 3"))
    }

    @Test func venuePairListedWithTokensSwappedIsOriented() {
        let flipped = StatPair(
            kind: .venues, a: StatLeg(pool: Self.poolA, token0: Self.t0, token1: Self.t1),
            b: StatLeg(pool: Self.poolB, token0: Self.t1, token1: Self.t0))
        // Leg B quotes the inverse price: its log price is the negation.
        let a: [UInt64: Double] = [1: -1, 2: 0, 3: 1, 4: 2]
        let b: [UInt64: Double] = [1: 0, 2: 0, 3: 0, 4: 0]
        let s = StatisticalArbitrage.signal(
            pair: flipped, a: a, b: b, thresholds: StatThresholds(lookbackBlocks: 3, entry: 2, exit: 0.5, minObservations: 3),
            atBlock: 4)
        #expect(s.action == .enter(.short))
    }

    @Test func engleGrangerOnACointegratedAndAnIndependentPair() {
        var rng = SplitMix(state: 7)
        var x: [UInt64: Double] = [:]
        var yCo: [UInt64: Double] = [:]
        var yWalk: [UInt64: Double] = [:]
        var lx = 0.0
        var lw = 0.0
        for t in 1...200 {
            lx += rng.normal() * 0.01
            lw += rng.normal() * 0.01
            x[UInt64(t)] = lx
            yCo[UInt64(t)] = 0.3 + 1.5 * lx + rng.normal() * 0.002
            yWalk[UInt64(t)] = lw
        }
        yCo[200] = yCo[200]! + 0.02  // a 10-sigma dislocation at the last block
        let pair = StatPair(kind: .cointegrated, a: Self.venues.a, b: Self.venues.b)
        let th = StatThresholds(lookbackBlocks: 100, entry: 2, exit: 0.5, minObservations: 20)
        let co = StatisticalArbitrage.signal(pair: pair, a: x, b: yCo, thresholds: th, atBlock: 200)
        #expect(abs(co.hedgeRatio! - 1.5) < 0.05)
        #expect(co.cointegrationT! < co.cointegrationCritical!)
        #expect(co.zScore! > 5)
        #expect(co.action == .enter(.short) || co.action == .hold(.short))
        let walk = StatisticalArbitrage.signal(pair: pair, a: x, b: yWalk, thresholds: th, atBlock: 200)
        #expect(walk.cointegrationT! >= walk.cointegrationCritical!)
        if case .insufficient(let why) = walk.action { #expect(why.hasPrefix("not cointegrated")) } else {
            Issue.record("expected no entry on independent random walks, got \(walk.action)")
        }
    }

    @Test func positionSizeIsExactIntegerUnits() {
        let cap = ExactDecimal("1000")!
        #expect(StatisticalArbitrage.positionSize(maxPositionUSD: cap, decimals: 18, usdPriceNum: U256(2000), usdPriceDen: .one)
            == Units.powerOfTen(17) * U256(5))
        #expect(StatisticalArbitrage.positionSize(maxPositionUSD: ExactDecimal("2.5")!, decimals: 6, usdPriceNum: .one, usdPriceDen: .one)
            == U256(2_500_000))
        // 1000 USD at 3 USD/token, 0 decimals: floor(333.33) = 333.
        #expect(StatisticalArbitrage.positionSize(maxPositionUSD: cap, decimals: 0, usdPriceNum: U256(3), usdPriceDen: .one)
            == U256(333))
        #expect(StatisticalArbitrage.positionSize(maxPositionUSD: cap, decimals: 0, usdPriceNum: .zero, usdPriceDen: .one) == nil)
    }

    @Test func recordedObservationsDriveTheSignalThroughTheStore() throws {
        let path = NSTemporaryDirectory() + "statarb-\(UInt32.random(in: 0...UInt32.max)).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try HistoryStore(path: path)
        // Pool A's price moves 100 → 101 → 99 → 100 → 104 (in 1/100 units); pool B stays at 100.
        let prices: [UInt64] = [100, 101, 99, 100, 104]
        for (i, p) in prices.enumerated() {
            let pa = try V2Pair(token0: Self.t0, token1: Self.t1, reserve0: U256(100_000), reserve1: U256(p * 1000))
            let pb = try V2Pair(token0: Self.t0, token1: Self.t1, reserve0: U256(100_000), reserve1: U256(100_000))
            let snap = MarketSnapshot(
                chainID: 31337, blockNumber: UInt64(10 + i), blockHash: try Hash32(bytes: [UInt8](repeating: UInt8(i), count: 32)),
                tokens: [SnapshotToken(address: Self.t0, symbol: "A", decimals: 18),
                         SnapshotToken(address: Self.t1, symbol: "B", decimals: 18)],
                pools: [PoolEntry(venue: "a", address: Self.poolA, state: .uniswapV2(pa)),
                        PoolEntry(venue: "b", address: Self.poolB, state: .uniswapV2(pb))])
            #expect(try PriceRecorder.record(snapshot: snap, store: store) == 2)
            #expect(StatPair.venuePairs(in: snap) == [Self.venues])
        }
        let rows = try store.prices(pool: Self.poolA.lowercaseHex, blocks: 10...14)
        let snap = MarketSnapshot(
            chainID: 1, blockNumber: 1, blockHash: try Hash32(bytes: [UInt8](repeating: 0, count: 32)), tokens: [],
            pools: [PoolEntry(venue: "a", address: Self.poolA, state: .uniswapV2(try V2Pair(token0: Self.t0, token1: Self.t1, reserve0: .one, reserve1: .one))),
                    PoolEntry(venue: "b", address: Self.poolB, state: .uniswapV2(try V2Pair(token0: Self.t0, token1: Self.t1, reserve0: .one, reserve1: .one)))])
        var cfg = StatisticalConfig(lookbackBlocks: 4, entryZScore: nil, exitZScore: nil, maxPositionUSD: nil)
        cfg.pairs = [StatisticalPairConfig(a: Self.poolB.lowercaseHex, b: Self.poolA.lowercaseHex, kind: "cointegrated"),
                     StatisticalPairConfig(a: Self.poolA.lowercaseHex, b: Self.poolB.lowercaseHex),
                     StatisticalPairConfig(a: Self.poolA.lowercaseHex, b: "0x00000000000000000000000000000000000000cc")]
        let watch = StatPair.watchList(config: cfg, snapshot: snap)
        #expect(watch.pairs == [Self.venues, StatPair(kind: .cointegrated, a: Self.venues.b, b: Self.venues.a)])
        #expect(watch.missing == ["0x00000000000000000000000000000000000000cc"])
        #expect(rows.map(\.priceNum) == ["1", "101", "99", "1", "26"])
        #expect(rows.map(\.priceDen) == ["1", "100", "100", "1", "25"])
        #expect(rows.last?.priceWad == "1040000000000000000")
        let config = StatisticalConfig(
            lookbackBlocks: 4, entryZScore: ExactDecimal("2"), exitZScore: ExactDecimal("0.5"),
            maxPositionUSD: ExactDecimal("5000"))
        let th = StatThresholds(config: config)
        #expect(th.entry == 2 && th.exit == 0.5 && th.lookbackBlocks == 4)
        let sig = try StatisticalArbitrage.evaluate(
            store: store, pools: [Self.venues], thresholds: StatThresholds(lookbackBlocks: 4, entry: 2, exit: 0.5, minObservations: 3,
                maxPositionUSD: config.maxPositionUSD), atBlock: 14)
        #expect(sig.count == 1)
        #expect(sig[0].action == .enter(.short))
        #expect(sig[0].windowCount == 4 && sig[0].maxPositionUSD == ExactDecimal("5000"))
        #expect(sig[0].zScore! > 4)
    }
}

/// SplitMix64 with a Box-Muller normal.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992.0 }
    mutating func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform()) }
}
