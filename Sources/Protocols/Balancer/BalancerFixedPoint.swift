import Primitives

/// Balancer V2 FixedPoint.sol: 18-decimal fixed-point arithmetic with explicit rounding, reverting as the library does.
public enum BalancerFixedPoint {
    /// FixedPoint.ONE: 1e18.
    public static let one = U256(1_000_000_000_000_000_000)
    /// FixedPoint.TWO: 2e18 (powDown / powUp fast path).
    public static let two = U256(2_000_000_000_000_000_000)
    /// FixedPoint.FOUR: 4e18 (powDown / powUp fast path).
    public static let four = U256(4_000_000_000_000_000_000)
    /// FixedPoint.MAX_POW_RELATIVE_ERROR: 10000 (1e-14), the error bound added to LogExpMath.pow.
    public static let maxPowRelativeError = U256(10_000)

    /// FixedPoint.add: `a + b`, BAL#000 on overflow.
    @inlinable
    public static func add(_ a: U256, _ b: U256) throws(BalancerError) -> U256 {
        let (c, o) = a.addingReportingOverflow(b)
        if o { throw .addOverflow }
        return c
    }

    /// FixedPoint.sub: `a - b`, BAL#001 when b > a.
    @inlinable
    public static func sub(_ a: U256, _ b: U256) throws(BalancerError) -> U256 {
        if b > a { throw .subOverflow }
        return a &- b
    }

    /// FixedPoint.mulDown: `a * b / ONE` rounded down, BAL#003 on overflow.
    @inlinable
    public static func mulDown(_ a: U256, _ b: U256) throws(BalancerError) -> U256 {
        let (p, o) = a.multipliedReportingOverflow(by: b)
        if o { throw .mulOverflow }
        return p / one
    }

    /// FixedPoint.mulUp: `product == 0 ? 0 : (product - 1) / ONE + 1`, BAL#003 on overflow.
    @inlinable
    public static func mulUp(_ a: U256, _ b: U256) throws(BalancerError) -> U256 {
        let (p, o) = a.multipliedReportingOverflow(by: b)
        if o { throw .mulOverflow }
        return p.isZero ? .zero : (p &- .one) / one &+ .one
    }

    /// FixedPoint.divDown: `a * ONE / b` rounded down, BAL#004 for b == 0, BAL#005 when a * ONE overflows.
    @inlinable
    public static func divDown(_ a: U256, _ b: U256) throws(BalancerError) -> U256 {
        if b.isZero { throw .zeroDivision }
        let (inflated, o) = a.multipliedReportingOverflow(by: one)
        if o { throw .divInternal }
        return inflated / b
    }

    /// FixedPoint.divUp: `aInflated == 0 ? 0 : (a * ONE - 1) / b + 1`, BAL#004 for b == 0, BAL#005 on overflow.
    @inlinable
    public static func divUp(_ a: U256, _ b: U256) throws(BalancerError) -> U256 {
        if b.isZero { throw .zeroDivision }
        let (inflated, o) = a.multipliedReportingOverflow(by: one)
        if o { throw .divInternal }
        return inflated.isZero ? .zero : (inflated &- .one) / b &+ .one
    }

    /// FixedPoint.complement: `x < ONE ? ONE - x : 0`.
    @inlinable
    public static func complement(_ x: U256) -> U256 {
        x < one ? one &- x : .zero
    }

    /// FixedPoint.powDown: x^y rounded down; y of 1, 2 or 4 use mulDown, else LogExpMath.pow minus
    /// `mulUp(raw, MAX_POW_RELATIVE_ERROR) + 1`, floored at 0.
    public static func powDown(_ x: U256, _ y: U256) throws(BalancerError) -> U256 {
        if y == one { return x }
        if y == two { return try mulDown(x, x) }
        if y == four {
            let square = try mulDown(x, x)
            return try mulDown(square, square)
        }
        let raw = try BalancerLogExpMath.pow(x, y)
        let maxError = try add(try mulUp(raw, maxPowRelativeError), .one)
        return raw < maxError ? .zero : raw &- maxError
    }

    /// FixedPoint.powUp: x^y rounded up; y of 1, 2 or 4 use mulUp, else LogExpMath.pow plus
    /// `mulUp(raw, MAX_POW_RELATIVE_ERROR) + 1`.
    public static func powUp(_ x: U256, _ y: U256) throws(BalancerError) -> U256 {
        if y == one { return x }
        if y == two { return try mulUp(x, x) }
        if y == four {
            let square = try mulUp(x, x)
            return try mulUp(square, square)
        }
        let raw = try BalancerLogExpMath.pow(x, y)
        let maxError = try add(try mulUp(raw, maxPowRelativeError), .one)
        return try add(raw, maxError)
    }
}
