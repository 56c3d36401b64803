import Primitives

/// The largest `liquidationCall` the pool accepts for one collateral/debt pair, and what it yields.
public struct AaveLiquidationPlan: Hashable, Sendable {
    /// The collateral to seize.
    public var collateralAsset: Address
    /// The debt to repay.
    public var debtAsset: Address
    /// The value to pass as `debtToCover`: `U256.max` when the call clears the debt or takes all collateral (robust
    /// to interest accrued before inclusion), else the exact amount (LiquidationDataProvider 3.3 convention).
    public var debtToCoverArgument: U256
    /// The simulated call.
    public var outcome: AaveLiquidationOutcome
    /// Debt repaid, in base currency (floored).
    public var debtRepaidBase: U256
    /// Collateral received by the liquidator, in base currency (floored).
    public var collateralReceivedBase: U256

    /// The liquidator's gross gain in base currency before gas and swap costs (may be negative).
    public var grossProfitBase: I256 {
        let a = I256(bits: collateralReceivedBase)
        let b = I256(bits: debtRepaidBase)
        return a &- b
    }
}

extension AaveMarket {
    /// The maximal allowed liquidation of `debtAsset` against `collateralAsset` (LiquidationLogic per version):
    /// tries the close-factor maximum, and when 3.3's `MUST_NOT_LEAVE_DUST` rejects it, binary-searches the largest
    /// amount whose leftovers stay ≥ `MIN_LEFTOVER_BASE` (leftovers fall monotonically as the amount grows).
    public func liquidationPlan(
        user position: AaveUserPosition, debtAsset: Address, collateralAsset: Address, version: AaveVersion
    ) throws(AaveError) -> AaveLiquidationPlan {
        do {
            let full = try liquidate(
                position, collateralAsset: collateralAsset, debtAsset: debtAsset, debtToCover: .max, version: version)
            let clears =
                full.debtRepaid == full.userReserveDebt
                || full.collateralToLiquidator &+ full.protocolFee == full.userCollateralBalance
            return try plan(full, collateralAsset, debtAsset, argument: clears ? .max : full.debtRepaid)
        } catch .revert(.mustNotLeaveDust) {
            var lo = U256.zero  // largest amount known to pass (0 = none yet)
            var hi = try liquidate(
                position, collateralAsset: collateralAsset, debtAsset: debtAsset, debtToCover: .zero,
                version: version
            ).maxLiquidatableDebt  // known to fail
            var best: AaveLiquidationOutcome?
            while hi - lo > .one {
                let mid = lo + (hi - lo) / U256(2)
                do {
                    best = try liquidate(
                        position, collateralAsset: collateralAsset, debtAsset: debtAsset, debtToCover: mid,
                        version: version)
                    lo = mid
                } catch .revert(.mustNotLeaveDust) {
                    hi = mid
                }
            }
            guard let outcome = best else { throw .revert(.mustNotLeaveDust) }
            return try plan(outcome, collateralAsset, debtAsset, argument: outcome.debtRepaid)
        }
    }

    /// The pair with the largest gross gain (collateral received minus debt repaid, in base currency) over all
    /// collateral × debt reserves of the position; nil when none can be liquidated.
    public func bestLiquidationPlan(user position: AaveUserPosition, version: AaveVersion) throws(AaveError)
        -> AaveLiquidationPlan?
    {
        guard try accountData(of: position, version: version).isLiquidatable else { return nil }
        var best: AaveLiquidationPlan?
        for c in position.reserves where c.usageAsCollateralEnabled && !c.scaledATokenBalance.isZero {
            for d in position.reserves where d.isBorrowing {
                let candidate: AaveLiquidationPlan
                do {
                    candidate = try liquidationPlan(
                        user: position, debtAsset: d.asset, collateralAsset: c.asset, version: version)
                } catch .revert {
                    continue
                }
                if let b = best, !(b.grossProfitBase < candidate.grossProfitBase) { continue }
                best = candidate
            }
        }
        return best
    }

    func plan(_ o: AaveLiquidationOutcome, _ collateral: Address, _ debt: Address, argument: U256) throws(AaveError)
        -> AaveLiquidationPlan
    {
        AaveLiquidationPlan(
            collateralAsset: collateral, debtAsset: debt, debtToCoverArgument: argument, outcome: o,
            debtRepaidBase: try baseValue(of: o.debtRepaid, in: debt),
            collateralReceivedBase: try baseValue(of: o.collateralToLiquidator, in: collateral))
    }
}
