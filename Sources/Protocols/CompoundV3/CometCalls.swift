import Primitives

/// Typed calls of Comet (`CometMainInterface.sol` / `CometExtInterface.sol`, compound-finance/comet).
public enum CometCalls {
    static func p(_ t: ABIType, _ n: String = "") -> ABIParameter { ABIParameter(name: n, type: t) }

    static func decode(_ f: ABIFunction, _ data: some Collection<UInt8>) throws(CometError) -> [ABIValue] {
        do {
            return try f.decodeOutput(data)
        } catch {
            throw .malformed("\(f.name) output: \(error)")
        }
    }

    /// `isLiquidatable(address)` → bool; selector 0x042e02cf.
    public static let isLiquidatable = ABIFunction(
        name: "isLiquidatable", inputs: [p(.address, "account")], outputs: [p(.bool)], stateMutability: "view")
    /// `absorb(address,address[])`; selector 0xc3cecfd2.
    public static let absorb = ABIFunction(
        name: "absorb", inputs: [p(.address, "absorber"), p(.array(.address), "accounts")])
    /// `buyCollateral(address,uint256,uint256,address)`; selector 0xe4e6e779.
    public static let buyCollateral = ABIFunction(
        name: "buyCollateral",
        inputs: [p(.address, "asset"), p(.uint256, "minAmount"), p(.uint256, "baseAmount"), p(.address, "recipient")])
    /// `quoteCollateral(address,uint256)` → uint256; selector 0x7ac88ed1.
    public static let quoteCollateral = ABIFunction(
        name: "quoteCollateral", inputs: [p(.address, "asset"), p(.uint256, "baseAmount")], outputs: [p(.uint256)],
        stateMutability: "view")
    /// `getReserves()` → int256; selector 0x0902f1ac (collides with UniswapV2Pair.getReserves()).
    public static let getReserves = ABIFunction(
        name: "getReserves", inputs: [], outputs: [p(.int256)], stateMutability: "view")
    /// `targetReserves()` → uint256; selector 0x32176c49.
    public static let targetReserves = ABIFunction(
        name: "targetReserves", inputs: [], outputs: [p(.uint256)], stateMutability: "view")
    /// `storeFrontPriceFactor()` → uint256; selector 0x1f5954bd.
    public static let storeFrontPriceFactor = ABIFunction(
        name: "storeFrontPriceFactor", inputs: [], outputs: [p(.uint256)], stateMutability: "view")
    /// `getCollateralReserves(address)` → uint256; selector 0x9ff567f8.
    public static let getCollateralReserves = ABIFunction(
        name: "getCollateralReserves", inputs: [p(.address, "asset")], outputs: [p(.uint256)], stateMutability: "view")
    /// `collateralBalanceOf(address,address)` → uint128; selector 0x5c2549ee.
    public static let collateralBalanceOf = ABIFunction(
        name: "collateralBalanceOf", inputs: [p(.address, "account"), p(.address, "asset")], outputs: [p(.uint(128))],
        stateMutability: "view")
    /// `borrowBalanceOf(address)` → uint256; selector 0x374c49b4.
    public static let borrowBalanceOf = ABIFunction(
        name: "borrowBalanceOf", inputs: [p(.address, "account")], outputs: [p(.uint256)], stateMutability: "view")
    /// `userBasic(address)` → (int104 principal, uint64 baseTrackingIndex, uint64 baseTrackingAccrued,
    /// uint16 assetsIn, uint8 _reserved); selector 0xdc4abafd.
    public static let userBasic = ABIFunction(
        name: "userBasic", inputs: [p(.address)],
        outputs: [p(.int(104)), p(.uint(64)), p(.uint(64)), p(.uint(16)), p(.uint(8))], stateMutability: "view")
    /// `getAssetInfoByAddress(address)` → AssetInfo; selector 0x3b3bec2e.
    public static let getAssetInfoByAddress = ABIFunction(
        name: "getAssetInfoByAddress", inputs: [p(.address, "asset")],
        outputs: [
            p(.tuple([.uint(8), .address, .address, .uint(64), .uint(64), .uint(64), .uint(64), .uint(128)]))
        ], stateMutability: "view")

    /// Calldata for `absorb(absorber, accounts)`.
    public static func absorbCalldata(absorber: Address, accounts: [Address]) throws(ABIEncodingError) -> [UInt8] {
        try absorb.encodeCall([.address(absorber), .array(accounts.map { .address($0) })])
    }

    /// Calldata for `buyCollateral(asset, minAmount, baseAmount, recipient)`.
    public static func buyCollateralCalldata(
        asset: Address, minAmount: U256, baseAmount: U256, recipient: Address
    ) throws(ABIEncodingError) -> [UInt8] {
        try buyCollateral.encodeCall([.address(asset), .uint(minAmount), .uint(baseAmount), .address(recipient)])
    }

    /// Decodes `userBasic` into (principal, assetsIn).
    public static func decodeUserBasic(_ data: some Collection<UInt8>) throws(CometError) -> (
        principal: I256, assetsIn: UInt16
    ) {
        let v = try decode(userBasic, data)
        guard v.count == 5, let principal = v[0].intValue, let a = v[3].uintValue?.uint64,
            let assetsIn = UInt16(exactly: a)
        else { throw .malformed("userBasic") }
        return (principal, assetsIn)
    }

    /// Decodes `getAssetInfoByAddress` into a `CometAsset` with the given feed price.
    public static func decodeAssetInfo(_ data: some Collection<UInt8>, price: U256) throws(CometError) -> CometAsset {
        guard let t = try decode(getAssetInfoByAddress, data).first?.elements, t.count == 8,
            let offset = t[0].uintValue?.uint64, let off = UInt8(exactly: offset),
            let asset = t[1].addressValue, let feed = t[2].addressValue, let scale = t[3].uintValue,
            let bcf = t[4].uintValue, let lcf = t[5].uintValue, let lf = t[6].uintValue, let cap = t[7].uintValue
        else { throw .malformed("AssetInfo") }
        return CometAsset(
            offset: off, asset: asset, priceFeed: feed, scale: scale, borrowCollateralFactor: bcf,
            liquidateCollateralFactor: lcf, liquidationFactor: lf, supplyCap: cap, price: price)
    }

    /// Decodes `getReserves()`.
    public static func decodeReserves(_ data: some Collection<UInt8>) throws(CometError) -> I256 {
        guard let r = try decode(getReserves, data).first?.intValue else { throw .malformed("getReserves") }
        return r
    }
}
