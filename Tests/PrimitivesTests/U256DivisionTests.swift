import TestSupport
import Testing

@testable import Primitives

/// The specialised division paths (divisor of 1...4 limbs, 3-by-2 quotient estimates, the q = 2^64 - 1 case and
/// the add-back correction) against a bit-serial restoring division that shares no code with them.
@Suite struct U256DivisionTests {
    /// floor((high·2^256 + low) / d) and the remainder, one bit at a time; requires high < d.
    static func reference(high: U256, low: U256, by d: U256) -> (quotient: U256, remainder: U256) {
        var r = U256.zero
        var q = U256.zero
        for i in stride(from: 511, through: 0, by: -1) {
            let word = i >= 256 ? high : low
            let bit = (word[limb: (i & 255) >> 6] >> UInt64(i & 63)) & 1
            let carry = r.w.3 >> 63
            r = (r &<< 1) | U256(bit)
            q = q &<< 1
            if carry == 1 || r >= d {
                r = r &- d
                q = q | .one
            }
        }
        return (q, r)
    }

    /// Limb values that stress the estimates: zero, one, the top bit alone, all ones, and their neighbours.
    static let edgeLimbs: [UInt64] = [0, 1, 2, 1 << 63, (1 << 63) - 1, (1 << 63) + 1, .max - 1, .max]

    /// Checks every public entry point that divides (high, low) by d against the reference.
    static func check(high: U256, low: U256, by d: U256, _ note: String = "") {
        let expected = reference(high: high, low: low, by: d)
        #expect(d.dividingFullWidth((high, low)) == expected, "high=\(high) low=\(low) d=\(d) \(note)")
        if high.isZero {
            #expect(low.quotientAndRemainder(dividingBy: d) == expected, "low=\(low) d=\(d) \(note)")
            #expect(low / d == expected.quotient && low % d == expected.remainder, "low=\(low) d=\(d)")
        }
    }

    /// A divisor of exactly `limbs` limbs built from edge values; the top limb is nonzero.
    static func divisor(limbs: Int, _ g: inout SplitMix64) -> U256 {
        var d = U256.zero
        for i in 0..<limbs {
            let pick = g.next() % UInt64(edgeLimbs.count + 2)
            d[limb: i] = pick < UInt64(edgeLimbs.count) ? edgeLimbs[Int(pick)] : g.next() >> (g.next() % 64)
        }
        if d[limb: limbs - 1] == 0 { d[limb: limbs - 1] = 1 << (g.next() % 64) }
        return d
    }

    @Test func eachDivisorLimbCountMatchesTheReference() {
        var g = SplitMix64(state: 0xD1D1)
        for limbs in 1...4 {
            for _ in 0..<250 {
                let d = Self.divisor(limbs: limbs, &g)
                let dm1 = d &- .one
                // Numerator high halves: zero, d - 1 (the largest that fits), d - 2, d / 2, random below d.
                let highs = [U256.zero, dm1, d >= U256(2) ? d &- U256(2) : .zero, d >> 1, g.u256() % d]
                let lows = [U256.zero, U256.max, g.u256(), U256(limbs: (g.next(), g.next(), g.next(), g.next()))]
                let high = highs[Int(g.next() % UInt64(highs.count))]
                let low = lows[Int(g.next() % UInt64(lows.count))]
                Self.check(high: high, low: low, by: d, "limbs=\(limbs)")
                Self.check(high: .zero, low: low, by: d, "limbs=\(limbs)")
            }
        }
    }

    @Test func topLimbsEqualToTheDivisorsGiveTheMaximalQuotientLimb() {
        // The partial remainder's top two limbs equal the normalised divisor's: the 3-by-2 estimate is skipped
        // and the quotient limb is 2^64 - 1. high = d - 1 with small low limbs of d makes that happen at once.
        var g = SplitMix64(state: 0xFACE)
        for limbs in 3...4 {
            for _ in 0..<200 {
                var d = Self.divisor(limbs: limbs, &g)
                d[limb: limbs - 1] |= 1 << 63  // normalised: the numerator is not shifted
                var high = d
                high[limb: 0] = 0
                if limbs == 4 { high[limb: 1] = g.next() % (d[limb: 1] | 1) }
                if high >= d { high = d &- .one }
                Self.check(high: high, low: .max, by: d, "equal top limbs")
                Self.check(high: high, low: .zero, by: d, "equal top limbs")
                Self.check(high: d &- .one, low: U256(limbs: (g.next(), g.next(), g.next(), g.next())), by: d)
                // Unnormalised divisors reach the same case after the shift.
                let s = Int(g.next() % 63) + 1
                let du = d >> s
                Self.check(high: (high >> s) % du, low: .max, by: du, "shifted equal top limbs")
            }
        }
    }

    @Test func estimatesThatOvershootAreCorrected() {
        // Divisors whose lower limbs are all ones make the 3-by-2 estimate (top two limbs only) one too large;
        // two-limb divisors whose second limb is all ones exercise Algorithm 5's own corrections.
        var g = SplitMix64(state: 0xADDB)
        for limbs in 2...4 {
            for top in [UInt64(1) << 63, (1 << 63) + 1, .max, 1, 3, 0x8000_0000_0000_0001 >> 7] {
                var d = U256.zero
                for i in 0..<(limbs - 1) { d[limb: i] = .max }
                d[limb: limbs - 1] = top
                for _ in 0..<40 {
                    var high = g.u256() % d
                    if g.next() % 3 == 0 { high = d &- .one }
                    if g.next() % 3 == 0 { high = (d >> 1) &+ U256(g.next() % 3) }
                    Self.check(high: high, low: U256(limbs: (g.next() % 4, 0, g.next(), g.next() % 2)), by: d)
                    Self.check(high: high, low: .max, by: d)
                }
            }
        }
    }

    @Test func maximalValues() throws {
        for d in [U256.max, U256.max &- .one, U256.one << 255, (U256.one << 255) &+ .one, U256(UInt64.max),
            U256(limbs: (.max, .max, 0, 0)), U256(limbs: (.max, .max, .max, 0)), U256(limbs: (0, 0, 0, 1))]
        {
            Self.check(high: d &- .one, low: .max, by: d)
            Self.check(high: .zero, low: .max, by: d)
            Self.check(high: .zero, low: d, by: d)
            Self.check(high: .zero, low: d &- .one, by: d)
        }
        #expect(try U256.mulDiv(.max, .max &- .one, .max) == .max &- .one)
        #expect(try U256.mulDivWithRemainder(.max, .max, .max) == (.max, .zero))
    }

    @Test func mulDivMatchesTheReferenceOnEveryDivisorSize() throws {
        var g = SplitMix64(state: 0x5EED)
        for limbs in 1...4 {
            for _ in 0..<200 {
                let d = Self.divisor(limbs: limbs, &g)
                let a = g.u256(), b = g.u256()
                let (hi, lo) = a.multipliedFullWidth(by: b)
                if hi >= d {
                    #expect(throws: U256ArithmeticError.self) { try U256.mulDiv(a, b, d) }
                    continue
                }
                let expected = Self.reference(high: hi, low: lo, by: d)
                #expect(try U256.mulDivWithRemainder(a, b, d) == expected, "a=\(a) b=\(b) d=\(d)")
                #expect(U256.mulMod(a, b, d) == expected.remainder, "a=\(a) b=\(b) d=\(d)")
            }
        }
    }
}
