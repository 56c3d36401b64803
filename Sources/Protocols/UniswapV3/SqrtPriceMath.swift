// Next-price and amount-delta formulas, ported from v3-core contracts/libraries/SqrtPriceMath.sol with each
// branch's rounding (FullMath.mulDiv / mulDivRoundingUp, UnsafeMath.divRoundingUp).
import Primitives

/// v3-core SqrtPriceMath.sol: prices after an amount moves, and the amounts between two prices.
public enum SqrtPriceMath {
    /// FixedPoint96.Q96 = 2^96.
    public static let q96 = U256.one << 96
    /// 2^160 - 1 (the uint160 range of sqrt prices).
    @usableFromInline static let maxUInt160 = (U256.one << 160) &- .one

    /// UnsafeMath.divRoundingUp: ceil(x / y), y > 0.
    @inline(__always)
    static func divRoundingUp(_ x: U256, _ y: U256) -> U256 {
        let (q, r) = x.quotientAndRemainder(dividingBy: y)
        return r.isZero ? q : q &+ .one
    }

    @inline(__always)
    static func mulDiv(_ a: U256, _ b: U256, _ d: U256) throws(V3Error) -> U256 {
        do { return try U256.mulDiv(a, b, d) } catch { throw .mulDiv(error) }
    }

    @inline(__always)
    static func mulDivUp(_ a: U256, _ b: U256, _ d: U256) throws(V3Error) -> U256 {
        do { return try U256.mulDivRoundingUp(a, b, d) } catch { throw .mulDiv(error) }
    }

    /// getNextSqrtPriceFromAmount0RoundingUp: price after adding/removing `amount` of token0, always rounded up
    /// (SqrtPriceMath.sol; the overflow fallback divRoundingUp(N1, N1/P + amount) is reproduced).
    public static func nextSqrtPriceFromAmount0RoundingUp(
        sqrtPriceX96 p: U256, liquidity: UInt128, amount: U256, add: Bool
    ) throws(V3Error) -> U256 {
        if amount.isZero { return p }
        let numerator1 = U256(liquidity) << 96
        let (product, mulOverflow) = amount.multipliedReportingOverflow(by: p)
        if add {
            if !mulOverflow {
                let (denominator, addOverflow) = numerator1.addingReportingOverflow(product)
                if !addOverflow { return try mulDivUp(numerator1, p, denominator) }
            }
            // Solidity's `N1 / P + amount` is a checked add (LowGasSafeMath.add).
            let (d, o) = (numerator1 / p).addingReportingOverflow(amount)
            guard !o else { throw .arithmeticOverflow(operation: "getNextSqrtPriceFromAmount0RoundingUp") }
            return divRoundingUp(numerator1, d)
        }
        // require((product = amount * P) / amount == P && numerator1 > product)
        guard !mulOverflow, numerator1 > product else {
            throw .priceOutOfBounds(sqrtPriceX96: p, liquidity: liquidity, amount: amount)
        }
        let next = try mulDivUp(numerator1, p, numerator1 &- product)
        guard next <= maxUInt160 else { throw .priceOutOfBounds(sqrtPriceX96: p, liquidity: liquidity, amount: amount) }
        return next
    }

    /// getNextSqrtPriceFromAmount1RoundingDown: price after adding/removing `amount` of token1, always rounded down
    /// (SqrtPriceMath.sol; the shift fast path applies when amount <= 2^160 - 1).
    public static func nextSqrtPriceFromAmount1RoundingDown(
        sqrtPriceX96 p: U256, liquidity: UInt128, amount: U256, add: Bool
    ) throws(V3Error) -> U256 {
        let l = U256(liquidity)
        if add {
            let quotient = amount <= maxUInt160 ? (amount << 96) / l : try mulDiv(amount, q96, l)
            // LowGasSafeMath.add then SafeCast.toUint160.
            let (next, o) = p.addingReportingOverflow(quotient)
            guard !o, next <= maxUInt160 else {
                throw .priceOutOfBounds(sqrtPriceX96: p, liquidity: liquidity, amount: amount)
            }
            return next
        }
        let quotient = amount <= maxUInt160 ? divRoundingUp(amount << 96, l) : try mulDivUp(amount, q96, l)
        guard p > quotient else { throw .priceOutOfBounds(sqrtPriceX96: p, liquidity: liquidity, amount: amount) }
        return p &- quotient
    }

    /// getNextSqrtPriceFromInput: token0 in rounds the price up, token1 in rounds it down (SqrtPriceMath.sol).
    public static func nextSqrtPriceFromInput(
        sqrtPriceX96 p: U256, liquidity: UInt128, amountIn: U256, zeroForOne: Bool
    ) throws(V3Error) -> U256 {
        guard !p.isZero, liquidity > 0 else { throw .zeroPriceOrLiquidity(sqrtPriceX96: p, liquidity: liquidity) }
        return zeroForOne
            ? try nextSqrtPriceFromAmount0RoundingUp(sqrtPriceX96: p, liquidity: liquidity, amount: amountIn, add: true)
            : try nextSqrtPriceFromAmount1RoundingDown(
                sqrtPriceX96: p, liquidity: liquidity, amount: amountIn, add: true)
    }

    /// getNextSqrtPriceFromOutput: token1 out rounds the price down, token0 out rounds it up (SqrtPriceMath.sol).
    public static func nextSqrtPriceFromOutput(
        sqrtPriceX96 p: U256, liquidity: UInt128, amountOut: U256, zeroForOne: Bool
    ) throws(V3Error) -> U256 {
        guard !p.isZero, liquidity > 0 else { throw .zeroPriceOrLiquidity(sqrtPriceX96: p, liquidity: liquidity) }
        return zeroForOne
            ? try nextSqrtPriceFromAmount1RoundingDown(
                sqrtPriceX96: p, liquidity: liquidity, amount: amountOut, add: false)
            : try nextSqrtPriceFromAmount0RoundingUp(
                sqrtPriceX96: p, liquidity: liquidity, amount: amountOut, add: false)
    }

    /// getAmount0Delta: L·(√B − √A)/(√A·√B) of token0 between two prices, rounded as asked (SqrtPriceMath.sol;
    /// rounding up is divRoundingUp(mulDivRoundingUp(N1, B−A, B), A), down is mulDiv(N1, B−A, B) / A).
    public static func amount0Delta(
        sqrtRatioA: U256, sqrtRatioB: U256, liquidity: UInt128, roundUp: Bool
    ) throws(V3Error) -> U256 {
        let (a, b) = sqrtRatioA > sqrtRatioB ? (sqrtRatioB, sqrtRatioA) : (sqrtRatioA, sqrtRatioB)
        guard !a.isZero else { throw .zeroPriceOrLiquidity(sqrtPriceX96: a, liquidity: liquidity) }
        let numerator1 = U256(liquidity) << 96
        let numerator2 = b &- a
        return roundUp
            ? divRoundingUp(try mulDivUp(numerator1, numerator2, b), a)
            : try mulDiv(numerator1, numerator2, b) / a
    }

    /// getAmount1Delta: L·(√B − √A) of token1 between two prices, rounded as asked (SqrtPriceMath.sol;
    /// mulDivRoundingUp(L, B−A, Q96) or mulDiv(L, B−A, Q96)).
    public static func amount1Delta(
        sqrtRatioA: U256, sqrtRatioB: U256, liquidity: UInt128, roundUp: Bool
    ) throws(V3Error) -> U256 {
        let (a, b) = sqrtRatioA > sqrtRatioB ? (sqrtRatioB, sqrtRatioA) : (sqrtRatioA, sqrtRatioB)
        // FullMath.mulDiv by Q96 = 2^96 is a 512-bit right shift; it reverts when the quotient needs > 256 bits.
        let (hi, lo) = U256(liquidity).multipliedFullWidth(by: b &- a)
        let overflow = U256ArithmeticError.mulDivOverflow(a: U256(liquidity), b: b &- a, denominator: q96)
        guard (hi >> 96).isZero else { throw .mulDiv(overflow) }
        let q = (lo >> 96) | (hi << 160)
        guard roundUp && !(lo & Self.lowMask96).isZero else { return q }
        guard q != .max else { throw .mulDiv(overflow) }
        return q &+ .one
    }

    /// 2^96 − 1: the bits a division by Q96 discards.
    static let lowMask96 = q96 &- .one
}
