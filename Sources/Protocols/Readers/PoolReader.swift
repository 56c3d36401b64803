// Reads the V2 pairs and V3 pools of one token pair at one pinned block, batched through Multicall3 aggregate3:
// round 1 discovers every pool and reads its top-level state (V2: getReserves, token0, token1, factory.getPair;
// V3 per fee tier: slot0, liquidity, fee, tickSpacing, factory.getPool), round 2 reads the V3 tick bitmap words
// around each pool's tick, round 3 reads ticks(i) for every initialized tick found. Each round is one HTTP round
// trip (all aggregate3 chunks ride in one JSON-RPC batch); a pool found only through getPair/getPool fallback
// costs one extra round.
import Chain
import Primitives

/// A Uniswap V2-style venue: pairs are CREATE2 children of `factory`.
public struct V2VenueSpec: Sendable, Equatable {
    /// The venue's config name.
    public var name: String
    /// The factory.
    public var factory: Address
    /// The pair init code hash (Sushiswap's when nil).
    public var initCodeHash: Hash32
    /// The swap fee in basis points.
    public var feeBps: UInt32

    /// A venue.
    public init(
        name: String, factory: Address, initCodeHash: Hash32 = V2Pair.sushiswapInitCodeHash, feeBps: UInt32 = 30
    ) {
        self.name = name
        self.factory = factory
        self.initCodeHash = initCodeHash
        self.feeBps = feeBps
    }
}

/// A Uniswap V3-style venue: pools per fee tier are CREATE2 children of `factory`.
public struct V3VenueSpec: Sendable, Equatable {
    /// The venue's config name.
    public var name: String
    /// The factory.
    public var factory: Address
    /// The pool init code hash.
    public var initCodeHash: Hash32
    /// Fee tiers to look for.
    public var feeTiers: [UInt32]

    /// The fee tiers Uniswap V3 enables by default (0.01 %, 0.05 %, 0.3 %, 1 %).
    public static let defaultFeeTiers: [UInt32] = [100, 500, 3000, 10000]

    /// A venue.
    public init(
        name: String, factory: Address, initCodeHash: Hash32 = V3PoolAddress.poolInitCodeHash,
        feeTiers: [UInt32] = V3VenueSpec.defaultFeeTiers
    ) {
        self.name = name
        self.factory = factory
        self.initCodeHash = initCodeHash
        self.feeTiers = feeTiers
    }
}

/// A read that failed: the node, or a contract answering something that is not a pool.
public enum ReaderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The RPC layer failed.
    case rpc(RPCError)
    /// A pool's return data did not decode.
    case decoding(pool: Address, CallDecodingError)
    /// A pool's state was rejected by the pure model.
    case invalidState(pool: Address, String)

    /// The one-line description.
    public var description: String {
        switch self {
        case .rpc(let e): "\(e)"
        case .decoding(let p, let e): "pool \(p): \(e)"
        case .invalidState(let p, let m): "pool \(p): \(m)"
        }
    }
}

/// Reads pool states for a token pair at one pinned block.
public struct PoolReader: Sendable {
    /// The pinned view every call goes through.
    public var view: PinnedView
    /// The aggregator.
    public var multicall: Multicall
    /// Bitmap words read on each side of the current tick's word; nil reads every word the pool can use.
    public var wordRadius: Int16?

    /// A reader; 16 words each side covers ±4096 tick spacings around the price.
    public init(view: PinnedView, multicall: Multicall, wordRadius: Int16? = 16) {
        self.view = view
        self.multicall = multicall
        self.wordRadius = wordRadius
    }

    /// HTTP round trips made through this reader's client so far.
    public var roundTrips: Int { view.client.roundTrips }

    struct Candidate {
        var venue: String
        var address: Address
        var v2: V2VenueSpec?
        var fee: UInt32
        var fallbackIndex: Int
    }

    /// Every pool of `tokenA`/`tokenB` on the given venues, with its state, at the pinned block.
    public func read(tokenA: Address, tokenB: Address, v2: [V2VenueSpec], v3: [V3VenueSpec]) async throws(ReaderError)
        -> [PoolEntry]
    {
        guard tokenA != tokenB else { return [] }
        let (t0, t1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA)
        var candidates: [Candidate] = []
        var fallbacks: [Call3] = []
        for venue in v2 {
            guard
                let a = try? V2Pair.address(
                    factory: venue.factory, tokenA: t0, tokenB: t1, initCodeHash: venue.initCodeHash)
            else { continue }
            candidates.append(
                Candidate(venue: venue.name, address: a, v2: venue, fee: 0, fallbackIndex: fallbacks.count))
            fallbacks.append(V2GetPair(tokenA: t0, tokenB: t1).call3(venue.factory))
        }
        for venue in v3 {
            for fee in venue.feeTiers {
                guard
                    let a = try? V3PoolAddress.compute(
                        factory: venue.factory, tokenA: t0, tokenB: t1, fee: fee, initCodeHash: venue.initCodeHash)
                else { continue }
                candidates.append(
                    Candidate(venue: venue.name, address: a, v2: nil, fee: fee, fallbackIndex: fallbacks.count))
                fallbacks.append(V3GetPool(tokenA: t0, tokenB: t1, fee: fee).call3(venue.factory))
            }
        }
        var out: [PoolEntry] = []
        var retry: [Candidate] = []
        let (states, fb) = try await topAndFallbacks(candidates, fallbacks: fallbacks, t0: t0, t1: t1)
        for (i, c) in candidates.enumerated() {
            if let s = states[i] {
                out.append(PoolEntry(venue: c.venue, address: c.address, state: s))
            } else if let alt = fb[c.fallbackIndex], !alt.isZero, alt != c.address {
                var moved = c
                moved.address = alt
                retry.append(moved)
            }
        }
        if !retry.isEmpty {
            let (again, _) = try await topAndFallbacks(retry, fallbacks: [], t0: t0, t1: t1)
            for (i, c) in retry.enumerated() {
                if let s = again[i] { out.append(PoolEntry(venue: c.venue, address: c.address, state: s)) }
            }
        }
        return try await completeV3(out)
    }

    /// Round 1: top-level state of each candidate (nil when no pool answers there) and the factory fallbacks.
    func topAndFallbacks(_ candidates: [Candidate], fallbacks: [Call3], t0: Address, t1: Address)
        async throws(ReaderError)
        -> ([PoolState?], [Address?])
    {
        var calls: [Call3] = []
        var starts: [Int] = []
        for c in candidates {
            starts.append(calls.count)
            if c.v2 != nil {
                calls += [V2GetReserves().call3(c.address), V2Token0().call3(c.address), V2Token1().call3(c.address)]
            } else {
                calls += [
                    V3Slot0().call3(c.address), V3Liquidity().call3(c.address), V3Fee().call3(c.address),
                    V3TickSpacing().call3(c.address),
                ]
            }
        }
        let fbStart = calls.count
        calls += fallbacks
        let r = try await run(calls)
        var states: [PoolState?] = []
        for (i, c) in candidates.enumerated() {
            let s = starts[i]
            // No code at the address: the call "succeeds" with empty data; not a pool.
            guard let d0 = r[s].returnData, !d0.isEmpty else { states.append(nil); continue }
            states.append(try Self.decodeTop(c, Array(r[s..<(s + (c.v2 == nil ? 4 : 3))]), t0: t0, t1: t1))
        }
        let fb: [Address?] = (0..<fallbacks.count).map { i in
            r[fbStart + i].returnData.flatMap { try? V2GetPair.decode($0) }
        }
        return (states, fb)
    }

    /// The state a candidate's round-1 outcomes describe; nil when the contract is not a pool of this pair.
    static func decodeTop(_ c: Candidate, _ r: [CallOutcome], t0: Address, t1: Address) throws(ReaderError)
        -> PoolState?
    {
        func d<T>(_ body: () throws(CallDecodingError) -> T) throws(ReaderError) -> T {
            do { return try body() } catch { throw .decoding(pool: c.address, error) }
        }
        func data(_ i: Int) -> [UInt8] { r[i].returnData ?? [] }
        if let spec = c.v2 {
            let res = try d { () throws(CallDecodingError) in try V2GetReserves.decode(data(0)) }
            let a0 = try d { () throws(CallDecodingError) in try V2Token0.decode(data(1)) }
            let a1 = try d { () throws(CallDecodingError) in try V2Token1.decode(data(2)) }
            guard a0 == t0, a1 == t1 else { return nil }
            do {
                return .uniswapV2(
                    try V2Pair(
                        token0: t0, token1: t1, reserve0: res.reserve0, reserve1: res.reserve1, feeBps: spec.feeBps))
            } catch { throw .invalidState(pool: c.address, error.description) }
        }
        let slot0 = try d { () throws(CallDecodingError) in try V3Slot0.decode(data(0)) }
        let liquidity = try d { () throws(CallDecodingError) in try V3Liquidity.decode(data(1)) }
        let fee = try d { () throws(CallDecodingError) in try V3Fee.decode(data(2)) }
        let spacing = try d { () throws(CallDecodingError) in try V3TickSpacing.decode(data(3)) }
        // No ticks yet: rounds 2 and 3 fill them in.
        do {
            let st = try V3PoolState(
                sqrtPriceX96: slot0.sqrtPriceX96, tick: slot0.tick, liquidity: liquidity, fee: fee,
                tickSpacing: spacing,
                ticks: [], knownWords: 0...0, feeProtocol: slot0.feeProtocol, unlocked: slot0.unlocked)
            return .uniswapV3(V3PoolEntry(token0: t0, token1: t1, state: st))
        } catch { throw .invalidState(pool: c.address, error.description) }
    }

    func run(_ calls: [Call3]) async throws(ReaderError) -> [CallOutcome] {
        do { return try await view.multicall(calls, using: multicall) } catch { throw .rpc(error) }
    }

    /// The word range read for a pool: ±wordRadius around the current tick's word, within the pool's usable words.
    public func wordRange(tick: Int32, tickSpacing: Int32) -> ClosedRange<Int16> {
        let all = V3PoolState.allWords(tickSpacing: tickSpacing)
        guard let r = wordRadius else { return all }
        let w = Int(TickBitmap.wordPosition(tick: tick, tickSpacing: tickSpacing, lte: true))
        let lo = max(Int(all.lowerBound), w - Int(r))
        let hi = min(Int(all.upperBound), w + Int(r))
        return Int16(lo)...Int16(max(lo, hi))
    }

    /// Rounds 2 and 3: bitmap words and initialized ticks for every V3 pool in `pools`.
    public func completeV3(_ pools: [PoolEntry]) async throws(ReaderError) -> [PoolEntry] {
        var wordCalls: [Call3] = []
        var ranges: [Int: ClosedRange<Int16>] = [:]
        for (i, p) in pools.enumerated() {
            guard case .uniswapV3(let e) = p.state else { continue }
            let range = wordRange(tick: e.state.tick, tickSpacing: e.state.tickSpacing)
            ranges[i] = range
            for w in range { wordCalls.append(V3TickBitmap(wordPosition: w).call3(p.address)) }
        }
        if wordCalls.isEmpty { return pools }
        let words = try await run(wordCalls)
        var k = 0
        var bitmaps: [Int: [Int16: U256]] = [:]
        var tickCalls: [Call3] = []
        var tickOwners: [(Int, Int32)] = []
        for (i, p) in pools.enumerated() {
            guard let range = ranges[i], case .uniswapV3(let e) = p.state else { continue }
            var bm: [Int16: U256] = [:]
            for w in range {
                let word: U256
                do { word = try V3TickBitmap.decode(words[k].returnData ?? []) } catch {
                    throw .decoding(pool: p.address, error)
                }
                k += 1
                guard !word.isZero else { continue }
                bm[w] = word
                for bit in 0..<256 where !(word >> bit & .one).isZero {
                    let tick = (Int32(w) * 256 + Int32(bit)) * e.state.tickSpacing
                    tickCalls.append(V3Ticks(tick: tick).call3(p.address))
                    tickOwners.append((i, tick))
                }
            }
            bitmaps[i] = bm
        }
        let tickData = tickCalls.isEmpty ? [] : try await run(tickCalls)
        var ticks: [Int: [V3Tick]] = [:]
        for (j, (i, tick)) in tickOwners.enumerated() {
            do {
                let t = try V3Ticks.decode(tickData[j].returnData ?? [])
                ticks[i, default: []].append(V3Tick(index: tick, liquidityNet: t.liquidityNet))
            } catch { throw .decoding(pool: pools[i].address, error) }
        }
        var out = pools
        for (i, range) in ranges {
            guard case .uniswapV3(let e) = pools[i].state else { continue }
            let s = e.state
            do {
                let full = try V3PoolState(
                    sqrtPriceX96: s.sqrtPriceX96, tick: s.tick, liquidity: s.liquidity, fee: s.fee,
                    tickSpacing: s.tickSpacing, bitmap: bitmaps[i] ?? [:], knownWords: range, ticks: ticks[i] ?? [],
                    feeProtocol: s.feeProtocol, unlocked: s.unlocked)
                out[i].state = .uniswapV3(V3PoolEntry(token0: e.token0, token1: e.token1, state: full))
            } catch { throw .invalidState(pool: pools[i].address, error.description) }
        }
        return out
    }
}
