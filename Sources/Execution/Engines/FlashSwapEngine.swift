import DeFiCore
import Primitives
import Protocols
import Strategies

/// Uniswap V2 flash swaps (contracts/README.md, flash kind 4):
/// - the route's first hop is a V2 pair: borrow that hop's output from the pair itself and repay it in the
///   route's first token (`getAmountIn`, computed on-chain in the callback) — the first swap costs no extra fee;
/// - otherwise a V2 pair holding the route's first token that is not on the route: borrow the token and repay
///   it in the same token with `ceil(amount·10000/(10000−fee))`.
public struct FlashSwapEngine: ExecutionEngine {
    /// A flash-swap engine.
    public init() {}
    /// `.flashSwap`.
    public var kind: EngineKind { .flashSwap }

    /// The flash-swap plans for `route`.
    public func candidates(for route: Route, in env: EngineEnvironment) async throws(ExecutionError) -> EngineResult {
        var out: [EngineCandidate] = []
        var skipped: [String] = []
        let hops = route.planHops
        if let first = route.hops.first, first.hop.kind == .uniswapV2, route.hops.count >= 2 {
            let fee = first.hop.extra.isZero ? 30 : (first.hop.extra.uint64 ?? 30)
            let asset = first.hop.tokenOut
            let flash = FlashSource.uniswapV2(
                pair: first.hop.pool, asset: asset, amount: first.amountOut, assetIsToken1: !(asset < first.hop.tokenIn),
                repayToken: first.hop.tokenIn, feeBps: UInt16(clamping: fee))
            var rest = Array(hops.dropFirst())
            rest[0].amountIn = .zero
            out.append(EngineCandidate(
                engine: .flashSwap, plan: Engines.plan(flash: flash, hops: rest, profitToken: route.tokenIn), fee: .zero,
                source: "uniswap_v2 flash swap on the first hop's pair \(first.hop.pool), repaid in \(first.hop.tokenIn)"))
        } else {
            skipped.append("flash swap on the first hop: the first hop is not a V2 pair followed by more hops")
        }
        let onRoute = Set(route.hops.map(\.hop.pool))
        for p in env.snapshot.pools where !onRoute.contains(p.address) {
            guard case .uniswapV2(let pair) = p.state, pair.token0 == route.tokenIn || pair.token1 == route.tokenIn else {
                continue
            }
            let reserve = pair.token0 == route.tokenIn ? pair.reserve0 : pair.reserve1
            guard reserve > route.size else {
                skipped.append("uniswap_v2 flash swap \(p.address): reserve \(reserve) ≤ \(route.size)")
                continue
            }
            let fee = Self.sameTokenFee(amount: route.size, feeBps: UInt64(pair.feeBps))
            let flash = FlashSource.uniswapV2(pair: p.address, asset: route.tokenIn, amount: route.size,
                                              assetIsToken1: pair.token1 == route.tokenIn, repayToken: nil,
                                              feeBps: UInt16(clamping: pair.feeBps))
            out.append(EngineCandidate(engine: .flashSwap, plan: Engines.plan(flash: flash, hops: hops, profitToken: route.tokenIn),
                                       fee: fee, source: "uniswap_v2 flash swap \(p.address) repaid in the same token"))
        }
        return EngineResult(candidates: out.sorted { $0.fee < $1.fee }, skipped: skipped)
    }

    /// Repaying a V2 flash swap in the borrowed token: `ceil(amount·10000/(10000−fee)) − amount`
    /// (UniswapV2Pair's K check with the input on the same side).
    public static func sameTokenFee(amount: U256, feeBps: UInt64) -> U256 {
        let num = amount * U256(10_000)
        let den = U256(10_000 - min(feeBps, 9_999))
        let (q, r) = num.quotientAndRemainder(dividingBy: den)
        return (r.isZero ? q : q + .one) - amount
    }
}
