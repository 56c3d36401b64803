// The Möbius view of a leg, for closed-form sizing of constant-product chains (see Mobius.swift).
import Primitives
import Protocols
import Validation

extension Leg {
    /// The leg as a Möbius map x ↦ a·x / (c·x + d): V2 exactly (before flooring), V3 with the virtual reserves of
    /// the current tick range (x_v = L·2^96/√P, y_v = L·√P/2^96); nil without liquidity.
    public var mobius: Mobius? {
        switch pool.state {
        case .uniswapV2(let p):
            let (rIn, rOut) = zeroForOne ? (p.reserve0, p.reserve1) : (p.reserve1, p.reserve0)
            guard !rIn.isZero, !rOut.isZero else { return nil }
            let n = U256(UInt64(10_000 - p.feeBps))
            // uint112 reserves: every product < 2^126.
            return Mobius(a: n &* rOut, c: n, d: U256(10_000) &* rIn)
        case .uniswapV3(let e):
            let s = e.state
            guard s.liquidity > 0, !s.sqrtPriceX96.isZero else { return nil }
            let l = U256(s.liquidity)
            let q96 = U256.one << 96
            guard let x = try? U256.mulDiv(l, q96, s.sqrtPriceX96), let y = try? U256.mulDiv(l, s.sqrtPriceX96, q96),
                !x.isZero, !y.isZero
            else { return nil }
            let (rIn, rOut) = zeroForOne ? (x, y) : (y, x)
            let n = U256(UInt64(1_000_000 - s.fee))
            return Mobius.scaled(a: Wide(n, rOut), c: Wide(n), d: Wide(U256(1_000_000), rIn))
        case .reserved:
            return nil
        }
    }
}
