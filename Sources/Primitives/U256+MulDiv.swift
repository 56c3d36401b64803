// Full-precision a·b/d, with Uniswap v3 FullMath semantics (v3-core contracts/libraries/FullMath.sol; see
// protocol-notes 2.2): the product is kept at 512 bits, the result is floor(a·b/d) (or rounded up), and a result
// that does not fit 256 bits or a zero denominator is an error. Solidity reverts there; here it throws.

/// Errors of full-precision U256 arithmetic.
public enum U256ArithmeticError: Error, Equatable, Sendable, CustomStringConvertible {
    /// a·b/denominator does not fit 256 bits, or denominator is zero (FullMath's `require(denominator > prod1)`).
    case mulDivOverflow(a: U256, b: U256, denominator: U256)

    public var description: String {
        switch self {
        case .mulDivOverflow(let a, let b, let d):
            if d.isZero { return "mulDiv by a zero denominator: a=\(a) b=\(b)" }
            return "mulDiv result does not fit 256 bits: a=\(a) b=\(b) denominator=\(d)"
        }
    }
}

extension U256 {
    /// floor(a·b / denominator) with a 512-bit intermediate (FullMath.mulDiv); throws instead of reverting.
    @inlinable
    public static func mulDiv(_ a: U256, _ b: U256, _ denominator: U256) throws(U256ArithmeticError) -> U256 {
        try mulDivWithRemainder(a, b, denominator).quotient
    }

    /// ceil(a·b / denominator) (FullMath.mulDivRoundingUp: mulDiv + 1 when mulmod > 0, and that +1 must fit).
    @inlinable
    public static func mulDivRoundingUp(_ a: U256, _ b: U256, _ denominator: U256) throws(U256ArithmeticError)
        -> U256
    {
        let (q, r) = try mulDivWithRemainder(a, b, denominator)
        if r.isZero { return q }
        guard q != .max else { throw .mulDivOverflow(a: a, b: b, denominator: denominator) }
        return q &+ .one
    }

    /// floor(a·b / denominator) and (a·b) mod denominator; throws when the quotient does not fit or d is zero.
    @inlinable
    public static func mulDivWithRemainder(_ a: U256, _ b: U256, _ denominator: U256) throws(U256ArithmeticError)
        -> (quotient: U256, remainder: U256)
    {
        let (hi, lo) = a.multipliedFullWidth(by: b)
        // The quotient fits 256 bits exactly when hi < denominator; this also rejects a zero denominator.
        guard hi < denominator else { throw .mulDivOverflow(a: a, b: b, denominator: denominator) }
        if hi.isZero { return lo.quotientAndRemainder(dividingBy: denominator) }
        return divideWide(high: hi, low: lo, by: denominator)
    }

    /// (a·b) mod m with a 512-bit intermediate (EVM MULMOD: 0 when m is 0).
    @inlinable
    public static func mulMod(_ a: U256, _ b: U256, _ m: U256) -> U256 {
        if m.isZero { return .zero }
        let (hi, lo) = a.multipliedFullWidth(by: b)
        if hi.isZero { return lo % m }
        // Reduce hi first so the 512-by-256 division's quotient fits.
        let h = hi < m ? hi : hi % m
        return divideWide(high: h, low: lo, by: m).remainder
    }

    /// (a + b) mod m with a 257-bit intermediate (EVM ADDMOD: 0 when m is 0).
    @inlinable
    public static func addMod(_ a: U256, _ b: U256, _ m: U256) -> U256 {
        if m.isZero { return .zero }
        let (s, carry) = a.addingReportingOverflow(b)
        if !carry { return s % m }
        return divideWide(high: .one < m ? .one : .zero, low: s, by: m).remainder
    }
}
