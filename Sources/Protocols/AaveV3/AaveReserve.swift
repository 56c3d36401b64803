import Primitives

/// One reserve's state at a block: `DataTypes.ReserveDataLegacy` plus the oracle price; aave-v3-origin 3.3.
public struct AaveReserve: Hashable, Sendable {
    /// The underlying asset.
    public var asset: Address
    /// The reserve id (index in `getReservesList()`, bit pair in the user configuration).
    public var id: UInt16
    /// The packed configuration word.
    public var configuration: AaveReserveConfiguration
    /// `AaveOracle.getAssetPrice(asset)` in base-currency units (USD with 8 decimals on Ethereum).
    public var price: U256
    /// Liquidity index at `lastUpdateTimestamp`, ray.
    public var liquidityIndex: U256
    /// Variable borrow index at `lastUpdateTimestamp`, ray.
    public var variableBorrowIndex: U256
    /// Current supply rate, ray per year.
    public var currentLiquidityRate: U256
    /// Current variable borrow rate, ray per year.
    public var currentVariableBorrowRate: U256
    /// Timestamp of the last index update.
    public var lastUpdateTimestamp: UInt64
    /// `getLiquidationGracePeriod(asset)` (3.1+): liquidations need `until < block.timestamp`.
    public var liquidationGracePeriodUntil: UInt64

    /// A reserve from its fields; rates and timestamps default to "updated in this block".
    public init(
        asset: Address, id: UInt16, configuration: AaveReserveConfiguration, price: U256,
        liquidityIndex: U256 = WadRayMath.ray, variableBorrowIndex: U256 = WadRayMath.ray,
        currentLiquidityRate: U256 = .zero, currentVariableBorrowRate: U256 = .zero,
        lastUpdateTimestamp: UInt64 = 0, liquidationGracePeriodUntil: UInt64 = 0
    ) {
        self.asset = asset
        self.id = id
        self.configuration = configuration
        self.price = price
        self.liquidityIndex = liquidityIndex
        self.variableBorrowIndex = variableBorrowIndex
        self.currentLiquidityRate = currentLiquidityRate
        self.currentVariableBorrowRate = currentVariableBorrowRate
        self.lastUpdateTimestamp = lastUpdateTimestamp
        self.liquidationGracePeriodUntil = liquidationGracePeriodUntil
    }

    /// A reserve from the decoded `getReserveData(asset)` tuple (`AavePool.GetReserveData`) and the oracle price.
    public init(
        asset: Address, price: U256, reserveData d: AavePool.ReserveData, liquidationGracePeriodUntil: UInt64 = 0
    ) {
        self.init(
            asset: asset, id: d.id, configuration: d.configuration, price: price, liquidityIndex: d.liquidityIndex,
            variableBorrowIndex: d.variableBorrowIndex, currentLiquidityRate: d.currentLiquidityRate,
            currentVariableBorrowRate: d.currentVariableBorrowRate, lastUpdateTimestamp: d.lastUpdateTimestamp,
            liquidationGracePeriodUntil: liquidationGracePeriodUntil)
    }

    /// `10 ** decimals`.
    public func unit() throws(AaveError) -> U256 { try AaveChecked.unit(decimals: Int(configuration.decimals)) }

    /// The supply index at `timestamp`: linear accrual times the stored index (ReserveLogic.getNormalizedIncome).
    public func normalizedIncome(at timestamp: UInt64) throws(AaveError) -> U256 {
        if timestamp == lastUpdateTimestamp { return liquidityIndex }
        let factor = try AaveInterest.linear(rate: currentLiquidityRate, from: lastUpdateTimestamp, to: timestamp)
        return try WadRayMath.rayMul(factor, liquidityIndex)
    }

    /// The borrow index at `timestamp`: compounded accrual times the stored index (ReserveLogic.getNormalizedDebt).
    public func normalizedDebt(at timestamp: UInt64) throws(AaveError) -> U256 {
        if timestamp == lastUpdateTimestamp { return variableBorrowIndex }
        let factor = try AaveInterest.compounded(
            rate: currentVariableBorrowRate, from: lastUpdateTimestamp, to: timestamp)
        return try WadRayMath.rayMul(factor, variableBorrowIndex)
    }
}
