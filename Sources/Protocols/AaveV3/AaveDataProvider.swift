import Primitives

/// Typed calls of `AaveProtocolDataProvider` (`IPoolDataProvider.sol`, aave-v3-origin 3.3).
public enum AaveDataProvider {
    /// `getUserReserveData(address asset, address user)`'s nine values.
    public struct UserReserveData: Hashable, Sendable {
        /// aToken balance (scaled × normalized income).
        public var currentATokenBalance: U256
        /// Stable debt (0 from 3.2).
        public var currentStableDebt: U256
        /// Variable debt.
        public var currentVariableDebt: U256
        /// Principal stable debt.
        public var principalStableDebt: U256
        /// Scaled variable debt.
        public var scaledVariableDebt: U256
        /// Stable borrow rate.
        public var stableBorrowRate: U256
        /// Supply rate.
        public var liquidityRate: U256
        /// Stable rate timestamp.
        public var stableRateLastUpdated: UInt64
        /// Collateral flag.
        public var usageAsCollateralEnabled: Bool
    }

    /// `getUserReserveData(address,address)`; selector 0x28dd2d01.
    public struct GetUserReserveData: Hashable, Sendable {
        /// The ABI function.
        public static let function = ABIFunction(
            name: "getUserReserveData", inputs: [AaveABI.p(.address, "asset"), AaveABI.p(.address, "user")],
            outputs: [.uint256, .uint256, .uint256, .uint256, .uint256, .uint256, .uint256, .uint(40), .bool].map {
                AaveABI.p($0)
            }, stateMutability: "view")
        /// The reserve.
        public var asset: Address
        /// The user.
        public var user: Address
        /// A call.
        public init(asset: Address, user: Address) {
            self.asset = asset
            self.user = user
        }
        /// Calldata.
        public func encode() throws(ABIEncodingError) -> [UInt8] {
            try Self.function.encodeCall([.address(asset), .address(user)])
        }
        /// The nine values.
        public static func decode(_ data: some Collection<UInt8>) throws(AaveError) -> UserReserveData {
            let v = try AaveABI.decode(function, data)
            return UserReserveData(
                currentATokenBalance: try AaveABI.uint(v, 0, "currentATokenBalance"),
                currentStableDebt: try AaveABI.uint(v, 1, "currentStableDebt"),
                currentVariableDebt: try AaveABI.uint(v, 2, "currentVariableDebt"),
                principalStableDebt: try AaveABI.uint(v, 3, "principalStableDebt"),
                scaledVariableDebt: try AaveABI.uint(v, 4, "scaledVariableDebt"),
                stableBorrowRate: try AaveABI.uint(v, 5, "stableBorrowRate"),
                liquidityRate: try AaveABI.uint(v, 6, "liquidityRate"),
                stableRateLastUpdated: try AaveABI.uint64(v, 7, "stableRateLastUpdated"),
                usageAsCollateralEnabled: try AaveABI.bool(v, 8, "usageAsCollateralEnabled"))
        }
    }

    /// `getReserveConfigurationData(address)`'s ten values.
    public struct ReserveConfigurationData: Hashable, Sendable {
        /// Decimals.
        public var decimals: U256
        /// LTV, bps.
        public var ltv: U256
        /// Liquidation threshold, bps.
        public var liquidationThreshold: U256
        /// Liquidation bonus, bps.
        public var liquidationBonus: U256
        /// Reserve factor, bps.
        public var reserveFactor: U256
        /// LT ≠ 0.
        public var usageAsCollateralEnabled: Bool
        /// Borrowing enabled.
        public var borrowingEnabled: Bool
        /// Stable borrowing (false from 3.2).
        public var stableBorrowRateEnabled: Bool
        /// Active.
        public var isActive: Bool
        /// Frozen.
        public var isFrozen: Bool
    }

    /// `getReserveConfigurationData(address)`; selector 0x3e150141.
    public struct GetReserveConfigurationData: Hashable, Sendable {
        /// The ABI function.
        public static let function = ABIFunction(
            name: "getReserveConfigurationData", inputs: [AaveABI.p(.address, "asset")],
            outputs: [.uint256, .uint256, .uint256, .uint256, .uint256, .bool, .bool, .bool, .bool, .bool].map {
                AaveABI.p($0)
            }, stateMutability: "view")
        /// The reserve.
        public var asset: Address
        /// A call.
        public init(asset: Address) { self.asset = asset }
        /// Calldata.
        public func encode() throws(ABIEncodingError) -> [UInt8] { try Self.function.encodeCall([.address(asset)]) }
        /// The ten values.
        public static func decode(_ data: some Collection<UInt8>) throws(AaveError) -> ReserveConfigurationData {
            let v = try AaveABI.decode(function, data)
            return ReserveConfigurationData(
                decimals: try AaveABI.uint(v, 0, "decimals"), ltv: try AaveABI.uint(v, 1, "ltv"),
                liquidationThreshold: try AaveABI.uint(v, 2, "liquidationThreshold"),
                liquidationBonus: try AaveABI.uint(v, 3, "liquidationBonus"),
                reserveFactor: try AaveABI.uint(v, 4, "reserveFactor"),
                usageAsCollateralEnabled: try AaveABI.bool(v, 5, "usageAsCollateralEnabled"),
                borrowingEnabled: try AaveABI.bool(v, 6, "borrowingEnabled"),
                stableBorrowRateEnabled: try AaveABI.bool(v, 7, "stableBorrowRateEnabled"),
                isActive: try AaveABI.bool(v, 8, "isActive"), isFrozen: try AaveABI.bool(v, 9, "isFrozen"))
        }
    }
}
