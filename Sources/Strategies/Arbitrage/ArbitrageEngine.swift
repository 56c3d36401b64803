// Spatial and n-cycle arbitrage over a MarketSnapshot, pure and deterministic. The cycle index is built once per
// pool topology; each scan prunes cycles whose summed log marginal rates are not positive (a concave chain can
// never beat its marginal rate), checks the Möbius margin exactly, and sizes the survivors with RouteSizer.
// `update(with:)` re-evaluates only cycles through pools whose state changed.
import DeFiCore
import Primitives
import Protocols
import Validation

/// What the engine looks for.
public struct ArbitrageOptions: Sendable, Equatable {
    /// Longest cycle, in hops (≥ 2).
    public var maxHops: Int
    /// Families to evaluate: 2-hop cycles are spatial, longer ones triangular.
    public var strategies: Set<RouteStrategy>
    /// Tokens cycles start from, in priority order (empty: every token of the snapshot).
    public var baseTokens: [Address]
    /// Largest input per start token (from max_position_usd); absent: pool limits only.
    public var maxInput: [Address: U256]
    /// List each cycle once from its highest-priority base token instead of once per base token it visits.
    public var canonicalOnly: Bool

    /// Options.
    public init(
        maxHops: Int = 3, strategies: Set<RouteStrategy> = Set(RouteStrategy.allCases), baseTokens: [Address] = [],
        maxInput: [Address: U256] = [:], canonicalOnly: Bool = false
    ) {
        self.canonicalOnly = canonicalOnly
        self.maxHops = maxHops
        self.strategies = strategies
        self.baseTokens = baseTokens
        self.maxInput = maxInput
    }
}

/// The engine's state over one market: the cycle index and the sized result of every cycle.
public struct ArbitrageEngine: Sendable {
    /// The market as last evaluated.
    public private(set) var snapshot: MarketSnapshot
    /// The options.
    public let options: ArbitrageOptions
    /// The structural cycles.
    public private(set) var index: CycleIndex
    /// Leg of each directed edge (nil for unpriced pools).
    var legs: [Leg?]
    /// ln marginal rate of each directed edge.
    var logRates: [Double]
    /// The sized result of each cycle (nil: not profitable or pruned).
    public private(set) var results: [SizedRoute?]
    /// Cycles evaluated by the last scan or update (pruned ones included).
    public private(set) var lastEvaluated = 0
    /// Cycles that passed the log-price bound in the last scan or update.
    public private(set) var lastSized = 0

    /// Builds the index over `snapshot` and evaluates every cycle.
    public init(snapshot: MarketSnapshot, options: ArbitrageOptions = ArbitrageOptions()) {
        self.snapshot = snapshot
        self.options = options
        self.index = CycleIndex(
            poolCount: snapshot.pools.count, coinCount: { Self.pricedCoinCount(snapshot.pools[$0].state) },
            coin: { Self.coin(snapshot.pools[$0].state, $1) }, bases: options.baseTokens,
            maxHops: options.maxHops, canonicalOnly: options.canonicalOnly)
        self.legs = []
        self.logRates = []
        self.results = []
        rebuildLegs()
        results = [SizedRoute?](repeating: nil, count: index.count)
        evaluate(0..<index.count)
    }

    /// The number of coins of a pool the engine prices (V2, V3: 2; Curve, Balancer: N); 0 otherwise.
    static func pricedCoinCount(_ s: PoolState) -> Int {
        switch s {
        case .uniswapV2, .uniswapV3: 2
        case .curve(let c): c.coins.count
        case .balancer(let b): b.tokens.count
        case .reserved: 0
        }
    }

    /// Coin `k` of a priced pool, in pool order.
    static func coin(_ s: PoolState, _ k: Int) -> Address {
        switch s {
        case .uniswapV2(let p): k == 0 ? p.token0 : p.token1
        case .uniswapV3(let p): k == 0 ? p.token0 : p.token1
        case .curve(let c): c.coins[k]
        case .balancer(let b): b.tokens[k]
        case .reserved: .zero
        }
    }

    mutating func rebuildLegs() {
        let edges = index.edgePool.count
        legs = [Leg?](repeating: nil, count: edges)
        logRates = [Double](repeating: -.infinity, count: edges)
        for i in snapshot.pools.indices { refreshLegs(pool: i) }
    }

    mutating func refreshLegs(pool i: Int) {
        let p = snapshot.pools[i]
        switch p.state {
        case .uniswapV2, .uniswapV3:
            let e = Int(index.poolEdgeStart[i])
            for (k, z) in [(0, true), (1, false)] {
                let leg = Leg(pool: p, zeroForOne: z)
                legs[e + k] = leg
                logRates[e + k] = leg.logRate
            }
        case .curve, .balancer:
            for e in Int(index.poolEdgeStart[i])..<Int(index.poolEdgeStart[i + 1]) {
                let c = index.edgeCoins[e]
                let leg = Leg(pool: p, indexIn: Int(c.in), indexOut: Int(c.out))
                legs[e] = leg
                logRates[e] = leg.logRate
            }
        case .reserved:
            return
        }
    }

    /// Re-evaluates every cycle (the pool states unchanged); returns the number evaluated.
    @discardableResult
    public mutating func evaluateAll() -> Int {
        evaluate(0..<index.count)
        return index.count
    }

    /// Re-evaluates against `newer`: a changed pool set rebuilds the index; otherwise only the cycles through
    /// pools whose state differs are sized again. Returns the number of cycles re-evaluated.
    @discardableResult
    public mutating func update(with newer: MarketSnapshot) -> Int {
        let sameTopology =
            newer.pools.count == snapshot.pools.count
            && zip(newer.pools, snapshot.pools).allSatisfy {
                $0.address == $1.address && $0.state.kind == $1.state.kind
            }
        guard sameTopology else {
            self = ArbitrageEngine(snapshot: newer, options: options)
            return index.count
        }
        var changed: [Int] = []
        for i in newer.pools.indices where newer.pools[i] != snapshot.pools[i] { changed.append(i) }
        snapshot = newer
        return apply(changedPools: changed)
    }

    /// Replaces the states of some pools (same addresses and kinds) and re-evaluates the cycles through them.
    @discardableResult
    public mutating func update(states: [Int: PoolState], blockNumber: UInt64? = nil) -> Int {
        for (i, s) in states { snapshot.pools[i].state = s }
        if let blockNumber { snapshot.blockNumber = blockNumber }
        return apply(changedPools: Array(states.keys))
    }

    mutating func apply(changedPools changed: [Int]) -> Int {
        for i in changed { refreshLegs(pool: i) }
        let affected = index.cycles(touching: changed)
        evaluate(affected.map(Int.init))
        return affected.count
    }

    mutating func evaluate(_ cycles: some Sequence<Int>) {
        var n = 0
        var sized = 0
        for c in cycles {
            n += 1
            let edges = index.cycle(c)
            let strategy: RouteStrategy = edges.count == 2 ? .spatial : .triangular
            guard options.strategies.contains(strategy) else {
                results[c] = nil
                continue
            }
            var s = 0.0
            for e in edges { s += logRates[Int(e)] }
            // A concave chain's output never beats its marginal rate: Σ ln(rate) ≤ 0 cannot gain (a heuristic
            // bound in doubles; the Möbius margin and the integer replay re-check every survivor exactly).
            guard s > 0 else {
                results[c] = nil
                continue
            }
            sized += 1
            var cycleLegs: [Leg] = []
            cycleLegs.reserveCapacity(edges.count)
            for e in edges {
                guard let l = legs[Int(e)] else { break }
                cycleLegs.append(l)
            }
            guard cycleLegs.count == edges.count else {
                results[c] = nil
                continue
            }
            results[c] = Self.size(cycleLegs, maxInput: options.maxInput[cycleLegs[0].tokenIn])
        }
        lastEvaluated = n
        lastSized = sized
    }

    /// The optimal size of one cycle (RouteSizer: bounded work per cycle; V2Arbitrage's proof walk can take
    /// 2^17 steps on deep pools of similarly priced tokens, where every size in a wide plateau is within a unit).
    public static func size(_ legs: [Leg], maxInput: U256?) -> SizedRoute? {
        RouteSizer.optimalSize(legs, maxInput: maxInput)
    }

    /// The profitable routes found, in cycle order (rank them after valuation).
    public func routes() -> [Route] {
        var out: [Route] = []
        for c in results.indices {
            guard let sized = results[c] else { continue }
            let edges = index.cycle(c)
            let cycleLegs = edges.compactMap { legs[Int($0)] }
            out.append(
                RoutePricer.route(
                    strategy: edges.count == 2 ? .spatial : .triangular, legs: cycleLegs, sized: sized,
                    blockNumber: snapshot.blockNumber))
        }
        return out
    }

    /// Number of profitable cycles.
    public var profitableCount: Int { results.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
}
