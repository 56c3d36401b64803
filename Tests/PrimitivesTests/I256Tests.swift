import Foundation
import Testing

@testable import Primitives

@Suite struct I256Tests {
    static let min = I256.min, max = I256.max

    @Test func constantsAndSign() {
        #expect(I256.min.description == "-57896044618658097711785492504343953926634992332820282019728792003956564819968")
        #expect(I256.max.description == "57896044618658097711785492504343953926634992332820282019728792003956564819967")
        #expect(I256(-1).bits == .max)
        #expect(I256.minusOne.signum == -1 && I256.zero.signum == 0 && I256.one.signum == 1)
        #expect(I256.min.magnitude == U256.one << 255)
        #expect(I256(-5).magnitude == U256(5))
        #expect(I256(Int64.min).int64 == Int64.min)
        #expect(I256.max.int64 == nil)
        #expect(I256(bits: U256(UInt64.max)).int64 == nil)
    }

    @Test func comparisonIsSigned() {
        #expect(I256.min < I256(-1))
        #expect(I256(-1) < I256.zero)
        #expect(I256.zero < I256.max)
        #expect(!(I256.max < I256.min))
        #expect([I256(3), I256(-7), .min, .max, .zero].sorted() == [.min, I256(-7), .zero, I256(3), .max])
    }

    @Test func addAndSubtractReportOverflowAtTheSignBoundary() {
        #expect(I256.max.addingReportingOverflow(.one) == (.min, true))
        #expect(I256.min.subtractingReportingOverflow(.one) == (.max, true))
        #expect(I256.min.addingReportingOverflow(.minusOne).overflow)
        #expect(I256(-3).addingReportingOverflow(I256(5)) == (I256(2), false))
        #expect(I256.max.subtractingReportingOverflow(.minusOne).overflow)
        #expect(I256.zero.subtractingReportingOverflow(.min) == (.min, true))
        #expect(I256(-3) + I256(5) == I256(2))
        #expect(I256(3) - I256(5) == I256(-2))
        #expect(I256.max &+ .one == .min)
    }

    @Test func multiplyReportsOverflow() {
        #expect(I256(-4) * I256(5) == I256(-20))
        #expect(I256(-4) * I256(-5) == I256(20))
        #expect(I256.min.multipliedReportingOverflow(by: .one) == (.min, false))
        #expect(I256.min.multipliedReportingOverflow(by: .minusOne) == (.min, true))
        #expect(I256.max.multipliedReportingOverflow(by: .minusOne) == (I256.min &+ .one, false))
        // -2^254 · 2 = -2^255 = min fits; 2^254 · 2 does not.
        let p254 = I256(bits: U256.one << 254)
        #expect((-p254).multipliedReportingOverflow(by: I256(2)) == (.min, false))
        #expect(p254.multipliedReportingOverflow(by: I256(2)).overflow)
        #expect(I256.zero.multipliedReportingOverflow(by: .min) == (.zero, false))
    }

    @Test func divisionTruncatesTowardZero() {
        #expect(I256(-7) / I256(2) == I256(-3))
        #expect(I256(7) / I256(-2) == I256(-3))
        #expect(I256(-7) % I256(2) == I256(-1))
        #expect(I256(7) % I256(-2) == I256(1))
        #expect(I256.min.dividedReportingOverflow(by: .minusOne) == (.min, true))
        #expect(I256.min.remainderReportingOverflow(dividingBy: .minusOne) == (.zero, true))
        #expect(I256.one.dividedReportingOverflow(by: .zero) == (.one, true))
        #expect(I256.min / I256.one == .min)
        #expect(I256.min / I256(2) == I256(bits: U256.max << 254))
    }

    @Test func negation() {
        #expect(-I256(5) == I256(-5))
        #expect(-I256.max == I256.min &+ .one)
        #expect(I256.min.negatedReportingOverflow() == (.min, true))
        #expect(I256.zero &- I256.min == .min)
    }

    @Test func evmSignedOperations() {
        #expect(I256.min.sdiv(.minusOne) == .min)
        #expect(I256(-7).sdiv(.zero) == .zero)
        #expect(I256(-7).smod(I256(3)) == I256(-1))
        #expect(I256(7).smod(I256(-3)) == I256(1))
        #expect(I256(-7).smod(.zero) == .zero)
        #expect(I256(-8).sar(U256(1)) == I256(-4))
        #expect(I256(-7).sar(U256(1)) == I256(-4))  // floor, not truncation
        #expect(I256(-1).sar(.max) == .minusOne)
        #expect(I256(5).sar(U256(256)) == .zero)
        #expect(I256(-16) >> 2 == I256(-4))
        #expect(I256(3) << 2 == I256(12))
        #expect(U256.signExtend(.zero, U256(0xFF)) == .max)
        #expect(U256.signExtend(.zero, U256(0x7F)) == U256(0x7F))
        #expect(U256.signExtend(U256(1), U256(0x1_80FF)) == U256(0x80FF) | (U256.max << 16))
        #expect(U256.signExtend(U256(31), U256(0xFF)) == U256(0xFF))
        #expect(U256.signExtend(.max, U256(0xFF)) == U256(0xFF))
    }

    @Test func parsesAndPrintsSignedDecimal() throws {
        #expect(try I256(parsing: "-42") == I256(-42))
        #expect(try I256(parsing: "+42") == I256(42))
        #expect(try I256(parsing: "-0x10") == I256(-16))
        #expect(try I256(parsing: I256.min.description) == .min)
        #expect(throws: IntegerParseError.self) {
            try I256(parsing: "57896044618658097711785492504343953926634992332820282019728792003956564819968")
        }
        #expect(throws: IntegerParseError.self) {
            try I256(parsing: "-57896044618658097711785492504343953926634992332820282019728792003956564819969")
        }
        #expect(throws: IntegerParseError.empty) { try I256(parsing: "-") }
        #expect(throws: IntegerParseError.self) { try I256(parsing: "--1") }
        #expect(I256.zero.description == "0")
        #expect(I256(-1).debugDescription == "I256(-1)")
    }

    @Test func codableAsDecimalString() throws {
        let data = try JSONEncoder().encode([I256(-42), .min])
        #expect(String(decoding: data, as: UTF8.self).hasPrefix("[\"-42\",\"-5789604461865809"))
        #expect(try JSONDecoder().decode([I256].self, from: data) == [I256(-42), .min])
        #expect(try JSONDecoder().decode([I256].self, from: Data("[-7]".utf8)) == [I256(-7)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([I256].self, from: Data("[\"x\"]".utf8)) }
    }
}
