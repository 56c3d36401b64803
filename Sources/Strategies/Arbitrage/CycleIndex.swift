// The token graph over a snapshot's priced pools and every structural cycle of 2...maxHops pools through a base
// token, enumerated once per topology. A directed cycle through k base tokens is listed once per base (each
// rotation is the same trade settled in another token, and its best size and profit differ), or, with
// `canonicalOnly`, once, starting at its highest-priority base token. `cycles(touching:)` is the
// pool → cycles index that makes re-scans incremental.
import Primitives
import Protocols

/// Directed edge id. Edges are numbered pool by pool; a pool of n tokens owns n·(n − 1) consecutive ids, coin a →
/// coin b for a in 0..<n, b ≠ a in order. Over two-token pools only this is 2·poolIndex + (zeroForOne ? 0 : 1).
public typealias EdgeID = Int32

/// The structural cycles of a set of pools.
public struct CycleIndex: Sendable {
    /// Token addresses by token index.
    public let tokens: [Address]
    /// Token index of each edge's input and output.
    public let edgeFrom: [Int32]
    /// Output token index of each edge.
    public let edgeTo: [Int32]
    /// Flattened cycle edges; cycle c is `edges[offsets[c]..<offsets[c + 1]]`.
    public let edges: [EdgeID]
    /// Cycle boundaries (count + 1 entries).
    public let offsets: [Int32]
    /// Cycles containing each pool (by pool index).
    public let poolCycles: [[Int32]]
    /// Pool index of each edge.
    public let edgePool: [Int32]
    /// Coin index (in the pool's order) sold and bought by each edge.
    public let edgeCoins: [(in: UInt8, out: UInt8)]
    /// First edge of each pool (pool count + 1 entries): pool p owns `poolEdgeStart[p]..<poolEdgeStart[p + 1]`.
    public let poolEdgeStart: [Int32]

    /// Number of cycles.
    public var count: Int { offsets.count - 1 }

    /// The edges of cycle `c`.
    @inlinable public func cycle(_ c: Int) -> ArraySlice<EdgeID> { edges[Int(offsets[c])..<Int(offsets[c + 1])] }

    /// The pool index of an edge.
    @inlinable public func pool(_ e: EdgeID) -> Int { Int(edgePool[Int(e)]) }

    /// Whether an edge sells the lower coin index (token0 of a two-token pool).
    @inlinable public func zeroForOne(_ e: EdgeID) -> Bool { edgeCoins[Int(e)].in < edgeCoins[Int(e)].out }

    /// Enumerates the cycles of two-token `pools` (nil entries: unpriced pools, left out); see
    /// ``init(poolTokens:bases:maxHops:canonicalOnly:)``.
    public init(pools: [(Address, Address)?], bases: [Address], maxHops: Int, canonicalOnly: Bool = false) {
        self.init(
            poolCount: pools.count, coinCount: { pools[$0] == nil ? 0 : 2 },
            coin: { p, k in k == 0 ? pools[p]!.0 : pools[p]!.1 }, bases: bases, maxHops: maxHops,
            canonicalOnly: canonicalOnly)
    }

    /// Enumerates the cycles of 2...maxHops hops that start at a token of `bases` (priority order; empty: every
    /// token, by first appearance) over pools given by their coins in pool order (fewer than two: unpriced, left
    /// out). Every ordered coin pair of a pool is an edge; a cycle uses each pool at most once (a second pass
    /// through a pool would be priced against the state before the first).
    public init(poolTokens pools: [[Address]], bases: [Address], maxHops: Int, canonicalOnly: Bool = false) {
        self.init(
            poolCount: pools.count, coinCount: { pools[$0].count }, coin: { pools[$0][$1] }, bases: bases,
            maxHops: maxHops, canonicalOnly: canonicalOnly)
    }

    /// The enumeration over pools given by their coin counts and coins (no per-pool arrays: the index of a large
    /// market is rebuilt on every topology change).
    public init(
        poolCount: Int, coinCount: (Int) -> Int, coin: (Int, Int) -> Address, bases: [Address], maxHops: Int,
        canonicalOnly: Bool = false
    ) {
        var index: [Address: Int32] = [:]
        var tokens: [Address] = []
        func id(_ a: Address) -> Int32 {
            if let i = index[a] { return i }
            let i = Int32(tokens.count)
            index[a] = i
            tokens.append(a)
            return i
        }
        var from: [Int32] = []
        var to: [Int32] = []
        var edgePool: [Int32] = []
        var edgeCoins: [(in: UInt8, out: UInt8)] = []
        var poolEdgeStart: [Int32] = [0]
        from.reserveCapacity(poolCount * 2)
        to.reserveCapacity(poolCount * 2)
        edgePool.reserveCapacity(poolCount * 2)
        edgeCoins.reserveCapacity(poolCount * 2)
        poolEdgeStart.reserveCapacity(poolCount + 1)
        var ids: [Int32] = []
        for i in 0..<poolCount {
            // Unpriced pools keep two (dead) ids so two-token ids stay 2·pool + direction.
            let count = coinCount(i)
            let n = count >= 2 ? count : 2
            ids.removeAll(keepingCapacity: true)
            for k in 0..<n { ids.append(count >= 2 ? id(coin(i, k)) : -1) }
            for a in 0..<n {
                for b in 0..<n where b != a {
                    from.append(ids[a])
                    to.append(ids[b])
                    edgePool.append(Int32(i))
                    edgeCoins.append((UInt8(truncatingIfNeeded: a), UInt8(truncatingIfNeeded: b)))
                }
            }
            poolEdgeStart.append(Int32(from.count))
        }
        // out[u]: edges leaving u with their head token and pool, packed for the walk (pool < 0: a two-token pool,
        // which the token checks alone keep from being used twice; multi-coin pools are tracked per path).
        let anyMulti = Int(poolEdgeStart[poolCount]) != 2 * poolCount
        var out = [[(e: EdgeID, v: Int32, pool: Int32)]](repeating: [], count: anyMulti ? tokens.count : 0)
        for e in 0..<from.count where anyMulti && from[e] >= 0 {
            let p = edgePool[e]
            let multi = poolEdgeStart[Int(p) + 1] - poolEdgeStart[Int(p)] > 2
            out[Int(from[e])].append((EdgeID(e), to[e], multi ? p : -1 - p))
        }
        var rank = [Int](repeating: Int.max, count: tokens.count)
        var baseIDs: [Int32] = []
        if bases.isEmpty {
            baseIDs = (0..<Int32(tokens.count)).map { $0 }
        } else {
            for b in bases { if let i = index[b], rank[Int(i)] == Int.max { baseIDs.append(i) } }
        }
        for (r, b) in baseIDs.enumerated() { rank[Int(b)] = r }

        var edges: [EdgeID] = []
        var offsets: [Int32] = [0]
        var poolCycles = [[Int32]](repeating: [], count: poolCount)
        var path: [EdgeID] = []
        var onPath = [Bool](repeating: false, count: tokens.count)
        var poolOnPath = [Bool](repeating: false, count: poolCount)
        var pathPools: [Int32] = []
        let hops = max(2, maxHops)

        func emit() {
            let c = Int32(offsets.count - 1)
            edges.append(contentsOf: path)
            offsets.append(Int32(edges.count))
            for p in pathPools where poolCycles[Int(p)].last != c { poolCycles[Int(p)].append(c) }
        }
        func walk(_ u: Int32, base: Int32, baseRank: Int) {
            for (e, v, p) in out[Int(u)] {
                let pool = p >= 0 ? p : -1 - p
                // Each pool at most once per cycle. A two-token pool on the path has both tokens on it, so only
                // closing a 2-hop cycle through the pool just used can repeat it.
                if p >= 0, poolOnPath[Int(p)] { continue }
                if v == base {
                    if path.count >= 1, !(path.count == 1 && pathPools[0] == pool) {
                        path.append(e)
                        pathPools.append(pool)
                        emit()
                        pathPools.removeLast()
                        path.removeLast()
                    }
                    continue
                }
                guard path.count + 1 < hops, !onPath[Int(v)], !canonicalOnly || rank[Int(v)] > baseRank else {
                    continue
                }
                onPath[Int(v)] = true
                if p >= 0 { poolOnPath[Int(p)] = true }
                path.append(e)
                pathPools.append(pool)
                walk(v, base: base, baseRank: baseRank)
                pathPools.removeLast()
                path.removeLast()
                if p >= 0 { poolOnPath[Int(p)] = false }
                onPath[Int(v)] = false
            }
        }
        // Two-token pools only (every V2/V3 market): edge e belongs to pool e >> 1 and the token checks alone keep
        // a pool from repeating, so the walk needs no pool bookkeeping (the arb bench's index time).
        let twoTokenOnly = Int(poolEdgeStart[poolCount]) == 2 * poolCount
        var adjacency2 = [[EdgeID]](repeating: [], count: twoTokenOnly ? tokens.count : 0)
        if twoTokenOnly { for e in 0..<from.count where from[e] >= 0 { adjacency2[Int(from[e])].append(EdgeID(e)) } }
        func emit2() {
            let c = Int32(offsets.count - 1)
            edges.append(contentsOf: path)
            offsets.append(Int32(edges.count))
            for e in path {
                let p = Int(e >> 1)
                if poolCycles[p].last != c { poolCycles[p].append(c) }
            }
        }
        func walk2(_ u: Int32, base: Int32, baseRank: Int) {
            for e in adjacency2[Int(u)] {
                let v = to[Int(e)]
                if v == base {
                    if path.count >= 1, !(path.count == 1 && (path[0] >> 1) == (e >> 1)) {
                        path.append(e)
                        emit2()
                        path.removeLast()
                    }
                    continue
                }
                guard path.count + 1 < hops, !onPath[Int(v)], !canonicalOnly || rank[Int(v)] > baseRank else {
                    continue
                }
                onPath[Int(v)] = true
                path.append(e)
                walk2(v, base: base, baseRank: baseRank)
                path.removeLast()
                onPath[Int(v)] = false
            }
        }
        for b in baseIDs {
            onPath[Int(b)] = true
            if twoTokenOnly {
                walk2(b, base: b, baseRank: rank[Int(b)])
            } else {
                walk(b, base: b, baseRank: rank[Int(b)])
            }
            onPath[Int(b)] = false
        }
        self.tokens = tokens
        self.edgeFrom = from
        self.edgeTo = to
        self.edges = edges
        self.offsets = offsets
        self.poolCycles = poolCycles
        self.edgePool = edgePool
        self.edgeCoins = edgeCoins
        self.poolEdgeStart = poolEdgeStart
    }

    /// Cycles containing any of `pools` (pool indices), sorted, without repeats.
    public func cycles(touching pools: some Sequence<Int>) -> [Int32] {
        var seen = Set<Int32>()
        for p in pools where p < poolCycles.count { seen.formUnion(poolCycles[p]) }
        return seen.sorted()
    }
}
