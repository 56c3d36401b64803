import Primitives
import Testing
import Validation

@testable import Strategies

/// Möbius composition of constant-product hops.
@Suite struct MobiusTests {
    /// Hop-by-hop rational replay (no flooring): num/den after each hop y = n·R_out·x / (D·R_in + n·x).
    static func rational(_ x: U256, _ hops: [(rIn: U256, rOut: U256, fee: UInt64)]) -> (U256, U256) {
        var num = x
        var den = U256.one
        for h in hops {
            let n = U256(10_000 - h.fee)
            // y = n·rOut·(num/den) / (D·rIn + n·num/den) = n·rOut·num / (D·rIn·den + n·num)
            let nn = n &* h.rOut &* num
            let dd = U256(10_000) &* h.rIn &* den &+ n &* num
            num = nn
            den = dd
        }
        return (num, den)
    }

    @Test func compositionEqualsHopByHopReplay() throws {
        var rng = SystemRandomNumberGenerator()
        for trial in 0..<200 {
            let hops = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                (rIn: U256(UInt64.random(in: 100...50_000, using: &rng)),
                 rOut: U256(UInt64.random(in: 100...50_000, using: &rng)), fee: UInt64([0, 5, 30, 100].randomElement(using: &rng)!))
            }
            let maps = hops.map { Mobius(a: U256(10_000 - $0.fee) &* $0.rOut, c: U256(10_000 - $0.fee), d: U256(10_000) &* $0.rIn) }
            let m = try #require(Mobius.chain(maps))
            for x in [U256(1), U256(7), U256(UInt64.random(in: 1...100_000, using: &rng))] {
                let (num, den) = Self.rational(x, hops)
                #expect(m.apply(x) == num / den, "trial \(trial) x \(x): composed \(String(describing: m.apply(x))) vs replay \(num / den)")
            }
        }
    }

    @Test func largeChainsStayJustAboveTheFlooredReplay() throws {
        // Real-size reserves force the projective shift; the floored replay sits just below the real map.
        let e18 = U256(1_000_000_000_000_000_000)
        let pools = [
            F.v2(1, F.weth, F.usdc, U256(1_000) &* e18, U256(2_000_000_000_000)),
            F.v2(2, F.usdc, F.dai, U256(1_000_000_000_000), U256(1_020_000) &* e18),
            F.v2(3, F.dai, F.weth, U256(2_000_000) &* e18, U256(1_000) &* e18),
        ]
        let legs = F.legs(pools, from: F.weth)
        let m = try #require(Mobius.chain(legs.compactMap(\.mobius)))
        #expect(m.profitableAtMargin)
        for x in [e18, U256(10) &* e18, U256(1_000_000_000_000_000)] {
            let floored = try #require(RouteSizer.replay(legs, amountIn: x)?.last)
            let real = try #require(m.apply(x))
            // Each floor drops < 1 unit of a hop's output token (1e-6 USDC is ~5e8 wei of WETH here).
            #expect(floored <= real && real &- floored <= real / U256(1_000_000), "x \(x): floored \(floored) real \(real)")
        }
    }

    @Test func wideSquareRootIsTheFloor() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let a = U256(UInt64.random(in: 1...UInt64.max, using: &rng)) << Int.random(in: 0...180, using: &rng)
            let w = Wide(a, a)
            #expect(w.squareRoot() == a)
            let w1 = Wide(a, a) + Wide(a &+ a)  // a² + 2a < (a+1)²
            #expect(w1.squareRoot() == a)
        }
    }
}
