import Primitives
import Testing

@testable import Protocols

/// CurveStableSwapNG behaviours: dynamic fee, get_dx / get_dy agreement, reverts.
@Suite struct CurveStableSwapNGTests {
    static let e18 = U256(1_000_000_000_000_000_000)

    static func pool(offpeg: U256 = U256(20_000_000_000), balances: [UInt64] = [1_000_000, 1_000_000])
        throws -> CurveStableSwapNG
    {
        try CurveStableSwapNG(
            balances: balances.map { U256($0) * e18 }, rates: [e18, e18], amp: U256(150_000),
            fee: U256(4_000_000), offpegFeeMultiplier: offpeg)
    }

    @Test func dynamicFeeIsBaseFeeWhenMultiplierAtMostDenominator() throws {
        let pool = try Self.pool(offpeg: U256(10_000_000_000), balances: [1, 1_000_000])
        #expect(try pool.dynamicFee(i: 0, j: 1) == U256(4_000_000))
    }

    @Test func dynamicFeeIsBaseFeeAtPegAndRisesOffPeg() throws {
        #expect(try Self.pool().dynamicFee(i: 0, j: 1) == U256(4_000_000))
        let skewed = try Self.pool(balances: [100_000, 1_900_000])
        #expect(try skewed.dynamicFee(i: 0, j: 1) > U256(4_000_000))
    }

    @Test func getDxThenGetDyDeliversAtLeastTheAskedAmount() throws {
        let pool = try Self.pool(balances: [700_000, 1_300_000])
        for k: UInt64 in [1, 10, 1_000, 50_000, 200_000] {
            let want = U256(k) * Self.e18
            let dx = try pool.getDx(i: 0, j: 1, dy: want)
            #expect(try pool.getDy(i: 0, j: 1, dx: dx) >= want, "dy \(want) dx \(dx)")
        }
    }

    @Test func sameCoinAndSlippageRevert() throws {
        let pool = try Self.pool()
        #expect(throws: CurveError.sameCoin(0)) { try pool.getDy(i: 0, j: 0, dx: .one) }
        let dy = try pool.getDy(i: 0, j: 1, dx: Self.e18)
        #expect(throws: CurveError.slippage(dy: dy, minDy: Self.e18)) {
            try pool.exchange(i: 0, j: 1, dx: Self.e18, minDy: Self.e18)
        }
    }

    @Test func askingForMoreThanThePoolHoldsReverts() throws {
        let pool = try Self.pool()
        #expect(throws: CurveError.self) { try pool.getDx(i: 0, j: 1, dy: U256(2_000_000) * Self.e18) }
    }

    @Test func adminTakesHalfTheFee() throws {
        let trade = try Self.pool().exchange(i: 0, j: 1, dx: U256(1_000) * Self.e18)
        #expect(trade.dyAdminFee == trade.dyFee / U256(2))
    }

    @Test func applyingATradeMovesBalances() throws {
        let pool = try Self.pool()
        let trade = try pool.exchange(i: 1, j: 0, dx: Self.e18)
        let after = try pool.applying(trade)
        #expect(after.balances[1] == pool.balances[1] + Self.e18)
        #expect(after.balances[0] == pool.balances[0] - trade.dy - trade.dyAdminFee)
        #expect(try after.getD() >= pool.getD())
    }
}
