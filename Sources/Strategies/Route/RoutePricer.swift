// Re-checks a route against another MarketSnapshot (a fresh block): the same pools in the same directions,
// re-sized for the new state and re-priced with the exact pool math. `execute` calls this before it builds a
// plan; `replay` prices a fixed size (what a plan with that amountIn would receive).
import DeFiCore
import Primitives
import Protocols
import Validation

/// Why a route cannot be priced against a snapshot.
public enum RouteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A hop's pool is not in the snapshot.
    case poolMissing(hop: Int, pool: Address)
    /// A hop's pool does not trade its tokens, or is of a kind this build does not price.
    case poolMismatch(hop: Int, pool: Address, reason: String)
    /// The route reverts at this size (zero output, no liquidity, ticks beyond those read).
    case reverts(size: U256)
    /// No size is profitable in the new state.
    case noLongerProfitable(block: UInt64)

    /// The one-line description.
    public var description: String {
        switch self {
        case .poolMissing(let i, let p): "hop \(i): pool \(p) is not in the market snapshot"
        case .poolMismatch(let i, let p, let r): "hop \(i): pool \(p) \(r)"
        case .reverts(let s): "the route reverts at size \(s)"
        case .noLongerProfitable(let b): "no size of the route is profitable at block \(b)"
        }
    }
}

/// Pure re-pricing of routes against snapshots.
public enum RoutePricer {
    /// The route's legs with the states `snapshot` holds for its pools.
    public static func legs(of route: Route, in snapshot: MarketSnapshot) throws(RouteError) -> [Leg] {
        var byAddress: [Address: PoolEntry] = [:]
        // Balancer hops name the Vault; their pool is the snapshot's Balancer pool whose poolId is `extra`.
        var byPoolId: [U256: PoolEntry] = [:]
        for p in snapshot.pools {
            byAddress[p.address] = p
            if case .balancer(let b) = p.state, let id = try? U256(bigEndian: b.poolId.bytes) { byPoolId[id] = p }
        }
        var legs: [Leg] = []
        for (i, h) in route.hops.enumerated() {
            let entry = h.hop.kind == .balancer ? byPoolId[h.hop.extra] : byAddress[h.hop.pool]
            guard let p = entry else { throw .poolMissing(hop: i, pool: h.hop.pool) }
            guard let leg = Leg(pool: p, tokenIn: h.hop.tokenIn, tokenOut: h.hop.tokenOut) else {
                throw .poolMismatch(
                    hop: i, pool: h.hop.pool, reason: "does not swap \(h.hop.tokenIn) for \(h.hop.tokenOut)")
            }
            guard let planned = leg.planHop, planned.kind == h.hop.kind, planned.pool == h.hop.pool,
                h.hop.kind == .uniswapV2 || h.hop.kind == .uniswapV3 || planned.extra == h.hop.extra
            else {
                throw .poolMismatch(hop: i, pool: h.hop.pool, reason: "is not a \(h.hop.kind.name) pool")
            }
            legs.append(leg)
        }
        return legs
    }

    /// A route over `legs` with the amounts of `sized` (minOut cleared: validation sets it again).
    public static func route(
        strategy: RouteStrategy, legs: [Leg], sized: SizedRoute, blockNumber: UInt64?
    ) -> Route {
        var hops: [RouteHop] = []
        var x = sized.size
        for (i, leg) in legs.enumerated() {
            // Legs come from priced pools: planHop is non-nil.
            let hop =
                leg.planHop
                ?? PlanHop(kind: .uniswapV2, pool: leg.pool.address, tokenIn: leg.tokenIn, tokenOut: leg.tokenOut)
            hops.append(RouteHop(hop: hop, venue: leg.pool.venue, amountIn: x, amountOut: sized.outputs[i]))
            x = sized.outputs[i]
        }
        return Route(
            strategy: strategy, tokenIn: legs[0].tokenIn, size: sized.size, hops: hops, blockNumber: blockNumber)
    }

    /// The route at its own size priced against `snapshot` (each hop's exact output, hop extras kept).
    public static func replay(_ route: Route, in snapshot: MarketSnapshot, size: U256? = nil) throws(RouteError)
        -> Route
    {
        let legs = try legs(of: route, in: snapshot)
        let x = size ?? route.size
        guard let outs = RouteSizer.replay(legs, amountIn: x) else { throw .reverts(size: x) }
        var r = route
        var amount = x
        for i in r.hops.indices {
            r.hops[i].amountIn = amount
            r.hops[i].amountOut = outs[i]
            r.hops[i].minOut = .zero
            amount = outs[i]
        }
        r.size = x
        r.blockNumber = snapshot.blockNumber
        return r
    }

    /// The route re-sized to its optimum in `snapshot` (at most `maxInput`) and re-priced; throws
    /// `noLongerProfitable` when no size gains any more.
    public static func reprice(_ route: Route, in snapshot: MarketSnapshot, maxInput: U256? = nil) throws(RouteError)
        -> Route
    {
        let legs = try legs(of: route, in: snapshot)
        guard let sized = RouteSizer.optimalSize(legs, maxInput: maxInput) else {
            throw .noLongerProfitable(block: snapshot.blockNumber)
        }
        var r = Self.route(strategy: route.strategy, legs: legs, sized: sized, blockNumber: snapshot.blockNumber)
        for i in r.hops.indices { r.hops[i].hop.extra = route.hops[i].hop.extra }
        return r
    }
}
