import Primitives
import Testing

@testable import Protocols

@Suite struct AaveReserveConfigurationTests {
    // Hand-packed per ReserveConfiguration.sol 3.3: ltv 8050, LT 8300, bonus 10500, decimals 18, active, borrowing,
    // flash loans, reserve factor 1500, borrow cap 1_400_000, supply cap 1_800_000, protocol fee 1000, virtual acc.
    static let word = "0x100000000000000000000003e80001b7740000155cc005dc85122904206c1f72"

    @Test func decodesEveryField() throws {
        let c = AaveReserveConfiguration(rawValue: try T.u(Self.word))
        #expect(c.ltv == 8050)
        #expect(c.liquidationThreshold == 8300)
        #expect(c.liquidationBonus == 10500)
        #expect(c.decimals == 18)
        #expect(c.isActive && !c.isFrozen && c.borrowingEnabled && !c.isPaused && c.flashLoanEnabled)
        #expect(!c.stableBorrowingEnabled && !c.borrowableInIsolation && !c.siloedBorrowing)
        #expect(c.reserveFactor == 1500)
        #expect(c.borrowCap == 1_400_000)
        #expect(c.supplyCap == 1_800_000)
        #expect(c.liquidationProtocolFee == 1000)
        #expect(c.eModeCategory == 0 && c.unbackedMintCap == 0 && c.debtCeiling == 0)
        #expect(c.virtualAccountingActive)
    }

    @Test func fieldInitializerPacksTheSameBits() throws {
        let c = AaveReserveConfiguration(
            ltv: 8050, liquidationThreshold: 8300, liquidationBonus: 10500, decimals: 18, reserveFactor: 1500,
            liquidationProtocolFee: 1000)
        let d = AaveReserveConfiguration(rawValue: try T.u(Self.word))
        #expect(c.ltv == d.ltv && c.liquidationThreshold == d.liquidationThreshold)
        #expect(c.liquidationBonus == d.liquidationBonus && c.decimals == d.decimals)
        #expect(c.reserveFactor == d.reserveFactor && c.liquidationProtocolFee == d.liquidationProtocolFee)
        #expect(c.rawValue & ((U256.one << 56) - 1) == d.rawValue & ((U256.one << 56) - 1))
    }

    @Test func pausedAndFrozenBits() {
        let c = AaveReserveConfiguration(
            ltv: 0, liquidationThreshold: 0, liquidationBonus: 0, decimals: 6, active: false, frozen: true,
            borrowingEnabled: false, paused: true)
        #expect(!c.isActive && c.isFrozen && !c.borrowingEnabled && c.isPaused)
        #expect(c.rawValue == (U256(6) << 48 | U256.one << 57 | U256.one << 60))
    }
}
