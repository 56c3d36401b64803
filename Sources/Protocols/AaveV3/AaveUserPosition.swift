import Primitives

/// A user's balances in one reserve, as `UiPoolDataProviderV3.getUserReservesData` reports them.
public struct AaveUserReserve: Hashable, Sendable {
    /// The underlying asset.
    public var asset: Address
    /// `aToken.scaledBalanceOf(user)`.
    public var scaledATokenBalance: U256
    /// The user's collateral flag (odd bit of `getUserConfiguration`).
    public var usageAsCollateralEnabled: Bool
    /// `variableDebtToken.scaledBalanceOf(user)`.
    public var scaledVariableDebt: U256
    /// Current stable debt (`stableDebtToken.balanceOf(user)`), counted only by 3.0–3.1; stable debt is gone in 3.2.
    public var stableDebt: U256

    /// A user reserve from its balances.
    public init(
        asset: Address, scaledATokenBalance: U256 = .zero, usageAsCollateralEnabled: Bool = false,
        scaledVariableDebt: U256 = .zero, stableDebt: U256 = .zero
    ) {
        self.asset = asset
        self.scaledATokenBalance = scaledATokenBalance
        self.usageAsCollateralEnabled = usageAsCollateralEnabled
        self.scaledVariableDebt = scaledVariableDebt
        self.stableDebt = stableDebt
    }

    /// Whether the borrowing bit would be set (any debt), as `UserConfiguration.isBorrowing`.
    public var isBorrowing: Bool { !scaledVariableDebt.isZero || !stableDebt.isZero }
}

/// The user's eMode category (`getEModeCategoryData` / 3.2 `getEModeCategory*`): overrides LTV, LT and bonus.
public struct AaveEModeCategory: Hashable, Sendable {
    /// The category id (`getUserEMode(user)`).
    public var id: UInt8
    /// Category LTV, basis points.
    public var ltv: UInt16
    /// Category liquidation threshold, basis points.
    public var liquidationThreshold: UInt16
    /// Category liquidation bonus, basis points.
    public var liquidationBonus: UInt16
    /// Assets the category applies to as collateral (3.2+ `collateralBitmap`; 3.0–3.1: reserves whose
    /// configuration eMode category equals `id`).
    public var collateralAssets: Set<Address>

    /// A category from its fields.
    public init(
        id: UInt8, ltv: UInt16, liquidationThreshold: UInt16, liquidationBonus: UInt16, collateralAssets: Set<Address>
    ) {
        self.id = id
        self.ltv = ltv
        self.liquidationThreshold = liquidationThreshold
        self.liquidationBonus = liquidationBonus
        self.collateralAssets = collateralAssets
    }
}

/// A borrower's whole position: balances per reserve and eMode (GenericLogic inputs).
public struct AaveUserPosition: Hashable, Sendable {
    /// The borrower.
    public var user: Address
    /// Balances in each reserve the user touches.
    public var reserves: [AaveUserReserve]
    /// The user's eMode category, nil for none (id 0).
    public var eMode: AaveEModeCategory?

    /// A position from its parts.
    public init(user: Address, reserves: [AaveUserReserve], eMode: AaveEModeCategory? = nil) {
        self.user = user
        self.reserves = reserves
        self.eMode = eMode
    }

    /// The balances in `asset`, or an empty entry.
    public func reserve(_ asset: Address) -> AaveUserReserve {
        reserves.first { $0.asset == asset } ?? AaveUserReserve(asset: asset)
    }
}
