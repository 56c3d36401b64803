import DeFiCore
import Primitives
import Protocols
import Testing
import Validation

@testable import Strategies

/// The route value: its JSON form and re-pricing against a new snapshot.
@Suite struct RouteTests {
    static let e18 = U256(1_000_000_000_000_000_000)
    static let e6 = U256(1_000_000)

    /// WETH/USDC cheap on venue a (2000), rich on venue b (2020).
    static func spatialPools(richUSDC: U256 = U256(2_020_000)) -> [PoolEntry] {
        [
            F.v2(1, F.weth, F.usdc, U256(1_000) &* e18, U256(2_000_000) &* e6, venue: "a"),
            F.v2(2, F.weth, F.usdc, U256(1_000) &* e18, richUSDC &* e6, venue: "b"),
        ]
    }

    static func route(_ snapshot: MarketSnapshot) throws -> Route {
        let legs = F.legs([snapshot.pools[0], snapshot.pools[1]], from: F.usdc)
        let sized = try #require(RouteSizer.optimalSize(legs))
        return RoutePricer.route(strategy: .spatial, legs: legs, sized: sized, blockNumber: snapshot.blockNumber)
    }

    @Test func jsonRoundTripsAndNamesTheSchema() throws {
        var r = try Self.route(F.snapshot(Self.spatialPools()))
        r.hops[1].minOut = U256(12345)
        let text = r.jsonText()
        #expect(text.contains("\"schema\":\"defi.route\\/1\"") || text.contains("\"schema\":\"defi.route/1\""))
        #expect(text.contains("\"kind\":\"uniswap_v2\""))
        let back = try Route(jsonText: text)
        #expect(back == r)
        #expect(back.grossProfit == r.grossProfit)
        #expect(r.planHops[0].amountIn == r.size && r.planHops[1].amountIn.isZero && r.planHops[1].minOut == U256(12345))
    }

    @Test func jsonRejectsBrokenRoutes() throws {
        let r = try Self.route(F.snapshot(Self.spatialPools()))
        let text = r.jsonText()
        #expect(throws: RouteFormatError.self) { try Route(jsonText: text.replacingOccurrences(of: "defi.route", with: "defi.rout")) }
        #expect(throws: RouteFormatError.self) { try Route(jsonText: text.replacingOccurrences(of: "\"spatial\"", with: "\"magic\"")) }
        var open = r
        open.hops.removeLast()
        #expect(throws: RouteFormatError("the last hop must return token_in (a route is a cycle)")) {
            try Route(jsonText: open.jsonText())
        }
        #expect(throws: RouteFormatError.self) { try Route(jsonText: "{") }
    }

    @Test func repriceResizesAgainstAFreshSnapshot() throws {
        let r = try Self.route(F.snapshot(Self.spatialPools()))
        // The rich pool's price falls to 2016: a smaller optimum, found again from scratch.
        let later = F.snapshot(Self.spatialPools(richUSDC: U256(2_016_000)), block: 101)
        let again = try RoutePricer.reprice(r, in: later)
        #expect(again.blockNumber == 101)
        #expect(again.size < r.size && again.size > .zero)
        #expect(again.key == r.key)
        let legs = try RoutePricer.legs(of: r, in: later)
        let direct = try #require(
            try V2Arbitrage.optimalInput(token: F.usdc, through: pair(later.pools[0]), then: pair(later.pools[1])))
        #expect(again.grossProfit == I256(bits: direct.profit), "sizer vs closed-form V2 proof")
        #expect(RouteSizer.profit(legs, amountIn: again.size) == again.grossProfit)
        // A fixed size replays hop by hop.
        let fixed = try RoutePricer.replay(r, in: later)
        #expect(fixed.size == r.size && fixed.amountOut < r.amountOut)
        // A fair market: nothing left.
        let fair = F.snapshot(Self.spatialPools(richUSDC: U256(2_000_000)), block: 102)
        #expect(throws: RouteError.noLongerProfitable(block: 102)) { try RoutePricer.reprice(r, in: fair) }
        // A pool gone.
        let gone = F.snapshot([later.pools[0]], block: 103)
        #expect(throws: RouteError.poolMissing(hop: 1, pool: later.pools[1].address)) {
            try RoutePricer.reprice(r, in: gone)
        }
    }

    func pair(_ p: PoolEntry) -> V2Pair {
        if case .uniswapV2(let x) = p.state { return x }
        fatalError("not v2")
    }
}
