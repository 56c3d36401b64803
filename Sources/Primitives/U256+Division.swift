// Division: Knuth's Algorithm D (TAOCP vol. 2, 4.3.1) over 64-bit limbs, specialised on the divisor's limb
// count (1...4) and written as straight-line code over local limbs. Quotient limbs are estimated with the
// reciprocal methods of Möller & Granlund, "Improved division by invariant integers" (IEEE TC 2011): Algorithm 4
// (2-by-1) for one-limb divisors, Algorithm 5 (3-by-2, exact for two-limb divisors, at most one too large for
// longer ones) otherwise, so the only hardware division is the one that computes the reciprocal, once per call.

/// A normalised 64-bit divisor (top bit set) with its reciprocal v = floor((2^128 - 1) / d) - 2^64.
@usableFromInline
struct Reciprocal64 {
    @usableFromInline let d: UInt64
    @usableFromInline let v: UInt64

    /// Requires `d` to have its top bit set.
    @inlinable @inline(__always)
    init(normalized d: UInt64) {
        self.d = d
        self.v = Reciprocal64.reciprocal(d)
    }

    /// floor((2^128 - 1) / d) - 2^64 for d with its top bit set.
    @inlinable @inline(__always)
    static func reciprocal(_ d: UInt64) -> UInt64 {
        // 2^128 - 1 - d·2^64 = (~d)·2^64 + (2^64 - 1), and ~d < d because the top bit of d is set.
        d.dividingFullWidth((high: ~d, low: .max)).quotient
    }

    /// (u1·2^64 + u0) divided by d, for u1 < d (Möller–Granlund Algorithm 4).
    @inlinable @inline(__always)
    func divide(_ u1: UInt64, _ u0: UInt64) -> (quotient: UInt64, remainder: UInt64) {
        let (ph, pl) = v.multipliedFullWidth(by: u1)
        let (q0, c) = pl.addingReportingOverflow(u0)
        var q1 = ph &+ u1 &+ (c ? 1 : 0) &+ 1
        var r = u0 &- q1 &* d
        if r > q0 {
            q1 &-= 1
            r &+= d
        }
        if r >= d {
            q1 &+= 1
            r &-= d
        }
        return (q1, r)
    }
}

/// A normalised two-limb divisor (d1 has its top bit set) with the 3-by-2 reciprocal
/// v = floor((2^192 - 1) / (d1·2^64 + d0)) - 2^64 (Möller–Granlund Algorithm 6, as GMP's invert_pi1).
@usableFromInline
struct Reciprocal128 {
    @usableFromInline let d1: UInt64
    @usableFromInline let d0: UInt64
    @usableFromInline let v: UInt64

    /// Requires `d1` to have its top bit set.
    @inlinable @inline(__always)
    init(normalized d1: UInt64, _ d0: UInt64) {
        self.d1 = d1
        self.d0 = d0
        var v = Reciprocal64.reciprocal(d1)
        var p = d1 &* v &+ d0
        if p < d0 {
            v &-= 1
            if p >= d1 {
                v &-= 1
                p &-= d1
            }
            p &-= d1
        }
        let (t1, t0) = d0.multipliedFullWidth(by: v)
        p &+= t1
        if p < t1 {
            v &-= 1
            if p > d1 || (p == d1 && t0 >= d0) { v &-= 1 }
        }
        self.v = v
    }

    /// (u2, u1, u0) divided by (d1, d0), for (u2, u1) < (d1, d0): the quotient limb and the two-limb remainder
    /// (Möller–Granlund Algorithm 5).
    @inlinable @inline(__always)
    func divide(_ u2: UInt64, _ u1: UInt64, _ u0: UInt64) -> (q: UInt64, r1: UInt64, r0: UInt64) {
        let (ph, pl) = v.multipliedFullWidth(by: u2)
        let (q0, c) = pl.addingReportingOverflow(u1)
        var q = ph &+ u2 &+ (c ? 1 : 0)
        // (r1, r0) = (u1 - q·d1, u0) - (d1, d0) - q·d0, modulo 2^128.
        var r1 = u1 &- d1 &* q
        let (t1, t0) = d0.multipliedFullWidth(by: q)
        var (r0, b0) = u0.subtractingReportingOverflow(d0)
        r1 = r1 &- d1 &- (b0 ? 1 : 0)
        let b1: Bool
        (r0, b1) = r0.subtractingReportingOverflow(t0)
        r1 = r1 &- t1 &- (b1 ? 1 : 0)
        q &+= 1
        // q was one too large exactly when r1 >= q0: add d back (branch-free; it is taken about half the time).
        let mask: UInt64 = r1 >= q0 ? .max : 0
        q &+= mask
        let (a0, c1) = r0.addingReportingOverflow(d0 & mask)
        r0 = a0
        r1 = r1 &+ (d1 & mask) &+ (c1 ? 1 : 0)
        // Rarely q is one too small.
        if r1 >= d1 && (r1 > d1 || r0 >= d0) {
            q &+= 1
            let (s0, b2) = r0.subtractingReportingOverflow(d0)
            r0 = s0
            r1 = r1 &- d1 &- (b2 ? 1 : 0)
        }
        return (q, r1, r0)
    }
}

extension U256 {
    /// One quotient limb for a three-limb normalised divisor dn: (r, u) / dn, where the partial remainder r < dn
    /// (limbs in r.0..r.2, dn in dn.w.0..2, dn.w.3 == 0); returns the limb and the new partial remainder.
    @_transparent @usableFromInline
    static func divStep3(_ r: U256, _ u: UInt64, _ dn: U256, _ rc: Reciprocal128) -> (UInt64, U256) {
        if r.w.2 == rc.d1 && r.w.1 == rc.d0 {
            // The top two limbs equal the divisor's, so the 3-by-2 estimate does not apply; the quotient limb is
            // then exactly 2^64 - 1 (Knuth D3), and (r, u) - (2^64 - 1)·dn = (r, u) + dn - dn·2^64 fits 192 bits.
            var x = U256(limbs: (u, r.w.0, r.w.1, 0)) &+ dn &- U256(limbs: (0, dn.w.0, dn.w.1, 0))
            x.w.3 = 0
            return (.max, x)
        }
        var (q, n1, n0) = rc.divide(r.w.2, r.w.1, r.w.0)
        // (n1, n0, u) - q·dn.w.0; q may be one too large, then the difference is negative: add dn back once.
        let (ph, pl) = q.multipliedFullWidth(by: dn.w.0)
        var (x, borrow) = U256(limbs: (u, n0, n1, 0)).subtractingReportingOverflow(U256(limbs: (pl, ph, 0, 0)))
        if borrow {
            q &-= 1
            x = x &+ dn
        }
        return (q, x)
    }

    /// One quotient limb for a four-limb normalised divisor dn: (r, u) / dn, where the partial remainder r < dn;
    /// returns the limb and the new partial remainder.
    /// (The steps are @_transparent because the optimiser left @inline(__always) versions as calls in the kernels.)
    @_transparent @usableFromInline
    static func divStep4(_ r: U256, _ u: UInt64, _ dn: U256, _ rc: Reciprocal128) -> (UInt64, U256) {
        if r.w.3 == rc.d1 && r.w.2 == rc.d0 {
            // As in divStep3: the quotient limb is 2^64 - 1 and the remainder (r, u) + dn - dn·2^64 fits 256 bits.
            return (.max, U256(limbs: (u, r.w.0, r.w.1, r.w.2)) &+ dn &- U256(limbs: (0, dn.w.0, dn.w.1, dn.w.2)))
        }
        var (q, n1, n0) = rc.divide(r.w.3, r.w.2, r.w.1)
        // (n1, n0, r.0, u) - q·(dn.1, dn.0); q may be one too large: then add dn back once.
        let (h0, l0) = q.multipliedFullWidth(by: dn.w.0)
        let (h1, l1) = q.multipliedFullWidth(by: dn.w.1)
        let (p1, c) = h0.addingReportingOverflow(l1)
        let p2 = h1 &+ (c ? 1 : 0)
        var (x, borrow) = U256(limbs: (u, r.w.0, n0, n1)).subtractingReportingOverflow(U256(limbs: (l0, p1, p2, 0)))
        if borrow {
            q &-= 1
            x = x &+ dn
        }
        return (q, x)
    }

    /// `x >> s` for 0 <= s < 64 (the remainder's denormalisation).
    @inlinable @inline(__always)
    static func shiftedRightSmall(_ x: U256, _ s: UInt64) -> U256 {
        let ls = (64 &- s) & 63
        let m: UInt64 = s == 0 ? 0 : .max
        let (a0, a1, a2, a3) = x.w
        return U256(limbs: (
            (a0 &>> s) | ((a1 &<< ls) & m), (a1 &>> s) | ((a2 &<< ls) & m), (a2 &>> s) | ((a3 &<< ls) & m), a3 &>> s
        ))
    }

    /// `x << s` for 0 <= s < 64 and the bits shifted out (Knuth D1's normalisation).
    @inlinable @inline(__always)
    static func shiftedLeftSmall(_ x: U256, _ s: UInt64) -> (U256, out: UInt64) {
        let rs = (64 &- s) & 63
        let m: UInt64 = s == 0 ? 0 : .max
        let (a0, a1, a2, a3) = x.w
        return (
            U256(limbs: (
                a0 &<< s, (a1 &<< s) | ((a0 &>> rs) & m), (a2 &<< s) | ((a1 &>> rs) & m),
                (a3 &<< s) | ((a2 &>> rs) & m)
            )), (a3 &>> rs) & m
        )
    }

    /// Divides the 512-bit number (high, low) by `d`; requires d != 0 and high < d, so the quotient fits 256 bits.
    /// Dispatches on the divisor's limb count to kernels compiled once in this module, each straight-line code.
    @inlinable
    static func divideWide(high: U256, low: U256, by d: U256) -> (quotient: U256, remainder: U256) {
        if d.w.3 != 0 { return divideWide4(high: high, low: low, by: d) }
        if d.w.2 != 0 { return divideWide3(high: high, low: low, by: d) }
        if d.w.1 != 0 { return divideWide2(high: high, low: low, by: d) }
        return divideWide1(high: high, low: low, by: d.w.0)
    }

    /// The normalised divisor and numerator for a shift s: high·2^s < dn because high < d, so eight limbs suffice.
    @inlinable @inline(__always)
    static func normalisedWide(high: U256, low: U256, by d: U256, _ s: UInt64) -> (dn: U256, hi: U256, lo: U256) {
        let (dn, _) = shiftedLeftSmall(d, s)
        let (lo, out) = shiftedLeftSmall(low, s)
        var (hi, _) = shiftedLeftSmall(high, s)
        hi.w.0 |= out
        return (dn, hi, lo)
    }

    /// divideWide for a one-limb divisor (high < d, so high is one limb too).
    @usableFromInline
    static func divideWide1(high: U256, low: U256, by d: UInt64) -> (quotient: U256, remainder: U256) {
        let s = UInt64(d.leadingZeroBitCount)
        let (_, hi, lo) = normalisedWide(high: high, low: low, by: U256(d), s)
        let rc = Reciprocal64(normalized: d &<< s)
        let (q3, r3) = rc.divide(hi.w.0, lo.w.3)
        let (q2, r2) = rc.divide(r3, lo.w.2)
        let (q1, r1) = rc.divide(r2, lo.w.1)
        let (q0, r0) = rc.divide(r1, lo.w.0)
        return (U256(limbs: (q0, q1, q2, q3)), U256(r0 &>> s))
    }

    /// divideWide for a two-limb divisor: Algorithm 5 gives every quotient limb exactly.
    @usableFromInline
    static func divideWide2(high: U256, low: U256, by d: U256) -> (quotient: U256, remainder: U256) {
        let s = UInt64(d.w.1.leadingZeroBitCount)
        let (dn, hi, lo) = normalisedWide(high: high, low: low, by: d, s)
        let rc = Reciprocal128(normalized: dn.w.1, dn.w.0)
        let (q3, r31, r30) = rc.divide(hi.w.1, hi.w.0, lo.w.3)
        let (q2, r21, r20) = rc.divide(r31, r30, lo.w.2)
        let (q1, r11, r10) = rc.divide(r21, r20, lo.w.1)
        let (q0, r01, r00) = rc.divide(r11, r10, lo.w.0)
        return (U256(limbs: (q0, q1, q2, q3)), shiftedRightSmall(U256(limbs: (r00, r01, 0, 0)), s))
    }

    /// divideWide for a three-limb divisor.
    @usableFromInline
    static func divideWide3(high: U256, low: U256, by d: U256) -> (quotient: U256, remainder: U256) {
        let s = UInt64(d.w.2.leadingZeroBitCount)
        let (dn, hi, lo) = normalisedWide(high: high, low: low, by: d, s)
        let rc = Reciprocal128(normalized: dn.w.2, dn.w.1)
        var r = U256(limbs: (hi.w.0, hi.w.1, hi.w.2, 0))
        let q3: UInt64, q2: UInt64, q1: UInt64, q0: UInt64
        (q3, r) = divStep3(r, lo.w.3, dn, rc)
        (q2, r) = divStep3(r, lo.w.2, dn, rc)
        (q1, r) = divStep3(r, lo.w.1, dn, rc)
        (q0, r) = divStep3(r, lo.w.0, dn, rc)
        return (U256(limbs: (q0, q1, q2, q3)), shiftedRightSmall(r, s))
    }

    /// divideWide for a four-limb divisor.
    @usableFromInline
    static func divideWide4(high: U256, low: U256, by d: U256) -> (quotient: U256, remainder: U256) {
        let s = UInt64(d.w.3.leadingZeroBitCount)
        let (dn, hi, lo) = normalisedWide(high: high, low: low, by: d, s)
        let rc = Reciprocal128(normalized: dn.w.3, dn.w.2)
        var r = hi
        let q3: UInt64, q2: UInt64, q1: UInt64, q0: UInt64
        (q3, r) = divStep4(r, lo.w.3, dn, rc)
        (q2, r) = divStep4(r, lo.w.2, dn, rc)
        (q1, r) = divStep4(r, lo.w.1, dn, rc)
        (q0, r) = divStep4(r, lo.w.0, dn, rc)
        return (U256(limbs: (q0, q1, q2, q3)), shiftedRightSmall(r, s))
    }

    /// `self / d` for self >= d >= 2^64 (so d has 2...4 limbs): the 256-by-256 path, a numerator of five limbs
    /// after normalisation, so 5 - n quotient limbs.
    @usableFromInline
    func divideNarrow(by d: U256) -> (quotient: U256, remainder: U256) {
        if d.w.3 != 0 {
            let s = UInt64(d.w.3.leadingZeroBitCount)
            let (dn, _) = U256.shiftedLeftSmall(d, s)
            let (u, u4) = U256.shiftedLeftSmall(self, s)
            let rc = Reciprocal128(normalized: dn.w.3, dn.w.2)
            let (q0, r) = U256.divStep4(U256(limbs: (u.w.1, u.w.2, u.w.3, u4)), u.w.0, dn, rc)
            return (U256(q0), U256.shiftedRightSmall(r, s))
        }
        if d.w.2 != 0 {
            let s = UInt64(d.w.2.leadingZeroBitCount)
            let (dn, _) = U256.shiftedLeftSmall(d, s)
            let (u, u4) = U256.shiftedLeftSmall(self, s)
            let rc = Reciprocal128(normalized: dn.w.2, dn.w.1)
            var r = U256(limbs: (u.w.2, u.w.3, u4, 0))
            let q1: UInt64, q0: UInt64
            (q1, r) = U256.divStep3(r, u.w.1, dn, rc)
            (q0, r) = U256.divStep3(r, u.w.0, dn, rc)
            return (U256(limbs: (q0, q1, 0, 0)), U256.shiftedRightSmall(r, s))
        }
        let s = UInt64(d.w.1.leadingZeroBitCount)
        let (dn, _) = U256.shiftedLeftSmall(d, s)
        let (u, u4) = U256.shiftedLeftSmall(self, s)
        let rc = Reciprocal128(normalized: dn.w.1, dn.w.0)
        let (q2, r21, r20) = rc.divide(u4, u.w.3, u.w.2)
        let (q1, r11, r10) = rc.divide(r21, r20, u.w.1)
        let (q0, r01, r00) = rc.divide(r11, r10, u.w.0)
        return (U256(limbs: (q0, q1, q2, 0)), U256.shiftedRightSmall(U256(limbs: (r00, r01, 0, 0)), s))
    }

    /// Quotient and remainder of `self / d`, truncating; traps when d is zero.
    @inlinable
    public func quotientAndRemainder(dividingBy d: U256) -> (quotient: U256, remainder: U256) {
        precondition(!d.isZero, "U256 division by zero")
        if self < d { return (.zero, self) }
        if (d.w.1 | d.w.2 | d.w.3) == 0 {
            let (q, r) = quotientAndRemainder(dividingBy: d.w.0)
            return (q, U256(r))
        }
        if (w.2 | w.3) == 0 {
            // Both fit 128 bits: one native 128-bit division.
            let a = UInt128(w.1) << 64 | UInt128(w.0), b = UInt128(d.w.1) << 64 | UInt128(d.w.0)
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            return (U256(q), U256(r))
        }
        return divideNarrow(by: d)
    }

    /// The full-width division of (high, low) by `self`, as Swift's `dividingFullWidth`; traps unless high < self.
    @inlinable
    public func dividingFullWidth(_ dividend: (high: U256, low: U256)) -> (quotient: U256, remainder: U256) {
        precondition(!isZero, "U256 division by zero")
        precondition(dividend.high < self, "U256 full-width quotient does not fit 256 bits")
        return U256.divideWide(high: dividend.high, low: dividend.low, by: self)
    }

    /// `self / d` and whether the division was invalid (d is zero: the result is then `self`, as Swift's).
    @inlinable
    public func dividedReportingOverflow(by d: U256) -> (partialValue: U256, overflow: Bool) {
        if d.isZero { return (self, true) }
        return (quotientAndRemainder(dividingBy: d).quotient, false)
    }

    /// `self % d` and whether the division was invalid (d is zero: the result is then `self`, as Swift's).
    @inlinable
    public func remainderReportingOverflow(dividingBy d: U256) -> (partialValue: U256, overflow: Bool) {
        if d.isZero { return (self, true) }
        return (quotientAndRemainder(dividingBy: d).remainder, false)
    }

    /// Truncating division; traps when the divisor is zero.
    @inlinable
    public static func / (a: U256, b: U256) -> U256 { a.quotientAndRemainder(dividingBy: b).quotient }

    /// Remainder; traps when the divisor is zero.
    @inlinable
    public static func % (a: U256, b: U256) -> U256 { a.quotientAndRemainder(dividingBy: b).remainder }

    /// Divide-assign; traps when the divisor is zero.
    @inlinable public static func /= (a: inout U256, b: U256) { a = a / b }
    /// Remainder-assign; traps when the divisor is zero.
    @inlinable public static func %= (a: inout U256, b: U256) { a = a % b }
}
