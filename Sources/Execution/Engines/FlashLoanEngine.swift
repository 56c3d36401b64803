import Chain
import DeFiCore
import Primitives
import Protocols
import Strategies
import Validation

/// A flash loan of the route's first token from the cheapest lender with enough liquidity: Aave V3
/// (`FLASHLOAN_PREMIUM_TOTAL` read on-chain, liquidity = the aToken's balance of the asset), a Uniswap V3 pool not
/// on the route (`ceil(amount·fee/1e6)`, liquidity = the pool's balance), the Balancer Vault (fee percentage read
/// from its ProtocolFeesCollector, liquidity = the Vault's balance). Every lender that can fund it is offered,
/// cheapest first, so the runner can fall back when the cheapest one's simulation fails.
public struct FlashLoanEngine: ExecutionEngine {
    /// A flash-loan engine.
    public init() {}
    /// `.flashLoan`.
    public var kind: EngineKind { .flashLoan }

    /// The lenders that can lend `route.size` of `route.tokenIn`, cheapest first.
    public func candidates(for route: Route, in env: EngineEnvironment) async throws(ExecutionError) -> EngineResult {
        let asset = route.tokenIn
        let amount = route.size
        var out: [EngineCandidate] = []
        var skipped: [String] = []
        let onRoute = Set(route.hops.map(\.hop.pool))

        if let pool = env.aavePool {
            let aave = try await aaveOption(pool: pool, asset: asset, amount: amount, env: env)
            switch aave {
            case .success(let c): out.append(c)
            case .failure(let why): skipped.append(why.reason)
            }
        }
        for p in env.snapshot.pools where !onRoute.contains(p.address) {
            guard case .uniswapV3(let v3) = p.state, v3.token0 == asset || v3.token1 == asset else { continue }
            let liquidity = try await env.balance(asset, of: p.address)
            let fee = Self.v3FlashFee(amount: amount, fee: v3.state.fee)
            guard liquidity >= amount else {
                skipped.append("uniswap_v3_flash \(p.address): holds \(liquidity), needs \(amount)")
                continue
            }
            let flash = FlashSource.uniswapV3(pool: p.address, asset: asset, amount: amount, assetIsToken1: v3.token1 == asset)
            out.append(EngineCandidate(engine: .flashLoan,
                                       plan: Engines.plan(flash: flash, hops: route.planHops, profitToken: asset),
                                       fee: fee, source: "uniswap_v3_flash \(p.address) fee \(v3.state.fee) ppm"))
        }
        if let vault = env.balancerVault {
            let b = try await balancerOption(vault: vault, asset: asset, amount: amount, env: env)
            switch b {
            case .success(let c): out.append(c)
            case .failure(let why): skipped.append(why.reason)
            }
        }
        out.sort { $0.fee < $1.fee }
        for i in out.indices { out[i].plan.payload = .arbitrage(hops: route.planHops) }
        return EngineResult(candidates: out, skipped: skipped)
    }

    /// UniswapV3Pool.flash: `fee0 = FullMath.mulDivRoundingUp(amount0, fee, 1e6)`.
    public static func v3FlashFee(amount: U256, fee: UInt32) -> U256 {
        let (q, r) = (amount * U256(UInt64(fee))).quotientAndRemainder(dividingBy: U256(1_000_000))
        return r.isZero ? q : q + .one
    }

    /// Aave's `flashLoanSimple` premium: `percentMul(amount, FLASHLOAN_PREMIUM_TOTAL)` (half up).
    public static func aavePremium(amount: U256, premiumBps: U256) -> U256? {
        try? AaveFlashLoanPremium(amount: amount, premiumTotal: premiumBps, premiumToProtocol: .zero).premium
    }

    struct Skip: Error { let reason: String }

    func aaveOption(pool: Address, asset: Address, amount: U256, env: EngineEnvironment) async throws(ExecutionError)
        -> Result<EngineCandidate, Skip>
    {
        let bps: U256
        do { bps = try await AaveReads.flashLoanPremium(pool: pool, view: env.view) } catch {
            return .failure(Skip(reason: "aave_v3: \(error.description)"))
        }
        let data: [UInt8]
        do { data = try AavePool.GetReserveData(asset: asset).encode() } catch {
            throw .failure(code: "encode", reason: "getReserveData: \(error)")
        }
        let outcome: CallOutcome
        do { outcome = try await env.view.call(CallRequest(to: pool, data: data)) } catch { throw .from(error) }
        guard case .success(let d) = outcome, let reserve = try? AavePool.GetReserveData.decode(d),
            reserve.aTokenAddress != .zero
        else { return .failure(Skip(reason: "aave_v3: \(asset) is not a reserve")) }
        let liquidity = try await env.balance(asset, of: reserve.aTokenAddress)
        guard liquidity >= amount else {
            return .failure(Skip(reason: "aave_v3: liquidity \(liquidity) < \(amount)"))
        }
        guard let premium = Self.aavePremium(amount: amount, premiumBps: bps) else {
            return .failure(Skip(reason: "aave_v3: premium overflows"))
        }
        let flash = FlashSource(kind: .aaveSimple, lender: pool, asset: asset, amount: amount)
        return .success(EngineCandidate(engine: .flashLoan, plan: Engines.plan(flash: flash, hops: [], profitToken: asset),
                                        fee: premium, source: "aave_v3 premium \(bps) bps"))
    }

    func balancerOption(vault: Address, asset: Address, amount: U256, env: EngineEnvironment)
        async throws(ExecutionError) -> Result<EngineCandidate, Skip>
    {
        func word(_ to: Address, _ f: ABIFunction) async throws(ExecutionError) -> [UInt8]? {
            let data: [UInt8]
            do { data = try f.encodeCall([]) } catch { return nil }
            let o: CallOutcome
            do { o = try await env.view.call(CallRequest(to: to, data: data)) } catch { throw .from(error) }
            guard case .success(let d) = o, d.count >= 32 else { return nil }
            return Array(d.prefix(32))
        }
        guard let c = try await word(vault, BalancerFlashLoan.getProtocolFeesCollector),
            let collector = try? Address(bytes: c.suffix(20)),
            let p = try await word(collector, BalancerFlashLoan.getFlashLoanFeePercentage),
            let pct = try? U256(bigEndian: p), let fee = try? BalancerFlashLoan.fee(amount: amount, feePercentage: pct)
        else { return .failure(Skip(reason: "balancer_v2: cannot read the flash-loan fee from \(vault)")) }
        let liquidity = try await env.balance(asset, of: vault)
        guard liquidity >= amount else { return .failure(Skip(reason: "balancer_v2: liquidity \(liquidity) < \(amount)")) }
        let flash = FlashSource(kind: .balancer, lender: vault, asset: asset, amount: amount)
        return .success(EngineCandidate(engine: .flashLoan, plan: Engines.plan(flash: flash, hops: [], profitToken: asset),
                                        fee: fee, source: "balancer_v2 fee \(pct) / 1e18"))
    }
}
