import Primitives

/// Balancer V2 ScalingHelpers.sol: token amounts to and from the pools' 18-decimal internal units.
public enum BalancerScaling {
    /// BasePool._computeScalingFactor: `ONE * 10^(18 - decimals)` for a token of 0...18 decimals (BAL#100 above);
    /// rate-provider pools multiply this by the rate (getScalingFactors() returns the product).
    public static func scalingFactor(decimals: Int) throws(BalancerError) -> U256 {
        guard (0...18).contains(decimals) else { throw .outOfBounds }
        return BalancerFixedPoint.one &* U256(10).power(U256(UInt64(18 - decimals)))
    }

    /// ScalingHelpers._upscale: `mulDown(amount, scalingFactor)`.
    public static func upscale(_ amount: U256, _ scalingFactor: U256) throws(BalancerError) -> U256 {
        try BalancerFixedPoint.mulDown(amount, scalingFactor)
    }

    /// ScalingHelpers._downscaleDown: `divDown(amount, scalingFactor)` (amounts leaving the pool).
    public static func downscaleDown(_ amount: U256, _ scalingFactor: U256) throws(BalancerError) -> U256 {
        try BalancerFixedPoint.divDown(amount, scalingFactor)
    }

    /// ScalingHelpers._downscaleUp: `divUp(amount, scalingFactor)` (amounts entering the pool).
    public static func downscaleUp(_ amount: U256, _ scalingFactor: U256) throws(BalancerError) -> U256 {
        try BalancerFixedPoint.divUp(amount, scalingFactor)
    }
}
