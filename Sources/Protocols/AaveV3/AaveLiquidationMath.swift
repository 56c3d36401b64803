import Primitives

/// The amounts `_calculateAvailableCollateralToLiquidate` returns; LiquidationLogic, aave-v3-origin 3.0–3.3.
public struct AaveCollateralAmounts: Hashable, Sendable {
    /// Collateral the liquidator receives (after the protocol fee).
    public var collateralToLiquidator: U256
    /// Debt actually repaid: the input, or less when the user's collateral is the binding constraint.
    public var debtToRepay: U256
    /// Collateral sent to the treasury: `percentMul(bonus part, liquidationProtocolFee)`.
    public var protocolFee: U256
    /// Collateral + fee in base currency, floored (3.3 `collateralToLiquidateInBaseCurrency`).
    public var collateralSeizedBase: U256

    /// Everything taken from the user: collateral to the liquidator plus the protocol fee.
    public var collateralSeized: U256 { collateralToLiquidator &+ protocolFee }
}

/// Liquidation constants and pure sizing math of LiquidationLogic (aave-v3-origin 3.3; aave-v3-core for 3.0).
public enum AaveLiquidationMath {
    /// `DEFAULT_LIQUIDATION_CLOSE_FACTOR` = 0.5e4 (50 %).
    public static let defaultCloseFactor = U256(5_000)
    /// `MAX_LIQUIDATION_CLOSE_FACTOR` = 1e4 (100 %, 3.0–3.2).
    public static let maxCloseFactor = U256(10_000)
    /// `CLOSE_FACTOR_HF_THRESHOLD` = 0.95e18.
    public static let closeFactorHealthFactorThreshold = U256(950_000_000_000_000_000)
    /// `MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD` = 2000e8 (3.3; the design doc's 1000e8 example is not the deployed value).
    public static let minBaseMaxCloseFactorThreshold = U256(200_000_000_000)
    /// `MIN_LEFTOVER_BASE` = MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD / 2 = 1000e8 (3.3).
    public static let minLeftoverBase = U256(100_000_000_000)

    /// Debt → collateral with bonus, capped by the user's balance, then the protocol fee carved out of the bonus
    /// part (LiquidationLogic._calculateAvailableCollateralToLiquidate; identical in 3.0–3.3).
    public static func availableCollateralToLiquidate(
        debtToCover: U256, userCollateralBalance: U256, liquidationBonus: U256, liquidationProtocolFee: U256,
        collateralPrice: U256, collateralUnit: U256, debtPrice: U256, debtUnit: U256
    ) throws(AaveError) -> AaveCollateralAmounts {
        let op = "_calculateAvailableCollateralToLiquidate"
        // baseCollateral = debtPrice * debtToCover * collateralUnit / (collateralPrice * debtUnit), floored.
        let num = try AaveChecked.mul(try AaveChecked.mul(debtPrice, debtToCover, op), collateralUnit, op)
        let den = try AaveChecked.mul(collateralPrice, debtUnit, op)
        let baseCollateral = try AaveChecked.div(num, den, op)
        let maxCollateral = try PercentageMath.percentMul(baseCollateral, liquidationBonus)
        var collateral: U256
        var debtNeeded: U256
        if maxCollateral > userCollateralBalance {
            collateral = userCollateralBalance
            let n = try AaveChecked.mul(try AaveChecked.mul(collateralPrice, collateral, op), debtUnit, op)
            let d = try AaveChecked.mul(debtPrice, collateralUnit, op)
            debtNeeded = try PercentageMath.percentDiv(try AaveChecked.div(n, d, op), liquidationBonus)
        } else {
            collateral = maxCollateral
            debtNeeded = debtToCover
        }
        let seizedBase = try AaveChecked.mul(collateral, collateralPrice, op) / collateralUnit
        var fee = U256.zero
        if !liquidationProtocolFee.isZero {
            let bonusCollateral = try AaveChecked.sub(
                collateral, try PercentageMath.percentDiv(collateral, liquidationBonus), op)
            fee = try PercentageMath.percentMul(bonusCollateral, liquidationProtocolFee)
            collateral = try AaveChecked.sub(collateral, fee, op)
        }
        return AaveCollateralAmounts(
            collateralToLiquidator: collateral, debtToRepay: debtNeeded, protocolFee: fee,
            collateralSeizedBase: seizedBase)
    }

    /// The most debt one call may repay (3.0–3.2 `_calculateDebt`; 3.3 inline in `executeLiquidationCall`).
    ///
    /// 3.0–3.2: `userReserveDebt.percentMul(HF > 0.95e18 ? 50 % : 100 %)`, per reserve.
    /// 3.3: 100 % unless this reserve's collateral AND debt are both ≥ 2000e8 base and HF > 0.95e18; then, when the
    /// reserve's debt exceeds half of the WHOLE position's debt, `totalDebtBase.percentMul(50 %) * unit / price`.
    public static func maxLiquidatableDebt(
        version: AaveVersion, healthFactor: U256, userReserveDebt: U256, userReserveDebtBase: U256,
        userReserveCollateralBase: U256, totalDebtBase: U256, debtPrice: U256, debtUnit: U256
    ) throws(AaveError) -> U256 {
        guard version.hasPositionWideCloseFactor else {
            let closeFactor = healthFactor > closeFactorHealthFactorThreshold ? defaultCloseFactor : maxCloseFactor
            return try PercentageMath.percentMul(userReserveDebt, closeFactor)
        }
        guard userReserveCollateralBase >= minBaseMaxCloseFactorThreshold,
            userReserveDebtBase >= minBaseMaxCloseFactorThreshold,
            healthFactor > closeFactorHealthFactorThreshold
        else { return userReserveDebt }
        let cap = try PercentageMath.percentMul(totalDebtBase, defaultCloseFactor)
        guard userReserveDebtBase > cap else { return userReserveDebt }
        return try AaveChecked.div(
            try AaveChecked.mul(cap, debtUnit, "maxLiquidatableDebt"), debtPrice, "maxLiquidatableDebt")
    }

    /// The 3.3 dust rule: unless all debt of the reserve or all collateral is taken, both leftovers must be worth
    /// at least `MIN_LEFTOVER_BASE`, else `MUST_NOT_LEAVE_DUST` (LiquidationLogic.executeLiquidationCall 3.3).
    public static func leavesDust(
        actualDebt: U256, userReserveDebt: U256, amounts: AaveCollateralAmounts, userCollateralBalance: U256,
        debtPrice: U256, debtUnit: U256, collateralPrice: U256, collateralUnit: U256
    ) throws(AaveError) -> Bool {
        let seized = try AaveChecked.add(amounts.collateralToLiquidator, amounts.protocolFee, "dust check")
        guard actualDebt < userReserveDebt, seized < userCollateralBalance else { return false }
        let debtLeft = try AaveChecked.mul(userReserveDebt - actualDebt, debtPrice, "dust check") / debtUnit
        let collateralLeft =
            try AaveChecked.mul(userCollateralBalance - seized, collateralPrice, "dust check") / collateralUnit
        return debtLeft < minLeftoverBase || collateralLeft < minLeftoverBase
    }
}
