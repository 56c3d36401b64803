/// A signed 256-bit integer in two's complement, stored as the bits of a U256 (the EVM's int256 word).
///
/// Arithmetic follows Swift's integer conventions: `+ - * / %` and negation trap on overflow (including
/// `min / -1`) or division by zero, the `&` forms wrap modulo 2^256. The EVM's SDIV/SMOD live in I256+EVM.swift.
@frozen
public struct I256: Sendable, Hashable {
    /// The two's-complement bits.
    public var bits: U256

    /// A value from its two's-complement bits.
    @inlinable @inline(__always)
    public init(bits: U256) { self.bits = bits }

    /// A value from a 64-bit signed integer (sign-extended).
    @inlinable
    public init(_ v: Int64) { bits = U256(truncatingIfNeeded: v) }

    /// Zero.
    public static let zero = I256(bits: .zero)
    /// One.
    public static let one = I256(bits: .one)
    /// -1 (all bits set).
    public static let minusOne = I256(bits: .max)
    /// The largest value, 2^255 - 1.
    public static let max = I256(bits: U256.max >> 1)
    /// The smallest value, -2^255.
    public static let min = I256(bits: U256.one << 255)

    /// Whether the value is below zero (the top bit is set).
    @inlinable
    public var isNegative: Bool { bits.w.3 >> 63 == 1 }

    /// Whether the value is zero.
    @inlinable
    public var isZero: Bool { bits.isZero }

    /// -1, 0 or 1 by sign.
    @inlinable
    public var signum: Int { isNegative ? -1 : (isZero ? 0 : 1) }

    /// The absolute value as a U256 (|min| = 2^255 fits).
    @inlinable
    public var magnitude: U256 { isNegative ? (~bits) &+ .one : bits }

    /// The value of sign and magnitude when it fits, else nil.
    @inlinable
    public init?(negative: Bool, magnitude m: U256) {
        let limit = U256.one << 255
        if negative {
            guard m <= limit else { return nil }
            bits = (~m) &+ .one
        } else {
            guard m < limit else { return nil }
            bits = m
        }
    }

    /// The value as an Int64 when it fits, else nil.
    @inlinable
    public var int64: Int64? {
        let top = isNegative ? UInt64.max : 0
        guard bits.w.1 == top, bits.w.2 == top, bits.w.3 == top else { return nil }
        let v = Int64(bitPattern: bits.w.0)
        return (v < 0) == isNegative ? v : nil
    }
}

extension I256: Comparable {
    /// Signed order: flipping the sign bit maps two's complement onto unsigned order.
    @inlinable
    public static func < (a: I256, b: I256) -> Bool {
        let flip = U256.one << 255
        return (a.bits ^ flip) < (b.bits ^ flip)
    }
}

extension I256: ExpressibleByIntegerLiteral {
    /// A value from an integer literal in Int64 range.
    @inlinable
    public init(integerLiteral value: Int64) { self.init(value) }
}

// MARK: - Arithmetic

extension I256 {
    /// `self + rhs` modulo 2^256 and whether the signed sum overflowed.
    @inlinable
    public func addingReportingOverflow(_ rhs: I256) -> (partialValue: I256, overflow: Bool) {
        let r = I256(bits: bits &+ rhs.bits)
        // Overflow iff both operands have the same sign and the result's sign differs.
        return (r, isNegative == rhs.isNegative && r.isNegative != isNegative)
    }

    /// `self - rhs` modulo 2^256 and whether the signed difference overflowed.
    @inlinable
    public func subtractingReportingOverflow(_ rhs: I256) -> (partialValue: I256, overflow: Bool) {
        let r = I256(bits: bits &- rhs.bits)
        return (r, isNegative != rhs.isNegative && r.isNegative != isNegative)
    }

    /// `self * rhs` modulo 2^256 and whether the signed product overflowed.
    @inlinable
    public func multipliedReportingOverflow(by rhs: I256) -> (partialValue: I256, overflow: Bool) {
        let (hi, lo) = magnitude.multipliedFullWidth(by: rhs.magnitude)
        let negative = isNegative != rhs.isNegative && !lo.isZero
        let fits = hi.isZero && (negative ? lo <= U256.one << 255 : lo < U256.one << 255)
        return (I256(bits: bits &* rhs.bits), !fits)
    }

    /// Truncating `self / rhs` and whether it was invalid (division by zero gives self; min / -1 gives min).
    @inlinable
    public func dividedReportingOverflow(by rhs: I256) -> (partialValue: I256, overflow: Bool) {
        if rhs.isZero { return (self, true) }
        if self == .min && rhs == .minusOne { return (.min, true) }
        let q = magnitude / rhs.magnitude
        return (isNegative != rhs.isNegative ? I256(bits: (~q) &+ .one) : I256(bits: q), false)
    }

    /// `self % rhs` with the dividend's sign and whether it was invalid (by zero gives self; min % -1 gives 0).
    @inlinable
    public func remainderReportingOverflow(dividingBy rhs: I256) -> (partialValue: I256, overflow: Bool) {
        if rhs.isZero { return (self, true) }
        if self == .min && rhs == .minusOne { return (.zero, true) }
        let r = magnitude % rhs.magnitude
        return (isNegative ? I256(bits: (~r) &+ .one) : I256(bits: r), false)
    }

    /// `-self` and whether it overflowed (only for min, which negates to itself).
    @inlinable
    public func negatedReportingOverflow() -> (partialValue: I256, overflow: Bool) {
        (I256(bits: (~bits) &+ .one), self == .min)
    }

    /// Checked addition: traps on overflow.
    @inlinable
    public static func + (a: I256, b: I256) -> I256 {
        let (r, o) = a.addingReportingOverflow(b)
        precondition(!o, "I256 addition overflow")
        return r
    }

    /// Checked subtraction: traps on overflow.
    @inlinable
    public static func - (a: I256, b: I256) -> I256 {
        let (r, o) = a.subtractingReportingOverflow(b)
        precondition(!o, "I256 subtraction overflow")
        return r
    }

    /// Checked multiplication: traps on overflow.
    @inlinable
    public static func * (a: I256, b: I256) -> I256 {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        precondition(!o, "I256 multiplication overflow")
        return r
    }

    /// Truncating division: traps on division by zero and on min / -1.
    @inlinable
    public static func / (a: I256, b: I256) -> I256 {
        precondition(!b.isZero, "I256 division by zero")
        let (r, o) = a.dividedReportingOverflow(by: b)
        precondition(!o, "I256 division overflow (min / -1)")
        return r
    }

    /// Remainder with the dividend's sign: traps on division by zero and on min % -1, as Swift's Int does.
    @inlinable
    public static func % (a: I256, b: I256) -> I256 {
        precondition(!b.isZero, "I256 division by zero")
        let (r, o) = a.remainderReportingOverflow(dividingBy: b)
        precondition(!o, "I256 remainder overflow (min % -1)")
        return r
    }

    /// Checked negation: traps for min.
    @inlinable
    public static prefix func - (a: I256) -> I256 {
        let (r, o) = a.negatedReportingOverflow()
        precondition(!o, "I256 negation overflow")
        return r
    }

    /// Wrapping addition modulo 2^256.
    @inlinable public static func &+ (a: I256, b: I256) -> I256 { I256(bits: a.bits &+ b.bits) }
    /// Wrapping subtraction modulo 2^256.
    @inlinable public static func &- (a: I256, b: I256) -> I256 { I256(bits: a.bits &- b.bits) }
    /// Wrapping multiplication modulo 2^256 (two's complement makes it the unsigned product's low half).
    @inlinable public static func &* (a: I256, b: I256) -> I256 { I256(bits: a.bits &* b.bits) }

    /// Checked add-assign.
    @inlinable public static func += (a: inout I256, b: I256) { a = a + b }
    /// Checked subtract-assign.
    @inlinable public static func -= (a: inout I256, b: I256) { a = a - b }
    /// Checked multiply-assign.
    @inlinable public static func *= (a: inout I256, b: I256) { a = a * b }
}
