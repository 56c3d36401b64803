import Primitives

/// Aave's basis-point math (1e4 = 100.00 %), half-up rounded; `PercentageMath.sol`, aave-v3-origin 3.3.
public enum PercentageMath {
    /// 1e4, i.e. 100.00 %.
    public static let percentageFactor = U256(10_000)
    /// 0.5e4.
    public static let halfPercentageFactor = U256(5_000)

    /// `(value*percentage + 5000) / 1e4`; reverts when `value > (max - 5000) / percentage` (PercentageMath.percentMul).
    public static func percentMul(_ value: U256, _ percentage: U256) throws(AaveError) -> U256 {
        try WadRayMath.halfUpMul(value, percentage, one: percentageFactor, half: halfPercentageFactor, op: "percentMul")
    }

    /// `(value*1e4 + percentage/2) / percentage`; reverts when `percentage == 0` or on overflow
    /// (PercentageMath.percentDiv).
    public static func percentDiv(_ value: U256, _ percentage: U256) throws(AaveError) -> U256 {
        try WadRayMath.halfUpDiv(value, percentage, one: percentageFactor, op: "percentDiv")
    }
}
