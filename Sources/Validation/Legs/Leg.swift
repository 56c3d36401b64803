// One directed swap through one pool of a snapshot, with its exact output function (the contracts' integer
// math through Protocols), its executor gas, and the log marginal rate the arbitrage engine prunes with (its
// Möbius view lives with the sizing code in Strategies).
import DeFiCore
import Foundation
import Primitives
import Protocols

/// A swap direction through one pool: (pool, coin index in, coin index out). Two-token pools (V2, V3) are
/// addressed by `zeroForOne`; multi-coin pools (Curve, Balancer: N coins, N·(N − 1) legs) by their indices in the
/// pool's own coin order (``PoolState/allTokens``).
public struct Leg: Sendable, Equatable {
    /// The pool.
    public var pool: PoolEntry
    /// token0 → token1 when true (for multi-coin pools: indexIn < indexOut).
    public var zeroForOne: Bool
    /// Index of the token sold in the pool's coin order (V2/V3: 0 when zeroForOne, else 1).
    public var indexIn: UInt8
    /// Index of the token bought.
    public var indexOut: UInt8

    /// A two-token leg; `pool` must be a priced two-token kind (V2 or V3).
    public init(pool: PoolEntry, zeroForOne: Bool) {
        self.pool = pool
        self.zeroForOne = zeroForOne
        self.indexIn = zeroForOne ? 0 : 1
        self.indexOut = zeroForOne ? 1 : 0
    }

    /// The leg selling coin `indexIn` for coin `indexOut` of any pool (both below its coin count, distinct).
    public init(pool: PoolEntry, indexIn: Int, indexOut: Int) {
        self.pool = pool
        self.zeroForOne = indexIn < indexOut
        self.indexIn = UInt8(truncatingIfNeeded: indexIn)
        self.indexOut = UInt8(truncatingIfNeeded: indexOut)
    }

    /// The leg of `pool` that sells `tokenIn` (for multi-coin pools also `tokenOut`, required there), or nil when
    /// the pool does not hold them or is not priced.
    public init?(pool: PoolEntry, tokenIn: Address, tokenOut: Address? = nil) {
        if let (t0, t1) = pool.state.tokens {
            guard tokenIn == t0 || tokenIn == t1 else { return nil }
            self.init(pool: pool, zeroForOne: tokenIn == t0)
            if let tokenOut, tokenOut != self.tokenOut { return nil }
            return
        }
        guard Self.multiCoin(pool.state), let tokenOut else { return nil }
        let coins = pool.state.allTokens
        guard let i = coins.firstIndex(of: tokenIn), let j = coins.firstIndex(of: tokenOut), i != j else {
            return nil
        }
        self.init(pool: pool, indexIn: i, indexOut: j)
    }

    /// Whether `state` is a multi-coin kind a leg prices (Curve, Balancer).
    public static func multiCoin(_ state: PoolState) -> Bool {
        switch state {
        case .curve, .balancer: true
        default: false
        }
    }

    /// The token sold.
    public var tokenIn: Address {
        switch pool.state {
        case .uniswapV2(let p): zeroForOne ? p.token0 : p.token1
        case .uniswapV3(let p): zeroForOne ? p.token0 : p.token1
        case .curve(let c): c.coins[Int(indexIn)]
        case .balancer(let b): b.tokens[Int(indexIn)]
        case .reserved: .zero
        }
    }

    /// The token bought.
    public var tokenOut: Address {
        switch pool.state {
        case .uniswapV2(let p): zeroForOne ? p.token1 : p.token0
        case .uniswapV3(let p): zeroForOne ? p.token1 : p.token0
        case .curve(let c): c.coins[Int(indexOut)]
        case .balancer(let b): b.tokens[Int(indexOut)]
        case .reserved: .zero
        }
    }

    /// The pool's balance of the token sold (Curve `balances(i)`, Balancer Vault balance; V2 reserve; V3 nil):
    /// the scale that brackets a size search over curves without a closed form.
    public var inputBalance: U256? {
        switch pool.state {
        case .uniswapV2(let p): zeroForOne ? p.reserve0 : p.reserve1
        case .uniswapV3: nil
        case .curve(let c): c.pool.balances[Int(indexIn)]
        case .balancer(let b): b.balances[Int(indexIn)]
        case .reserved: nil
        }
    }

    /// Whether the output is a closed-form constant-product function everywhere (V2).
    public var isConstantProduct: Bool {
        if case .uniswapV2 = pool.state { return true }
        return false
    }

    /// The exact output for `amountIn`, as the pool contract computes it; nil when the swap would revert (zero
    /// output, no liquidity, ticks beyond those read).
    @inlinable
    public func amountOut(_ amountIn: U256) -> U256? {
        guard !amountIn.isZero else { return nil }
        switch pool.state {
        case .uniswapV2(let pair):
            // UniswapV2Pair.swap reverts on a zero output.
            guard let out = try? pair.amountOut(amountIn: amountIn, zeroForOne: zeroForOne), !out.isZero else {
                return nil
            }
            return out
        case .uniswapV3(let e):
            guard let q = try? e.state.quoteExactInputSingle(zeroForOne: zeroForOne, amountIn: amountIn),
                !q.amount.isZero
            else { return nil }
            return q.amount
        case .curve(let c):
            // exchange() pays dy (the executor measures the balance change); a zero output is refused here.
            guard let out = try? c.pool.amountOut(i: Int(indexIn), j: Int(indexOut), dx: amountIn), !out.isZero
            else { return nil }
            return out
        case .balancer(let b):
            // Vault.swap GIVEN_IN: the pool's onSwap (weighted: reverts beyond 30 % of the balance in).
            guard let out = try? b.swapGivenIn(i: Int(indexIn), j: Int(indexOut), amountIn: amountIn),
                !out.isZero
            else { return nil }
            return out
        case .reserved:
            return nil
        }
    }

    /// The least input whose exact output is at least `amountOut`: V2 ⌈10000·rIn·y / ((10000 − fee)·(rOut − y))⌉
    /// (from getAmountOut's floor), V3 QuoterV2's exact-output input (the pool rounds it up); nil when the pool
    /// cannot deliver `amountOut`, and for Curve and Balancer (get_dx / GIVEN_OUT round in the pool's favour
    /// but are not proven to be the least input of the exact-input math, so sizers do not rely on them).
    public func minimalInput(forOutput amountOut: U256) -> U256? {
        guard !amountOut.isZero else { return nil }
        switch pool.state {
        case .uniswapV2(let p):
            let (rIn, rOut) = zeroForOne ? (p.reserve0, p.reserve1) : (p.reserve1, p.reserve0)
            guard amountOut < rOut, !rIn.isZero else { return nil }
            let (num, o) = (U256(10_000) &* rIn).multipliedReportingOverflow(by: amountOut)
            guard !o else { return nil }
            let (den, o2) = U256(UInt64(10_000 - p.feeBps)).multipliedReportingOverflow(by: rOut &- amountOut)
            guard !o2 else { return nil }
            let (q, r) = num.quotientAndRemainder(dividingBy: den)
            return r.isZero ? q : q &+ .one
        case .uniswapV3(let e):
            return (try? e.state.quoteExactOutputSingle(zeroForOne: zeroForOne, amountOut: amountOut))?.amount
        case .curve, .balancer, .reserved:
            return nil
        }
    }

    /// The plan hop (contracts/core/Swaps.vy): V2 extra = fee bps; V3 extra = 0 (no price limit); Curve kind 3
    /// `exchange(int128,int128,uint256,uint256)` with extra = i | j << 8 (classic and stableswap-ng pools both take
    /// int128 indices; kind 4's uint256 indices are the cryptoswap pools' signature, which the snapshot does not
    /// hold); Balancer kind 5 with pool = the Vault and extra = poolId.
    public var planHop: PlanHop? {
        switch pool.state {
        case .uniswapV2(let p):
            return PlanHop(
                kind: .uniswapV2, pool: pool.address, tokenIn: tokenIn, tokenOut: tokenOut,
                extra: U256(UInt64(p.feeBps)))
        case .uniswapV3:
            return PlanHop(kind: .uniswapV3, pool: pool.address, tokenIn: tokenIn, tokenOut: tokenOut, extra: .zero)
        case .curve:
            return PlanHop(
                kind: .curveInt128, pool: pool.address, tokenIn: tokenIn, tokenOut: tokenOut,
                extra: U256(UInt64(indexIn) | UInt64(indexOut) << 8))
        case .balancer(let b):
            guard let vault = try? BalancerVaultCalls.vault, let id = try? U256(bigEndian: b.poolId.bytes) else {
                return nil
            }
            return PlanHop(
                kind: .balancer, pool: vault, tokenIn: tokenIn, tokenOut: tokenOut, extra: id)
        case .reserved:
            return nil
        }
    }

    /// Gas the executor spends on this hop (contracts/README.md gas table: ≈ 70k per V2 hop inside the executor,
    /// V3 ≈ 85k plus ≈ 60k per initialized tick crossed).
    public func gas(amountIn: U256) -> UInt64 {
        switch pool.state {
        case .uniswapV2: return GasTable.v2Hop
        case .uniswapV3(let e):
            let crossed =
                (try? e.state.quoteExactInputSingle(zeroForOne: zeroForOne, amountIn: amountIn))?
                .initializedTicksCrossed ?? 0
            return GasTable.v3Hop + GasTable.v3PerTick * UInt64(crossed)
        case .curve: return GasTable.curveHop
        case .balancer: return GasTable.balancerHop
        case .reserved: return GasTable.v2Hop
        }
    }

    /// A small exact quote standing in for the marginal rate of a Curve or Balancer leg (no closed form at zero
    /// size): (probe, amountOut(probe)) with probe = 10^-6 of the pool's input balance, at least min(10^4 units,
    /// balance / 10); nil for other kinds or when the probe reverts.
    public var probeQuote: (amountIn: U256, amountOut: U256)? {
        guard Self.multiCoin(pool.state), let bal = inputBalance, !bal.isZero else { return nil }
        let probe = max(bal / U256(1_000_000), min(U256(10_000), bal / U256(10)), .one)
        guard let out = amountOut(probe) else { return nil }
        return (probe, out)
    }

    /// ln(marginal output per unit input at zero size, fee included), in raw token units; −∞ without liquidity.
    /// A pruning heuristic only: every decision is re-checked in exact integers.
    public var logRate: Double {
        switch pool.state {
        case .uniswapV2(let p):
            let (rIn, rOut) = zeroForOne ? (p.reserve0, p.reserve1) : (p.reserve1, p.reserve0)
            guard !rIn.isZero, !rOut.isZero else { return -.infinity }
            return log(Double(rOut)) - log(Double(rIn)) + log(Double(10_000 - p.feeBps) / 10_000)
        case .uniswapV3(let e):
            guard e.state.liquidity > 0, !e.state.sqrtPriceX96.isZero else { return -.infinity }
            // price (token1 per token0) = (sqrtP / 2^96)^2.
            let lp = 2 * (log(Double(e.state.sqrtPriceX96)) - 96 * M_LN2)
            return (zeroForOne ? lp : -lp) + log(Double(1_000_000 - e.state.fee) / 1_000_000)
        case .curve, .balancer:
            // No closed form at zero size: the exact rate of a probe of 10^-6 of the input balance (at least
            // min(10^4 units, balance / 10), so flooring to whole units stays below 10^-4), with one unit added to
            // the floored output; the curve's convexity still makes it a slight underestimate of the marginal rate
            // for tiny pools, negligible for real balances (≥ 10^12 units per probe at 18 decimals).
            guard let (probe, out) = probeQuote else { return -.infinity }
            return log(Double(out &+ .one)) - log(Double(probe))
        case .reserved:
            return -.infinity
        }
    }
}

/// Executor gas per hop kind and per run, from the contracts/README.md gas table (devnet, py-evm Prague).
public enum GasTable {
    /// Executor overhead with own funds (kind 0) beyond its hops: 236,467 total for 2 V2 hops ≈ 96k + 2 × 70k.
    public static let executorBase: UInt64 = 96_000
    /// One V2 hop inside the executor (transfer in + pair.swap).
    public static let v2Hop: UInt64 = 70_000
    /// One V3 hop inside the executor, no tick crossed (429,875 Aave+V2+V3 − 370,676 Aave+V2+V2 + 70k ≈ 129k;
    /// the V3 callback and its transfer): 85k is the router's lower bound, 129k observed with a cold pool.
    public static let v3Hop: UInt64 = 129_000
    /// Per initialized V3 tick crossed (cold tick storage), as in the quote GasModel.
    public static let v3PerTick: UInt64 = 60_000
    /// One Curve StableSwap hop inside the executor (approve, exchange, allowance check, balance reads). Not
    /// measured (no Curve bytecode on the devnet): the Quote GasModel's 140k for a 2-4 coin exchange plus ≈ 10k
    /// for the executor's approve/allowance/balanceOf calls.
    public static let curveHop: UInt64 = 150_000
    /// One Balancer V2 Vault.swap hop inside the executor (approve + Vault.swap + allowance check). Not measured
    /// (no Balancer bytecode on the devnet): the Quote GasModel's 120k plus ≈ 10k for approve/allowance.
    public static let balancerHop: UInt64 = 130_000
    /// Extra for an Aave flashLoanSimple around the route (370,676 − 236,467).
    public static let aaveFlashLoan: UInt64 = 134_000
    /// Extra for a V2 flash swap over own funds (244,987 − 236,467).
    public static let v2FlashSwap: UInt64 = 8_500
}
