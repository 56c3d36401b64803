// Multiplication and exponentiation. Schoolbook multiplication over 64-bit limbs, unrolled so every limb stays
// in a register; the 128-bit partial products come from UInt64.multipliedFullWidth.

extension U256 {
    /// `a * b + c + carry` as a 128-bit (high, low) pair; it cannot overflow: (2^64-1)^2 + 2(2^64-1) = 2^128-1.
    @inlinable @inline(__always)
    static func mac(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ carry: UInt64) -> (high: UInt64, low: UInt64) {
        let (h, l) = a.multipliedFullWidth(by: b)
        let (l1, o1) = l.addingReportingOverflow(c)
        let (l2, o2) = l1.addingReportingOverflow(carry)
        return (h &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0), l2)
    }

    /// The full 512-bit product `self * other` as (high, low) halves.
    @inlinable @inline(__always)
    public func multipliedFullWidth(by other: U256) -> (high: U256, low: U256) {
        let (a0, a1, a2, a3) = w
        let (b0, b1, b2, b3) = other.w
        var c: UInt64
        var r0, r1, r2, r3, r4, r5, r6, r7: UInt64
        (c, r0) = U256.mac(a0, b0, 0, 0)
        (c, r1) = U256.mac(a0, b1, 0, c)
        (c, r2) = U256.mac(a0, b2, 0, c)
        (r4, r3) = U256.mac(a0, b3, 0, c)

        (c, r1) = U256.mac(a1, b0, r1, 0)
        (c, r2) = U256.mac(a1, b1, r2, c)
        (c, r3) = U256.mac(a1, b2, r3, c)
        (r5, r4) = U256.mac(a1, b3, r4, c)

        (c, r2) = U256.mac(a2, b0, r2, 0)
        (c, r3) = U256.mac(a2, b1, r3, c)
        (c, r4) = U256.mac(a2, b2, r4, c)
        (r6, r5) = U256.mac(a2, b3, r5, c)

        (c, r3) = U256.mac(a3, b0, r3, 0)
        (c, r4) = U256.mac(a3, b1, r4, c)
        (c, r5) = U256.mac(a3, b2, r5, c)
        (r7, r6) = U256.mac(a3, b3, r6, c)
        return (U256(limbs: (r4, r5, r6, r7)), U256(limbs: (r0, r1, r2, r3)))
    }

    /// `self * other` modulo 2^256 and whether the true product exceeded 2^256 - 1.
    @inlinable
    public func multipliedReportingOverflow(by other: U256) -> (partialValue: U256, overflow: Bool) {
        let (hi, lo) = multipliedFullWidth(by: other)
        return (lo, !hi.isZero)
    }

    /// Wrapping multiplication modulo 2^256 (EVM MUL); computes only the low four limbs.
    @inlinable
    public static func &* (a: U256, b: U256) -> U256 {
        let (a0, a1, a2, a3) = a.w
        let (b0, b1, b2, b3) = b.w
        var c: UInt64
        var r0, r1, r2, r3: UInt64
        (c, r0) = mac(a0, b0, 0, 0)
        (c, r1) = mac(a0, b1, 0, c)
        (c, r2) = mac(a0, b2, 0, c)
        r3 = a0 &* b3 &+ c
        (c, r1) = mac(a1, b0, r1, 0)
        (c, r2) = mac(a1, b1, r2, c)
        r3 = r3 &+ a1 &* b2 &+ c
        (c, r2) = mac(a2, b0, r2, 0)
        r3 = r3 &+ a2 &* b1 &+ c
        r3 = r3 &+ a3 &* b0
        return U256(limbs: (r0, r1, r2, r3))
    }

    /// Checked multiplication: traps when the product exceeds 2^256 - 1.
    @inlinable
    public static func * (a: U256, b: U256) -> U256 {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        precondition(!o, "U256 multiplication overflow")
        return r
    }

    /// Checked multiply-assign: traps on overflow.
    @inlinable public static func *= (a: inout U256, b: U256) { a = a * b }

    /// Wrapping multiply-assign modulo 2^256.
    @inlinable public static func &*= (a: inout U256, b: U256) { a = a &* b }
}

// MARK: - Exponentiation

extension U256 {
    /// `self` raised to `exponent` modulo 2^256 and whether the true power exceeded 2^256 - 1 (0^0 = 1).
    public func powerReportingOverflow(_ exponent: U256) -> (partialValue: U256, overflow: Bool) {
        var result = U256.one
        var base = self
        var e = exponent
        var overflow = false
        var baseOverflowed = false
        while !e.isZero {
            if e.w.0 & 1 == 1 {
                let (r, o) = result.multipliedReportingOverflow(by: base)
                // A wrapped base only matters once it is multiplied in; result >= 1 unless base is 0.
                overflow = overflow || o || baseOverflowed
                result = r
            }
            e = e &>> 1
            if !e.isZero {
                let (b, o) = base.multipliedReportingOverflow(by: base)
                baseOverflowed = baseOverflowed || o
                base = b
            }
        }
        return (result, overflow)
    }

    /// Checked power: traps when `self ** exponent` exceeds 2^256 - 1 (0^0 = 1).
    public func power(_ exponent: U256) -> U256 {
        let (r, o) = powerReportingOverflow(exponent)
        precondition(!o, "U256 power overflow")
        return r
    }

    /// `base ** exponent` modulo 2^256, as the EVM EXP opcode defines it (Yellow Paper, EXP: a^b mod 2^256).
    public static func pow(_ base: U256, _ exponent: U256) -> U256 {
        var result = U256.one
        var b = base
        var e = exponent
        while !e.isZero {
            if e.w.0 & 1 == 1 { result = result &* b }
            e = e &>> 1
            if !e.isZero { b = b &* b }
        }
        return result
    }

    /// Checked exponentiation operator: traps on overflow (`10 ** 18`).
    public static func ** (base: U256, exponent: U256) -> U256 { base.power(exponent) }
}

/// Exponentiation binds tighter than multiplication and groups to the right, as in mathematics.
precedencegroup ExponentiationPrecedence {
    associativity: right
    higherThan: MultiplicationPrecedence
}

/// Exponentiation (`U256 ** U256`, checked).
infix operator ** : ExponentiationPrecedence
