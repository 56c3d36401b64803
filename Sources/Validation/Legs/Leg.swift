// One directed swap through one pool of a snapshot, with its exact output function (the contracts' integer
// math through Protocols), its executor gas, and the log marginal rate the arbitrage engine prunes with (its
// Möbius view lives with the sizing code in Strategies).
import DeFiCore
import Foundation
import Primitives
import Protocols

/// A swap direction through one pool.
public struct Leg: Sendable, Equatable {
    /// The pool.
    public var pool: PoolEntry
    /// token0 → token1 when true.
    public var zeroForOne: Bool

    /// A leg; `pool` must be a priced kind (V2 or V3).
    public init(pool: PoolEntry, zeroForOne: Bool) {
        self.pool = pool
        self.zeroForOne = zeroForOne
    }

    /// The leg of `pool` that sells `tokenIn`, or nil when the pool does not hold it or is not priced.
    public init?(pool: PoolEntry, tokenIn: Address) {
        guard let (t0, t1) = pool.state.tokens, tokenIn == t0 || tokenIn == t1 else { return nil }
        self.init(pool: pool, zeroForOne: tokenIn == t0)
    }

    /// The token sold.
    public var tokenIn: Address {
        let (t0, t1) = pool.state.tokens ?? (.zero, .zero)
        return zeroForOne ? t0 : t1
    }

    /// The token bought.
    public var tokenOut: Address {
        let (t0, t1) = pool.state.tokens ?? (.zero, .zero)
        return zeroForOne ? t1 : t0
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
        case .reserved:
            return nil
        }
    }

    /// The least input whose exact output is at least `amountOut`: V2 ⌈10000·rIn·y / ((10000 − fee)·(rOut − y))⌉
    /// (from getAmountOut's floor), V3 QuoterV2's exact-output input (the pool rounds it up); nil when the pool
    /// cannot deliver `amountOut`.
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
        case .reserved:
            return nil
        }
    }

    /// The plan hop (kind, pool, tokens; extra = fee bps for V2, no price limit for V3).
    public var planHop: PlanHop? {
        switch pool.state {
        case .uniswapV2(let p):
            return PlanHop(
                kind: .uniswapV2, pool: pool.address, tokenIn: tokenIn, tokenOut: tokenOut,
                extra: U256(UInt64(p.feeBps)))
        case .uniswapV3:
            return PlanHop(kind: .uniswapV3, pool: pool.address, tokenIn: tokenIn, tokenOut: tokenOut, extra: .zero)
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
            let crossed = (try? e.state.quoteExactInputSingle(zeroForOne: zeroForOne, amountIn: amountIn))?
                .initializedTicksCrossed ?? 0
            return GasTable.v3Hop + GasTable.v3PerTick * UInt64(crossed)
        case .reserved: return GasTable.v2Hop
        }
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
    /// Extra for an Aave flashLoanSimple around the route (370,676 − 236,467).
    public static let aaveFlashLoan: UInt64 = 134_000
    /// Extra for a V2 flash swap over own funds (244,987 − 236,467).
    public static let v2FlashSwap: UInt64 = 8_500
}
