import Testing

@testable import Primitives

@Suite struct U256SmokeTests {
    @Test func decimalRoundTripsMax() throws {
        let text = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
        #expect(try U256(parsing: text) == U256.max)
        #expect(U256.max.decimalString == text)
        #expect(throws: IntegerParseError.self) {
            try U256(parsing: "115792089237316195423570985008687907853269984665640564039457584007913129639936")
        }
    }

    @Test func hexAndBytesRoundTrip() throws {
        let v = try U256(parsing: "0x1234567890abcdef1234567890abcdef1")
        #expect(v.hexString == "0x1234567890abcdef1234567890abcdef1")
        #expect(try U256(bigEndian: v.bigEndianBytes) == v)
        #expect(U256.zero.hexString == "0x0")
        #expect(U256.zero.minimalBigEndianBytes.isEmpty)
    }

    @Test func addReportsOverflow() {
        #expect(U256.max.addingReportingOverflow(.one) == (U256.zero, true))
        #expect(U256.zero.subtractingReportingOverflow(.one) == (U256.max, true))
    }
}
