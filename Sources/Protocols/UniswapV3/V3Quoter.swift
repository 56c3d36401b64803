// QuoterV2-style single-pool quotes computed locally (v3-periphery contracts/lens/QuoterV2.sol): the same
// pool.swap, read back the way QuoterV2's uniswapV3SwapCallback does, without an eth_call.
import Primitives

/// A local QuoterV2 answer for one pool.
public struct V3Quote: Equatable, Sendable {
    /// amountOut for exact input, amountIn (fee included) for exact output.
    public var amount: U256
    /// The pool price after the swap (QuoterV2 sqrtPriceX96After).
    public var sqrtPriceX96After: U256
    /// The pool tick after the swap.
    public var tickAfter: Int32
    /// Initialized ticks the swap loop crossed (QuoterV2 counts with PoolTicksCounter, which can differ at a
    /// boundary tick the price ends on).
    public var initializedTicksCrossed: UInt32
}

extension V3PoolState {
    /// The limit QuoterV2 uses when given 0: MIN_SQRT_RATIO + 1 (zeroForOne) or MAX_SQRT_RATIO − 1.
    public static func defaultPriceLimit(zeroForOne: Bool) -> U256 {
        zeroForOne ? TickMath.minSqrtRatio &+ .one : TickMath.maxSqrtRatio &- .one
    }

    /// QuoterV2.quoteExactInputSingle: output for `amountIn`; a zero limit means no limit (QuoterV2.sol).
    public func quoteExactInputSingle(zeroForOne: Bool, amountIn: U256, sqrtPriceLimitX96: U256 = .zero)
        throws(V3Error) -> V3Quote
    {
        let limit = sqrtPriceLimitX96.isZero ? Self.defaultPriceLimit(zeroForOne: zeroForOne) : sqrtPriceLimitX96
        let r = try swap(zeroForOne: zeroForOne, amountSpecified: try Self.toInt256(amountIn), sqrtPriceLimitX96: limit)
        let (paid, received) = zeroForOne ? (r.amount0, r.amount1) : (r.amount1, r.amount0)
        // QuoterV2 callback: require(amount0Delta > 0 || amount1Delta > 0).
        guard !paid.isNegative, !paid.isZero else { throw .noInputConsumed }
        return V3Quote(
            amount: received.magnitude, sqrtPriceX96After: r.newState.sqrtPriceX96, tickAfter: r.newState.tick,
            initializedTicksCrossed: r.initializedTicksCrossed)
    }

    /// QuoterV2.quoteExactOutputSingle: input (fee included) for `amountOut`; with no limit the full output must be
    /// obtained (`require(amountReceived == amountOutCached)`), with a limit a partial fill is quoted.
    public func quoteExactOutputSingle(zeroForOne: Bool, amountOut: U256, sqrtPriceLimitX96: U256 = .zero)
        throws(V3Error) -> V3Quote
    {
        let limit = sqrtPriceLimitX96.isZero ? Self.defaultPriceLimit(zeroForOne: zeroForOne) : sqrtPriceLimitX96
        let r = try swap(
            zeroForOne: zeroForOne, amountSpecified: -(try Self.toInt256(amountOut)), sqrtPriceLimitX96: limit)
        let (paid, received) = zeroForOne ? (r.amount0, r.amount1) : (r.amount1, r.amount0)
        guard !paid.isNegative, !paid.isZero else { throw .noInputConsumed }
        if sqrtPriceLimitX96.isZero && received.magnitude != amountOut {
            throw .exactOutputNotFilled(requested: amountOut, received: received.magnitude)
        }
        return V3Quote(
            amount: paid.magnitude, sqrtPriceX96After: r.newState.sqrtPriceX96, tickAfter: r.newState.tick,
            initializedTicksCrossed: r.initializedTicksCrossed)
    }
}
