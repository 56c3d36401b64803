import Primitives

/// Typed calls of the Aave V3 Pool (`IPool.sol`, aave-v3-origin 3.3).
public enum AavePool {
    /// `getUserAccountData(address)` → (collateral, debt, availableBorrows, LT, ltv, HF); selector 0xbf92857c.
    public struct GetUserAccountData: Hashable, Sendable {
        /// The ABI function.
        public static let function = ABIFunction(
            name: "getUserAccountData", inputs: [AaveABI.p(.address, "user")],
            outputs: [.uint256, .uint256, .uint256, .uint256, .uint256, .uint256].map { AaveABI.p($0) },
            stateMutability: "view")
        /// The borrower.
        public var user: Address
        /// A call for `user`.
        public init(user: Address) { self.user = user }
        /// Calldata.
        public func encode() throws(ABIEncodingError) -> [UInt8] { try Self.function.encodeCall([.address(user)]) }
        /// Decodes the six words; `hasZeroLtvCollateral` is not returned by the pool and reads false.
        public static func decode(_ data: some Collection<UInt8>) throws(AaveError) -> AaveAccountData {
            let v = try AaveABI.decode(function, data)
            return AaveAccountData(
                totalCollateralBase: try AaveABI.uint(v, 0, "totalCollateralBase"),
                totalDebtBase: try AaveABI.uint(v, 1, "totalDebtBase"),
                availableBorrowsBase: try AaveABI.uint(v, 2, "availableBorrowsBase"),
                currentLiquidationThreshold: try AaveABI.uint(v, 3, "currentLiquidationThreshold"),
                ltv: try AaveABI.uint(v, 4, "ltv"), healthFactor: try AaveABI.uint(v, 5, "healthFactor"),
                hasZeroLtvCollateral: false)
        }
    }

    /// The `DataTypes.ReserveDataLegacy` tuple returned by `getReserveData(asset)`.
    public struct ReserveData: Hashable, Sendable {
        /// The configuration word.
        public var configuration: AaveReserveConfiguration
        /// Liquidity index, ray.
        public var liquidityIndex: U256
        /// Supply rate, ray.
        public var currentLiquidityRate: U256
        /// Variable borrow index, ray.
        public var variableBorrowIndex: U256
        /// Variable borrow rate, ray.
        public var currentVariableBorrowRate: U256
        /// Stable borrow rate, ray (deprecated in 3.2).
        public var currentStableBorrowRate: U256
        /// Last index update.
        public var lastUpdateTimestamp: UInt64
        /// Reserve id.
        public var id: UInt16
        /// aToken.
        public var aTokenAddress: Address
        /// Stable debt token (deprecated in 3.2).
        public var stableDebtTokenAddress: Address
        /// Variable debt token.
        public var variableDebtTokenAddress: Address
        /// Interest rate strategy.
        public var interestRateStrategyAddress: Address
        /// Scaled treasury accrual.
        public var accruedToTreasury: U256
        /// Unbacked aTokens (portals).
        public var unbacked: U256
        /// Isolation-mode debt.
        public var isolationModeTotalDebt: U256
    }

    /// `getReserveData(address)` → `ReserveDataLegacy`; selector 0x35ea6a75.
    public struct GetReserveData: Hashable, Sendable {
        static let tuple = ABIType.tuple([
            .tuple([.uint256]), .uint(128), .uint(128), .uint(128), .uint(128), .uint(128), .uint(40), .uint(16),
            .address, .address, .address, .address, .uint(128), .uint(128), .uint(128),
        ])
        /// The ABI function.
        public static let function = ABIFunction(
            name: "getReserveData", inputs: [AaveABI.p(.address, "asset")], outputs: [AaveABI.p(tuple)],
            stateMutability: "view")
        /// The reserve's asset.
        public var asset: Address
        /// A call for `asset`.
        public init(asset: Address) { self.asset = asset }
        /// Calldata.
        public func encode() throws(ABIEncodingError) -> [UInt8] { try Self.function.encodeCall([.address(asset)]) }
        /// Decodes the tuple.
        public static func decode(_ data: some Collection<UInt8>) throws(AaveError) -> ReserveData {
            let outer = try AaveABI.decode(function, data)
            guard let v = outer.first?.elements, let cfg = v.first?.elements else {
                throw .malformed("getReserveData tuple")
            }
            guard let id = UInt16(exactly: try AaveABI.uint64(v, 7, "id")) else { throw .malformed("id") }
            return ReserveData(
                configuration: AaveReserveConfiguration(rawValue: try AaveABI.uint(cfg, 0, "configuration")),
                liquidityIndex: try AaveABI.uint(v, 1, "liquidityIndex"),
                currentLiquidityRate: try AaveABI.uint(v, 2, "currentLiquidityRate"),
                variableBorrowIndex: try AaveABI.uint(v, 3, "variableBorrowIndex"),
                currentVariableBorrowRate: try AaveABI.uint(v, 4, "currentVariableBorrowRate"),
                currentStableBorrowRate: try AaveABI.uint(v, 5, "currentStableBorrowRate"),
                lastUpdateTimestamp: try AaveABI.uint64(v, 6, "lastUpdateTimestamp"), id: id,
                aTokenAddress: try AaveABI.address(v, 8, "aTokenAddress"),
                stableDebtTokenAddress: try AaveABI.address(v, 9, "stableDebtTokenAddress"),
                variableDebtTokenAddress: try AaveABI.address(v, 10, "variableDebtTokenAddress"),
                interestRateStrategyAddress: try AaveABI.address(v, 11, "interestRateStrategyAddress"),
                accruedToTreasury: try AaveABI.uint(v, 12, "accruedToTreasury"),
                unbacked: try AaveABI.uint(v, 13, "unbacked"),
                isolationModeTotalDebt: try AaveABI.uint(v, 14, "isolationModeTotalDebt"))
        }
    }

    /// `liquidationCall(address,address,address,uint256,bool)`; selector 0x00a718a9.
    public struct LiquidationCall: Hashable, Sendable {
        /// The ABI function.
        public static let function = ABIFunction(
            name: "liquidationCall",
            inputs: [
                AaveABI.p(.address, "collateralAsset"), AaveABI.p(.address, "debtAsset"), AaveABI.p(.address, "user"),
                AaveABI.p(.uint256, "debtToCover"), AaveABI.p(.bool, "receiveAToken"),
            ])
        /// Collateral to seize.
        public var collateralAsset: Address
        /// Debt to repay.
        public var debtAsset: Address
        /// The borrower.
        public var user: Address
        /// Debt to cover (`U256.max` = the most allowed).
        public var debtToCover: U256
        /// Receive aTokens instead of the underlying.
        public var receiveAToken: Bool
        /// A call from its arguments.
        public init(collateralAsset: Address, debtAsset: Address, user: Address, debtToCover: U256, receiveAToken: Bool)
        {
            self.collateralAsset = collateralAsset
            self.debtAsset = debtAsset
            self.user = user
            self.debtToCover = debtToCover
            self.receiveAToken = receiveAToken
        }
        /// The call a plan asks for.
        public init(plan: AaveLiquidationPlan, user: Address, receiveAToken: Bool = false) {
            self.init(
                collateralAsset: plan.collateralAsset, debtAsset: plan.debtAsset, user: user,
                debtToCover: plan.debtToCoverArgument, receiveAToken: receiveAToken)
        }
        /// Calldata.
        public func encode() throws(ABIEncodingError) -> [UInt8] {
            try Self.function.encodeCall([
                .address(collateralAsset), .address(debtAsset), .address(user), .uint(debtToCover),
                .bool(receiveAToken),
            ])
        }
    }

    /// `flashLoanSimple(address,address,uint256,bytes,uint16)`; selector 0x42b0b77c.
    public struct FlashLoanSimple: Hashable, Sendable {
        /// The ABI function.
        public static let function = ABIFunction(
            name: "flashLoanSimple",
            inputs: [
                AaveABI.p(.address, "receiverAddress"), AaveABI.p(.address, "asset"), AaveABI.p(.uint256, "amount"),
                AaveABI.p(.bytes, "params"), AaveABI.p(.uint(16), "referralCode"),
            ])
        /// The receiver contract (its `executeOperation` must return true and approve amount + premium).
        public var receiver: Address
        /// Asset borrowed.
        public var asset: Address
        /// Amount borrowed.
        public var amount: U256
        /// Bytes passed to the receiver.
        public var params: [UInt8]
        /// Referral code (0).
        public var referralCode: UInt16
        /// A call from its arguments.
        public init(receiver: Address, asset: Address, amount: U256, params: [UInt8], referralCode: UInt16 = 0) {
            self.receiver = receiver
            self.asset = asset
            self.amount = amount
            self.params = params
            self.referralCode = referralCode
        }
        /// Calldata.
        public func encode() throws(ABIEncodingError) -> [UInt8] {
            try Self.function.encodeCall([
                .address(receiver), .address(asset), .uint(amount), .bytes(params), .uint(U256(UInt64(referralCode))),
            ])
        }
    }

    /// `FLASHLOAN_PREMIUM_TOTAL()` → uint128 basis points; selector 0x074b2e43.
    public struct FlashLoanPremiumTotal: Hashable, Sendable {
        /// The ABI function.
        public static let function = ABIFunction(
            name: "FLASHLOAN_PREMIUM_TOTAL", inputs: [], outputs: [AaveABI.p(.uint(128))], stateMutability: "view")
        /// A call.
        public init() {}
        /// Calldata.
        public func encode() throws(ABIEncodingError) -> [UInt8] { try Self.function.encodeCall([]) }
        /// The premium in basis points.
        public static func decode(_ data: some Collection<UInt8>) throws(AaveError) -> U256 {
            try AaveABI.uint(try AaveABI.decode(function, data), 0, "FLASHLOAN_PREMIUM_TOTAL")
        }
    }

    /// `FLASHLOAN_PREMIUM_TO_PROTOCOL()` → uint128 basis points of the premium; selector 0x6a99c036.
    public struct FlashLoanPremiumToProtocol: Hashable, Sendable {
        /// The ABI function.
        public static let function = ABIFunction(
            name: "FLASHLOAN_PREMIUM_TO_PROTOCOL", inputs: [], outputs: [AaveABI.p(.uint(128))],
            stateMutability: "view")
        /// A call.
        public init() {}
        /// Calldata.
        public func encode() throws(ABIEncodingError) -> [UInt8] { try Self.function.encodeCall([]) }
        /// The share in basis points.
        public static func decode(_ data: some Collection<UInt8>) throws(AaveError) -> U256 {
            try AaveABI.uint(try AaveABI.decode(function, data), 0, "FLASHLOAN_PREMIUM_TO_PROTOCOL")
        }
    }
}
