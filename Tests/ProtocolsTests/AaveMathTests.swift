import Primitives
import Testing

@testable import Protocols

@Suite struct AaveMathTests {
    @Test func wadMulRoundsHalfUp() throws {
        // 0.5 wei * ... : (1 * 0.5e18 + 0.5e18) / 1e18 = 1
        #expect(try WadRayMath.wadMul(1, WadRayMath.halfWad) == 1)
        #expect(try WadRayMath.wadMul(1, WadRayMath.halfWad - 1) == 0)
        #expect(try WadRayMath.wadMul(T.e(2, 18), T.e(3, 18)) == T.e(6, 18))
    }

    @Test func rayDivRoundsHalfUpAndRevertsOnZero() throws {
        #expect(try WadRayMath.rayDiv(2, 3 * WadRayMath.ray) == 1)  // 0.666 -> 1
        #expect(try WadRayMath.rayDiv(1, 3 * WadRayMath.ray) == 0)  // 0.333 -> 0
        #expect(throws: AaveError.divisionByZero(operation: "rayDiv")) { try WadRayMath.rayDiv(1, 0) }
    }

    @Test func mulRevertsExactlyAtTheLibraryBound() throws {
        let b = U256(3)
        let limit = (U256.max - WadRayMath.halfRay) / b
        #expect(throws: Never.self) { try WadRayMath.rayMul(limit, b) }
        #expect(throws: AaveError.overflow(operation: "rayMul")) { try WadRayMath.rayMul(limit + 1, b) }
    }

    @Test func rayToWadRoundsAtHalfRatio() {
        #expect(WadRayMath.rayToWad(1_499_999_999) == 1)
        #expect(WadRayMath.rayToWad(1_500_000_000) == 2)
        // max % 1e9 = 129_639_935 < 0.5e9: no round-up at the top.
        #expect(WadRayMath.rayToWad(.max) == U256.max / WadRayMath.wadRayRatio)
        #expect(
            WadRayMath.rayToWad(U256.max - 129_639_935 - 1) == (U256.max - 129_639_935 - 1) / WadRayMath.wadRayRatio + 1
        )
    }

    @Test func percentMathHalfUp() throws {
        #expect(try PercentageMath.percentMul(3, 5_000) == 2)  // 1.5 -> 2
        #expect(try PercentageMath.percentMul(1, 4_999) == 0)
        #expect(try PercentageMath.percentMul(12_345, 0) == 0)
        #expect(try PercentageMath.percentDiv(100, 10_500) == 95)  // 95.238 -> 95
        #expect(try PercentageMath.percentDiv(21, 20_000) == 11)  // 10.5 -> 11
        #expect(throws: AaveError.divisionByZero(operation: "percentDiv")) { try PercentageMath.percentDiv(1, 0) }
    }

    @Test func linearInterestOverOneYearAddsTheRate() throws {
        let rate = WadRayMath.ray / 20  // 5 %
        let f = try AaveInterest.linear(rate: rate, from: 0, to: 31_536_000)
        #expect(f == WadRayMath.ray + rate)
    }

    @Test func compoundedInterestMatchesTheThreeTermExpansion() throws {
        // rate = 10 %/yr, one year: 1 + 0.1 + x(x-1)/2 * b2 + x(x-1)(x-2)/6 * b3 with the library's floors.
        let ray = WadRayMath.ray
        let rate = ray / 10
        let y = U256(31_536_000)
        let b2 = try WadRayMath.rayMul(rate, rate) / (y * y)
        let b3 = try WadRayMath.rayMul(b2, rate) / y
        let expected = ray + rate * y / y + y * (y - 1) * b2 / 2 + y * (y - 1) * (y - 2) * b3 / 6
        #expect(try AaveInterest.compounded(rate: rate, from: 0, to: 31_536_000) == expected)
        #expect(try AaveInterest.compounded(rate: rate, from: 5, to: 5) == ray)
        // ≈ e^0.1 = 1.10517: the approximation lands within 1e-4.
        #expect(expected > ray + ray / 10 + ray / 200 && expected < ray + ray * 1052 / 10_000)
    }

    @Test func flashLoanPremiumSplits() throws {
        let p = try AaveFlashLoanPremium(amount: T.e(1_000_000, 6), premiumTotal: 5, premiumToProtocol: 10_000)
        #expect(p.premium == T.e(500, 6))
        #expect(p.toProtocol == p.premium && p.toLiquidityProviders == 0)
        #expect(p.amountToRepay == T.e(1_000_500, 6))
        // 9 wei at 5 bps: (45 + 5000) / 10000 = 0 — tiny loans are free.
        #expect(try AaveFlashLoanPremium(amount: 9, premiumTotal: 5, premiumToProtocol: 0).premium == 0)
        let waived = try AaveFlashLoanPremium(
            flashLoanAmount: T.e(1, 18), premiumTotal: 5, premiumToProtocol: 0, isAuthorizedFlashBorrower: true,
            interestRateMode: 0)
        #expect(waived.premium == 0 && waived.amountToRepay == T.e(1, 18))
        let asDebt = try AaveFlashLoanPremium(
            flashLoanAmount: T.e(1, 18), premiumTotal: 5, premiumToProtocol: 0, isAuthorizedFlashBorrower: false,
            interestRateMode: 2)
        #expect(asDebt.premium == 0 && asDebt.amountToRepay == 0)
    }
}
