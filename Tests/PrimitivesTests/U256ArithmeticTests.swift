import TestSupport
import Testing

@testable import Primitives

extension SplitMix64 {
    /// A U256 of random size: zero, small, 64/128-bit, near max, powers of two or full width.
    mutating func u256() -> U256 {
        let full = U256(limbs: (next(), next(), next(), next()))
        switch next() % 8 {
        case 0: return U256(next() % 4)
        case 1: return U256(next())
        case 2: return U256(limbs: (next(), next(), 0, 0))
        case 3: return U256.max &- U256(next())
        case 4: return U256.one << Int(next() % 256)
        case 5: return full >> Int(next() % 256)
        default: return full
        }
    }
}

@Suite struct U256ArithmeticTests {
    static let two128 = U256.one << 128

    @Test func multipliedFullWidthOfMaxSquared() {
        // (2^256-1)^2 = 2^512 - 2^257 + 1: high = 2^256 - 2, low = 1.
        let (hi, lo) = U256.max.multipliedFullWidth(by: .max)
        #expect(hi == U256.max &- .one)
        #expect(lo == .one)
        #expect(U256.zero.multipliedFullWidth(by: .max) == (.zero, .zero))
    }

    @Test func checkedMultiplyReportsOverflowAtTheBoundary() {
        #expect(Self.two128.multipliedReportingOverflow(by: Self.two128) == (.zero, true))
        let justFits = (U256.one << 255).multipliedReportingOverflow(by: U256(1))
        #expect(justFits == (U256.one << 255, false))
        #expect((U256.one << 255).multipliedReportingOverflow(by: U256(2)).overflow)
        #expect(U256(1_000_000) * U256(1_000_000) == U256(1_000_000_000_000))
        #expect(U256.max &* U256.max == .one)
        var x = U256(7)
        x *= U256(6)
        #expect(x == U256(42))
    }

    @Test func divisionEdgeCases() {
        #expect(U256.max / U256.max == .one)
        #expect(U256.max % U256.max == .zero)
        #expect(U256.zero / U256.max == .zero)
        #expect(U256(5) / U256(7) == .zero)
        #expect(U256.max / U256.one == .max)
        #expect(U256.max / U256(2) == U256.max >> 1)
        #expect(U256.max % U256(10) == U256(5))
        #expect(U256.one.dividedReportingOverflow(by: .zero) == (.one, true))
        #expect(U256.one.remainderReportingOverflow(dividingBy: .zero) == (.one, true))
        #expect(U256.max.quotientAndRemainder(dividingBy: Self.two128) == (Self.two128 &- .one, Self.two128 &- .one))
    }

    @Test func dividingFullWidthInvertsMultipliedFullWidth() {
        var g = SplitMix64(state: 1)
        for _ in 0..<2000 {
            let a = g.u256(), b = g.u256()
            guard !b.isZero else { continue }
            let (hi, lo) = a.multipliedFullWidth(by: b)
            #expect(b.dividingFullWidth((hi, lo)) == (a, .zero), "a=\(a) b=\(b)")
        }
    }

    @Test func divisionPropertiesHoldOnRandomOperands() {
        var g = SplitMix64(state: 2)
        for _ in 0..<3000 {
            let n = g.u256(), d = g.u256()
            guard !d.isZero else { continue }
            let (q, r) = n.quotientAndRemainder(dividingBy: d)
            #expect(r < d, "n=\(n) d=\(d)")
            #expect(q.multipliedReportingOverflow(by: d).overflow == false)
            #expect(q &* d &+ r == n, "n=\(n) d=\(d) q=\(q) r=\(r)")
            let (p, o) = n.multipliedReportingOverflow(by: d)
            if !o { #expect(p / d == n, "n=\(n) d=\(d)") }
        }
    }

    @Test func divisionByUInt64MatchesWideDivision() {
        var g = SplitMix64(state: 4)
        for _ in 0..<2000 {
            let n = g.u256()
            let d = g.next() >> (g.next() % 64)
            guard d != 0 else { continue }
            let (q, r) = n.quotientAndRemainder(dividingBy: d)
            #expect((q, U256(r)) == n.quotientAndRemainder(dividingBy: U256(d)), "n=\(n) d=\(d)")
            #expect(q &* U256(d) &+ U256(r) == n && r < d, "n=\(n) d=\(d)")
        }
        #expect(U256.max.quotientAndRemainder(dividingBy: UInt64.max) == (U256(limbs: (1, 1, 1, 1)), 0))
        #expect(U256.max.quotientAndRemainder(dividingBy: UInt64(1)) == (.max, 0))
    }

    @Test func mulDivFollowsFullMath() throws {
        #expect(try U256.mulDiv(.max, .max, .max) == .max)
        #expect(try U256.mulDivRoundingUp(.max, .max, .max) == .max)
        #expect(try U256.mulDiv(U256(7), U256(3), U256(2)) == U256(10))
        #expect(try U256.mulDivRoundingUp(U256(7), U256(3), U256(2)) == U256(11))
        #expect(try U256.mulDiv(.zero, .max, U256(3)) == .zero)
        // 2^255 · 2^255 / 2^254 = 2^256: does not fit.
        #expect(throws: U256ArithmeticError.mulDivOverflow(a: .one << 255, b: .one << 255, denominator: .one << 254)) {
            try U256.mulDiv(.one << 255, .one << 255, .one << 254)
        }
        #expect(throws: U256ArithmeticError.self) { try U256.mulDiv(.one, .one, .zero) }
        // floor(max·(max-1)/(max-... )) = max with a nonzero remainder: rounding up must overflow.
        let a = U256.max, b = U256.max &- .one, d = U256.max &- .one
        #expect(try U256.mulDiv(a, b, d) == .max)
        #expect(try U256.mulDivRoundingUp(a, b, .max) == b)
        let q96 = U256.one << 96
        #expect(try U256.mulDiv(U256(3) << 96, q96, q96) == U256(3) << 96)
        let e = U256ArithmeticError.mulDivOverflow(a: .one, b: .one, denominator: .zero)
        #expect(e.description == "mulDiv by a zero denominator: a=1 b=1")
    }

    @Test func mulDivRoundingUpThrowsWhenOnlyTheIncrementOverflows() throws {
        // Found by search in Python: floor(a·b/d) = 2^256 - 1 with a nonzero remainder, so ceil needs 257 bits.
        let a = try U256(parsing: "115792089237316195423570985008687907853269984665640564039457584007913129507591")
        let b = try U256(parsing: "115792089237316195423570985008687907853269984665640564039457584007913129490497")
        let d = try U256(parsing: "115792089237316195423570985008687907853269984665640564039457584007913129358153")
        #expect(try U256.mulDiv(a, b, d) == .max)
        #expect(throws: U256ArithmeticError.mulDivOverflow(a: a, b: b, denominator: d)) {
            try U256.mulDivRoundingUp(a, b, d)
        }
    }

    @Test func mulModAndAddModFollowTheEVM() {
        #expect(U256.mulMod(.max, .max, .zero) == .zero)
        #expect(U256.mulMod(.max, .max, U256(12)) == U256(9))  // max ≡ 3 (mod 12)
        #expect(U256.addMod(.max, U256(2), U256(10)) == U256(7))  // 2^256 + 1 ≡ 6 + 1 (mod 10)
        #expect(U256.addMod(.max, .max, .max) == .zero)
        #expect(U256.addMod(U256(1), U256(2), .zero) == .zero)
    }

    @Test func powerCheckedAndWrapping() {
        #expect(U256(10) ** U256(18) == U256(1_000_000_000_000_000_000))
        #expect(U256(2).power(U256(255)) == U256.one << 255)
        #expect(U256(2).powerReportingOverflow(U256(256)) == (.zero, true))
        #expect(U256.pow(U256(2), U256(256)) == .zero)
        #expect(U256.pow(U256(3), U256(0)) == .one)
        #expect(U256.pow(.zero, .zero) == .one)
        #expect(U256.pow(.zero, .max) == .zero)
        #expect(U256.one.powerReportingOverflow(.max) == (.one, false))
        #expect(U256.pow(.max, U256(2)) == .one)
        #expect(U256(2) ** U256(3) ** U256(2) == U256(512))  // right-associative
    }
}
