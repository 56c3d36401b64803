// Constant-product quotes, v2-periphery contracts/libraries/UniswapV2Library.sol, with the fee generalised the
// way forks write it: amountIn·(10000 − feeBps) against reserveIn·10000 (Uniswap's 997/1000 is feeBps 30; the
// factor of 10 cancels in every floor division, so results are identical).
import Primitives

/// v2-periphery UniswapV2Library.sol quote math.
public enum V2Math {
    /// The fee denominator forks use (10000 = 100 %).
    public static let feeDenominator = U256(10_000)

    @inline(__always)
    static func mul(_ a: U256, _ b: U256, _ op: StaticString) throws(V2Error) -> U256 {
        let (p, o) = a.multipliedReportingOverflow(by: b)
        guard !o else { throw .overflow(operation: "\(op)") }
        return p
    }

    @inline(__always)
    static func add(_ a: U256, _ b: U256, _ op: StaticString) throws(V2Error) -> U256 {
        let (s, o) = a.addingReportingOverflow(b)
        guard !o else { throw .overflow(operation: "\(op)") }
        return s
    }

    /// UniswapV2Library.getAmountOut: floor(amountIn·γ·reserveOut / (reserveIn + amountIn·γ)), γ = 1 − feeBps/10000.
    public static func getAmountOut(amountIn: U256, reserveIn: U256, reserveOut: U256, feeBps: UInt32 = 30)
        throws(V2Error) -> U256
    {
        guard !amountIn.isZero else { throw .insufficientInputAmount }
        guard !reserveIn.isZero, !reserveOut.isZero else {
            throw .insufficientLiquidity(reserveIn: reserveIn, reserveOut: reserveOut)
        }
        let amountInWithFee = try mul(amountIn, U256(UInt64(10_000 - feeBps)), "getAmountOut")
        let numerator = try mul(amountInWithFee, reserveOut, "getAmountOut")
        let denominator = try add(try mul(reserveIn, feeDenominator, "getAmountOut"), amountInWithFee, "getAmountOut")
        return numerator / denominator
    }

    /// UniswapV2Library.getAmountIn: floor(reserveIn·amountOut·10000 / ((reserveOut − amountOut)·(10000 − feeBps))) + 1
    /// (the library always adds 1, so it can exceed the K-check minimum by one wei).
    public static func getAmountIn(amountOut: U256, reserveIn: U256, reserveOut: U256, feeBps: UInt32 = 30)
        throws(V2Error) -> U256
    {
        guard !amountOut.isZero else { throw .insufficientOutputAmount }
        guard !reserveIn.isZero, !reserveOut.isZero else {
            throw .insufficientLiquidity(reserveIn: reserveIn, reserveOut: reserveOut)
        }
        guard amountOut < reserveOut else { throw .outputNotBelowReserve(amountOut: amountOut, reserveOut: reserveOut) }
        let numerator = try mul(try mul(reserveIn, amountOut, "getAmountIn"), feeDenominator, "getAmountIn")
        let denominator = try mul(reserveOut &- amountOut, U256(UInt64(10_000 - feeBps)), "getAmountIn")
        return try add(numerator / denominator, .one, "getAmountIn")
    }

    /// UniswapV2Library.quote: floor(amountA·reserveB / reserveA), no fee (liquidity math only).
    public static func quote(amountA: U256, reserveA: U256, reserveB: U256) throws(V2Error) -> U256 {
        guard !amountA.isZero else { throw .insufficientInputAmount }
        guard !reserveA.isZero, !reserveB.isZero else {
            throw .insufficientLiquidity(reserveIn: reserveA, reserveOut: reserveB)
        }
        return try mul(amountA, reserveB, "quote") / reserveA
    }

    /// UniswapV2Library.getAmountsOut: amounts along `path` (path[i] → path[i+1] through pairs[i]), amounts[0] = amountIn.
    public static func getAmountsOut(amountIn: U256, path: [Address], pairs: [V2Pair]) throws(V2Error) -> [U256] {
        guard path.count >= 2, pairs.count == path.count - 1 else { throw .invalidPath }
        var amounts = [amountIn]
        amounts.reserveCapacity(path.count)
        for i in 0..<pairs.count {
            let (rIn, rOut) = try pairs[i].reserves(tokenIn: path[i], tokenOut: path[i + 1])
            amounts.append(
                try getAmountOut(amountIn: amounts[i], reserveIn: rIn, reserveOut: rOut, feeBps: pairs[i].feeBps))
        }
        return amounts
    }

    /// UniswapV2Library.getAmountsIn: walks the path backwards from amountOut; amounts.last = amountOut.
    public static func getAmountsIn(amountOut: U256, path: [Address], pairs: [V2Pair]) throws(V2Error) -> [U256] {
        guard path.count >= 2, pairs.count == path.count - 1 else { throw .invalidPath }
        var amounts = [U256](repeating: .zero, count: path.count)
        amounts[path.count - 1] = amountOut
        for i in stride(from: path.count - 1, to: 0, by: -1) {
            let (rIn, rOut) = try pairs[i - 1].reserves(tokenIn: path[i - 1], tokenOut: path[i])
            amounts[i - 1] = try getAmountIn(
                amountOut: amounts[i], reserveIn: rIn, reserveOut: rOut, feeBps: pairs[i - 1].feeBps)
        }
        return amounts
    }
}
