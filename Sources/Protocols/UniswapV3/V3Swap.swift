// The V3 swap loop, reproducing v3-core contracts/UniswapV3Pool.sol `swap` step by step: word-bounded steps
// via TickBitmap, SwapMath.computeSwapStep, fee growth and protocol fee, tick crossing with liquidityNet
// negated when moving left, and the tick refresh after a partial step.
import Primitives

/// What UniswapV3Pool.swap returns, plus the pool state it leaves.
public struct V3SwapResult: Equatable, Sendable {
    /// Token0 delta: positive is paid into the pool, negative is paid out.
    public var amount0: I256
    /// Token1 delta: positive is paid into the pool, negative is paid out.
    public var amount1: I256
    /// The pool after the swap (price, tick, liquidity, fee growth).
    public var newState: V3PoolState
    /// Initialized ticks the loop crossed.
    public var initializedTicksCrossed: UInt32
    /// Protocol fee accrued in the input token (feeAmount / feeProtocol per step).
    public var protocolFee: U256
}

extension V3PoolState {
    /// Q128 = 2^128 (FixedPoint128.Q128).
    @usableFromInline static let q128 = U256.one << 128

    /// SafeCast.toInt256: require(y < 2^255).
    @inline(__always)
    static func toInt256(_ y: U256) throws(V3Error) -> I256 {
        guard y.w.3 >> 63 == 0 else { throw .arithmeticOverflow(operation: "SafeCast.toInt256") }
        return I256(bits: y)
    }

    /// UniswapV3Pool.swap: `amountSpecified` > 0 is exact input, < 0 exact output; stops at `sqrtPriceLimitX96`
    /// (a partial fill is a result, not an error). Reverts as the pool would ("AS", "LOK", "SPL", "LS"/"LA").
    public func swap(zeroForOne: Bool, amountSpecified: I256, sqrtPriceLimitX96 limit: U256) throws(V3Error)
        -> V3SwapResult
    {
        guard !amountSpecified.isZero else { throw .zeroAmountSpecified }
        guard unlocked else { throw .locked }
        let validLimit =
            zeroForOne
            ? limit < sqrtPriceX96 && limit > TickMath.minSqrtRatio
            : limit > sqrtPriceX96 && limit < TickMath.maxSqrtRatio
        guard validLimit else {
            throw .invalidPriceLimit(sqrtPriceLimitX96: limit, sqrtPriceX96: sqrtPriceX96, zeroForOne: zeroForOne)
        }
        let exactInput = !amountSpecified.isNegative
        let feeProtocolNibble = U256(UInt64(zeroForOne ? feeProtocol % 16 : feeProtocol >> 4))

        var remaining = amountSpecified
        var calculated = I256.zero
        var price = sqrtPriceX96
        var currentTick = tick
        var currentLiquidity = liquidity
        var feeGrowth = zeroForOne ? feeGrowthGlobal0X128 : feeGrowthGlobal1X128
        var protocolFee = U256.zero
        var crossed: UInt32 = 0

        while !remaining.isZero && price != limit {
            let start = price
            let word = try bitmapWord(
                at: TickBitmap.wordPosition(tick: currentTick, tickSpacing: tickSpacing, lte: zeroForOne))
            var (tickNext, initialized) = TickBitmap.nextInitializedTickWithinOneWord(
                tick: currentTick, tickSpacing: tickSpacing, lte: zeroForOne, word: word)
            // The bitmap knows nothing of the tick bounds.
            if tickNext < TickMath.minTick {
                tickNext = TickMath.minTick
            } else if tickNext > TickMath.maxTick {
                tickNext = TickMath.maxTick
            }
            let priceNext = try TickMath.sqrtRatio(atTick: tickNext)
            let target = zeroForOne ? (priceNext < limit ? limit : priceNext) : (priceNext > limit ? limit : priceNext)
            let step = try SwapMath.computeSwapStep(
                sqrtRatioCurrentX96: price, sqrtRatioTargetX96: target, liquidity: currentLiquidity,
                amountRemaining: remaining, feePips: fee)
            price = step.sqrtRatioNextX96

            // `-=`/`+=` on amountSpecifiedRemaining are unchecked in 0.7.6; `.sub`/`.add` are LowGasSafeMath.
            if exactInput {
                remaining = remaining &- (try Self.toInt256(step.amountIn &+ step.feeAmount))
                let (c, o) = calculated.subtractingReportingOverflow(try Self.toInt256(step.amountOut))
                guard !o else { throw .arithmeticOverflow(operation: "amountCalculated") }
                calculated = c
            } else {
                remaining = remaining &+ (try Self.toInt256(step.amountOut))
                let (c, o) = calculated.addingReportingOverflow(try Self.toInt256(step.amountIn &+ step.feeAmount))
                guard !o else { throw .arithmeticOverflow(operation: "amountCalculated") }
                calculated = c
            }

            var feeAmount = step.feeAmount
            if !feeProtocolNibble.isZero {
                let delta = feeAmount / feeProtocolNibble
                feeAmount = feeAmount &- delta
                protocolFee = protocolFee &+ delta
            }
            if currentLiquidity > 0 {
                feeGrowth = feeGrowth &+ (try SqrtPriceMath.mulDiv(feeAmount, Self.q128, U256(currentLiquidity)))
            }

            if price == priceNext {
                if initialized {
                    var net = try liquidityNet(at: tickNext)
                    if zeroForOne { net = 0 &- net }
                    currentLiquidity = try LiquidityMath.addDelta(currentLiquidity, net)
                    crossed &+= 1
                }
                currentTick = zeroForOne ? tickNext - 1 : tickNext
            } else if price != start {
                // A partial step still moves the tick (the price may sit below the current tick's price).
                currentTick = try TickMath.tick(atSqrtRatio: price)
            }
        }

        let consumed = amountSpecified &- remaining
        let (amount0, amount1) = zeroForOne == exactInput ? (consumed, calculated) : (calculated, consumed)
        var next = self
        next.sqrtPriceX96 = price
        next.tick = currentTick
        next.liquidity = currentLiquidity
        if zeroForOne { next.feeGrowthGlobal0X128 = feeGrowth } else { next.feeGrowthGlobal1X128 = feeGrowth }
        return V3SwapResult(
            amount0: amount0, amount1: amount1, newState: next, initializedTicksCrossed: crossed,
            protocolFee: protocolFee)
    }
}
