// The bridge from a route to the Validation layer's view of a trade, and back (min-outs).
import Primitives
import Protocols
import Validation

extension Route {
    /// The validation view of this route over `legs` (its pools in `snapshot`).
    public func trade(legs: [Leg]) -> TradeCandidate {
        let margin: Int
        if let m = Mobius.chain(legs.compactMap(\.mobius)), legs.allSatisfy({ $0.mobius != nil }), !m.d.isZero {
            // (A − E)·10^4 / E, signed.
            if m.a >= m.d {
                margin = Int(min((try? U256.mulDiv(m.a &- m.d, U256(10_000), m.d)) ?? U256(1_000_000), U256(1_000_000)).uint64 ?? 0)
            } else {
                margin = -Int(min((try? U256.mulDiv(m.d &- m.a, U256(10_000), m.d)) ?? U256(10_000), U256(10_000)).uint64 ?? 0)
            }
        } else {
            margin = 0
        }
        return TradeCandidate(
            tokenIn: tokenIn, size: size, legs: legs, amountsIn: hops.map(\.amountIn), amountsOut: hops.map(\.amountOut),
            marginBps: margin)
    }

    /// The route with each hop's min-out from a validation.
    public func withMinOuts(_ minOuts: [U256]) -> Route {
        var r = self
        for i in r.hops.indices where i < minOuts.count { r.hops[i].minOut = minOuts[i] }
        return r
    }
}
