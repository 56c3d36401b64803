import Primitives

@testable import Protocols

/// A three-reserve market (indices at RAY, updated in this block) used by the worked examples.
enum AaveFixture {
    static func weth() throws -> Address { try T.addr(1) }
    static func usdc() throws -> Address { try T.addr(2) }
    static func dai() throws -> Address { try T.addr(3) }
    static func user() throws -> Address { try T.addr(0xAA) }

    static func market(timestamp: UInt64 = 1_000) throws -> AaveMarket {
        AaveMarket(
            reserves: [
                AaveReserve(
                    asset: try weth(), id: 0,
                    configuration: AaveReserveConfiguration(
                        ltv: 8000, liquidationThreshold: 8250, liquidationBonus: 10500, decimals: 18,
                        liquidationProtocolFee: 1000), price: T.e(2000, 8), lastUpdateTimestamp: timestamp),
                AaveReserve(
                    asset: try usdc(), id: 1,
                    configuration: AaveReserveConfiguration(
                        ltv: 7500, liquidationThreshold: 7800, liquidationBonus: 10450, decimals: 6,
                        liquidationProtocolFee: 1000), price: T.e(1, 8), lastUpdateTimestamp: timestamp),
                AaveReserve(
                    asset: try dai(), id: 2,
                    configuration: AaveReserveConfiguration(
                        ltv: 7500, liquidationThreshold: 7700, liquidationBonus: 10500, decimals: 18),
                    price: T.e(1, 8), lastUpdateTimestamp: timestamp),
            ], timestamp: timestamp)
    }

    /// `wethTenths`/10 WETH as collateral, whole USDC and DAI borrowed.
    static func position(wethTenths: UInt64, usdc usdcUnits: UInt64, dai daiUnits: UInt64) throws -> AaveUserPosition {
        AaveUserPosition(
            user: try user(),
            reserves: [
                AaveUserReserve(
                    asset: try weth(), scaledATokenBalance: T.e(wethTenths, 17), usageAsCollateralEnabled: true),
                AaveUserReserve(asset: try usdc(), scaledVariableDebt: T.e(usdcUnits, 6)),
                AaveUserReserve(asset: try dai(), scaledVariableDebt: T.e(daiUnits, 18)),
            ])
    }
}
