// A sized arbitrage route: the ordered swaps an opportunity makes, with the amounts the exact pool math predicts
// at the snapshot it was found in. The execution stream turns it into an ExecutorPlan (and picks the flash
// source); `simulate`/`execute` re-check it against a fresh block with `RoutePricer.reprice`. JSON: docs/route.md.
import DeFiCore
import Primitives

/// The arbitrage families a route can come from.
public enum RouteStrategy: String, Sendable, Equatable, CaseIterable, Codable {
    /// The same pair on two or more venues (buy cheap, sell rich).
    case spatial
    /// A cycle through three or more tokens.
    case triangular
}

/// One swap of a route: the plan hop (kind, pool, tokens, extra) plus its venue and predicted amounts.
public struct RouteHop: Sendable, Equatable {
    /// The hop as the executor encodes it; `amountIn` and `minOut` of the plan hop are left to the plan builder
    /// (use `amountIn`/`minOut` below).
    public var hop: PlanHop
    /// The venue's config name (`uniswap_v2_a`).
    public var venue: String
    /// Predicted input of this hop (the previous hop's output after the first).
    public var amountIn: U256
    /// Predicted output from the exact pool math.
    public var amountOut: U256
    /// The least output validation accepts for this hop (slippage bound); zero until validated.
    public var minOut: U256

    /// A hop with every field given.
    public init(hop: PlanHop, venue: String, amountIn: U256, amountOut: U256, minOut: U256 = .zero) {
        self.hop = hop
        self.venue = venue
        self.amountIn = amountIn
        self.amountOut = amountOut
        self.minOut = minOut
    }

    /// The plan hop with `minOut` filled in and `amountIn` set on the first hop only (`first`).
    public func planHop(first: Bool) -> PlanHop {
        var h = hop
        h.amountIn = first ? amountIn : .zero
        h.minOut = minOut
        return h
    }
}

/// A sized cyclic route: starts and ends in `tokenIn`.
public struct Route: Sendable, Equatable {
    /// The JSON schema identifier (docs/route.md).
    public static let schema = "defi.route/1"

    /// Which family found it.
    public var strategy: RouteStrategy
    /// The token spent by the first hop and received by the last (the profit token).
    public var tokenIn: Address
    /// The input size in `tokenIn`'s smallest unit (`hops[0].amountIn`).
    public var size: U256
    /// The swaps in order.
    public var hops: [RouteHop]
    /// The block of the snapshot the amounts were computed at.
    public var blockNumber: UInt64?

    /// A route with every field given.
    public init(strategy: RouteStrategy, tokenIn: Address, size: U256, hops: [RouteHop], blockNumber: UInt64? = nil) {
        self.strategy = strategy
        self.tokenIn = tokenIn
        self.size = size
        self.hops = hops
        self.blockNumber = blockNumber
    }

    /// The predicted output of the last hop.
    public var amountOut: U256 { hops.last?.amountOut ?? .zero }

    /// amountOut − size (negative when the route loses).
    public var grossProfit: I256 { I256(bits: amountOut) &- I256(bits: size) }

    /// The tokens visited, starting and ending with `tokenIn`.
    public var path: [Address] { [tokenIn] + hops.map(\.hop.tokenOut) }

    /// The plan hops for `StrategyPayload.arbitrage` (first hop spends `size`, later hops spend everything).
    public var planHops: [PlanHop] { hops.enumerated().map { $0.element.planHop(first: $0.offset == 0) } }

    /// The identity of the directed cycle whatever token it starts at: `key` of the rotation that starts at the
    /// smallest pool address.
    public var cycleKey: String {
        let parts = hops.map { "\($0.hop.pool.checksummed):\($0.hop.tokenIn.checksummed)" }
        guard let start = parts.indices.min(by: { parts[$0] < parts[$1] }) else { return "" }
        return (parts[start...] + parts[..<start]).joined(separator: ">")
    }

    /// A stable identity of the route's shape (pools and directions), independent of size and block.
    public var key: String {
        hops.map { "\($0.hop.pool.checksummed):\($0.hop.tokenIn.checksummed)" }.joined(separator: ">")
    }
}
