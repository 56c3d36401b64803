import Primitives
import Protocols
import Testing
import Validation

@testable import Strategies

/// Optimal sizes against brute-force integer searches over every size.
@Suite struct RouteSizerTests {
    @Test func v2ChainsMatchBruteForce() throws {
        var rng = SystemRandomNumberGenerator()
        var profitable = 0
        for trial in 0..<60 {
            let r = (0..<6).map { _ in U256(UInt64.random(in: 2_000...40_000, using: &rng)) }
            let pools = [
                F.v2(1, F.weth, F.usdc, r[0], r[1]), F.v2(2, F.usdc, F.dai, r[2], r[3]),
                F.v2(3, F.dai, F.weth, r[4], r[5], fee: [0, 5, 30].randomElement(using: &rng)!),
            ]
            let legs = F.legs(pools, from: F.weth)
            let brute = F.brute(legs, upTo: 40_000)
            let got = RouteSizer.optimalSize(legs)
            if let b = brute {
                profitable += 1
                #expect(got?.profit == b.p, "trial \(trial) \(r): brute x=\(b.x) p=\(b.p), got \(String(describing: got))")
                if let g = got { #expect(RouteSizer.profit(legs, amountIn: g.size) == b.p) }
            } else {
                #expect(got == nil, "trial \(trial) \(r): brute force finds nothing, got \(String(describing: got))")
            }
        }
        #expect(profitable > 5)
    }

    @Test func v3PoolCrossingTicksMatchesBruteForce() throws {
        // V3 at price 1 with a narrow ±60-tick position, V2 pricing token1 at 1.05: the optimum walks past tick 60.
        var crossedSomewhere = false
        for (narrow, v2Price) in [(UInt128(400_000), 1_050), (UInt128(2_000_000), 1_020), (UInt128(100_000), 1_100)] {
            let v3 = F.v3(1, F.weth, F.usdc, wide: 50_000, narrow: narrow)
            let v2 = F.v2(2, F.weth, F.usdc, U256(1_000_000), U256(UInt64(v2Price) * 1_000))
            // WETH (token0) costs 1 USDC on V3 and fetches more on V2: buy it on V3, sell it on V2.
            let legs = F.legs([v3, v2], from: F.usdc)
            let brute = try #require(F.brute(legs, upTo: 20_000))
            let got = try #require(RouteSizer.optimalSize(legs))
            #expect(got.profit == brute.p, "narrow \(narrow): brute x=\(brute.x) p=\(brute.p), got \(got)")
            if case .uniswapV3(let e) = v3.state,
                let q = try? e.state.quoteExactInputSingle(zeroForOne: false, amountIn: got.size),
                q.initializedTicksCrossed > 0
            {
                crossedSomewhere = true
            }
        }
        #expect(crossedSomewhere, "at least one optimum crosses an initialized tick")
    }

    @Test func fairMarketHasNoSize() {
        let pools = [F.v2(1, F.weth, F.usdc, U256(10_000), U256(20_000)), F.v2(2, F.weth, F.usdc, U256(30_000), U256(60_000))]
        #expect(RouteSizer.optimalSize(F.legs(pools, from: F.weth)) == nil)
        #expect(RouteSizer.optimalSize(F.legs(pools.reversed(), from: F.weth)) == nil)
    }

    @Test func maxInputCapsTheSize() throws {
        let e18 = U256(1_000_000_000_000_000_000)
        let pools = [F.v2(1, F.weth, F.usdc, U256(100) &* e18, U256(200_000) &* e18),
                     F.v2(2, F.weth, F.usdc, U256(100) &* e18, U256(210_000) &* e18)]
        let legs = F.legs([pools[1], pools[0]], from: F.weth)
        let free = try #require(RouteSizer.optimalSize(legs))
        let capped = try #require(RouteSizer.optimalSize(legs, maxInput: free.size / U256(4)))
        #expect(capped.size <= free.size / U256(4) && capped.profit < free.profit && !capped.profit.isNegative)
    }
}
