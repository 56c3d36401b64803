import Primitives
import Testing

@testable import Protocols

/// The sizing a liquidator must use per deployed version (protocol-notes §5.3): 3.0–3.2 close factor per reserve
/// (50 % above HF 0.95, else 100 %); 3.3 position-wide with the 2,000-base thresholds and MIN_LEFTOVER_BASE.
@Suite struct AaveVersionSizingTests {
    static let weth = try! Address(bytes: [UInt8](repeating: 0x01, count: 20))
    static let usdc = try! Address(bytes: [UInt8](repeating: 0x02, count: 20))
    static let dai = try! Address(bytes: [UInt8](repeating: 0x03, count: 20))

    /// The devnet's risk parameters: WETH 80/82.5/105 %, USDC and DAI 75/78/104.5 %; prices in 8-decimal USD.
    static func market(wethPrice: UInt64) -> AaveMarket {
        AaveMarket(
            reserves: [
                AaveReserve(
                    asset: weth, id: 0,
                    configuration: AaveReserveConfiguration(
                        ltv: 8000, liquidationThreshold: 8250, liquidationBonus: 10500, decimals: 18),
                    price: U256(wethPrice) * U256(100_000_000)),
                AaveReserve(
                    asset: usdc, id: 1,
                    configuration: AaveReserveConfiguration(
                        ltv: 7500, liquidationThreshold: 7800, liquidationBonus: 10450, decimals: 6),
                    price: U256(100_000_000)),
                AaveReserve(
                    asset: dai, id: 2,
                    configuration: AaveReserveConfiguration(
                        ltv: 7500, liquidationThreshold: 7800, liquidationBonus: 10500, decimals: 18),
                    price: U256(100_000_000)),
            ], timestamp: 1_000)
    }

    static func position(weth: U256, usdcDebt: U256, daiDebt: U256 = .zero) -> AaveUserPosition {
        var r = [
            AaveUserReserve(asset: Self.weth, scaledATokenBalance: weth, usageAsCollateralEnabled: true),
            AaveUserReserve(asset: usdc, scaledVariableDebt: usdcDebt),
        ]
        if !daiDebt.isZero { r.append(AaveUserReserve(asset: dai, scaledVariableDebt: daiDebt)) }
        return AaveUserPosition(user: try! Address(bytes: [UInt8](repeating: 9, count: 20)), reserves: r)
    }

    static let e18 = U256(1_000_000_000_000_000_000)

    @Test func smallPositionAbove095IsHalfBefore3_3AndWholeIn3_3() throws {
        // 1 WETH at 1,600, 1,375 USDC: HF = 1600 × 0.825 / 1375 = 0.96.
        let m = Self.market(wethPrice: 1600)
        let p = Self.position(weth: Self.e18, usdcDebt: U256(1_375_000_000))
        #expect(try m.accountData(of: p, version: .v3_2).healthFactor == U256(960_000_000_000_000_000))
        for v in [AaveVersion.v3_0, .v3_1, .v3_2] {
            let plan = try m.liquidationPlan(user: p, debtAsset: Self.usdc, collateralAsset: Self.weth, version: v)
            #expect(plan.outcome.debtRepaid == U256(687_500_000))
            #expect(plan.debtToCoverArgument == U256(687_500_000))
        }
        let v33 = try m.liquidationPlan(user: p, debtAsset: Self.usdc, collateralAsset: Self.weth, version: .v3_3)
        #expect(v33.outcome.debtRepaid == U256(1_375_000_000))  // under 2,000 base: 100 %
        #expect(v33.debtToCoverArgument == .max)
    }


    @Test func positionWideCapAndDustIn3_3VersusPerReserveBefore() throws {
        // 10 WETH at 1,600 (16,000), debts 6,000 USDC + 7,000 DAI: HF = 13,200 / 13,000 ≈ 1.015 → move to 1,550:
        // HF = 12,787.5 / 13,000 = 0.9837 (> 0.95).
        let m = Self.market(wethPrice: 1550)
        let p = Self.position(weth: U256(10) * Self.e18, usdcDebt: U256(6_000_000_000), daiDebt: U256(7_000) * Self.e18)
        // 3.2: 50 % of the DAI reserve = 3,500 DAI.
        let v32 = try m.liquidationPlan(user: p, debtAsset: Self.dai, collateralAsset: Self.weth, version: .v3_2)
        #expect(v32.outcome.debtRepaid == U256(3_500) * Self.e18)
        // 3.3: DAI debt (7,000) > 50 % of total (6,500) → capped at 6,500 DAI, leaving 500 < MIN_LEFTOVER_BASE
        // (1,000): dust, so the plan shrinks to leave exactly 1,000 DAI: 6,000 DAI.
        let v33 = try m.liquidationPlan(user: p, debtAsset: Self.dai, collateralAsset: Self.weth, version: .v3_3)
        #expect(v33.outcome.maxLiquidatableDebt == U256(6_500) * Self.e18)
        #expect(v33.outcome.debtRepaid == U256(6_000) * Self.e18)
        // 3.3 USDC (6,000 ≤ 6,500): the whole USDC reserve.
        let usdc33 = try m.liquidationPlan(user: p, debtAsset: Self.usdc, collateralAsset: Self.weth, version: .v3_3)
        #expect(usdc33.outcome.debtRepaid == U256(6_000_000_000))
        let usdc32 = try m.liquidationPlan(user: p, debtAsset: Self.usdc, collateralAsset: Self.weth, version: .v3_2)
        #expect(usdc32.outcome.debtRepaid == U256(3_000_000_000))
    }

    @Test func below095EveryVersionTakesTheWholeReserve() throws {
        let m = Self.market(wethPrice: 1600)
        let p = Self.position(weth: U256(10) * Self.e18, usdcDebt: U256(14_500_000_000))  // HF 0.910
        for v in AaveVersion.allCases {
            let plan = try m.liquidationPlan(user: p, debtAsset: Self.usdc, collateralAsset: Self.weth, version: v)
            #expect(plan.outcome.debtRepaid == U256(14_500_000_000))
        }
    }
}
