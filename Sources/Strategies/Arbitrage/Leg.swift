// One directed swap through one pool of a snapshot, with its exact output function (the contracts' integer
// math through Protocols) and the two cheap views the engine prunes and sizes with: a log marginal rate and a
// Möbius map (constant product; V3 as virtual reserves within the current tick range).
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

    /// The leg as a Möbius map x ↦ a·x / (c·x + d): V2 exactly (before flooring), V3 with the virtual reserves of
    /// the current tick range (x_v = L·2^96/√P, y_v = L·√P/2^96); nil without liquidity.
    public var mobius: Mobius? {
        switch pool.state {
        case .uniswapV2(let p):
            let (rIn, rOut) = zeroForOne ? (p.reserve0, p.reserve1) : (p.reserve1, p.reserve0)
            guard !rIn.isZero, !rOut.isZero else { return nil }
            let n = U256(UInt64(10_000 - p.feeBps))
            // uint112 reserves: every product < 2^126.
            return Mobius(a: n &* rOut, c: n, d: U256(10_000) &* rIn)
        case .uniswapV3(let e):
            let s = e.state
            guard s.liquidity > 0, !s.sqrtPriceX96.isZero else { return nil }
            let l = U256(s.liquidity)
            let q96 = U256.one << 96
            guard let x = try? U256.mulDiv(l, q96, s.sqrtPriceX96), let y = try? U256.mulDiv(l, s.sqrtPriceX96, q96),
                !x.isZero, !y.isZero
            else { return nil }
            let (rIn, rOut) = zeroForOne ? (x, y) : (y, x)
            let n = U256(UInt64(1_000_000 - s.fee))
            return Mobius.scaled(a: Wide(n, rOut), c: Wide(n), d: Wide(U256(1_000_000), rIn))
        case .reserved:
            return nil
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
