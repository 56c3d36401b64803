import Primitives
import Testing

@testable import Protocols

/// FixedPoint / LogExpMath / WeightedMath revert codes and fast paths (V2 semantics).
@Suite struct BalancerMathTests {
    typealias F = BalancerFixedPoint
    static let one = BalancerFixedPoint.one

    @Test func reasonsAreBalHashThreeDigits() {
        #expect(BalancerError.zeroDivision.reason == "BAL#004")
        #expect(BalancerError.maxInRatio.reason == "BAL#304")
        #expect(BalancerError.maxOutRatio.description == "BAL#305 max_out_ratio")
    }

    @Test func fixedPointRevertsAsTheLibrary() throws {
        #expect(throws: BalancerError.mulOverflow) { try F.mulDown(U256.max, U256(2)) }
        #expect(throws: BalancerError.mulOverflow) { try F.mulUp(U256.max, U256(2)) }
        #expect(throws: BalancerError.zeroDivision) { try F.divDown(.one, .zero) }
        #expect(throws: BalancerError.zeroDivision) { try F.divUp(.zero, .zero) }
        #expect(throws: BalancerError.divInternal) { try F.divDown(U256.max, .one) }
        #expect(throws: BalancerError.subOverflow) { try F.sub(.one, U256(2)) }
        #expect(throws: BalancerError.addOverflow) { try F.add(U256.max, .one) }
    }

    @Test func roundingDirections() throws {
        #expect(try F.mulDown(U256(3), Self.one / U256(2)) == .one)
        #expect(try F.mulUp(U256(3), Self.one / U256(2)) == U256(2))
        #expect(try F.divDown(.one, U256(3)) == U256(333_333_333_333_333_333))
        #expect(try F.divUp(.one, U256(3)) == U256(333_333_333_333_333_334))
        #expect(try F.mulUp(.zero, U256(5)) == .zero)
        #expect(F.complement(Self.one + .one) == .zero)
    }

    @Test func powFastPathsForOneTwoAndFour() throws {
        let x = U256(1_234_567_890_123_456_789)
        #expect(try F.powDown(x, Self.one) == x)
        #expect(try F.powUp(x, Self.one) == x)
        #expect(try F.powDown(x, F.two) == F.mulDown(x, x))
        #expect(try F.powUp(x, F.two) == F.mulUp(x, x))
        #expect(try F.powDown(x, F.four) == F.mulDown(F.mulDown(x, x), F.mulDown(x, x)))
        #expect(try F.powUp(x, F.four) == F.mulUp(F.mulUp(x, x), F.mulUp(x, x)))
    }

    @Test func powAddsTheRelativeErrorBound() throws {
        let x = U256(2) * Self.one, y = Self.one / U256(2)
        let raw = try BalancerLogExpMath.pow(x, y)
        let err = try F.mulUp(raw, F.maxPowRelativeError) + .one
        #expect(try F.powUp(x, y) == raw + err)
        #expect(try F.powDown(x, y) == raw - err)
    }

    @Test func logExpBounds() throws {
        #expect(throws: BalancerError.xOutOfBounds) { try BalancerLogExpMath.pow(U256.one << 255, Self.one) }
        #expect(throws: BalancerError.yOutOfBounds) {
            try BalancerLogExpMath.pow(Self.one, BalancerLogExpMath.mildExponentBound)
        }
        #expect(throws: BalancerError.invalidExponent) {
            try BalancerLogExpMath.exp(BalancerLogExpMath.maxNaturalExponent + .one)
        }
        #expect(throws: BalancerError.outOfBounds) { try BalancerLogExpMath.ln(.zero) }
        #expect(try BalancerLogExpMath.pow(.zero, Self.one) == .zero)
        #expect(try BalancerLogExpMath.pow(U256(7), .zero) == Self.one)
    }

    @Test func maxInAndOutRatioBoundaries() throws {
        let b = U256(1_000) * Self.one, w = Self.one / U256(2)
        let limit = try F.mulDown(b, BalancerWeightedMath.maxInRatio)
        _ = try BalancerWeightedMath.calcOutGivenIn(
            balanceIn: b, weightIn: w, balanceOut: b, weightOut: w, amountIn: limit)
        #expect(throws: BalancerError.maxInRatio) {
            try BalancerWeightedMath.calcOutGivenIn(
                balanceIn: b, weightIn: w, balanceOut: b, weightOut: w, amountIn: limit + .one)
        }
        _ = try BalancerWeightedMath.calcInGivenOut(
            balanceIn: b, weightIn: w, balanceOut: b, weightOut: w, amountOut: limit)
        #expect(throws: BalancerError.maxOutRatio) {
            try BalancerWeightedMath.calcInGivenOut(
                balanceIn: b, weightIn: w, balanceOut: b, weightOut: w, amountOut: limit + .one)
        }
    }

    @Test func fiftyFiftyOutGivenInIsConstantProductRoundedDown() throws {
        // 50/50 hits the y == ONE fast path: out = bO * (1 - bI / (bI + aI)) exactly, up to the divUp rounding.
        let b = U256(1_000) * Self.one
        let out = try BalancerWeightedMath.calcOutGivenIn(
            balanceIn: b, weightIn: Self.one / U256(2), balanceOut: b, weightOut: Self.one / U256(2),
            amountIn: U256(100) * Self.one)
        #expect(out == U256(90_909_090_909_090_909) * U256(1_000))
    }

    @Test func scalingFactorsAndGivenOutFee() throws {
        #expect(try BalancerScaling.scalingFactor(decimals: 6) == Self.one * U256(1_000_000_000_000))
        #expect(throws: BalancerError.outOfBounds) { try BalancerScaling.scalingFactor(decimals: 19) }
    }
}
