// Division: Knuth's Algorithm D (TAOCP vol. 2, 4.3.1) over 64-bit limbs, with the 2-by-1 limb divisions done by
// multiplying with a precomputed reciprocal (Möller & Granlund, "Improved division by invariant integers",
// IEEE TC 2011, Algorithm 4) so the hardware/compiler-rt 128-bit division runs once per call, not once per limb.

/// A normalised 64-bit divisor (top bit set) with its reciprocal v = floor((2^128 - 1) / d) - 2^64.
@usableFromInline
struct Reciprocal64 {
    @usableFromInline let d: UInt64
    @usableFromInline let v: UInt64

    /// Requires `d` to have its top bit set.
    @inlinable @inline(__always)
    init(normalized d: UInt64) {
        self.d = d
        // 2^128 - 1 - d·2^64 = (~d)·2^64 + (2^64 - 1), and ~d < d because the top bit of d is set.
        self.v = d.dividingFullWidth((high: ~d, low: .max)).quotient
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

extension U256 {
    /// Divides the 512-bit number (high, low) by `d`; requires d != 0 and high < d, so the quotient fits 256 bits.
    @inlinable
    static func divideWide(high: U256, low: U256, by d: U256) -> (quotient: U256, remainder: U256) {
        let n = d.w.3 != 0 ? 4 : d.w.2 != 0 ? 3 : d.w.1 != 0 ? 2 : 1
        let s = d[limb: n - 1].leadingZeroBitCount
        let dn = d.shiftedLeft(s)
        let nu =
            high.w.3 != 0 ? 8 : high.w.2 != 0 ? 7 : high.w.1 != 0 ? 6 : high.w.0 != 0 ? 5
            : low.w.3 != 0 ? 4 : low.w.2 != 0 ? 3 : low.w.1 != 0 ? 2 : 1
        if nu < n { return (.zero, low) }  // then high is zero and low < d

        var ubuf: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
            low.w.0, low.w.1, low.w.2, low.w.3, high.w.0, high.w.1, high.w.2, high.w.3, 0
        )
        var qbuf: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        var dbuf = dn.w
        let rc = Reciprocal64(normalized: dn[limb: n - 1])
        var rem = U256.zero
        withUnsafeMutablePointer(to: &ubuf) { up in
            up.withMemoryRebound(to: UInt64.self, capacity: 9) { u in
                // Normalise the numerator by the divisor's shift, top limb first (D1).
                let bits = UInt64(s), rs = (64 &- bits) & 63
                let m: UInt64 = bits == 0 ? 0 : .max
                u[nu] = (u[nu - 1] &>> rs) & m
                var i = nu - 1
                while i > 0 {
                    u[i] = (u[i] &<< bits) | ((u[i - 1] &>> rs) & m)
                    i -= 1
                }
                u[0] = u[0] &<< bits
                withUnsafeMutablePointer(to: &qbuf) { qp in
                    qp.withMemoryRebound(to: UInt64.self, capacity: 8) { q in
                        if n == 1 {
                            var r = u[nu]
                            var j = nu - 1
                            while j >= 0 {
                                (q[j], r) = rc.divide(r, u[j])
                                j -= 1
                            }
                            rem = U256(r &>> bits)
                        } else {
                            withUnsafeMutablePointer(to: &dbuf) { dp in
                                dp.withMemoryRebound(to: UInt64.self, capacity: 4) { dl in
                                    knuthLoop(u, nu, dl, n, rc, q)
                                }
                            }
                            // Denormalise the n-limb remainder.
                            var r = U256.zero
                            for k in 0..<n {
                                let next = k + 1 < n ? u[k + 1] : 0
                                r[limb: k] = (u[k] &>> bits) | ((next &<< rs) & m)
                            }
                            rem = r
                        }
                    }
                }
            }
        }
        return (U256(limbs: (qbuf.0, qbuf.1, qbuf.2, qbuf.3)), rem)
    }

    /// Knuth D2–D7 for a normalised numerator u[0...nu] and divisor d[0..<n], n >= 2; leaves the remainder in u.
    @inlinable @inline(__always)
    static func knuthLoop(
        _ u: UnsafeMutablePointer<UInt64>, _ nu: Int, _ d: UnsafeMutablePointer<UInt64>, _ n: Int,
        _ rc: Reciprocal64, _ q: UnsafeMutablePointer<UInt64>
    ) {
        let dh = d[n - 1], dl = d[n - 2]
        var j = nu - n
        while j >= 0 {
            let ut = u[j + n], u1 = u[j + n - 1], u2 = u[j + n - 2]
            var qhat: UInt64, rhat: UInt64
            var rhatOverflow = false
            if ut >= dh {
                // D3 with u_top == d_top: qhat = b - 1 and rhat = u1 + dh.
                qhat = .max
                (rhat, rhatOverflow) = u1.addingReportingOverflow(dh)
            } else {
                (qhat, rhat) = rc.divide(ut, u1)
            }
            // D3 test: while qhat·d[n-2] > rhat·b + u[j+n-2], decrease qhat (at most twice; stop once rhat >= b).
            while !rhatOverflow {
                let (ph, pl) = qhat.multipliedFullWidth(by: dl)
                guard ph > rhat || (ph == rhat && pl > u2) else { break }
                qhat &-= 1
                (rhat, rhatOverflow) = rhat.addingReportingOverflow(dh)
            }
            // D4: u[j...j+n] -= qhat · d.
            var carry: UInt64 = 0
            var borrow: UInt64 = 0
            for i in 0..<n {
                let (ph, pl) = qhat.multipliedFullWidth(by: d[i])
                let (p, c1) = pl.addingReportingOverflow(carry)
                carry = ph &+ (c1 ? 1 : 0)
                let (s1, b1) = u[i + j].subtractingReportingOverflow(p)
                let (s2, b2) = s1.subtractingReportingOverflow(borrow)
                u[i + j] = s2
                borrow = (b1 ? 1 : 0) &+ (b2 ? 1 : 0)
            }
            let (t1, b1) = ut.subtractingReportingOverflow(carry)
            let (t2, b2) = t1.subtractingReportingOverflow(borrow)
            u[j + n] = t2
            if b1 || b2 {
                // D6: qhat was one too large (rare, probability about 2/b); add d back.
                qhat &-= 1
                var c: UInt64 = 0
                for i in 0..<n {
                    let (a1, o1) = u[i + j].addingReportingOverflow(d[i])
                    let (a2, o2) = a1.addingReportingOverflow(c)
                    u[i + j] = a2
                    c = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                }
                u[j + n] &+= c
            }
            q[j] = qhat
            j -= 1
        }
    }

    /// Quotient and remainder of `self / d`, truncating; traps when d is zero.
    @inlinable
    public func quotientAndRemainder(dividingBy d: U256) -> (quotient: U256, remainder: U256) {
        precondition(!d.isZero, "U256 division by zero")
        if self < d { return (.zero, self) }
        if (w.2 | w.3) == 0 {
            // Both fit 128 bits: one native 128-bit division.
            let a = UInt128(w.1) << 64 | UInt128(w.0), b = UInt128(d.w.1) << 64 | UInt128(d.w.0)
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            return (U256(q), U256(r))
        }
        return U256.divideWide(high: .zero, low: self, by: d)
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
