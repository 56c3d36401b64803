import Primitives
import Testing

@testable import DeFiCore

@Suite struct AmountTextTests {
    @Test(arguments: [
        ("1.5ether", "1500000000000000000"), ("30gwei", "30000000000"), ("100", "100"), ("0x10", "16"),
        ("1.5 gwei", "1500000000"), ("1e18", "1000000000000000000"),
    ])
    func parsesCastAmounts(text: String, wei: String) throws {
        #expect(try AmountText.parse(text, what: "--value").decimalString == wei)
    }

    @Test(arguments: ["1.2.3ether", "1.0000000001gwei", "1.5", "-1ether", "5foo", ""])
    func rejectsBadAmounts(text: String) {
        #expect(throws: UtilityError.self) { try AmountText.parse(text, what: "--value") }
    }

    @Test func needsUnitsOnlyForDecoratedDecimals() {
        #expect(AmountText.needsUnits("1ether"))
        #expect(AmountText.needsUnits("-2 gwei"))
        #expect(!AmountText.needsUnits("123"))
        #expect(!AmountText.needsUnits("0xff"))
        #expect(!AmountText.needsUnits("true"))
    }
}
