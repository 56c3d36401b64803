// Curve and Balancer pools inside the arbitrage engine: legs per ordered coin pair, cycles through a multi-coin
// pool and a V2 pair, sizes against a brute-force integer search of the exact replay, plan hops as the executor
// decodes them (contracts/core/Swaps.vy), route JSON and re-pricing.
import DeFiCore
import Primitives
import Protocols
import Testing
import Validation

@testable import Strategies

extension F {
    /// A 3-coin classic (3pool generation) Curve pool over DAI, USDC, WBTC treated as 18-decimal coins at par.
    static func curve3(_ n: UInt8, balances: [U256], amp: U256 = U256(200)) -> PoolEntry {
        let rate = try! CurveStableSwapClassic.rate(decimals: 18)
        let s = try! CurveStableSwapClassic(
            generation: .pool3, balances: balances, rates: [rate, rate, rate], amp: amp, fee: U256(4_000_000),
            adminFee: U256(5_000_000_000))
        let entry = try! CurvePoolEntry(coins: [dai, usdc, wbtc], pool: .classic(s))
        return PoolEntry(venue: "curve", address: addr(0xe0 &+ n), state: .curve(entry))
    }

    /// A 50/50 Balancer weighted pool over DAI and USDC (18-decimal scaling), 0.3 % swap fee.
    static func weighted(_ n: UInt8, _ bDai: U256, _ bUsdc: U256) -> PoolEntry {
        let half = U256(500_000_000_000_000_000)
        let one = U256(1_000_000_000_000_000_000)
        let b = try! BalancerPoolEntry(
            poolId: try! Hash32(bytes: [UInt8](repeating: 0xb0 &+ n, count: 32)), tokens: [dai, usdc],
            balances: [bDai, bUsdc], scalingFactors: [one, one], swapFeePercentage: U256(3_000_000_000_000_000),
            kind: .weighted(normalizedWeights: [half, half]))
        return PoolEntry(venue: "balancer", address: addr(0xf0 &+ n), state: .balancer(b))
    }

    /// A Balancer stable pool (A = 200) over DAI, USDC and WBTC at 18-decimal scaling, 0.04 % swap fee.
    static func balancerStable(_ n: UInt8, balances: [U256]) -> PoolEntry {
        let one = U256(1_000_000_000_000_000_000)
        let b = try! BalancerPoolEntry(
            poolId: try! Hash32(bytes: [UInt8](repeating: 0xd0 &+ n, count: 32)), tokens: [dai, usdc, wbtc],
            balances: balances, scalingFactors: [one, one, one], swapFeePercentage: U256(400_000_000_000_000),
            kind: .stable(amp: U256(200_000)))
        return PoolEntry(venue: "balancer_stable", address: addr(0xd0 &+ n), state: .balancer(b))
    }

    static func multiSnapshot(_ pools: [PoolEntry]) -> MarketSnapshot {
        var s = snapshot(pools)
        // The Curve fixture prices its coins at par in raw units: give them all 18 decimals.
        s.tokens = s.tokens.map { SnapshotToken(address: $0.address, symbol: $0.symbol, decimals: 18) }
        s.tokens.append(SnapshotToken(address: wbtc, symbol: "WBTC", decimals: 18))
        return s
    }
}

@Suite struct MultiCoinArbitrageTests {
    static let m = U256(1_000_000)

    @Test func multiCoinPoolGivesEveryOrderedPairAndCyclesUseAPoolOnce() throws {
        let curve = F.curve3(1, balances: [Self.m, Self.m, Self.m])
        let index = CycleIndex(
            poolTokens: [curve.state.allTokens, [F.dai, F.usdc]], bases: [], maxHops: 3)
        #expect(index.edgePool.count == 3 * 2 + 2)
        #expect(index.poolEdgeStart == [0, 6, 8])
        for c in 0..<index.count {
            let pools = index.cycle(c).map { index.pool($0) }
            #expect(Set(pools).count == pools.count, "cycle \(c) uses a pool twice: \(pools)")
        }
        // DAI↔USDC through Curve then the pair and back: 2 directions × 2 bases; nothing else closes.
        #expect(index.count == 4)
        // Two-token pools keep ids 2·pool + direction.
        let v2Only = CycleIndex(pools: [(F.dai, F.usdc), nil, (F.dai, F.usdc)], bases: [], maxHops: 2)
        #expect(v2Only.edgePool == [0, 0, 1, 1, 2, 2])
        #expect(v2Only.zeroForOne(4) && !v2Only.zeroForOne(5))
    }

    @Test func curveLegIsTheExactExchange() throws {
        let curve = F.curve3(1, balances: [Self.m, Self.m * U256(2), Self.m])
        let leg = try #require(Leg(pool: curve, tokenIn: F.usdc, tokenOut: F.wbtc))
        #expect(leg.indexIn == 1 && leg.indexOut == 2)
        guard case .curve(let c) = curve.state else { throw CancellationError() }
        #expect(leg.amountOut(U256(5_000)) == (try c.pool.amountOut(i: 1, j: 2, dx: U256(5_000))))
        #expect(Leg(pool: curve, tokenIn: F.usdc) == nil)  // a multi-coin leg needs its output token
        let hop = try #require(leg.planHop)
        #expect(hop.kind == .curveInt128 && hop.pool == curve.address && hop.extra == U256(1 | 2 << 8))
        #expect(leg.gas(amountIn: .one) == GasTable.curveHop)
        // Coin 1 is abundant: selling it yields less than 1 per unit at the margin.
        #expect(leg.logRate < 0 && leg.logRate > -1)
    }

    /// The engine's route for a cycle and a brute force over 1...n of the same legs.
    func check(_ snapshot: MarketSnapshot, base: Address, upTo n: UInt64, kind: HopKind) throws -> Route {
        let engine = ArbitrageEngine(
            snapshot: snapshot, options: ArbitrageOptions(maxHops: 3, baseTokens: [base], canonicalOnly: true))
        let routes = engine.routes()
        let route = try #require(routes.first { r in r.hops.contains { $0.hop.kind == kind } })
        let legs = try RoutePricer.legs(of: route, in: snapshot)
        let brute = try #require(F.brute(legs, upTo: n))
        #expect(route.size <= U256(n / 2), "the optimum must sit well inside the brute-force range")
        #expect(
            RouteSizer.profit(legs, amountIn: route.size) == brute.p,
            "brute x=\(brute.x) p=\(brute.p), engine x=\(route.size)")
        let gap = route.size > U256(brute.x) ? route.size &- U256(brute.x) : U256(brute.x) &- route.size
        // Within one step of the brute-force size, or on the same profit plateau.
        #expect(gap <= .one || RouteSizer.profit(legs, amountIn: route.size) == brute.p)
        return route
    }

    @Test func curveAndV2MispricingIsFoundAndSizedLikeBruteForce() throws {
        let curve = F.curve3(1, balances: [Self.m, Self.m, Self.m])
        // DAI fetches more (or less) USDC on the pair than at par on Curve, in both directions.
        for (rDai, rUsdc) in [(1_000_000, 1_040_000), (1_000_000, 1_015_000), (1_060_000, 1_000_000)] {
            let v2 = F.v2(2, F.dai, F.usdc, U256(UInt64(rDai)), U256(UInt64(rUsdc)))
            let route = try check(F.multiSnapshot([curve, v2]), base: F.dai, upTo: 60_000, kind: .curveInt128)
            #expect(Set(route.hops.map(\.hop.kind)) == [.uniswapV2, .curveInt128])
        }
        // Fair market: nothing.
        let fair = ArbitrageEngine(
            snapshot: F.multiSnapshot([curve, F.v2(2, F.dai, F.usdc, Self.m, Self.m)]),
            options: ArbitrageOptions(maxHops: 3))
        #expect(fair.routes().isEmpty)
    }

    @Test func balancerWeightedAndV2MispricingIsFoundAndSizedLikeBruteForce() throws {
        let bal = F.weighted(1, Self.m, Self.m)
        for (rDai, rUsdc) in [(1_000_000, 1_030_000), (1_070_000, 1_000_000)] {
            let v2 = F.v2(2, F.dai, F.usdc, U256(UInt64(rDai)), U256(UInt64(rUsdc)))
            _ = try check(F.multiSnapshot([bal, v2]), base: F.dai, upTo: 60_000, kind: .balancer)
        }
        let v2 = F.v2(2, F.dai, F.usdc, Self.m, U256(1_050_000))
        let route = try check(F.multiSnapshot([bal, v2]), base: F.dai, upTo: 60_000, kind: .balancer)
        let hop = try #require(route.hops.first { $0.hop.kind == .balancer })
        #expect(hop.hop.pool == (try BalancerVaultCalls.vault))
        guard case .balancer(let b) = bal.state else { throw CancellationError() }
        #expect(hop.hop.extra == (try U256(bigEndian: b.poolId.bytes)))
        let fair = ArbitrageEngine(
            snapshot: F.multiSnapshot([bal, F.v2(2, F.dai, F.usdc, Self.m, Self.m)]),
            options: ArbitrageOptions(maxHops: 3))
        #expect(fair.routes().isEmpty)
    }

    @Test func balancerStableAndV2MispricingIsFoundAndSizedLikeBruteForce() throws {
        let bal = F.balancerStable(1, balances: [Self.m, Self.m, Self.m])
        let v2 = F.v2(2, F.usdc, F.wbtc, Self.m, U256(1_040_000))
        let route = try check(F.multiSnapshot([bal, v2]), base: F.usdc, upTo: 60_000, kind: .balancer)
        #expect(Set(route.hops.map(\.hop.tokenIn)) == [F.usdc, F.wbtc])
        let fair = ArbitrageEngine(
            snapshot: F.multiSnapshot([bal, F.v2(2, F.usdc, F.wbtc, Self.m, Self.m)]),
            options: ArbitrageOptions(maxHops: 3))
        #expect(fair.routes().isEmpty)
    }

    @Test func routeJSONRepricingAndPlanCalldataCarryTheHopKinds() throws {
        let curve = F.curve3(1, balances: [Self.m, Self.m, Self.m])
        let bal = F.weighted(2, Self.m, U256(1_060_000))
        // USDC is cheap on Balancer (1.06 per DAI) and at par on Curve.
        let snap = F.multiSnapshot([curve, bal])
        let engine = ArbitrageEngine(
            snapshot: snap, options: ArbitrageOptions(maxHops: 2, baseTokens: [F.dai], canonicalOnly: true))
        let route = try #require(engine.routes().first)
        #expect(Set(route.hops.map(\.hop.kind)) == [.curveInt128, .balancer])

        // JSON names the kinds and reads back; re-pricing finds the Balancer pool by poolId behind the Vault.
        let text = route.jsonText()
        #expect(text.contains("\"curve\"") && text.contains("\"balancer_v2\""))
        let back = try Route(jsonText: text)
        #expect(back.hops.map(\.hop) == route.hops.map(\.hop))
        let repriced = try RoutePricer.reprice(back, in: snap)
        #expect(repriced.size == route.size && repriced.hops.map(\.amountOut) == route.hops.map(\.amountOut))
        // A Vault hop whose poolId is unknown is refused.
        var wrong = back
        if let k = wrong.hops.firstIndex(where: { $0.hop.kind == .balancer }) { wrong.hops[k].hop.extra = .one }
        #expect(throws: RouteError.self) { try RoutePricer.reprice(wrong, in: snap) }

        // The executor plan's calldata decodes to the hop tuples Swaps.vy reads.
        let plan = ExecutorPlan(
            flash: FlashSource(kind: .none, lender: .zero, asset: F.dai, amount: .zero), profitToken: F.dai,
            minProfit: .one, payload: .arbitrage(hops: route.planHops))
        let data = try plan.calldata()
        #expect(Array(data.prefix(4)) == ExecutorPlan.executeStrategySelector)
        let outer = try ABI.decode(
            types: [try ABIType(parsing: "bytes32"), try ABIType(parsing: "bytes")], data: data.dropFirst(4))
        guard case .bytes(let params) = outer[1] else { Issue.record("no params"); return }
        let p = try ABI.decode(
            types: try ["(uint8,address,address,uint256,uint256)", "address", "uint256", "bytes"].map {
                try ABIType(parsing: $0)
            }, data: params)
        guard case .bytes(let sd) = p[3] else { Issue.record("no strategy data"); return }
        let hops = try ABI.decode(
            try ABIType(parsing: "(uint8,address,address,address,uint256,uint256,uint256)[]"), data: sd)
        guard case .array(let tuples) = hops else { Issue.record("no hop array"); return }
        #expect(tuples.count == 2)
        for (t, h) in zip(tuples, route.hops) {
            guard case .tuple(let f) = t else { Issue.record("hop is not a tuple"); continue }
            let expectedKind = U256(UInt64(h.hop.kind.rawValue))
            #expect(f[0] == .uint(expectedKind))
            #expect(f[3] == .address(h.hop.tokenOut) && f[2] == .address(h.hop.tokenIn))
            switch h.hop.kind {
            case .curveInt128:
                #expect(expectedKind == U256(3))
                #expect(f[1] == .address(curve.address))
                let i = UInt64(h.hop.tokenIn == F.dai ? 0 : 1)
                let j = UInt64(h.hop.tokenOut == F.dai ? 0 : 1)
                #expect(f[6] == .uint(U256(i | j << 8)))
            case .balancer:
                #expect(expectedKind == U256(5))
                #expect(f[1] == .address(try BalancerVaultCalls.vault))
                guard case .balancer(let b) = bal.state else { continue }
                #expect(f[6] == .uint(try U256(bigEndian: b.poolId.bytes)))
            default:
                Issue.record("unexpected hop kind \(h.hop.kind)")
            }
        }
        #expect(tuples.first.map { t in if case .tuple(let f) = t { f[4] == .uint(route.size) } else { false } } == true)
    }

    @Test func priceBookValuesTokensThroughMultiCoinPools() throws {
        // WBTC priced only through the Curve pool against DAI/USDC.
        let curve = F.curve3(1, balances: [Self.m * Self.m, Self.m * Self.m, Self.m * Self.m])
        let book = PriceBook.stablePools(F.multiSnapshot([curve]))
        let p = try #require(book.price(F.wbtc))
        // ≈ $1 less the 0.04 % fee: between 0.99 and 1.
        #expect(p.e18 > U256(990_000_000_000_000_000) && p.e18 <= U256(1_000_000_000_000_000_000))
    }
}

@Suite struct MultiCoinValidationTests {
    @Test func marginAndImpactAreDefinedForCurveRoutes() throws {
        let m = U256(1_000_000)
        let curve = F.curve3(1, balances: [m, m, m])
        let v2 = F.v2(2, F.dai, F.usdc, m, U256(1_040_000))
        let snap = F.multiSnapshot([curve, v2])
        let engine = ArbitrageEngine(
            snapshot: snap, options: ArbitrageOptions(maxHops: 2, baseTokens: [F.dai], canonicalOnly: true))
        let route = try #require(engine.routes().first)
        let legs = try RoutePricer.legs(of: route, in: snap)
        let trade = route.trade(legs: legs)
        // ≈ 4 % on the pair less the two fees: a positive spread of a few hundred bps.
        #expect(trade.marginBps > 100 && trade.marginBps < 400, "\(trade.marginBps)")
        let k = try #require(route.hops.firstIndex { $0.hop.kind == .curveInt128 })
        let impact = try #require(
            OpportunityValidator.impactBps(legs[k], amountIn: route.hops[k].amountIn, amountOut: route.hops[k].amountOut))
        #expect(impact >= 0 && impact < 100, "\(impact)")
        // A tiny trade barely moves the pool, a third of it moves it much more.
        let small = try #require(OpportunityValidator.impactBps(legs[k], amountIn: U256(10_000), amountOut: legs[k].amountOut(U256(10_000))!))
        let big = try #require(OpportunityValidator.impactBps(legs[k], amountIn: U256(300_000), amountOut: legs[k].amountOut(U256(300_000))!))
        #expect(small <= 1 && big > small)
    }
}
