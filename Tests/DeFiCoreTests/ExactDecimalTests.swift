import Testing

@testable import DeFiCore

@Suite struct ExactDecimalTests {
    @Test(arguments: ["0", "1", "007", "1.50", "0.95", "123456789012345678901234567890.000000000000000001"])
    func parsesPlainDecimals(text: String) {
        #expect(ExactDecimal(text) != nil, "\(text)")
    }

    @Test(arguments: ["", "-1", "+1", "1e3", "1.", ".5", "1.2.3", "0x10", " 1", "1_000", "NaN"])
    func rejectsEverythingElse(text: String) {
        #expect(ExactDecimal(text) == nil, "\(text)")
    }

    @Test func canonicalText() {
        #expect(ExactDecimal("007.500")?.description == "7.5")
        #expect(ExactDecimal("0.000")?.description == "0")
    }

    @Test func ordersDigitByDigit() throws {
        let values = try ["0.95", "1", "0.950001", "10", "9.99", "0"].map { try #require(ExactDecimal($0)) }
        #expect(values.sorted().map(\.description) == ["0", "0.95", "0.950001", "1", "9.99", "10"])
        #expect(ExactDecimal("1.000") == ExactDecimal(1))
    }
}
