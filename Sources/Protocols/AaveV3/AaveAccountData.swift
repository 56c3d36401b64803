import Primitives

/// `getUserAccountData(user)` values; GenericLogic.calculateUserAccountData, aave-v3-origin 3.3 (and 3.0–3.2).
public struct AaveAccountData: Hashable, Sendable {
    /// Σ collateral in base currency (only reserves with LT ≠ 0 enabled as collateral).
    public var totalCollateralBase: U256
    /// Σ debt in base currency, each reserve floored.
    public var totalDebtBase: U256
    /// `percentMul(totalCollateralBase, ltv) - totalDebtBase`, or zero.
    public var availableBorrowsBase: U256
    /// Collateral-weighted liquidation threshold, basis points (floored).
    public var currentLiquidationThreshold: U256
    /// Collateral-weighted LTV, basis points (floored).
    public var ltv: U256
    /// `percentMul(collateral, avgLT).wadDiv(debt)`, or `U256.max` without debt; liquidatable iff < 1e18.
    public var healthFactor: U256
    /// Whether some collateral has LTV 0 (blocks withdrawals of other collateral).
    public var hasZeroLtvCollateral: Bool

    /// `HEALTH_FACTOR_LIQUIDATION_THRESHOLD` = 1e18 (ValidationLogic).
    public static let liquidationThreshold = WadRayMath.wad

    /// Whether `liquidationCall` passes the health-factor check (HF < 1e18).
    public var isLiquidatable: Bool { healthFactor < Self.liquidationThreshold }
}

extension AaveMarket {
    /// Reproduces GenericLogic.calculateUserAccountData and PoolLogic.executeGetUserAccountData, rounding included:
    /// per-reserve base values are floored after a half-up rayMul, averages floored, HF half-up twice.
    public func accountData(of position: AaveUserPosition, version: AaveVersion) throws(AaveError) -> AaveAccountData {
        var totalCollateral = U256.zero
        var totalDebt = U256.zero
        var ltvSum = U256.zero
        var ltSum = U256.zero
        var hasZeroLtv = false
        let touched = position.reserves.filter { $0.usageAsCollateralEnabled || $0.isBorrowing }
        if touched.isEmpty {
            // UserConfiguration.isEmpty: (0, 0, 0, 0, max, false).
            return AaveAccountData(
                totalCollateralBase: .zero, totalDebtBase: .zero, availableBorrowsBase: .zero,
                currentLiquidationThreshold: .zero, ltv: .zero, healthFactor: .max, hasZeroLtvCollateral: false)
        }
        for u in touched {
            let r = try reserve(u.asset)
            let cfg = r.configuration
            let unit = try r.unit()
            if cfg.liquidationThreshold != 0 && u.usageAsCollateralEnabled {
                let balance = try collateralBalance(u)
                let base = try AaveChecked.mul(balance, r.price, "collateral * price") / unit
                totalCollateral = try AaveChecked.add(totalCollateral, base, "totalCollateralInBaseCurrency")
                let inEMode = position.eMode.map { $0.collateralAssets.contains(u.asset) } ?? false
                let ltv = inEMode ? position.eMode?.ltv ?? 0 : cfg.ltv
                let lt = inEMode ? position.eMode?.liquidationThreshold ?? 0 : cfg.liquidationThreshold
                // The zero-LTV test reads the reserve's own LTV even in eMode (GenericLogic 3.2+).
                if cfg.ltv != 0 {
                    ltvSum = try AaveChecked.add(
                        ltvSum, try AaveChecked.mul(base, U256(UInt64(ltv)), "avgLtv"), "avgLtv")
                } else {
                    hasZeroLtv = true
                }
                ltSum = try AaveChecked.add(ltSum, try AaveChecked.mul(base, U256(UInt64(lt)), "avgLT"), "avgLT")
            }
            if u.isBorrowing {
                let debt = try debtBalance(u, version: version)
                if !debt.isZero {
                    let base = try AaveChecked.mul(debt, r.price, "debt * price") / unit
                    totalDebt = try AaveChecked.add(totalDebt, base, "totalDebtInBaseCurrency")
                }
            }
        }
        let avgLtv = totalCollateral.isZero ? U256.zero : ltvSum / totalCollateral
        let avgLT = totalCollateral.isZero ? U256.zero : ltSum / totalCollateral
        let hf =
            totalDebt.isZero
            ? U256.max : try WadRayMath.wadDiv(try PercentageMath.percentMul(totalCollateral, avgLT), totalDebt)
        let borrowable = try PercentageMath.percentMul(totalCollateral, avgLtv)
        return AaveAccountData(
            totalCollateralBase: totalCollateral, totalDebtBase: totalDebt,
            availableBorrowsBase: borrowable > totalDebt ? borrowable - totalDebt : .zero,
            currentLiquidationThreshold: avgLT, ltv: avgLtv, healthFactor: hf, hasZeroLtvCollateral: hasZeroLtv)
    }
}
