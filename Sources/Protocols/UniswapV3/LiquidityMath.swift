// v3-core contracts/libraries/LiquidityMath.sol.

/// v3-core LiquidityMath.sol.
public enum LiquidityMath {
    /// LiquidityMath.addDelta: x + y for a uint128 and an int128, reverting "LS" below zero and "LA" past uint128.
    @inline(__always)
    public static func addDelta(_ x: UInt128, _ y: Int128) throws(V3Error) -> UInt128 {
        if y < 0 {
            let d = y.magnitude
            guard d <= x else { throw .liquiditySub(liquidity: x, delta: y) }
            return x &- d
        }
        let (z, o) = x.addingReportingOverflow(UInt128(y))
        guard !o else { throw .liquidityAdd(liquidity: x, delta: y) }
        return z
    }
}
