import Primitives
import Testing

@testable import Protocols

/// Cases derived from Comet.sol / CometCore.sol formulas (no Comet bytecode is available here).
@Suite struct CometTests {
    static func weth() throws -> Address { try T.addr(1) }

    static func market(reserves: I256 = I256(1_000), collateralReserves: U256 = T.e(5, 18)) throws -> CometMarket {
        CometMarket(
            baseScale: T.e(1, 6), basePrice: T.e(1, 8), baseSupplyIndex: T.e(1, 15), baseBorrowIndex: T.e(1, 15),
            storeFrontPriceFactor: T.e(5, 17), targetReserves: T.e(5_000_000, 6), reserves: reserves,
            assets: [
                CometAsset(
                    offset: 0, asset: try weth(), scale: T.e(1, 18), borrowCollateralFactor: T.e(825, 15),
                    liquidateCollateralFactor: T.e(895, 15), liquidationFactor: T.e(95, 16), price: T.e(2000, 8))
            ], collateralReserves: [try weth(): collateralReserves])
    }

    static func account(borrow: UInt64) throws -> CometAccount {
        CometAccount(principal: -I256(Int64(borrow) * 1_000_000), assetsIn: 1, collateral: [try weth(): T.e(1, 18)])
    }

    @Test func presentAndPrincipalValueRoundAsCometCore() throws {
        let idx = T.e(11, 14)  // 1.1
        #expect(
            try CometMath.presentValue(principal: I256(-1000), baseSupplyIndex: idx, baseBorrowIndex: idx)
                == I256(-1100))
        // Borrow principal rounds the debt up; supply principal floors.
        #expect(
            try CometMath.principalValue(presentValue: I256(-1101), baseSupplyIndex: idx, baseBorrowIndex: idx)
                == I256(-1001))
        #expect(
            try CometMath.principalValue(presentValue: I256(1101), baseSupplyIndex: idx, baseBorrowIndex: idx)
                == I256(1000))
        #expect(
            try CometMath.principalValue(presentValue: I256(-1100), baseSupplyIndex: idx, baseBorrowIndex: idx)
                == I256(-1000))
    }

    @Test func liquidatableUsesLiquidateFactorAndBorrowUsesBorrowFactor() throws {
        let m = try Self.market()
        // 1 WETH @ $2000: liquidation capacity 1790, borrow capacity 1650.
        #expect(try !m.isLiquidatable(try Self.account(borrow: 1700)))
        #expect(try !m.isBorrowCollateralized(try Self.account(borrow: 1700)))
        #expect(try m.isLiquidatable(try Self.account(borrow: 1791)))
        #expect(try !m.isLiquidatable(try Self.account(borrow: 1790)))  // liquidity 0 is not < 0
        #expect(try !m.isLiquidatable(CometAccount(principal: I256(5), assetsIn: 0, collateral: [:])))
    }

    @Test func absorbCreditsLiquidationFactorAndFloorsAtZero() throws {
        let m = try Self.market()
        let a = try m.absorb(try Self.account(borrow: 1800))
        #expect(a.deltaValue == T.e(1900, 8))
        #expect(a.newBalance == I256(100_000_000) && a.newPrincipal == I256(100_000_000))
        #expect(a.basePaidOut == T.e(1900, 6) && a.valueOfBasePaidOut == T.e(1900, 8))
        #expect(a.seized[try Self.weth()] == T.e(1, 18))
        let under = try m.absorb(try Self.account(borrow: 2500))
        #expect(under.newBalance == .zero && under.basePaidOut == T.e(2500, 6))
        #expect(throws: CometError.notLiquidatable) { try m.absorb(try Self.account(borrow: 1000)) }
    }

    @Test func quoteCollateralAppliesTheStoreFrontDiscount() throws {
        // discount = 0.5 × (1 − 0.95) = 2.5 %: WETH sells at $1950.
        let m = try Self.market()
        #expect(try m.quoteCollateral(asset: try Self.weth(), baseAmount: T.e(1950, 6)) == T.e(1, 18))
        #expect(try m.quoteCollateral(asset: try Self.weth(), baseAmount: 1) == 512_820_512)  // 1e26 / 1950e8 / 1e6
        #expect(try m.baseAmountForCollateral(asset: try Self.weth(), collateral: T.e(1, 18)) == T.e(1950, 6))
        #expect(throws: CometError.badAsset(try T.addr(9))) {
            try m.quoteCollateral(asset: try T.addr(9), baseAmount: 1)
        }
    }

    @Test func buyCollateralChecksInContractOrder() throws {
        let weth = try Self.weth()
        let full = try Self.market(reserves: I256(5_000_000_000_000))
        #expect(throws: CometError.notForSale) { try full.buyCollateral(asset: weth, minAmount: 0, baseAmount: 1) }
        let negative = try Self.market(reserves: I256(-5))
        #expect(try negative.buyCollateral(asset: weth, minAmount: T.e(1, 18), baseAmount: T.e(1950, 6)) == T.e(1, 18))
        #expect(throws: CometError.tooMuchSlippage) {
            try negative.buyCollateral(asset: weth, minAmount: T.e(1, 18) + 1, baseAmount: T.e(1950, 6))
        }
        #expect(throws: CometError.insufficientReserves) {
            try negative.buyCollateral(asset: weth, minAmount: 0, baseAmount: T.e(19_500, 6))
        }
    }

    @Test func selectorsMatchTheirLiterals() {
        let cases: [(ABIFunction, String)] = [
            (CometCalls.isLiquidatable, "042e02cf"), (CometCalls.absorb, "c3cecfd2"),
            (CometCalls.buyCollateral, "e4e6e779"), (CometCalls.quoteCollateral, "7ac88ed1"),
            (CometCalls.getReserves, "0902f1ac"), (CometCalls.targetReserves, "32176c49"),
            (CometCalls.storeFrontPriceFactor, "1f5954bd"), (CometCalls.getCollateralReserves, "9ff567f8"),
            (CometCalls.collateralBalanceOf, "5c2549ee"), (CometCalls.borrowBalanceOf, "374c49b4"),
            (CometCalls.userBasic, "dc4abafd"), (CometCalls.getAssetInfoByAddress, "3b3bec2e"),
        ]
        for (f, hex) in cases { #expect(f.selector.description.hasSuffix(hex), "\(f.signature)") }
        #expect(Selector(signature: CometError.notForSale.errorSignature ?? "").description.count == 10)
    }
}
