// One step of a V3 swap within a single liquidity range, ported from v3-core contracts/libraries/SwapMath.sol.
import Primitives

/// The outcome of SwapMath.computeSwapStep.
public struct V3SwapStep: Equatable, Sendable {
    /// The price after the step (sqrtRatioNextX96).
    public var sqrtRatioNextX96: U256
    /// Input consumed, excluding the fee.
    public var amountIn: U256
    /// Output produced.
    public var amountOut: U256
    /// Fee taken from the input.
    public var feeAmount: U256

    /// A step's four results.
    public init(sqrtRatioNextX96: U256, amountIn: U256, amountOut: U256, feeAmount: U256) {
        self.sqrtRatioNextX96 = sqrtRatioNextX96
        self.amountIn = amountIn
        self.amountOut = amountOut
        self.feeAmount = feeAmount
    }
}

/// v3-core SwapMath.sol.
public enum SwapMath {
    /// 1e6: fees are in hundredths of a bip.
    @usableFromInline static let million = U256(1_000_000)

    /// SwapMath.computeSwapStep: swap toward `sqrtRatioTargetX96` with `amountRemaining` (> 0 exact in, < 0 exact out);
    /// the fee rounds up (mulDivRoundingUp(amountIn, fee, 1e6 − fee)) unless an exact-in step ends short of the
    /// target, where the whole remainder becomes fee.
    public static func computeSwapStep(
        sqrtRatioCurrentX96 current: U256, sqrtRatioTargetX96 target: U256, liquidity: UInt128,
        amountRemaining: I256, feePips: UInt32
    ) throws(V3Error) -> V3SwapStep {
        let zeroForOne = current >= target
        let exactIn = !amountRemaining.isNegative
        let fee = U256(UInt64(feePips))
        var next: U256
        var amountIn = U256.zero
        var amountOut = U256.zero
        let remainingAbs = amountRemaining.magnitude

        if exactIn {
            let lessFee = try SqrtPriceMath.mulDiv(amountRemaining.bits, million &- fee, million)
            amountIn =
                zeroForOne
                ? try SqrtPriceMath.amount0Delta(
                    sqrtRatioA: target, sqrtRatioB: current, liquidity: liquidity, roundUp: true)
                : try SqrtPriceMath.amount1Delta(
                    sqrtRatioA: current, sqrtRatioB: target, liquidity: liquidity, roundUp: true)
            next =
                lessFee >= amountIn
                ? target
                : try SqrtPriceMath.nextSqrtPriceFromInput(
                    sqrtPriceX96: current, liquidity: liquidity, amountIn: lessFee, zeroForOne: zeroForOne)
        } else {
            amountOut =
                zeroForOne
                ? try SqrtPriceMath.amount1Delta(
                    sqrtRatioA: target, sqrtRatioB: current, liquidity: liquidity, roundUp: false)
                : try SqrtPriceMath.amount0Delta(
                    sqrtRatioA: current, sqrtRatioB: target, liquidity: liquidity, roundUp: false)
            // Solidity computes uint256(-amountRemaining), the two's-complement magnitude.
            next =
                remainingAbs >= amountOut
                ? target
                : try SqrtPriceMath.nextSqrtPriceFromOutput(
                    sqrtPriceX96: current, liquidity: liquidity, amountOut: remainingAbs, zeroForOne: zeroForOne)
        }

        let max = target == next
        if zeroForOne {
            if !(max && exactIn) {
                amountIn = try SqrtPriceMath.amount0Delta(
                    sqrtRatioA: next, sqrtRatioB: current, liquidity: liquidity, roundUp: true)
            }
            if !(max && !exactIn) {
                amountOut = try SqrtPriceMath.amount1Delta(
                    sqrtRatioA: next, sqrtRatioB: current, liquidity: liquidity, roundUp: false)
            }
        } else {
            if !(max && exactIn) {
                amountIn = try SqrtPriceMath.amount1Delta(
                    sqrtRatioA: current, sqrtRatioB: next, liquidity: liquidity, roundUp: true)
            }
            if !(max && !exactIn) {
                amountOut = try SqrtPriceMath.amount0Delta(
                    sqrtRatioA: current, sqrtRatioB: next, liquidity: liquidity, roundUp: false)
            }
        }
        // Cap the output so an exact-out step never pays more than asked.
        if !exactIn && amountOut > remainingAbs { amountOut = remainingAbs }

        let feeAmount: U256
        if exactIn && next != target {
            // The remainder stays in the pool as fee (unchecked uint256 subtraction in 0.7.6).
            feeAmount = amountRemaining.bits &- amountIn
        } else {
            feeAmount = try SqrtPriceMath.mulDivUp(amountIn, fee, million &- fee)
        }
        return V3SwapStep(sqrtRatioNextX96: next, amountIn: amountIn, amountOut: amountOut, feeAmount: feeAmount)
    }
}
