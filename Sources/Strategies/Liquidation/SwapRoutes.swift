import Chain
import DeFiCore
import Primitives
import Protocols

/// A priced route that sells one token for another through the executor's hop engine.
public struct SwapRoute: Sendable, Equatable {
    /// The hops, in order (the first sells everything it receives: `amountIn` 0).
    public var hops: [PlanHop]
    /// The exact output the adapters compute for the input.
    public var amountOut: U256
    /// The adapters' gas estimate for the hops.
    public var gasEstimate: UInt64
    /// `venue:pool` per hop, for reports.
    public var venues: [String]
}

/// Exact quotes of collateral → debt swaps over the configured V2/V3 venues at one pinned block: the pools of
/// each needed pair are read once per sweep into a `MarketSnapshot` and priced by `QuoteEngine`; direct routes and
/// two-hop routes through each intermediate token are compared on exact output.
public actor SwapRouter {
    let reader: PoolReader
    let v2: [V2VenueSpec]
    let v3: [V3VenueSpec]
    let intermediates: [Address]
    var pools: [String: [PoolEntry]] = [:]

    /// A router over the venues, reading at `view`.
    public init(view: PinnedView, multicall: Multicall, v2: [V2VenueSpec], v3: [V3VenueSpec], intermediates: [Address]) {
        self.reader = PoolReader(view: view, multicall: multicall)
        self.v2 = v2
        self.v3 = v3
        self.intermediates = intermediates
    }

    /// A router over pools already in hand (tests, saved snapshots): no reads.
    public init(pools entries: [PoolEntry], intermediates: [Address], view: PinnedView) {
        self.reader = PoolReader(view: view, multicall: Multicall())
        self.v2 = []
        self.v3 = []
        self.intermediates = intermediates
        var byPair: [String: [PoolEntry]] = [:]
        for p in entries {
            guard let (a, b) = p.state.tokens else { continue }
            byPair[Self.key(a, b), default: []].append(p)
        }
        self.pools = byPair
    }

    static func key(_ a: Address, _ b: Address) -> String {
        a < b ? a.lowercaseHex + b.lowercaseHex : b.lowercaseHex + a.lowercaseHex
    }

    func entries(_ a: Address, _ b: Address) async throws -> [PoolEntry] {
        let k = Self.key(a, b)
        if let p = pools[k] { return p }
        let read = try await reader.read(tokenA: a, tokenB: b, v2: v2, v3: v3)
        pools[k] = read
        return read
    }

    func bestQuote(_ a: Address, _ b: Address, _ amount: U256) async throws -> PoolQuote? {
        var list = try await entries(a, b)
        let snapshot = MarketSnapshot(
            chainID: nil, blockNumber: reader.view.block.number, blockHash: reader.view.block.hash, tokens: [],
            pools: list)
        var outcome = QuoteEngine.quote(snapshot, tokenIn: a, tokenOut: b, amount: amount, side: .exactIn)
        let short = Set(outcome.failures.filter { $0.failure.needsMoreTicks }.map(\.pool))
        if !short.isEmpty && !v3.isEmpty {
            // The swap walks past the bitmap words read: read those pools whole once, then price again.
            let wide = PoolReader(view: reader.view, multicall: reader.multicall, wordRadius: nil)
            let idx = list.indices.filter { short.contains(list[$0].address) }
            let again = try await wide.completeV3(idx.map { list[$0] })
            for (k, i) in idx.enumerated() { list[i] = again[k] }
            pools[Self.key(a, b)] = list
            let s2 = MarketSnapshot(
                chainID: nil, blockNumber: reader.view.block.number, blockHash: reader.view.block.hash, tokens: [],
                pools: list)
            outcome = QuoteEngine.quote(s2, tokenIn: a, tokenOut: b, amount: amount, side: .exactIn)
        }
        return outcome.best
    }

    static func hop(_ q: PoolQuote, _ a: Address, _ b: Address) -> PlanHop? {
        switch q.kind {
        case "uniswap_v2":
            return PlanHop(kind: .uniswapV2, pool: q.pool, tokenIn: a, tokenOut: b, extra: U256(UInt64(q.fee / 100)))
        case "uniswap_v3":
            return PlanHop(kind: .uniswapV3, pool: q.pool, tokenIn: a, tokenOut: b)
        default:
            return nil
        }
    }

    /// The best route selling exactly `amount` of `tokenIn` for `tokenOut`, or nil when no pool connects them.
    public func route(sell amount: U256, of tokenIn: Address, for tokenOut: Address) async throws -> SwapRoute? {
        guard !amount.isZero, tokenIn != tokenOut else { return nil }
        var best: SwapRoute?
        if let q = try await bestQuote(tokenIn, tokenOut, amount), let h = Self.hop(q, tokenIn, tokenOut) {
            best = SwapRoute(
                hops: [h], amountOut: q.amountOut, gasEstimate: q.gasEstimate, venues: ["\(q.venue):\(q.pool)"])
        }
        for mid in intermediates where mid != tokenIn && mid != tokenOut {
            guard let q1 = try await bestQuote(tokenIn, mid, amount), let h1 = Self.hop(q1, tokenIn, mid),
                !q1.amountOut.isZero, let q2 = try await bestQuote(mid, tokenOut, q1.amountOut),
                let h2 = Self.hop(q2, mid, tokenOut)
            else { continue }
            if let b = best, b.amountOut >= q2.amountOut { continue }
            best = SwapRoute(
                hops: [h1, h2], amountOut: q2.amountOut, gasEstimate: q1.gasEstimate + q2.gasEstimate,
                venues: ["\(q1.venue):\(q1.pool)", "\(q2.venue):\(q2.pool)"])
        }
        return best
    }
}
