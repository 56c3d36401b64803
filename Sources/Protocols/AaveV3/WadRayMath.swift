import Primitives

/// Aave's wad (1e18) and ray (1e27) fixed-point helpers, half-up rounded; `WadRayMath.sol`, aave-v3-origin 3.3.
public enum WadRayMath {
    /// 1e18.
    public static let wad = U256(1_000_000_000_000_000_000)
    /// 0.5e18.
    public static let halfWad = U256(500_000_000_000_000_000)
    /// 1e27.
    public static let ray = U256(1_000_000_000) * wad
    /// 0.5e27.
    public static let halfRay = U256(500_000_000) * wad
    /// 1e9, the wad-to-ray ratio.
    public static let wadRayRatio = U256(1_000_000_000)

    /// `(a*b + HALF_WAD) / WAD`; reverts when `a > (max - HALF_WAD) / b` (WadRayMath.wadMul).
    public static func wadMul(_ a: U256, _ b: U256) throws(AaveError) -> U256 {
        try halfUpMul(a, b, one: wad, half: halfWad, op: "wadMul")
    }

    /// `(a*WAD + b/2) / b`; reverts when `b == 0` or `a > (max - b/2) / WAD` (WadRayMath.wadDiv).
    public static func wadDiv(_ a: U256, _ b: U256) throws(AaveError) -> U256 {
        try halfUpDiv(a, b, one: wad, op: "wadDiv")
    }

    /// `(a*b + HALF_RAY) / RAY`; reverts when `a > (max - HALF_RAY) / b` (WadRayMath.rayMul).
    public static func rayMul(_ a: U256, _ b: U256) throws(AaveError) -> U256 {
        try halfUpMul(a, b, one: ray, half: halfRay, op: "rayMul")
    }

    /// `(a*RAY + b/2) / b`; reverts when `b == 0` or `a > (max - b/2) / RAY` (WadRayMath.rayDiv).
    public static func rayDiv(_ a: U256, _ b: U256) throws(AaveError) -> U256 {
        try halfUpDiv(a, b, one: ray, op: "rayDiv")
    }

    /// `a / 1e9`, plus one when the remainder is at least 0.5e9 (WadRayMath.rayToWad; never reverts).
    public static func rayToWad(_ a: U256) -> U256 {
        let (q, r) = a.quotientAndRemainder(dividingBy: wadRayRatio)
        // `q` is at most max/1e9, so adding one cannot overflow.
        return r >= wadRayRatio / U256(2) ? q &+ .one : q
    }

    /// `a * 1e9`; reverts on overflow (WadRayMath.wadToRay).
    public static func wadToRay(_ a: U256) throws(AaveError) -> U256 {
        try AaveChecked.mul(a, wadRayRatio, "wadToRay")
    }

    static func halfUpMul(_ a: U256, _ b: U256, one: U256, half: U256, op: String) throws(AaveError) -> U256 {
        if b.isZero { return .zero }
        if a > (U256.max - half) / b { throw .overflow(operation: op) }
        return (a * b + half) / one
    }

    static func halfUpDiv(_ a: U256, _ b: U256, one: U256, op: String) throws(AaveError) -> U256 {
        if b.isZero { throw .divisionByZero(operation: op) }
        let halfB = b / U256(2)
        if a > (U256.max - halfB) / one { throw .overflow(operation: op) }
        return (a * one + halfB) / b
    }
}
