import Primitives
import Testing

@testable import Protocols

/// The closed-form two-pool optimum, checked against brute force on small pools.
@Suite struct V2ArbitrageTests {
    /// Integer profit of the cycle at x, or nil when a hop reverts or the profit is not positive.
    static func profit(_ x: UInt64, _ r: [UInt64], _ fa: UInt32, _ fb: UInt32) -> Int64? {
        guard
            let y = try? V2Math.getAmountOut(
                amountIn: U256(x), reserveIn: U256(r[0]), reserveOut: U256(r[1]), feeBps: fa),
            !y.isZero,
            let z = try? V2Math.getAmountOut(amountIn: y, reserveIn: U256(r[2]), reserveOut: U256(r[3]), feeBps: fb),
            let zz = z.uint64
        else { return nil }
        return Int64(zz) - Int64(x)
    }

    @Test func optimumEqualsBruteForceOnSmallPools() throws {
        var rng = SystemRandomNumberGenerator()
        var profitable = 0
        for trial in 0..<150 {
            let r = (0..<4).map { _ in UInt64.random(in: 50...5_000, using: &rng) }
            let fees: [UInt32] = [30, 25, 5, 100, 0]
            let fa: UInt32 = fees.randomElement(using: &rng) ?? 30
            let fb: UInt32 = fees.randomElement(using: &rng) ?? 30
            var bestX: UInt64 = 0
            var best: Int64 = 0
            // x* <= sqrt(aIn·bOut)/2 by AM-GM, so this range holds the optimum.
            for x in 1...max(r[0], r[3]) {
                if let p = Self.profit(x, r, fa, fb), p > best {
                    best = p
                    bestX = x
                }
            }
            let got = try V2Arbitrage.optimalInput(
                aIn: U256(r[0]), aOut: U256(r[1]), feeA: fa, bIn: U256(r[2]), bOut: U256(r[3]), feeB: fb)
            if best == 0 {
                #expect(
                    got == nil,
                    "trial \(trial) reserves \(r) fees \(fa)/\(fb): expected no opportunity, got \(String(describing: got))"
                )
                continue
            }
            profitable += 1
            #expect(
                got?.amountIn == U256(bestX) && got?.profit == U256(UInt64(best)),
                "trial \(trial) reserves \(r) fees \(fa)/\(fb): brute force x=\(bestX) profit=\(best), got \(String(describing: got))"
            )
            #expect(got?.provenOptimal == true)
        }
        #expect(profitable > 10)
    }

    @Test func largePoolsStayExactAndProven() throws {
        // ETH/USDT-like reserves with a price gap: the closed form plus the walk lands on the integer optimum.
        let e18 = U256(1_000_000_000_000_000_000)
        let got = try #require(
            try V2Arbitrage.optimalInput(
                aIn: e18 * U256(10_000), aOut: U256(30_000_000_000_000), feeA: 30,
                bIn: U256(29_000_000_000_000), bOut: e18 * U256(10_000), feeB: 30))
        #expect(got.profit > .zero)
        for d: UInt64 in [1, 2, 1000] {
            for x in [got.amountIn + U256(d), got.amountIn - U256(d)] {
                let y = try V2Math.getAmountOut(
                    amountIn: x, reserveIn: e18 * U256(10_000), reserveOut: U256(30_000_000_000_000))
                let z = try V2Math.getAmountOut(
                    amountIn: y, reserveIn: U256(29_000_000_000_000), reserveOut: e18 * U256(10_000))
                #expect(z < x + got.profit || (z == x + got.profit && x > got.amountIn), "x=\(x) beats the optimum")
            }
        }
    }
}
