import Primitives

/// What one `liquidationCall` does to a position; LiquidationLogic.executeLiquidationCall per `AaveVersion`.
public struct AaveLiquidationOutcome: Hashable, Sendable {
    /// The rules applied.
    public var version: AaveVersion
    /// Debt the liquidator repays (the `LiquidationCall` event's `debtToCover`).
    public var debtRepaid: U256
    /// Collateral the liquidator receives (event `liquidatedCollateralAmount`).
    public var collateralToLiquidator: U256
    /// Collateral sent to the treasury.
    public var protocolFee: U256
    /// The bonus applied, basis points (eMode bonus when the collateral is in the user's category).
    public var liquidationBonus: UInt16
    /// The close-factor limit on `debtToCover` for this call.
    public var maxLiquidatableDebt: U256
    /// The user's debt in the debt reserve before the call.
    public var userReserveDebt: U256
    /// The user's collateral balance in the collateral reserve before the call.
    public var userCollateralBalance: U256
    /// Debt burned into the reserve deficit because no collateral is left (3.3 bad debt; zero before 3.3).
    public var deficitCreated: U256
    /// Account data before the call.
    public var before: AaveAccountData
    /// Account data after the call, recomputed on the updated position.
    public var after: AaveAccountData
    /// The position after the call.
    public var positionAfter: AaveUserPosition
}

extension AaveMarket {
    /// Reproduces `liquidationCall(collateralAsset, debtAsset, user, debtToCover, false)`: validation (with the
    /// pool's error codes), close factor, collateral/bonus/fee split and, in 3.3, the dust rule and bad debt.
    /// The price-oracle sentinel (L2 only) is not modelled.
    public func liquidate(
        _ position: AaveUserPosition, collateralAsset: Address, debtAsset: Address, debtToCover: U256,
        version: AaveVersion
    ) throws(AaveError) -> AaveLiquidationOutcome {
        let collateralReserve = try reserve(collateralAsset)
        let debtReserve = try reserve(debtAsset)
        let before = try accountData(of: position, version: version)
        let userCollateral = position.reserve(collateralAsset)
        let userDebt = position.reserve(debtAsset)
        let collateralBalance = try collateralBalance(userCollateral)
        let reserveDebt = try debtBalance(userDebt, version: version)

        // ValidationLogic.validateLiquidationCall, in the contract's order.
        let cc = collateralReserve.configuration
        let dc = debtReserve.configuration
        guard cc.isActive && dc.isActive else { throw .revert(.reserveInactive) }
        guard !cc.isPaused && !dc.isPaused else { throw .revert(.reservePaused) }
        if version.hasGracePeriod {
            guard collateralReserve.liquidationGracePeriodUntil < timestamp,
                debtReserve.liquidationGracePeriodUntil < timestamp
            else { throw .revert(.liquidationGraceSentinelCheckFailed) }
        }
        guard before.isLiquidatable else { throw .revert(.healthFactorNotBelowThreshold) }
        guard cc.liquidationThreshold != 0 && userCollateral.usageAsCollateralEnabled else {
            throw .revert(.collateralCannotBeLiquidated)
        }
        guard !reserveDebt.isZero else { throw .revert(.specifiedCurrencyNotBorrowedByUser) }

        let bonus: UInt16
        if let e = position.eMode, e.collateralAssets.contains(collateralAsset) {
            bonus = e.liquidationBonus
        } else {
            bonus = cc.liquidationBonus
        }
        let cUnit = try collateralReserve.unit()
        let dUnit = try debtReserve.unit()
        let maxDebt = try AaveLiquidationMath.maxLiquidatableDebt(
            version: version, healthFactor: before.healthFactor, userReserveDebt: reserveDebt,
            userReserveDebtBase: try AaveChecked.mul(reserveDebt, debtReserve.price, "debt base") / dUnit,
            userReserveCollateralBase: try AaveChecked.mul(collateralBalance, collateralReserve.price, "coll base")
                / cUnit,
            totalDebtBase: before.totalDebtBase, debtPrice: debtReserve.price, debtUnit: dUnit)
        let requested = debtToCover > maxDebt ? maxDebt : debtToCover
        let amounts = try AaveLiquidationMath.availableCollateralToLiquidate(
            debtToCover: requested, userCollateralBalance: collateralBalance, liquidationBonus: U256(UInt64(bonus)),
            liquidationProtocolFee: U256(UInt64(cc.liquidationProtocolFee)), collateralPrice: collateralReserve.price,
            collateralUnit: cUnit, debtPrice: debtReserve.price, debtUnit: dUnit)
        let actualDebt = amounts.debtToRepay
        if version.hasPositionWideCloseFactor {
            let dusty = try AaveLiquidationMath.leavesDust(
                actualDebt: actualDebt, userReserveDebt: reserveDebt, amounts: amounts,
                userCollateralBalance: collateralBalance, debtPrice: debtReserve.price, debtUnit: dUnit,
                collateralPrice: collateralReserve.price, collateralUnit: cUnit)
            if dusty { throw .revert(.mustNotLeaveDust) }
        }

        // Apply the burns and transfers to the scaled balances (ScaledBalanceTokenBase: amount.rayDiv(index)).
        var after = position
        let seized = amounts.collateralSeized
        let income = try collateralReserve.normalizedIncome(at: timestamp)
        let debtIndex = try debtReserve.normalizedDebt(at: timestamp)
        // 3.3: `hasNoCollateralLeft` compares base values, so it also fires when other collateral is worth 0 base.
        let noCollateralLeft =
            version.hasPositionWideCloseFactor && before.totalCollateralBase == amounts.collateralSeizedBase
        var deficit = U256.zero
        for i in after.reserves.indices {
            var u = after.reserves[i]
            if u.asset == collateralAsset {
                let burnScaled = try AaveChecked.add(
                    try WadRayMath.rayDiv(amounts.collateralToLiquidator, income),
                    try WadRayMath.rayDiv(amounts.protocolFee, income), "collateral burn")
                u.scaledATokenBalance = u.scaledATokenBalance > burnScaled ? u.scaledATokenBalance - burnScaled : .zero
                if seized == collateralBalance { u.usageAsCollateralEnabled = false }
            }
            if u.asset == debtAsset {
                if noCollateralLeft {
                    deficit = reserveDebt - actualDebt
                    u.scaledVariableDebt = .zero
                    u.stableDebt = .zero
                } else {
                    // 3.0–3.1 burn variable debt first, then stable (LiquidationLogic._burnDebtTokens).
                    let variable = try WadRayMath.rayMul(u.scaledVariableDebt, debtIndex)
                    if actualDebt <= variable || !version.hasStableDebt {
                        let burn = try WadRayMath.rayDiv(actualDebt, debtIndex)
                        u.scaledVariableDebt = u.scaledVariableDebt > burn ? u.scaledVariableDebt - burn : .zero
                    } else {
                        u.scaledVariableDebt = .zero
                        let rest = actualDebt - variable
                        u.stableDebt = u.stableDebt > rest ? u.stableDebt - rest : .zero
                    }
                }
            } else if noCollateralLeft {
                // 3.3 `_burnBadDebt`: every other debt of a position without collateral becomes deficit too.
                u.scaledVariableDebt = .zero
                u.stableDebt = .zero
            }
            after.reserves[i] = u
        }
        return AaveLiquidationOutcome(
            version: version, debtRepaid: actualDebt, collateralToLiquidator: amounts.collateralToLiquidator,
            protocolFee: amounts.protocolFee, liquidationBonus: bonus, maxLiquidatableDebt: maxDebt,
            userReserveDebt: reserveDebt, userCollateralBalance: collateralBalance, deficitCreated: deficit,
            before: before, after: try accountData(of: after, version: version), positionAfter: after)
    }
}
