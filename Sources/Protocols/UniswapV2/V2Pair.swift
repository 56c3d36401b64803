// A V2 pair's state and the checks UniswapV2Pair.swap performs (v2-core contracts/UniswapV2Pair.sol), including
// the fee-adjusted K invariant and the flash-swap repayment it implies.
import Primitives

/// A Uniswap V2 (or fork) pair at one block: sorted tokens, uint112 reserves and the venue's fee.
public struct V2Pair: Equatable, Hashable, Sendable {
    /// The lower-sorting token (UniswapV2Pair.token0()).
    public let token0: Address
    /// The higher-sorting token (UniswapV2Pair.token1()).
    public let token1: Address
    /// getReserves().reserve0.
    public var reserve0: U256
    /// getReserves().reserve1.
    public var reserve1: U256
    /// The swap fee in basis points (30 for Uniswap V2 and Sushiswap, 25 for PancakeSwap V2).
    public let feeBps: UInt32

    /// 2^112 − 1, the largest reserve (uint112).
    public static let maxReserve = (U256.one << 112) &- .one

    /// A pair state; rejects unsorted tokens, reserves above uint112 and fees of 100 % or more.
    public init(token0: Address, token1: Address, reserve0: U256, reserve1: U256, feeBps: UInt32 = 30) throws(V2Error) {
        guard token0 < token1 else { throw .unsortedTokens(token0: token0, token1: token1) }
        guard reserve0 <= Self.maxReserve else { throw .reserveOverflow(value: reserve0) }
        guard reserve1 <= Self.maxReserve else { throw .reserveOverflow(value: reserve1) }
        guard feeBps < 10_000 else { throw .invalidFee(feeBps: feeBps) }
        self.token0 = token0
        self.token1 = token1
        self.reserve0 = reserve0
        self.reserve1 = reserve1
        self.feeBps = feeBps
    }

    /// (reserveIn, reserveOut) for a swap from `tokenIn` to `tokenOut` (UniswapV2Library.getReserves).
    public func reserves(tokenIn: Address, tokenOut: Address) throws(V2Error) -> (reserveIn: U256, reserveOut: U256) {
        if tokenIn == token0 && tokenOut == token1 { return (reserve0, reserve1) }
        if tokenIn == token1 && tokenOut == token0 { return (reserve1, reserve0) }
        throw .tokenNotInPair(token: tokenIn == token0 || tokenIn == token1 ? tokenOut : tokenIn)
    }

    /// UniswapV2Library.getAmountOut against this pair's reserves and fee.
    public func amountOut(amountIn: U256, zeroForOne: Bool) throws(V2Error) -> U256 {
        try V2Math.getAmountOut(
            amountIn: amountIn, reserveIn: zeroForOne ? reserve0 : reserve1,
            reserveOut: zeroForOne ? reserve1 : reserve0, feeBps: feeBps)
    }

    /// UniswapV2Library.getAmountIn against this pair's reserves and fee.
    public func amountIn(amountOut: U256, zeroForOne: Bool) throws(V2Error) -> U256 {
        try V2Math.getAmountIn(
            amountOut: amountOut, reserveIn: zeroForOne ? reserve0 : reserve1,
            reserveOut: zeroForOne ? reserve1 : reserve0, feeBps: feeBps)
    }

    /// UniswapV2Pair.swap's checks for outputs and the pair's token balances after the callback: output bounds,
    /// input detection, the K check `(b0·10000 − in0·fee)(b1·10000 − in1·fee) ≥ r0·r1·10000²`, and uint112
    /// balances; returns the pair with its new reserves.
    public func validateSwap(amount0Out: U256, amount1Out: U256, balance0: U256, balance1: U256) throws(V2Error)
        -> V2Pair
    {
        guard !amount0Out.isZero || !amount1Out.isZero else { throw .pairInsufficientOutputAmount }
        guard amount0Out < reserve0 else { throw .pairInsufficientLiquidity(amountOut: amount0Out, reserve: reserve0) }
        guard amount1Out < reserve1 else { throw .pairInsufficientLiquidity(amountOut: amount1Out, reserve: reserve1) }
        let left0 = reserve0 &- amount0Out
        let left1 = reserve1 &- amount1Out
        let amount0In = balance0 > left0 ? balance0 &- left0 : .zero
        let amount1In = balance1 > left1 ? balance1 &- left1 : .zero
        guard !amount0In.isZero || !amount1In.isZero else { throw .pairInsufficientInputAmount }
        let fee = U256(UInt64(feeBps))
        let adjusted0 = try Self.sub(
            try V2Math.mul(balance0, V2Math.feeDenominator, "K"), try V2Math.mul(amount0In, fee, "K"))
        let adjusted1 = try Self.sub(
            try V2Math.mul(balance1, V2Math.feeDenominator, "K"), try V2Math.mul(amount1In, fee, "K"))
        let lhs = try V2Math.mul(adjusted0, adjusted1, "K")
        let rhs = try V2Math.mul(try V2Math.mul(reserve0, reserve1, "K"), U256(100_000_000), "K")
        guard lhs >= rhs else { throw .kInvariant(balanceProduct: lhs, reserveProduct: rhs) }
        guard balance0 <= Self.maxReserve else { throw .reserveOverflow(value: balance0) }
        guard balance1 <= Self.maxReserve else { throw .reserveOverflow(value: balance1) }
        var next = self
        next.reserve0 = balance0
        next.reserve1 = balance1
        return next
    }

    /// validateSwap for tokens paid in before the call: balances are reserve + in − out.
    public func swap(amount0In: U256, amount1In: U256, amount0Out: U256, amount1Out: U256) throws(V2Error) -> V2Pair {
        guard amount0Out < reserve0 else { throw .pairInsufficientLiquidity(amountOut: amount0Out, reserve: reserve0) }
        guard amount1Out < reserve1 else { throw .pairInsufficientLiquidity(amountOut: amount1Out, reserve: reserve1) }
        return try validateSwap(
            amount0Out: amount0Out, amount1Out: amount1Out,
            balance0: try V2Math.add(reserve0 &- amount0Out, amount0In, "swap"),
            balance1: try V2Math.add(reserve1 &- amount1Out, amount1In, "swap"))
    }

    /// The least repayment that passes the K check after flash-borrowing `amountOut` of one token (derived from
    /// UniswapV2Pair.swap): same token ceil(10000·b / (10000 − fee)); other token
    /// ceil(10000·R_other·b / ((10000 − fee)·(R_borrowed − b))), which getAmountIn can exceed by one wei.
    public func flashRepayment(amountOut b: U256, borrowToken0: Bool, repayInToken0: Bool) throws(V2Error) -> U256 {
        let (rBorrowed, rOther) = borrowToken0 ? (reserve0, reserve1) : (reserve1, reserve0)
        guard !b.isZero else { throw .pairInsufficientOutputAmount }
        guard b < rBorrowed else { throw .pairInsufficientLiquidity(amountOut: b, reserve: rBorrowed) }
        let gamma = U256(UInt64(10_000 - feeBps))
        do {
            if borrowToken0 == repayInToken0 {
                return try U256.mulDivRoundingUp(b, V2Math.feeDenominator, gamma)
            }
            let numerator = try V2Math.mul(rOther, V2Math.feeDenominator, "flashRepayment")
            let denominator = try V2Math.mul(rBorrowed &- b, gamma, "flashRepayment")
            return try U256.mulDivRoundingUp(numerator, b, denominator)
        } catch let e as V2Error {
            throw e
        } catch {
            throw .overflow(operation: "flashRepayment")
        }
    }

    /// UniswapV2Library.pairFor: keccak256(0xff ‖ factory ‖ keccak256(token0 ‖ token1) ‖ initCodeHash)[12:], tokens
    /// sorted and packed (40 bytes).
    public static func address(factory: Address, tokenA: Address, tokenB: Address, initCodeHash: Hash32)
        throws(V2Error) -> Address
    {
        guard tokenA != tokenB else { throw .identicalAddresses }
        let (t0, t1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA)
        guard !t0.isZero else { throw .zeroAddress }
        let salt = Keccak256.hash(t0.bytes + t1.bytes)
        return Address.create2(deployer: factory, salt: salt, initCodeHash: initCodeHash)
    }

    /// Uniswap V2 mainnet factory init code hash (v2-periphery UniswapV2Library.pairFor).
    public static let uniswapInitCodeHash: Hash32 =
        (try? Hash32(hex: "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f")) ?? .zero
    /// Sushiswap init code hash (sushiswap/sdk init-code-hash.ts).
    public static let sushiswapInitCodeHash: Hash32 =
        (try? Hash32(hex: "0xe18a34eb0e04b04f7a0ac29a6e80748dca96319b42c54d679cb821dca90c6303")) ?? .zero

    @inline(__always)
    static func sub(_ a: U256, _ b: U256) throws(V2Error) -> U256 {
        let (d, o) = a.subtractingReportingOverflow(b)
        guard !o else { throw .overflow(operation: "K (ds-math-sub-underflow)") }
        return d
    }
}
