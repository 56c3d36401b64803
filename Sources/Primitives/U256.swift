/// An unsigned 256-bit integer: four 64-bit limbs, least significant first.
///
/// Arithmetic follows Swift's integer conventions: `+ - * /` trap on overflow or division by zero,
/// `&+ &- &*` wrap modulo 2^256, and the `…ReportingOverflow` forms return the wrapped value with a flag.
/// The representation is an inline tuple, so a U256 never touches the heap.
@frozen
public struct U256: Sendable {
    /// Limbs, least significant first: value = w.0 + w.1·2^64 + w.2·2^128 + w.3·2^192.
    public var w: (UInt64, UInt64, UInt64, UInt64)

    /// A value from its four limbs, least significant first.
    @inlinable @inline(__always)
    public init(limbs w: (UInt64, UInt64, UInt64, UInt64)) { self.w = w }

    /// A value from a 64-bit integer.
    @inlinable @inline(__always)
    public init(_ v: UInt64) { w = (v, 0, 0, 0) }

    /// Zero.
    public static let zero = U256(limbs: (0, 0, 0, 0))
    /// One.
    public static let one = U256(limbs: (1, 0, 0, 0))
    /// 2^256 - 1.
    public static let max = U256(limbs: (.max, .max, .max, .max))

    /// Whether the value is zero.
    @inlinable
    public var isZero: Bool { (w.0 | w.1 | w.2 | w.3) == 0 }

    /// The limb at `i` (0 = least significant).
    @inlinable @inline(__always)
    public subscript(limb i: Int) -> UInt64 {
        get {
            switch i {
            case 0: return w.0
            case 1: return w.1
            case 2: return w.2
            default: return w.3
            }
        }
        set {
            switch i {
            case 0: w.0 = newValue
            case 1: w.1 = newValue
            case 2: w.2 = newValue
            default: w.3 = newValue
            }
        }
    }

    /// The value as a UInt64 when it fits, else nil.
    @inlinable
    public var uint64: UInt64? { (w.1 | w.2 | w.3) == 0 ? w.0 : nil }
}

extension U256: Equatable, Hashable {
    @inlinable @inline(__always)
    public static func == (a: U256, b: U256) -> Bool {
        ((a.w.0 ^ b.w.0) | (a.w.1 ^ b.w.1) | (a.w.2 ^ b.w.2) | (a.w.3 ^ b.w.3)) == 0
    }

    @inlinable
    public func hash(into h: inout Hasher) {
        h.combine(w.0); h.combine(w.1); h.combine(w.2); h.combine(w.3)
    }
}

extension U256: Comparable {
    @inlinable @inline(__always)
    public static func < (a: U256, b: U256) -> Bool {
        if a.w.3 != b.w.3 { return a.w.3 < b.w.3 }
        if a.w.2 != b.w.2 { return a.w.2 < b.w.2 }
        if a.w.1 != b.w.1 { return a.w.1 < b.w.1 }
        return a.w.0 < b.w.0
    }
}

// MARK: - Addition and subtraction

extension U256 {
    /// a + b + carry (carry is 0 or 1) and the carry out (0 or 1); branch-free, so chains become add/adc.
    @inlinable @inline(__always)
    static func adc(_ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
        let (s, o1) = a.addingReportingOverflow(b)
        let (t, o2) = s.addingReportingOverflow(carry)
        return (t, (o1 ? 1 : 0) | (o2 ? 1 : 0))
    }

    /// a - b - borrow (borrow is 0 or 1) and the borrow out (0 or 1); branch-free, so chains become sub/sbb.
    @inlinable @inline(__always)
    static func sbb(_ a: UInt64, _ b: UInt64, _ borrow: UInt64) -> (UInt64, UInt64) {
        let (s, o1) = a.subtractingReportingOverflow(b)
        let (t, o2) = s.subtractingReportingOverflow(borrow)
        return (t, (o1 ? 1 : 0) | (o2 ? 1 : 0))
    }

    /// `self + rhs` modulo 2^256 and whether it overflowed.
    @inlinable @inline(__always)
    public func addingReportingOverflow(_ rhs: U256) -> (partialValue: U256, overflow: Bool) {
        let (r0, c0) = w.0.addingReportingOverflow(rhs.w.0)
        let (r1, c1) = U256.adc(w.1, rhs.w.1, c0 ? 1 : 0)
        let (r2, c2) = U256.adc(w.2, rhs.w.2, c1)
        let (r3, c3) = U256.adc(w.3, rhs.w.3, c2)
        return (U256(limbs: (r0, r1, r2, r3)), c3 != 0)
    }

    /// `self - rhs` modulo 2^256 and whether it borrowed (rhs > self).
    @inlinable @inline(__always)
    public func subtractingReportingOverflow(_ rhs: U256) -> (partialValue: U256, overflow: Bool) {
        let (r0, b0) = w.0.subtractingReportingOverflow(rhs.w.0)
        let (r1, b1) = U256.sbb(w.1, rhs.w.1, b0 ? 1 : 0)
        let (r2, b2) = U256.sbb(w.2, rhs.w.2, b1)
        let (r3, b3) = U256.sbb(w.3, rhs.w.3, b2)
        return (U256(limbs: (r0, r1, r2, r3)), b3 != 0)
    }

    /// Checked addition: traps on overflow.
    @inlinable @inline(__always)
    public static func + (a: U256, b: U256) -> U256 {
        let (r, o) = a.addingReportingOverflow(b)
        precondition(!o, "U256 addition overflow")
        return r
    }

    /// Checked subtraction: traps on underflow.
    @inlinable @inline(__always)
    public static func - (a: U256, b: U256) -> U256 {
        let (r, o) = a.subtractingReportingOverflow(b)
        precondition(!o, "U256 subtraction underflow")
        return r
    }

    /// Wrapping addition modulo 2^256.
    @inlinable @inline(__always)
    public static func &+ (a: U256, b: U256) -> U256 { a.addingReportingOverflow(b).partialValue }

    /// Wrapping subtraction modulo 2^256.
    @inlinable @inline(__always)
    public static func &- (a: U256, b: U256) -> U256 { a.subtractingReportingOverflow(b).partialValue }

    @inlinable public static func += (a: inout U256, b: U256) { a = a + b }
    @inlinable public static func -= (a: inout U256, b: U256) { a = a - b }
}

// MARK: - Small-word helpers used by the string conversions

extension U256 {
    /// `self * m + add` with the carry-out limb.
    @inlinable
    public func multipliedAdding(_ m: UInt64, _ add: UInt64) -> (U256, carry: UInt64) {
        var r = U256.zero
        var carry = add
        for i in 0..<4 {
            let (hi, lo) = self[limb: i].multipliedFullWidth(by: m)
            let (s, o) = lo.addingReportingOverflow(carry)
            r[limb: i] = s
            carry = hi &+ (o ? 1 : 0)
        }
        return (r, carry)
    }

    /// Quotient and remainder of division by a nonzero 64-bit divisor; traps when d is zero.
    @inlinable
    public func quotientAndRemainder(dividingBy d: UInt64) -> (quotient: U256, remainder: UInt64) {
        precondition(d != 0, "U256 division by zero")
        // Normalise so the divisor's top bit is set, then one reciprocal serves all five 2-by-1 steps.
        let s = UInt64(d.leadingZeroBitCount)
        let rs = (64 &- s) & 63
        let m: UInt64 = s == 0 ? 0 : .max
        let rc = Reciprocal64(normalized: d &<< s)
        let (a0, a1, a2, a3) = w
        var r = (a3 &>> rs) & m
        let q3, q2, q1, q0: UInt64
        (q3, r) = rc.divide(r, (a3 &<< s) | ((a2 &>> rs) & m))
        (q2, r) = rc.divide(r, (a2 &<< s) | ((a1 &>> rs) & m))
        (q1, r) = rc.divide(r, (a1 &<< s) | ((a0 &>> rs) & m))
        (q0, r) = rc.divide(r, a0 &<< s)
        return (U256(limbs: (q0, q1, q2, q3)), r &>> s)
    }
}
