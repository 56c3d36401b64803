import Primitives

/// A snapshot of an Aave V3 pool's reserves at one block; the state every Aave computation runs on.
public struct AaveMarket: Hashable, Sendable {
    /// Reserves by underlying asset.
    public var reserves: [Address: AaveReserve]
    /// The `block.timestamp` the math evaluates at (interest accrues from each reserve's last update to here).
    public var timestamp: UInt64

    /// A market from its reserves and the evaluation timestamp.
    public init(reserves: [AaveReserve], timestamp: UInt64) {
        var byAsset: [Address: AaveReserve] = [:]
        for r in reserves { byAsset[r.asset] = r }
        self.reserves = byAsset
        self.timestamp = timestamp
    }

    /// The reserve of `asset`, or `unknownReserve`.
    public func reserve(_ asset: Address) throws(AaveError) -> AaveReserve {
        guard let r = reserves[asset] else { throw .unknownReserve(asset) }
        return r
    }

    /// `aToken.balanceOf(user)`: scaled balance rayMul the normalized income (ScaledBalanceTokenBase / AToken).
    public func collateralBalance(_ u: AaveUserReserve) throws(AaveError) -> U256 {
        try WadRayMath.rayMul(u.scaledATokenBalance, try reserve(u.asset).normalizedIncome(at: timestamp))
    }

    /// Variable debt plus, before 3.2, stable debt (`Helpers.getUserCurrentDebt` / variableDebtToken.balanceOf).
    public func debtBalance(_ u: AaveUserReserve, version: AaveVersion) throws(AaveError) -> U256 {
        var debt = U256.zero
        if !u.scaledVariableDebt.isZero {
            debt = try WadRayMath.rayMul(u.scaledVariableDebt, try reserve(u.asset).normalizedDebt(at: timestamp))
        }
        if version.hasStableDebt { debt = try AaveChecked.add(debt, u.stableDebt, "userTotalDebt") }
        return debt
    }

    /// `amount * price / 10**decimals`, floored, as every base-currency conversion in the pool.
    public func baseValue(of amount: U256, in asset: Address) throws(AaveError) -> U256 {
        let r = try reserve(asset)
        return try AaveChecked.mul(amount, r.price, "amount * price") / (try r.unit())
    }
}
