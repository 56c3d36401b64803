import TestSupport
import Testing

@testable import Primitives

@Suite struct UnitsTests {
    static let ether = Units.powerOfTen(18)

    @Test func parsesDecimalsExactly() throws {
        #expect(try Units.parse("1.5", decimals: 18) == U256(1_500_000_000_000_000_000))
        #expect(try Units.parse("0.000001", decimals: 6) == .one)
        #expect(try Units.parse("100", decimals: 0) == U256(100))
        #expect(try Units.parse(".5", decimals: 1) == U256(5))
        #expect(try Units.parse("5.", decimals: 1) == U256(50))
        #expect(try Units.parse("+2", decimals: 2) == U256(200))
        #expect(try Units.parse("0", decimals: 18) == .zero)
        #expect(try Units.parse("000.000", decimals: 0) == .zero)
        #expect(try Units.parse("1.50", decimals: 1) == U256(15))  // excess trailing zeros are exact
    }

    @Test func parsesUnitSuffixes() throws {
        #expect(try Units.parse("1.5ether") == U256(1_500_000_000_000_000_000))
        #expect(try Units.parse("1.5 ether") == U256(1_500_000_000_000_000_000))
        #expect(try Units.parse("2ETH") == U256(2) * Self.ether)
        #expect(try Units.parse("30gwei") == U256(30_000_000_000))
        #expect(try Units.parse("100wei") == U256(100))
        #expect(try Units.parse("100") == U256(100))
        #expect(throws: UnitsError.unknownUnit("finney")) { try Units.parse("1finney") }
        #expect(throws: UnitsError.tooManyFractionDigits(text: "1.5wei", decimals: 0)) { try Units.parse("1.5wei") }
        #expect(throws: UnitsError.empty) { try Units.parse("ether") }
    }

    @Test func parsesExactExponents() throws {
        #expect(try Units.parse("1e18", decimals: 0) == Self.ether)
        #expect(try Units.parse("1.5e3", decimals: 0) == U256(1500))
        #expect(try Units.parse("2.5e-3", decimals: 6) == U256(2500))
        #expect(try Units.parse("1E2", decimals: 1) == U256(1000))
        #expect(try Units.parse("0e9999", decimals: 0) == .zero)
        #expect(throws: UnitsError.tooManyFractionDigits(text: "1e-1", decimals: 0)) { try Units.parse("1e-1", decimals: 0) }
        #expect(throws: UnitsError.overflow("1e78")) { try Units.parse("1e78", decimals: 0) }
        #expect(throws: UnitsError.overflow("1e99999")) { try Units.parse("1e99999", decimals: 0) }
        #expect(throws: UnitsError.empty) { try Units.parse("1e", decimals: 0) }
        #expect(throws: UnitsError.self) { try Units.parse("1e5x", decimals: 0) }
    }

    @Test func rejectsBadInputWithTypedErrors() throws {
        #expect(throws: UnitsError.empty) { try Units.parse("", decimals: 18) }
        #expect(throws: UnitsError.empty) { try Units.parse(".", decimals: 18) }
        #expect(throws: UnitsError.negative("-1")) { try Units.parse("-1", decimals: 18) }
        #expect(throws: UnitsError.tooManyFractionDigits(text: "1.0000001", decimals: 6)) {
            try Units.parse("1.0000001", decimals: 6)
        }
        #expect(throws: UnitsError.invalidCharacter(offset: 1, character: ",", text: "1,5")) {
            try Units.parse("1,5", decimals: 18)
        }
        #expect(throws: UnitsError.invalidCharacter(offset: 3, character: ".", text: "1.2.3")) {
            try Units.parse("1.2.3", decimals: 18)
        }
        #expect(throws: UnitsError.self) { try Units.parse("abc", decimals: 18) }
        #expect(throws: UnitsError.self) { try Units.parse(" 1", decimals: 18) }
        #expect(throws: UnitsError.invalidDecimals(78)) { try Units.parse("1", decimals: 78) }
        #expect(throws: UnitsError.invalidDecimals(-1)) { try Units.parse("1", decimals: -1) }
        // 2^256 wei overflows; 2^256 - 1 fits.
        #expect(try Units.parse(U256.max.decimalString, decimals: 0) == .max)
        #expect(throws: UnitsError.self) {
            try Units.parse("115792089237316195423570985008687907853269984665640564039457584007913129639936", decimals: 0)
        }
        #expect(throws: UnitsError.overflow("115792089237316195423570985008687907853269984665640564039458ether")) {
            try Units.parse("115792089237316195423570985008687907853269984665640564039458ether")
        }
        #expect(UnitsError.negative("-1").description == "negative amount \"-1\"")
    }

    @Test func formatsExactlyAndTrimsZeros() {
        #expect(Units.format(U256(1_500_000_000_000_000_000), decimals: 18) == "1.5")
        #expect(Units.format(.one, decimals: 18) == "0.000000000000000001")
        #expect(Units.format(.zero, decimals: 18) == "0")
        #expect(Units.format(Self.ether, decimals: 18) == "1")
        #expect(Units.format(U256(1234), decimals: 0) == "1234")
        #expect(Units.format(.max, decimals: 77) == "1.15792089237316195423570985008687907853269984665640564039457584007913129639935")
        #expect(Units.format(U256(1_234_567), decimals: 6, maxFractionDigits: 2) == "1.23")
        #expect(Units.format(U256(1_000_001), decimals: 6, maxFractionDigits: 2) == "1")
        #expect(Units.format(U256(1_999_999), decimals: 6, maxFractionDigits: 0) == "1")
    }

    @Test func formatThenParseRoundTrips() throws {
        var g = SplitMix64(state: 7)
        for _ in 0..<500 {
            let v = g.u256()
            let decimals = Int(g.next() % 78)
            let text = Units.format(v, decimals: decimals)
            #expect(try Units.parse(text, decimals: decimals) == v, "v=\(v) decimals=\(decimals) text=\(text)")
        }
    }
}
