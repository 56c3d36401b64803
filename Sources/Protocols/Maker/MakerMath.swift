import Primitives

/// dss fixed-point units and helpers (`src/clip.sol`, `src/abaci.sol`): wad 1e18, ray 1e27, rad 1e45, all floored.
public enum MakerMath {
    /// 1e18.
    public static let wad = U256(1_000_000_000_000_000_000)
    /// 1e27.
    public static let ray = U256(1_000_000_000) * wad
    /// 1e45.
    public static let rad = ray * wad
    /// 1e9 (`BLN`, OSM value wad → ray).
    public static let bln = U256(1_000_000_000)

    /// `x * y` with dss's overflow `require`.
    public static func mul(_ x: U256, _ y: U256) throws(MakerError) -> U256 {
        let r = x.multipliedReportingOverflow(by: y)
        if r.overflow { throw .overflow(operation: "mul") }
        return r.partialValue
    }

    /// `x + y` with dss's overflow `require`.
    public static func add(_ x: U256, _ y: U256) throws(MakerError) -> U256 {
        let r = x.addingReportingOverflow(y)
        if r.overflow { throw .overflow(operation: "add") }
        return r.partialValue
    }

    /// `x - y` with dss's underflow `require`.
    public static func sub(_ x: U256, _ y: U256) throws(MakerError) -> U256 {
        let r = x.subtractingReportingOverflow(y)
        if r.overflow { throw .overflow(operation: "sub") }
        return r.partialValue
    }

    static func div(_ x: U256, _ y: U256, _ op: String) throws(MakerError) -> U256 {
        if y.isZero { throw .overflow(operation: "\(op) (division by zero)") }
        return x / y
    }

    /// `x * y / RAY`, floored (Clipper/abaci `rmul`).
    public static func rmul(_ x: U256, _ y: U256) throws(MakerError) -> U256 { try mul(x, y) / ray }
    /// `x * y / WAD`, floored (Clipper `wmul`).
    public static func wmul(_ x: U256, _ y: U256) throws(MakerError) -> U256 { try mul(x, y) / wad }
    /// `x * RAY / y`, floored (Clipper `rdiv`).
    public static func rdiv(_ x: U256, _ y: U256) throws(MakerError) -> U256 { try div(try mul(x, ray), y, "rdiv") }

    /// `x^n` in base-`b` fixed point by squaring with half-up rounding at every step; reverts exactly where the
    /// assembly does (x ≥ 2^128 before a squaring, or a rounding add / product overflow) (abaci.sol `rpow`).
    public static func rpow(_ x: U256, _ n: U256, _ b: U256) throws(MakerError) -> U256 {
        if n.isZero { return b }
        if x.isZero { return .zero }
        var x = x
        var n = n
        var z = n.bit(0) ? x : b
        let half = b / U256(2)
        n = n >> 1
        while !n.isZero {
            if !(x >> 128).isZero { throw .overflow(operation: "rpow") }
            let xx = x &* x
            let xxRound = xx.addingReportingOverflow(half)
            if xxRound.overflow { throw .overflow(operation: "rpow") }
            x = try div(xxRound.partialValue, b, "rpow")
            if n.bit(0) {
                let zx = z.multipliedReportingOverflow(by: x)
                if !x.isZero && zx.overflow { throw .overflow(operation: "rpow") }
                let zxRound = zx.partialValue.addingReportingOverflow(half)
                if zxRound.overflow { throw .overflow(operation: "rpow") }
                z = try div(zxRound.partialValue, b, "rpow")
            }
            n = n >> 1
        }
        return z
    }
}
