import Primitives

/// Typed calls of `AaveOracle` (`src/contracts/misc/AaveOracle.sol`, aave-v3-origin 3.3).
public enum AaveOracle {
    /// `getAssetPrice(address)` → price in base-currency units; selector 0xb3596f07.
    public struct GetAssetPrice: Hashable, Sendable {
        /// The ABI function.
        public static let function = ABIFunction(
            name: "getAssetPrice", inputs: [AaveABI.p(.address, "asset")], outputs: [AaveABI.p(.uint256)],
            stateMutability: "view")
        /// The asset.
        public var asset: Address
        /// A call for `asset`.
        public init(asset: Address) { self.asset = asset }
        /// Calldata.
        public func encode() throws(ABIEncodingError) -> [UInt8] { try Self.function.encodeCall([.address(asset)]) }
        /// The price.
        public static func decode(_ data: some Collection<UInt8>) throws(AaveError) -> U256 {
            try AaveABI.uint(try AaveABI.decode(function, data), 0, "price")
        }
    }

    /// `getAssetsPrices(address[])` → uint256[]; selector 0x9d23d9f2.
    public struct GetAssetsPrices: Hashable, Sendable {
        /// The ABI function.
        public static let function = ABIFunction(
            name: "getAssetsPrices", inputs: [AaveABI.p(.array(.address), "assets")],
            outputs: [AaveABI.p(.array(.uint256))], stateMutability: "view")
        /// The assets.
        public var assets: [Address]
        /// A call for `assets`.
        public init(assets: [Address]) { self.assets = assets }
        /// Calldata.
        public func encode() throws(ABIEncodingError) -> [UInt8] {
            try Self.function.encodeCall([.array(assets.map { .address($0) })])
        }
        /// The prices, in the order asked.
        public static func decode(_ data: some Collection<UInt8>) throws(AaveError) -> [U256] {
            guard let items = try AaveABI.decode(function, data).first?.elements else {
                throw .malformed("getAssetsPrices array")
            }
            return try items.indices.map { i throws(AaveError) in try AaveABI.uint(items, i, "price[\(i)]") }
        }
    }
}
