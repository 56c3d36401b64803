import DeFiCore
import Primitives
import Protocols
import Testing
import Validation

@testable import Strategies

/// The engine over literal markets: what it finds, what it does not, and incremental re-scans.
@Suite struct ArbitrageEngineTests {
    static let e18 = U256(1_000_000_000_000_000_000)
    static let e6 = U256(1_000_000)

    /// The devnet's demo market (devnet/market.py): fair at WETH 2000 / DAI 1 / USDC 1 except venue B's WETH/USDC
    /// at 2020 and venue A's USDC/DAI at 1.02 DAI per USDC.
    static func demo(richB: U256 = U256(2_020_000), daiPerUSDC: U256 = U256(10_200_000)) -> [PoolEntry] {
        [
            F.v2(1, F.weth, F.usdc, U256(20_000) &* e18, U256(40_000_000) &* e6, venue: "a"),
            F.v2(2, F.usdc, F.dai, U256(10_000_000) &* e6, daiPerUSDC &* e18, venue: "a"),
            F.v2(3, F.dai, F.weth, U256(10_000_000) &* e18, U256(5_000) &* e18, venue: "a"),
            F.v2(4, F.weth, F.usdc, U256(1_000) &* e18, richB &* e6, venue: "b"),
        ]
    }

    @Test func findsTheSpatialAndTheTriangle() throws {
        let engine = ArbitrageEngine(snapshot: F.snapshot(Self.demo()))
        let routes = engine.routes()
        let spatial = routes.filter { $0.strategy == .spatial }
        let triangles = routes.filter { $0.strategy == .triangular }
        #expect(!spatial.isEmpty && !triangles.isEmpty)
        #expect(spatial.allSatisfy { Set($0.hops.map(\.venue)) == ["a", "b"] })
        // The planted triangle, settled in WETH: WETH → USDC → DAI → WETH on venue a.
        let t = try #require(triangles.first { $0.tokenIn == F.weth && $0.hops.allSatisfy { $0.venue == "a" } })
        #expect(t.path == [F.weth, F.usdc, F.dai, F.weth])
        // Every reported amount is the exact replay.
        for r in routes {
            let legs = try RoutePricer.legs(of: r, in: engine.snapshot)
            #expect(RouteSizer.replay(legs, amountIn: r.size) == r.hops.map(\.amountOut))
            #expect(r.grossProfit > .zero)
        }
    }

    @Test func nothingOnAFairMarket() {
        let engine = ArbitrageEngine(snapshot: F.snapshot(Self.demo(richB: U256(2_000_000), daiPerUSDC: U256(10_000_000))))
        #expect(engine.routes().isEmpty)
        #expect(engine.index.count > 0)
    }

    @Test func optimalTriangleBeatsOrEqualsBruteForceOverTheLastIntermediate() throws {
        // The demo triangle's reserves; brute force: every USDC→DAI output y in a wide window with the least
        // input for it (the profit-maximising input for any y), and a ternary search over x like devnet/market.py.
        let pools = Self.demo()
        let legs = F.legs([pools[0], pools[1], pools[2]], from: F.weth)
        let got = try #require(RouteSizer.optimalSize(legs))
        let center = got.outputs[1]
        var best = I256.min
        var y = center &- U256(4_000)
        while y <= center &+ U256(4_000) {
            if let x = RouteSizer.minimalInput(legs[0..<2], forOutput: y), let p = RouteSizer.profit(legs, amountIn: x),
                p > best
            {
                best = p
            }
            y = y &+ .one
        }
        #expect(got.profit == best, "engine \(got.profit) vs brute force over y \(best)")
        // Ternary search over x (the devnet's planted figure comes from this): never better than the engine.
        var lo = U256.zero
        var hi = U256(1_000) &* Self.e18
        func f(_ x: U256) -> I256 { RouteSizer.profit(legs, amountIn: x) ?? I256.min }
        while hi &- lo > U256(2) {
            let third = (hi &- lo) / U256(3)
            let (m1, m2) = (lo &+ third, hi &- third)
            if f(m1) < f(m2) { lo = m1 } else { hi = m2 }
        }
        #expect(got.profit >= max(f(lo), f(lo &+ .one), f(hi)))
    }

    @Test func rescanEvaluatesOnlyCyclesThroughChangedPools() throws {
        let snap = F.snapshot(Self.demo())
        var engine = ArbitrageEngine(snapshot: snap)
        let total = engine.index.count
        // Venue b's pool moves back to fair; only cycles through it are re-evaluated.
        var next = snap
        next.pools[3] = F.v2(4, F.weth, F.usdc, U256(1_000) &* Self.e18, U256(2_000_000) &* Self.e6, venue: "b")
        next.blockNumber = 101
        let n = engine.update(with: next)
        #expect(n == engine.index.poolCycles[3].count && n < total)
        let fresh = ArbitrageEngine(snapshot: next)
        #expect(engine.routes() == fresh.routes())
        // The spread is gone; triangles through b's fair pool and a's mispriced USDC/DAI remain.
        #expect(engine.routes().allSatisfy { $0.strategy == .triangular })
        // A new pool rebuilds the index.
        var grown = next
        grown.pools.append(F.v2(5, F.dai, F.usdc, U256(1_000) &* Self.e18, U256(1_000) &* Self.e6, venue: "b"))
        #expect(engine.update(with: grown) == engine.index.count && engine.index.count > total)
    }

    @Test func canonicalListsEachCycleOnce() {
        let pools = Self.demo().map { Optional($0.state.tokens!) }
        let all = CycleIndex(pools: pools, bases: [], maxHops: 3)
        let canon = CycleIndex(pools: pools, bases: [], maxHops: 3, canonicalOnly: true)
        // 4 pools: 2 spatial cycles (2 directions of the a/b pair) and 2 pool triangles × 2 directions.
        #expect(canon.count == 2 + 4)
        // Every rotation through 2 or 3 base tokens.
        #expect(all.count == 2 * 2 + 4 * 3)
        let wethOnly = CycleIndex(pools: pools, bases: [F.weth], maxHops: 3)
        #expect(wethOnly.count == 2 + 4)
        #expect(CycleIndex(pools: pools, bases: [F.weth], maxHops: 2).count == 2)
    }

    @Test func strategiesFilterAndPositionCap() throws {
        let snap = F.snapshot(Self.demo())
        let spatialOnly = ArbitrageEngine(snapshot: snap, options: ArbitrageOptions(strategies: [.spatial]))
        #expect(spatialOnly.routes().allSatisfy { $0.strategy == .spatial } && !spatialOnly.routes().isEmpty)
        let capped = ArbitrageEngine(snapshot: snap, options: ArbitrageOptions(maxInput: [F.weth: Self.e18]))
        #expect(capped.routes().filter { $0.tokenIn == F.weth }.allSatisfy { $0.size <= Self.e18 })
    }
}
