import Primitives

/// Vyper's checked uint256 operators: every `+ - * /` in a pool reverts on overflow, underflow or zero division.
@usableFromInline
enum CurveArithmetic {
    @inlinable @inline(__always)
    static func add(_ a: U256, _ b: U256) throws(CurveError) -> U256 {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw .overflow }
        return r
    }

    @inlinable @inline(__always)
    static func sub(_ a: U256, _ b: U256) throws(CurveError) -> U256 {
        let (r, o) = a.subtractingReportingOverflow(b)
        if o { throw .underflow }
        return r
    }

    @inlinable @inline(__always)
    static func mul(_ a: U256, _ b: U256) throws(CurveError) -> U256 {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        if o { throw .overflow }
        return r
    }

    @inlinable @inline(__always)
    static func div(_ a: U256, _ b: U256) throws(CurveError) -> U256 {
        if b.isZero { throw .divisionByZero }
        return a / b
    }

    /// `|a - b| <= 1`: the Newton loops' "equality with the precision of 1".
    @inlinable @inline(__always)
    static func withinOne(_ a: U256, _ b: U256) -> Bool {
        a > b ? (a &- b) <= .one : (b &- a) <= .one
    }

    /// get_y's asserts in source order: `i != j`, `0 <= j < N_COINS`, `0 <= i < N_COINS`.
    static func checkIndices(_ i: Int, _ j: Int, coins: Int) throws(CurveError) {
        if i == j { throw .sameCoin(i) }
        if j < 0 || j >= coins { throw .coinIndexOutOfRange(index: j, coins: coins) }
        if i < 0 || i >= coins { throw .coinIndexOutOfRange(index: i, coins: coins) }
    }
}
