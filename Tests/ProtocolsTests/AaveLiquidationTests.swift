import Primitives
import Testing

@testable import Protocols

@Suite struct AaveLiquidationTests {
    // Position B: 10 WETH ($20,000, LT 82.5 %, bonus 5 %, protocol fee 10 % of the bonus) backing
    // 9,000 USDC + 8,000 DAI. HF ≈ 0.9706 (> 0.95).

    @Test func closeFactorIsPerReserveBefore3_3() throws {
        let m = try AaveFixture.market()
        let p = try AaveFixture.position(wethTenths: 100, usdc: 9000, dai: 8000)
        for v in [AaveVersion.v3_0, .v3_1, .v3_2] {
            let plan = try m.liquidationPlan(
                user: p, debtAsset: try AaveFixture.usdc(), collateralAsset: try AaveFixture.weth(), version: v)
            // 50 % of the USDC debt; 4500 USDC = 2.25 WETH, × 1.05 = 2.3625 WETH, fee 10 % of 0.1125.
            #expect(plan.outcome.maxLiquidatableDebt == T.e(4500, 6), "\(v)")
            #expect(plan.outcome.debtRepaid == T.e(4500, 6))
            #expect(plan.outcome.protocolFee == T.e(1125, 13))
            #expect(plan.outcome.collateralToLiquidator == T.e(235_125, 13))
            #expect(plan.debtToCoverArgument == T.e(4500, 6))
        }
    }

    @Test func closeFactorIsPositionWideIn3_3AndTheDustRuleTrimsIt() throws {
        let m = try AaveFixture.market()
        let p = try AaveFixture.position(wethTenths: 100, usdc: 9000, dai: 8000)
        // Max = 50 % of the WHOLE debt ($8,500) → USDC leftover $500 < MIN_LEFTOVER_BASE → '103'.
        #expect(throws: AaveError.revert(.mustNotLeaveDust)) {
            try m.liquidate(
                p, collateralAsset: try AaveFixture.weth(), debtAsset: try AaveFixture.usdc(), debtToCover: .max,
                version: .v3_3)
        }
        let plan = try m.liquidationPlan(
            user: p, debtAsset: try AaveFixture.usdc(), collateralAsset: try AaveFixture.weth(), version: .v3_3)
        #expect(plan.outcome.maxLiquidatableDebt == T.e(8500, 6))
        #expect(plan.outcome.debtRepaid == T.e(8000, 6))  // leaves exactly $1,000
        #expect(plan.debtToCoverArgument == T.e(8000, 6))
        #expect(plan.outcome.collateralToLiquidator == T.e(418, 16))  // 4.2 WETH − 0.02 fee
        #expect(plan.outcome.protocolFee == T.e(2, 16))
        // After: 5.8 WETH → 9570 of LT-weighted collateral over 9000 of debt.
        #expect(plan.outcome.after.healthFactor == 1_063_333_333_333_333_333)
        #expect(throws: AaveError.revert(.mustNotLeaveDust)) {
            try m.liquidate(
                p, collateralAsset: try AaveFixture.weth(), debtAsset: try AaveFixture.usdc(),
                debtToCover: T.e(8000, 6) + 1, version: .v3_3)
        }
    }

    @Test func reserveUnderHalfTheTotalIsFullyLiquidatableIn3_3() throws {
        let m = try AaveFixture.market()
        let p = try AaveFixture.position(wethTenths: 100, usdc: 9000, dai: 8000)
        let v33 = try m.liquidationPlan(
            user: p, debtAsset: try AaveFixture.dai(), collateralAsset: try AaveFixture.weth(), version: .v3_3)
        #expect(v33.outcome.debtRepaid == T.e(8000, 18))
        #expect(v33.debtToCoverArgument == .max)  // clears the reserve: pass max, robust to accrual
        let v32 = try m.liquidationPlan(
            user: p, debtAsset: try AaveFixture.dai(), collateralAsset: try AaveFixture.weth(), version: .v3_2)
        #expect(v32.outcome.debtRepaid == T.e(4000, 18))
    }

    @Test func smallPositionsGetFullCloseFactorIn3_3() throws {
        // 0.9 WETH ($1,800) vs 1,500 USDC: HF 0.99, but collateral < $2,000 → 100 % in 3.3, 50 % before.
        let m = try AaveFixture.market()
        let p = try AaveFixture.position(wethTenths: 9, usdc: 1500, dai: 0)
        let usdc = try AaveFixture.usdc()
        let weth = try AaveFixture.weth()
        #expect(
            try m.liquidationPlan(user: p, debtAsset: usdc, collateralAsset: weth, version: .v3_2).outcome.debtRepaid
                == T.e(750, 6))
        let plan = try m.liquidationPlan(user: p, debtAsset: usdc, collateralAsset: weth, version: .v3_3)
        #expect(plan.outcome.debtRepaid == T.e(1500, 6))
        #expect(plan.outcome.collateralToLiquidator + plan.outcome.protocolFee == T.e(7875, 14))
        #expect(plan.outcome.after.healthFactor == .max)
    }

    @Test func belowPoint95EveryVersionAllowsTheWholeReserve() throws {
        let m = try AaveFixture.market()
        let p = try AaveFixture.position(wethTenths: 100, usdc: 18_000, dai: 0)  // HF 0.9167
        for v in AaveVersion.allCases {
            let plan = try m.liquidationPlan(
                user: p, debtAsset: try AaveFixture.usdc(), collateralAsset: try AaveFixture.weth(), version: v)
            #expect(plan.outcome.debtRepaid == T.e(18_000, 6), "\(v)")
            #expect(plan.outcome.collateralToLiquidator + plan.outcome.protocolFee == T.e(945, 16))
        }
    }

    @Test func collateralBoundLiquidationRepaysLessAnd3_3BooksTheDeficit() throws {
        // 1 WETH ($2,000) vs 2,000 USDC, HF 0.825: the bonus needs 1.05 WETH, so all 1 WETH goes and the debt
        // covered is 2000 / 1.05 (percentDiv half-up); the fee is 10 % of the bonus part.
        let m = try AaveFixture.market()
        let p = try AaveFixture.position(wethTenths: 10, usdc: 2000, dai: 0)
        for v in [AaveVersion.v3_2, .v3_3] {
            let o = try m.liquidate(
                p, collateralAsset: try AaveFixture.weth(), debtAsset: try AaveFixture.usdc(), debtToCover: .max,
                version: v)
            #expect(o.debtRepaid == 1_904_761_905)
            #expect(o.protocolFee == 4_761_904_761_904_762)
            #expect(o.collateralToLiquidator == 995_238_095_238_095_238)
            let deficit: U256 = v == .v3_3 ? 95_238_095 : 0
            let debtLeftBase: U256 = v == .v3_3 ? 0 : 9_523_809_500
            #expect(o.deficitCreated == deficit, "\(v)")
            #expect(o.after.totalDebtBase == debtLeftBase, "\(v)")
        }
    }

    @Test func validationRevertsWithThePoolCodes() throws {
        var m = try AaveFixture.market()
        let weth = try AaveFixture.weth()
        let usdc = try AaveFixture.usdc()
        let dai = try AaveFixture.dai()
        let healthy = try AaveFixture.position(wethTenths: 100, usdc: 1000, dai: 0)
        #expect(throws: AaveError.revert(.healthFactorNotBelowThreshold)) {
            try m.liquidate(healthy, collateralAsset: weth, debtAsset: usdc, debtToCover: 1, version: .v3_3)
        }
        let sick = try AaveFixture.position(wethTenths: 100, usdc: 18_000, dai: 0)
        #expect(throws: AaveError.revert(.specifiedCurrencyNotBorrowedByUser)) {
            try m.liquidate(sick, collateralAsset: weth, debtAsset: dai, debtToCover: 1, version: .v3_3)
        }
        var noFlag = sick
        noFlag.reserves[0].usageAsCollateralEnabled = false
        noFlag.reserves.append(
            AaveUserReserve(asset: dai, scaledATokenBalance: T.e(1, 18), usageAsCollateralEnabled: true))
        #expect(throws: AaveError.revert(.collateralCannotBeLiquidated)) {
            try m.liquidate(noFlag, collateralAsset: weth, debtAsset: usdc, debtToCover: 1, version: .v3_3)
        }
        m.reserves[weth]?.liquidationGracePeriodUntil = m.timestamp
        #expect(throws: AaveError.revert(.liquidationGraceSentinelCheckFailed)) {
            try m.liquidate(sick, collateralAsset: weth, debtAsset: usdc, debtToCover: 1, version: .v3_1)
        }
        #expect(throws: Never.self) {
            try m.liquidate(sick, collateralAsset: weth, debtAsset: usdc, debtToCover: 1, version: .v3_0)
        }
        m.reserves[usdc]?.configuration.rawValue |= U256.one << 60
        #expect(throws: AaveError.revert(.reservePaused)) {
            try m.liquidate(sick, collateralAsset: weth, debtAsset: usdc, debtToCover: 1, version: .v3_0)
        }
        m.reserves[weth]?.configuration.rawValue &= ~(U256.one << 56)
        #expect(throws: AaveError.revert(.reserveInactive)) {
            try m.liquidate(sick, collateralAsset: weth, debtAsset: usdc, debtToCover: 1, version: .v3_0)
        }
        #expect(
            AaveErrorCode.mustNotLeaveDust.rawValue == "103"
                && AaveErrorCode.mustNotLeaveDust.name == "MUST_NOT_LEAVE_DUST")
    }

    @Test func eModeBonusAppliesToCategoryCollateral() throws {
        let m = try AaveFixture.market()
        var p = try AaveFixture.position(wethTenths: 100, usdc: 19_000, dai: 0)
        p.eMode = AaveEModeCategory(
            id: 1, ltv: 8000, liquidationThreshold: 8250, liquidationBonus: 10100,
            collateralAssets: [try AaveFixture.weth()])
        let o = try m.liquidate(
            p, collateralAsset: try AaveFixture.weth(), debtAsset: try AaveFixture.usdc(), debtToCover: T.e(2000, 6),
            version: .v3_3)
        #expect(o.liquidationBonus == 10100)
        #expect(o.collateralToLiquidator + o.protocolFee == T.e(101, 16))
    }

    @Test func bestPairPicksTheLargestGrossGain() throws {
        // In 3.3 the DAI leg clears 8000 but the USDC leg is trimmed to 8000 too; same WETH bonus → both equal
        // value; with 3.2 the USDC leg (4500) beats DAI (4000).
        let m = try AaveFixture.market()
        let p = try AaveFixture.position(wethTenths: 100, usdc: 9000, dai: 8000)
        let best32 = try #require(try m.bestLiquidationPlan(user: p, version: .v3_2))
        #expect(best32.debtAsset == (try AaveFixture.usdc()))
        #expect(best32.grossProfitBase == I256(bits: best32.collateralReceivedBase - best32.debtRepaidBase))
        let healthy = try AaveFixture.position(wethTenths: 100, usdc: 1000, dai: 0)
        #expect(try m.bestLiquidationPlan(user: healthy, version: .v3_3) == nil)
    }

    @Test func availableCollateralMathMatchesHandComputation() throws {
        let a = try AaveLiquidationMath.availableCollateralToLiquidate(
            debtToCover: T.e(1000, 6), userCollateralBalance: T.e(10, 18), liquidationBonus: 10500,
            liquidationProtocolFee: 0, collateralPrice: T.e(2000, 8), collateralUnit: T.e(1, 18),
            debtPrice: T.e(1, 8), debtUnit: T.e(1, 6))
        #expect(a.collateralToLiquidator == T.e(525, 15) && a.protocolFee == 0 && a.debtToRepay == T.e(1000, 6))
        #expect(a.collateralSeizedBase == T.e(1050, 8))
    }
}
