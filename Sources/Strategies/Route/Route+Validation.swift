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
                margin = Int(
                    min((try? U256.mulDiv(m.a &- m.d, U256(10_000), m.d)) ?? U256(1_000_000), U256(1_000_000)).uint64
                        ?? 0)
            } else {
                margin = -Int(
                    min((try? U256.mulDiv(m.d &- m.a, U256(10_000), m.d)) ?? U256(10_000), U256(10_000)).uint64 ?? 0)
            }
        } else if let probeOut = RouteSizer.replay(legs, amountIn: Self.marginProbe(size))?.last {
            // No Möbius view (Curve, Balancer hops): the exact gain of a small probe (see marginProbe), a lower
            // bound of the marginal spread, (out − probe)·10^4 / probe.
            let probe = Self.marginProbe(size)
            let diff = probeOut >= probe ? probeOut &- probe : probe &- probeOut
            let bps = Int(min((try? U256.mulDiv(diff, U256(10_000), probe)) ?? U256(1_000_000), U256(1_000_000))
                .uint64 ?? 0)
            margin = probeOut >= probe ? bps : -min(bps, 10_000)
        } else {
            margin = 0
        }
        return TradeCandidate(
            tokenIn: tokenIn, size: size, legs: legs, amountsIn: hops.map(\.amountIn),
            amountsOut: hops.map(\.amountOut),
            marginBps: margin)
    }

    /// The probe measuring the marginal spread of a route without a Möbius view: size/10^4, at least
    /// min(10^4 units, size/10) so whole-unit flooring stays small, at least 1.
    static func marginProbe(_ size: U256) -> U256 {
        max(size / U256(10_000), min(U256(10_000), size / U256(10)), .one)
    }

    /// The route with each hop's min-out from a validation.
    public func withMinOuts(_ minOuts: [U256]) -> Route {
        var r = self
        for i in r.hops.indices where i < minOuts.count { r.hops[i].minOut = minOuts[i] }
        return r
    }
}
