// Re-reads known pools at a new pinned block for `defi scan --watch`: one Multicall round for every pool's top-level
// state (V2 getReserves/token0/token1, V3 slot0/liquidity/fee/tickSpacing), then bitmap words and ticks only for
// the V3 pools whose top-level state changed. Unchanged pools keep their entries.
import Chain
import Primitives

extension PoolReader {
    /// `pools` at this reader's block and the indices of those whose state changed. A pool that no longer
    /// answers as a pool of its tokens throws `invalidState`.
    /// Curve and Balancer pools have no cheap change signal here: they are re-read in full every time (two
    /// Multicall rounds per kind) and reported changed when any field differs. `balancerVault` is the Vault to ask
    /// for balances (nil: each pool's getVault()).
    /// `liquidityTouched`: V3 pools that emitted Mint or Burn since the pools were read (see
    /// `v3LiquidityEventTopics`): a position minted or burnt away from the price changes ticks but neither slot0
    /// nor the active liquidity, so their bitmap and ticks are re-read whatever the top-level state says.
    public func refresh(
        _ pools: [PoolEntry], v2Fees: [String: UInt32] = [:], balancerVault: Address? = nil,
        liquidityTouched: Set<Address> = []
    ) async throws(ReaderError) -> (pools: [PoolEntry], changed: [Int]) {
        var candidates: [Candidate] = []
        var pairs: [(Address, Address)] = []
        var indices: [Int] = []
        var curveIndices: [Int] = []
        var balancerIndices: [Int] = []
        for (i, p) in pools.enumerated() {
            if case .curve = p.state {
                curveIndices.append(i)
                continue
            }
            if case .balancer = p.state {
                balancerIndices.append(i)
                continue
            }
            guard let (t0, t1) = p.state.tokens else { continue }
            var spec: V2VenueSpec? = nil
            var fee: UInt32 = 0
            switch p.state {
            case .uniswapV2(let pair):
                spec = V2VenueSpec(name: p.venue, factory: .zero, feeBps: v2Fees[p.venue] ?? pair.feeBps)
            case .uniswapV3(let e):
                fee = e.state.fee
            case .curve, .balancer, .reserved:
                continue
            }
            candidates.append(Candidate(venue: p.venue, address: p.address, v2: spec, fee: fee, fallbackIndex: 0))
            pairs.append((t0, t1))
            indices.append(i)
        }
        var out = pools
        var changed: [Int] = []
        var v3Changed: [Int] = []
        var v3Touched: [Int] = []
        if !candidates.isEmpty {
            // One round for all pools (decodeTop needs each pool's own pair).
            var calls: [Call3] = []
            var starts: [Int] = []
            for c in candidates {
                starts.append(calls.count)
                if c.v2 != nil {
                    calls += [
                        V2GetReserves().call3(c.address), V2Token0().call3(c.address), V2Token1().call3(c.address),
                    ]
                } else {
                    calls += [
                        V3Slot0().call3(c.address), V3Liquidity().call3(c.address), V3Fee().call3(c.address),
                        V3TickSpacing().call3(c.address),
                    ]
                }
            }
            let r = try await run(calls)
            for (k, c) in candidates.enumerated() {
                let s = starts[k]
                let i = indices[k]
                let (t0, t1) = pairs[k]
                guard
                    let state = try Self.decodeTop(c, Array(r[s..<(s + (c.v2 == nil ? 4 : 3))]), t0: t0, t1: t1)
                else { throw .invalidState(pool: c.address, "no longer answers as a pool of its tokens") }
                switch (state, pools[i].state) {
                case (.uniswapV2(let new), .uniswapV2(let old)):
                    if new != old {
                        out[i].state = state
                        changed.append(i)
                    }
                case (.uniswapV3(let new), .uniswapV3(let old)):
                    let o = old.state
                    let n = new.state
                    if n.sqrtPriceX96 != o.sqrtPriceX96 || n.tick != o.tick || n.liquidity != o.liquidity {
                        out[i].state = state
                        v3Changed.append(i)
                        changed.append(i)
                    } else if liquidityTouched.contains(c.address) {
                        out[i].state = state
                        v3Touched.append(i)
                    }
                default:
                    throw .invalidState(pool: c.address, "changed kind")
                }
            }
        }
        if !curveIndices.isEmpty {
            let fresh = try await CurveReader(view: view, multicall: multicall).read(curveIndices.map { pools[$0].address })
            for (k, i) in curveIndices.enumerated() where PoolState.curve(fresh[k]) != pools[i].state {
                out[i].state = .curve(fresh[k])
                changed.append(i)
            }
        }
        if !balancerIndices.isEmpty {
            let fresh = try await BalancerReader(view: view, multicall: multicall, vault: balancerVault)
                .read(balancerIndices.map { pools[$0].address })
            for (k, i) in balancerIndices.enumerated() where PoolState.balancer(fresh[k]) != pools[i].state {
                out[i].state = .balancer(fresh[k])
                changed.append(i)
            }
        }
        if !v3Changed.isEmpty || !v3Touched.isEmpty {
            let all = v3Changed + v3Touched
            let completed = try await completeV3(all.map { out[$0] })
            for (k, i) in all.enumerated() {
                out[i] = completed[k]
                // Touched but equal (e.g. a mint and burn of the same range): not a change.
                if k >= v3Changed.count, completed[k] != pools[i] { changed.append(i) }
            }
        }
        return (out, changed.sorted())
    }
}

extension PoolReader {
    /// topic0 of Uniswap V3's `Mint(address,address,int24,int24,uint128,uint256,uint256)` and
    /// `Burn(address,int24,int24,uint128,uint256,uint256)`: the events after which a pool's ticks may differ
    /// although slot0 and the active liquidity do not.
    public static let v3LiquidityEventTopics: [Hash32] = [
        Keccak256.hash(utf8: "Mint(address,address,int24,int24,uint128,uint256,uint256)"),
        Keccak256.hash(utf8: "Burn(address,int24,int24,uint128,uint256,uint256)"),
    ]
}
