import Foundation
import TestSupport
import Testing

@testable import Primitives

@Suite struct U256ConversionTests {
    @Test func uint128RoundTripsAndRejectsWideValues() {
        #expect(U256(UInt128.max).uint128 == UInt128.max)
        #expect(U256(UInt128.max) == (U256.one << 128) &- .one)
        #expect((U256.one << 128).uint128 == nil)
        #expect(UInt128(truncatingIfNeeded: U256.max) == UInt128.max)
        #expect(UInt64(truncatingIfNeeded: (U256.one << 64) | U256(7)) == 7)
        #expect(U256.max.uint64 == nil)
    }

    @Test func exactlyFromIntegers() {
        #expect(U256(exactly: -1) == nil)
        #expect(U256(exactly: Int.max) == U256(UInt64(Int.max)))
        #expect(U256(exactly: UInt8(200)) == U256(200))
        #expect(U256(exactly: Int128.min) == nil)
        #expect(U256(exactly: UInt128.max) == U256(UInt128.max))
        #expect(U256(truncatingIfNeeded: -1) == .max)
        #expect(U256(truncatingIfNeeded: Int64(-2)) == U256.max &- .one)
        #expect(U256(truncatingIfNeeded: UInt16(9)) == U256(9))
    }

    @Test func exactlyFromDouble() {
        #expect(U256(exactly: 0.0) == .zero)
        #expect(U256(exactly: 1.0) == .one)
        #expect(U256(exactly: 1e18) == U256(1_000_000_000_000_000_000))
        #expect(U256(exactly: 0x1p255) == U256.one << 255)
        #expect(U256(exactly: 0x1p256) == nil)
        #expect(U256(exactly: 1.5) == nil)
        #expect(U256(exactly: -1.0) == nil)
        #expect(U256(exactly: Double.nan) == nil)
        #expect(U256(exactly: Double.infinity) == nil)
        #expect(U256(exactly: 9007199254740993.0) == U256(9_007_199_254_740_992))  // the literal rounds first
    }

    @Test func doubleIsAnApproximationForDisplay() {
        #expect(Double(U256.zero) == 0)
        #expect(Double(U256(1_000_000)) == 1e6)
        #expect(Double(U256.one << 200) == 0x1p200)
        #expect(abs(Double(U256.max) / 0x1p256 - 1) < 1e-15)
    }

    @Test func squareRootIsTheFloor() {
        #expect(U256.zero.squareRoot() == .zero)
        #expect(U256(3).squareRoot() == .one)
        #expect(U256(4).squareRoot() == U256(2))
        #expect(U256(99).squareRoot() == U256(9))
        #expect(U256.max.squareRoot() == (U256.one << 128) &- .one)
        var g = SplitMix64(state: 3)
        for _ in 0..<500 {
            let n = g.u256(), r = n.squareRoot()
            #expect(r * r <= n, "n=\(n)")
            let next = r &+ .one
            let (sq, o) = next.multipliedReportingOverflow(by: next)
            #expect(o || sq > n, "n=\(n)")
        }
    }

    @Test func shiftsFollowSwiftSmartShiftRules() {
        let x = U256(limbs: (1, 2, 3, 4))
        #expect(x << 0 == x && x >> 0 == x)
        #expect(x << 256 == .zero && x >> 256 == .zero)
        #expect(x << -64 == x >> 64)
        #expect(x >> -64 == x << 64)
        #expect(x << -300 == .zero)
        #expect(x &<< 256 == x)
        #expect(x &>> 257 == x >> 1)
        #expect(x << U256.max == .zero)
        #expect(x >> 64 == U256(limbs: (2, 3, 4, 0)))
        #expect((U256.one << 255) >> 255 == .one)
        var y = x
        y <<= 1
        y >>= 1
        #expect(y == x)
    }

    @Test func bitCountsAndBytes() {
        #expect(U256.zero.leadingZeroBitCount == 256 && U256.zero.trailingZeroBitCount == 256)
        #expect(U256.max.leadingZeroBitCount == 0 && U256.max.nonzeroBitCount == 256)
        #expect((U256.one << 100).trailingZeroBitCount == 100)
        #expect((U256.one << 100).significantBitCount == 101)
        #expect(U256.zero.significantBitCount == 0)
        #expect(U256.bitWidth == 256)
        #expect((U256(0xAB) << 248).byte(0) == 0xAB)
        #expect(U256(0xCD).byte(31) == 0xCD)
        #expect(U256.max.byte(32) == 0 && U256.max.byte(-1) == 0)
        #expect(U256.max.byte(U256.max) == .zero)
        #expect(U256(5).bit(0) && !U256(5).bit(1) && !U256.max.bit(256))
        var z = U256(0b1100)
        z &= U256(0b1010)
        z |= U256(1)
        z ^= U256(0b1000)
        #expect(z == U256(1))
    }

    @Test func codableUsesDecimalStrings() throws {
        let data = try JSONEncoder().encode([U256.max, U256(5)])
        #expect(String(decoding: data, as: UTF8.self) == "[\"\(U256.max)\",\"5\"]")
        #expect(try JSONDecoder().decode([U256].self, from: data) == [.max, U256(5)])
        #expect(try JSONDecoder().decode([U256].self, from: Data("[\"0xff\", 7]".utf8)) == [U256(255), U256(7)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([U256].self, from: Data("[\"-1\"]".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([U256].self, from: Data("[-1]".utf8)) }
    }
}
