import Primitives
import Testing

@testable import Protocols

/// Reverts and shapes of CurveStableSwapClassic (StableSwap3Pool.vy / SwapTemplateBase.vy asserts).
@Suite struct CurveStableSwapClassicTests {
    static let e18 = U256(1_000_000_000_000_000_000)

    /// A balanced 3pool-like state: DAI (18), USDC (6), USDT (6), 1M of each, A = 2000, fee 1 bp.
    static func threePool(_ generation: CurveStableSwapClassic.Generation = .pool3) throws -> CurveStableSwapClassic {
        let million = U256(1_000_000)
        let amp = generation == .pool3 ? U256(2000) : U256(200_000)
        return try CurveStableSwapClassic(
            generation: generation,
            balances: [million * e18, million * U256(1_000_000), million * U256(1_000_000)],
            rates: [
                try CurveStableSwapClassic.rate(decimals: 18), try CurveStableSwapClassic.rate(decimals: 6),
                try CurveStableSwapClassic.rate(decimals: 6),
            ],
            amp: amp, fee: U256(1_000_000), adminFee: U256(5_000_000_000))
    }

    @Test func ratesAreTenToThe36MinusDecimals() throws {
        #expect(try CurveStableSwapClassic.rate(decimals: 18) == Self.e18)
        #expect(try CurveStableSwapClassic.rate(decimals: 6) == Self.e18 * Self.e18 / U256(1_000_000))
        #expect(throws: CurveError.self) { try CurveStableSwapClassic.rate(decimals: 37) }
    }

    @Test func sameCoinRevertsLikeGetYAssert() throws {
        let pool = try Self.threePool()
        #expect(throws: CurveError.sameCoin(1)) { try pool.getDy(i: 1, j: 1, dx: Self.e18) }
    }

    @Test func indexOutsideTheCoinsReverts() throws {
        let pool = try Self.threePool()
        #expect(throws: CurveError.coinIndexOutOfRange(index: 3, coins: 3)) { try pool.getDy(i: 0, j: 3, dx: .one) }
        #expect(throws: CurveError.coinIndexOutOfRange(index: -1, coins: 3)) { try pool.getDy(i: -1, j: 0, dx: .one) }
    }

    @Test func zeroBalanceRevertsWithDivisionByZero() throws {
        let pool = try CurveStableSwapClassic(
            generation: .pool3, balances: [Self.e18, .zero], rates: [Self.e18, Self.e18], amp: U256(100),
            fee: .zero, adminFee: .zero)
        #expect(throws: CurveError.divisionByZero) { try pool.getD() }
    }

    @Test func exchangeBelowMinDyRevertsWithSlippage() throws {
        let pool = try Self.threePool()
        let dy = try pool.exchange(i: 0, j: 1, dx: Self.e18).dy
        #expect(throws: CurveError.slippage(dy: dy, minDy: dy + .one)) {
            try pool.exchange(i: 0, j: 1, dx: Self.e18, minDy: dy + .one)
        }
    }

    @Test func zeroInputUnderflowsTheMinusOne() throws {
        // dy = xp[j] - y - 1 with y == xp[j]: Vyper's checked subtraction reverts.
        let pool = try Self.threePool()
        #expect(throws: CurveError.underflow) { try pool.getDy(i: 0, j: 1, dx: .zero) }
    }

    @Test func impossibleShapesAreRejected() throws {
        #expect(throws: CurveError.self) {
            try CurveStableSwapClassic(
                generation: .pool3, balances: [.one], rates: [.one], amp: .one, fee: .zero, adminFee: .zero)
        }
        #expect(throws: CurveError.self) {
            try CurveStableSwapClassic(
                generation: .pool3, balances: [.one, .one], rates: [.one], amp: .one, fee: .zero, adminFee: .zero)
        }
    }

    @Test func pool3GetDyFeesAfterConvertingAndExchangeFeesBefore() throws {
        // The two orders can differ by one unit of the output coin; exchange never pays more than get_dy + 1.
        let pool = try Self.threePool()
        for k: UInt64 in 1...50 {
            let dx = U256(k * 7_919) * Self.e18
            let quote = try pool.getDy(i: 0, j: 1, dx: dx)
            let paid = try pool.exchange(i: 0, j: 1, dx: dx).dy
            #expect(paid <= quote + .one && quote <= paid + .one, "dx \(dx): get_dy \(quote) exchange \(paid)")
        }
    }

    @Test func templateWithWholeAMatchesPool3Invariant() throws {
        // A_PRECISION cancels out when A_precise is a multiple of 100.
        #expect(try Self.threePool(.pool3).getD() == Self.threePool(.template).getD())
    }

    @Test func exchangeMovesBalancesByDxAndDyPlusAdminFee() throws {
        let pool = try Self.threePool()
        let trade = try pool.exchange(i: 2, j: 0, dx: U256(1_000_000_000))
        #expect(trade.balances[2] == pool.balances[2] + U256(1_000_000_000))
        #expect(trade.balances[0] == pool.balances[0] - trade.dy - trade.dyAdminFee)
        #expect(trade.dyAdminFee == trade.dyFee / U256(2))
        let after = try pool.applying(trade)
        #expect(after.balances == trade.balances)
    }
}
