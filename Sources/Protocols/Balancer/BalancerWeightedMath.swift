import Primitives

/// Balancer V2 WeightedMath.sol swap formulas on upscaled (18-decimal) balances and normalized weights.
public enum BalancerWeightedMath {
    /// WeightedMath._MAX_IN_RATIO: 0.3e18 (amountIn at most 30 % of balanceIn).
    public static let maxInRatio = U256(300_000_000_000_000_000)
    /// WeightedMath._MAX_OUT_RATIO: 0.3e18 (amountOut at most 30 % of balanceOut).
    public static let maxOutRatio = U256(300_000_000_000_000_000)

    /// WeightedMath._calcOutGivenIn: `bO * (1 - (bI / (bI + aI))^(wI / wO))`, rounding the result down
    /// (divUp base, divDown exponent, powUp, mulDown); BAL#304 when aI > 30 % of bI.
    public static func calcOutGivenIn(
        balanceIn: U256, weightIn: U256, balanceOut: U256, weightOut: U256, amountIn: U256
    ) throws(BalancerError) -> U256 {
        typealias F = BalancerFixedPoint
        if amountIn > (try F.mulDown(balanceIn, maxInRatio)) { throw .maxInRatio }
        let denominator = try F.add(balanceIn, amountIn)
        let base = try F.divUp(balanceIn, denominator)
        let exponent = try F.divDown(weightIn, weightOut)
        let power = try F.powUp(base, exponent)
        return try F.mulDown(balanceOut, F.complement(power))
    }

    /// WeightedMath._calcInGivenOut: `bI * ((bO / (bO - aO))^(wO / wI) - 1)`, rounding the result up
    /// (divUp base, divUp exponent, powUp, mulUp); BAL#305 when aO > 30 % of bO.
    public static func calcInGivenOut(
        balanceIn: U256, weightIn: U256, balanceOut: U256, weightOut: U256, amountOut: U256
    ) throws(BalancerError) -> U256 {
        typealias F = BalancerFixedPoint
        if amountOut > (try F.mulDown(balanceOut, maxOutRatio)) { throw .maxOutRatio }
        let base = try F.divUp(balanceOut, try F.sub(balanceOut, amountOut))
        let exponent = try F.divUp(weightOut, weightIn)
        let power = try F.powUp(base, exponent)
        let ratio = try F.sub(power, F.one)
        return try F.mulUp(balanceIn, ratio)
    }

    /// WeightedMath._calculateInvariant: `Π balance_i.powDown(weight_i)` with mulDown, starting at ONE.
    public static func invariant(normalizedWeights: [U256], balances: [U256]) throws(BalancerError) -> U256 {
        if normalizedWeights.count != balances.count { throw .inputLengthMismatch }
        var invariant = BalancerFixedPoint.one
        for k in 0..<balances.count {
            invariant = try BalancerFixedPoint.mulDown(
                invariant, try BalancerFixedPoint.powDown(balances[k], normalizedWeights[k]))
        }
        return invariant
    }
}
