import Primitives

/// One collateral asset's `AssetInfo` (`getAssetInfoByAddress`) plus its current feed price.
public struct CometAsset: Hashable, Sendable {
    /// Offset in `assetsIn` (bit index).
    public var offset: UInt8
    /// The collateral token.
    public var asset: Address
    /// Its price feed.
    public var priceFeed: Address
    /// `10 ** decimals`.
    public var scale: U256
    /// Factor for borrowing power, 1e18 scale.
    public var borrowCollateralFactor: U256
    /// Factor below which the account is liquidatable, 1e18 scale.
    public var liquidateCollateralFactor: U256
    /// Share of value credited on absorb, 1e18 scale (also drives the store-front discount).
    public var liquidationFactor: U256
    /// Supply cap.
    public var supplyCap: U256
    /// `getPrice(priceFeed)`, 8 decimals.
    public var price: U256

    /// An asset from its fields.
    public init(
        offset: UInt8, asset: Address, priceFeed: Address = Address.zero, scale: U256,
        borrowCollateralFactor: U256, liquidateCollateralFactor: U256, liquidationFactor: U256,
        supplyCap: U256 = .max, price: U256
    ) {
        self.offset = offset
        self.asset = asset
        self.priceFeed = priceFeed
        self.scale = scale
        self.borrowCollateralFactor = borrowCollateralFactor
        self.liquidateCollateralFactor = liquidateCollateralFactor
        self.liquidationFactor = liquidationFactor
        self.supplyCap = supplyCap
        self.price = price
    }
}

/// A Comet market snapshot at one block (already accrued: indices as `accruedInterestIndices` at that block).
public struct CometMarket: Hashable, Sendable {
    /// `10 ** baseDecimals` (`baseScale()`).
    public var baseScale: U256
    /// `getPrice(baseTokenPriceFeed)`.
    public var basePrice: U256
    /// `baseSupplyIndex`, 1e15 scale.
    public var baseSupplyIndex: U256
    /// `baseBorrowIndex`, 1e15 scale.
    public var baseBorrowIndex: U256
    /// `storeFrontPriceFactor()`, 1e18 scale.
    public var storeFrontPriceFactor: U256
    /// `targetReserves()`.
    public var targetReserves: U256
    /// `getReserves()` (signed).
    public var reserves: I256
    /// Listed collateral, in offset order.
    public var assets: [CometAsset]
    /// `getCollateralReserves(asset)` per asset (protocol-owned collateral for sale).
    public var collateralReserves: [Address: U256]

    /// A market from its fields.
    public init(
        baseScale: U256, basePrice: U256, baseSupplyIndex: U256, baseBorrowIndex: U256,
        storeFrontPriceFactor: U256, targetReserves: U256, reserves: I256, assets: [CometAsset],
        collateralReserves: [Address: U256] = [:]
    ) {
        self.baseScale = baseScale
        self.basePrice = basePrice
        self.baseSupplyIndex = baseSupplyIndex
        self.baseBorrowIndex = baseBorrowIndex
        self.storeFrontPriceFactor = storeFrontPriceFactor
        self.targetReserves = targetReserves
        self.reserves = reserves
        self.assets = assets
        self.collateralReserves = collateralReserves
    }

    /// The listed asset, or `BadAsset()`.
    public func asset(_ a: Address) throws(CometError) -> CometAsset {
        guard let x = assets.first(where: { $0.asset == a }) else { throw .badAsset(a) }
        return x
    }
}

/// An account: `userBasic(account)` principal and `assetsIn`, plus `userCollateral` balances.
public struct CometAccount: Hashable, Sendable {
    /// Signed base principal (int104): negative = borrow.
    public var principal: I256
    /// Bit set of collateral offsets held.
    public var assetsIn: UInt16
    /// Collateral balances by asset.
    public var collateral: [Address: U256]

    /// An account from its fields.
    public init(principal: I256, assetsIn: UInt16, collateral: [Address: U256]) {
        self.principal = principal
        self.assetsIn = assetsIn
        self.collateral = collateral
    }

    /// Whether the `assetsIn` bit of `offset` is set (Comet.isInAsset).
    public func isIn(_ offset: UInt8) -> Bool { offset < 16 && assetsIn & (UInt16(1) << UInt16(offset)) != 0 }
}
