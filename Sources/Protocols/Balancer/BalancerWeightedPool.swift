import Primitives

/// A Balancer V2 weighted pool's swap state for one token pair: raw Vault balances, scaling factors, normalized
/// weights and the swap fee, quoted as BaseMinimalSwapInfoPool.onSwap does.
public struct BalancerWeightedPool: Sendable, Hashable {
    /// `getPoolTokens` balance of the token sold, in its own units.
    public let balanceIn: U256
    /// `getPoolTokens` balance of the token bought, in its own units.
    public let balanceOut: U256
    /// `getScalingFactors()[in]`: ONE * 10^(18 - decimals) (times the rate where the pool has rate providers).
    public let scalingFactorIn: U256
    /// `getScalingFactors()[out]`.
    public let scalingFactorOut: U256
    /// `getNormalizedWeights()[in]` (1e18 = 100 %).
    public let weightIn: U256
    /// `getNormalizedWeights()[out]`.
    public let weightOut: U256
    /// `getSwapFeePercentage()` (1e18 = 100 %).
    public let swapFeePercentage: U256

    /// One pair of a weighted pool as read at a pinned block.
    public init(
        balanceIn: U256, balanceOut: U256, scalingFactorIn: U256, scalingFactorOut: U256,
        weightIn: U256, weightOut: U256, swapFeePercentage: U256
    ) {
        self.balanceIn = balanceIn
        self.balanceOut = balanceOut
        self.scalingFactorIn = scalingFactorIn
        self.scalingFactorOut = scalingFactorOut
        self.weightIn = weightIn
        self.weightOut = weightOut
        self.swapFeePercentage = swapFeePercentage
    }

    /// BaseMinimalSwapInfoPool.onSwap GIVEN_IN: fee `amount.mulUp(fee)` subtracted before upscaling, then
    /// _calcOutGivenIn on upscaled balances, result downscaled rounding down.
    public func swapGivenIn(amountIn: U256) throws(BalancerError) -> U256 {
        typealias S = BalancerScaling
        let fee = try BalancerFixedPoint.mulUp(amountIn, swapFeePercentage)
        let amount = try S.upscale(try BalancerFixedPoint.sub(amountIn, fee), scalingFactorIn)
        let out = try BalancerWeightedMath.calcOutGivenIn(
            balanceIn: try S.upscale(balanceIn, scalingFactorIn), weightIn: weightIn,
            balanceOut: try S.upscale(balanceOut, scalingFactorOut), weightOut: weightOut, amountIn: amount)
        return try S.downscaleDown(out, scalingFactorOut)
    }

    /// BaseMinimalSwapInfoPool.onSwap GIVEN_OUT: _calcInGivenOut on upscaled values, downscaled rounding up, then
    /// the fee added after scaling as `amountIn.divUp(fee.complement())`.
    public func swapGivenOut(amountOut: U256) throws(BalancerError) -> U256 {
        typealias S = BalancerScaling
        let amountIn = try BalancerWeightedMath.calcInGivenOut(
            balanceIn: try S.upscale(balanceIn, scalingFactorIn), weightIn: weightIn,
            balanceOut: try S.upscale(balanceOut, scalingFactorOut), weightOut: weightOut,
            amountOut: try S.upscale(amountOut, scalingFactorOut))
        let scaled = try S.downscaleUp(amountIn, scalingFactorIn)
        return try BalancerFixedPoint.divUp(scaled, BalancerFixedPoint.complement(swapFeePercentage))
    }
}
