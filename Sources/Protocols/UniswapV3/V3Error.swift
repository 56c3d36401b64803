// Errors of the Uniswap V3 pure math. Each case that mirrors a contract `require` names the revert string the
// contract would produce (v3-core contracts/libraries/*.sol, contracts/UniswapV3Pool.sol).
import Primitives

/// A V3 computation the contract would revert, or a pool state too incomplete to answer exactly.
public enum V3Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// |tick| > MAX_TICK (TickMath.getSqrtRatioAtTick, revert "T").
    case tickOutOfRange(tick: Int32)
    /// sqrtPriceX96 outside [MIN_SQRT_RATIO, MAX_SQRT_RATIO) (TickMath.getTickAtSqrtRatio, revert "R").
    case sqrtRatioOutOfRange(sqrtPriceX96: U256)
    /// A zero price or zero liquidity given to SqrtPriceMath.getNextSqrtPriceFrom{Input,Output} (bare require).
    case zeroPriceOrLiquidity(sqrtPriceX96: U256, liquidity: UInt128)
    /// The next price would leave uint160 or cross zero (SqrtPriceMath require / SafeCast.toUint160).
    case priceOutOfBounds(sqrtPriceX96: U256, liquidity: UInt128, amount: U256)
    /// A FullMath.mulDiv whose result does not fit 256 bits.
    case mulDiv(U256ArithmeticError)
    /// A 256-bit add or a SafeCast that the contract checks overflowed (bare revert).
    case arithmeticOverflow(operation: String)
    /// Liquidity would go below zero (LiquidityMath.addDelta, revert "LS").
    case liquiditySub(liquidity: UInt128, delta: Int128)
    /// Liquidity would exceed uint128 (LiquidityMath.addDelta, revert "LA").
    case liquidityAdd(liquidity: UInt128, delta: Int128)
    /// amountSpecified is zero (UniswapV3Pool.swap, revert "AS").
    case zeroAmountSpecified
    /// The pool's reentrancy lock is held (slot0.unlocked false; UniswapV3Pool lock modifier, revert "LOK").
    case locked
    /// The price limit is on the wrong side of the price or beyond MIN/MAX_SQRT_RATIO (UniswapV3Pool.swap, "SPL").
    case invalidPriceLimit(sqrtPriceLimitX96: U256, sqrtPriceX96: U256, zeroForOne: Bool)
    /// The pool has no in-range liquidity (UniswapV3Pool.flash, revert "L").
    case zeroLiquidity
    /// A tick that is not a multiple of the pool's tick spacing, or a spacing that is not positive.
    case invalidTick(tick: Int32, tickSpacing: Int32)
    /// The swap needs a bitmap word the state does not hold: the answer would be silently wrong.
    case ranOutOfKnownTicks(wordPosition: Int16, known: ClosedRange<Int16>)
    /// The bitmap marks a tick initialized but the state has no liquidityNet for it.
    case missingTick(tick: Int32)
    /// QuoterV2 reverts when the swap moved no tokens in (both deltas <= 0: a zero-liquidity region).
    case noInputConsumed
    /// QuoterV2 exact output without a price limit requires the full amount (`require(amountReceived == amountOutCached)`).
    case exactOutputNotFilled(requested: U256, received: U256)
    /// PoolAddress.computeAddress requires token0 < token1 after sorting, so the two tokens must differ.
    case identicalTokens

    /// The contract's revert string for this failure, when it has one.
    public var revertReason: String? {
        switch self {
        case .tickOutOfRange: return "T"
        case .sqrtRatioOutOfRange: return "R"
        case .liquiditySub: return "LS"
        case .liquidityAdd: return "LA"
        case .zeroAmountSpecified: return "AS"
        case .locked: return "LOK"
        case .invalidPriceLimit: return "SPL"
        case .zeroLiquidity: return "L"
        default: return nil
        }
    }

    /// A lower-case one-line description carrying the offending values.
    public var description: String {
        switch self {
        case .tickOutOfRange(let t): return "tick \(t) outside [-887272, 887272] (revert T)"
        case .sqrtRatioOutOfRange(let p):
            return
                "sqrtPriceX96 \(p) outside [4295128739, 1461446703485210103287273052203988822378723970342) (revert R)"
        case .zeroPriceOrLiquidity(let p, let l):
            return "price and liquidity must be positive: sqrtPriceX96=\(p) liquidity=\(l)"
        case .priceOutOfBounds(let p, let l, let a):
            return "next sqrt price leaves uint160 or reaches zero: sqrtPriceX96=\(p) liquidity=\(l) amount=\(a)"
        case .mulDiv(let e): return "\(e)"
        case .arithmeticOverflow(let op): return "checked arithmetic overflowed in \(op)"
        case .liquiditySub(let l, let d): return "liquidity \(l) plus delta \(d) is negative (revert LS)"
        case .liquidityAdd(let l, let d): return "liquidity \(l) plus delta \(d) exceeds uint128 (revert LA)"
        case .zeroAmountSpecified: return "amountSpecified is zero (revert AS)"
        case .locked: return "pool is locked (revert LOK)"
        case .invalidPriceLimit(let lim, let p, let z):
            return
                "sqrtPriceLimitX96 \(lim) invalid for \(z ? "zeroForOne" : "oneForZero") at sqrtPriceX96 \(p) (revert SPL)"
        case .zeroLiquidity: return "pool has zero in-range liquidity (revert L)"
        case .invalidTick(let t, let s): return "tick \(t) is not a multiple of tick spacing \(s)"
        case .ranOutOfKnownTicks(let w, let k):
            return
                "ran out of known ticks: bitmap word \(w) needed, state holds words \(k.lowerBound)...\(k.upperBound)"
        case .missingTick(let t): return "tick \(t) is initialized in the bitmap but its liquidityNet is unknown"
        case .noInputConsumed: return "swap consumed no input (zero-liquidity region; QuoterV2 reverts)"
        case .exactOutputNotFilled(let r, let g): return "exact output not filled: requested \(r), received \(g)"
        case .identicalTokens: return "token addresses are identical"
        }
    }
}
