import Primitives

/// Interest accrual between index updates; `MathUtils.sol` and `ReserveLogic.getNormalized*`, aave-v3-origin 3.3.
public enum AaveInterest {
    /// 365 days in seconds (MathUtils.SECONDS_PER_YEAR).
    public static let secondsPerYear = U256(31_536_000)

    /// `RAY + rate * elapsed / SECONDS_PER_YEAR` (MathUtils.calculateLinearInterest).
    public static func linear(rate: U256, from lastUpdate: UInt64, to now: UInt64) throws(AaveError) -> U256 {
        guard now >= lastUpdate else { throw .overflow(operation: "block.timestamp - lastUpdateTimestamp") }
        let accrued = try AaveChecked.mul(rate, U256(now - lastUpdate), "calculateLinearInterest") / secondsPerYear
        return try AaveChecked.add(WadRayMath.ray, accrued, "calculateLinearInterest")
    }

    /// The three-term binomial approximation of `(1 + rate/year)^elapsed` (MathUtils.calculateCompoundedInterest).
    public static func compounded(rate: U256, from lastUpdate: UInt64, to now: UInt64) throws(AaveError) -> U256 {
        guard now >= lastUpdate else { throw .overflow(operation: "currentTimestamp - lastUpdateTimestamp") }
        let exp = U256(now - lastUpdate)
        if exp.isZero { return WadRayMath.ray }
        let op = "calculateCompoundedInterest"
        // The powers are computed in an `unchecked` block on chain; rayMul itself still reverts on overflow.
        let expMinusOne = exp &- .one
        let expMinusTwo = exp > U256(2) ? exp &- U256(2) : .zero
        let basePowerTwo = try WadRayMath.rayMul(rate, rate) / (secondsPerYear &* secondsPerYear)
        let basePowerThree = try WadRayMath.rayMul(basePowerTwo, rate) / secondsPerYear
        let secondTerm = try AaveChecked.mul(try AaveChecked.mul(exp, expMinusOne, op), basePowerTwo, op) / U256(2)
        let thirdTerm =
            try AaveChecked.mul(
                try AaveChecked.mul(try AaveChecked.mul(exp, expMinusOne, op), expMinusTwo, op), basePowerThree, op)
            / U256(6)
        var result = try AaveChecked.add(WadRayMath.ray, try AaveChecked.mul(rate, exp, op) / secondsPerYear, op)
        result = try AaveChecked.add(result, secondTerm, op)
        return try AaveChecked.add(result, thirdTerm, op)
    }
}
