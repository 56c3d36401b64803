import Primitives

/// IVault.sol SwapKind: GIVEN_IN (0) fixes the amount sold, GIVEN_OUT (1) the amount bought.
public enum BalancerSwapKind: UInt8, Sendable, Hashable {
    /// SwapKind.GIVEN_IN.
    case givenIn = 0
    /// SwapKind.GIVEN_OUT.
    case givenOut = 1
}

/// IVault.sol SingleSwap: one swap through one pool.
public struct BalancerSingleSwap: Sendable, Hashable {
    /// The pool id (pool address ‖ specialization ‖ nonce).
    public var poolId: Hash32
    /// GIVEN_IN or GIVEN_OUT.
    public var kind: BalancerSwapKind
    /// The token sold (the zero address means ETH).
    public var assetIn: Address
    /// The token bought (the zero address means ETH).
    public var assetOut: Address
    /// The given amount: sold for GIVEN_IN, bought for GIVEN_OUT.
    public var amount: U256
    /// Pool-specific data, usually empty.
    public var userData: [UInt8]

    /// A single swap.
    public init(
        poolId: Hash32, kind: BalancerSwapKind, assetIn: Address, assetOut: Address, amount: U256,
        userData: [UInt8] = []
    ) {
        self.poolId = poolId
        self.kind = kind
        self.assetIn = assetIn
        self.assetOut = assetOut
        self.amount = amount
        self.userData = userData
    }

    var abiValue: ABIValue {
        .tuple([
            .fixedBytes(poolId.bytes), .uint(U256(UInt64(kind.rawValue))), .address(assetIn), .address(assetOut),
            .uint(amount), .bytes(userData),
        ])
    }
}

/// IVault.sol BatchSwapStep: one hop of a batch swap, naming assets by index into `assets`.
public struct BalancerBatchSwapStep: Sendable, Hashable {
    /// The pool id.
    public var poolId: Hash32
    /// Index of the token sold in the batch's `assets`.
    public var assetInIndex: U256
    /// Index of the token bought in the batch's `assets`.
    public var assetOutIndex: U256
    /// The given amount; 0 means the previous step's output (GIVEN_IN) or input (GIVEN_OUT).
    public var amount: U256
    /// Pool-specific data, usually empty.
    public var userData: [UInt8]

    /// One batch step.
    public init(poolId: Hash32, assetInIndex: U256, assetOutIndex: U256, amount: U256, userData: [UInt8] = []) {
        self.poolId = poolId
        self.assetInIndex = assetInIndex
        self.assetOutIndex = assetOutIndex
        self.amount = amount
        self.userData = userData
    }

    var abiValue: ABIValue {
        .tuple([.fixedBytes(poolId.bytes), .uint(assetInIndex), .uint(assetOutIndex), .uint(amount), .bytes(userData)])
    }
}

/// IVault.sol FundManagement: who pays, who receives, and whether internal balances are used.
public struct BalancerFundManagement: Sendable, Hashable {
    /// The account the Vault pulls tokens from (must be msg.sender or have approved the relayer).
    public var sender: Address
    /// Pull from the sender's internal Vault balance instead of ERC-20 transfers.
    public var fromInternalBalance: Bool
    /// The account the Vault pays.
    public var recipient: Address
    /// Pay into the recipient's internal Vault balance.
    public var toInternalBalance: Bool

    /// Funds moved by ERC-20 transfers from `sender` to `recipient` unless told otherwise.
    public init(
        sender: Address, recipient: Address, fromInternalBalance: Bool = false, toInternalBalance: Bool = false
    ) {
        self.sender = sender
        self.fromInternalBalance = fromInternalBalance
        self.recipient = recipient
        self.toInternalBalance = toInternalBalance
    }

    var abiValue: ABIValue {
        .tuple([.address(sender), .bool(fromInternalBalance), .address(recipient), .bool(toInternalBalance)])
    }
}

/// Calldata for the Balancer V2 Vault (IVault.sol swap, batchSwap, queryBatchSwap, flashLoan).
public enum BalancerVaultCalls {
    static let singleSwapType = ABIType.tuple([.bytes32, .uint(8), .address, .address, .uint256, .bytes])
    static let batchStepType = ABIType.tuple([.bytes32, .uint256, .uint256, .uint256, .bytes])
    static let fundsType = ABIType.tuple([.address, .bool, .address, .bool])

    /// The Vault at 0xBA12222222228d8Ba445958a75a0704d566BF2C8 on every chain.
    public static var vault: Address {
        get throws(AddressError) { try Address(parsing: "0xBA12222222228d8Ba445958a75a0704d566BF2C8") }
    }

    /// IVault.swap(SingleSwap,FundManagement,uint256 limit,uint256 deadline), selector 0x52bbbe29.
    public static let swap = ABIFunction(
        name: "swap",
        inputs: [.init(type: singleSwapType), .init(type: fundsType), .init(type: .uint256), .init(type: .uint256)],
        outputs: [.init(type: .uint256)], stateMutability: "payable")

    /// IVault.batchSwap(SwapKind,BatchSwapStep[],address[],FundManagement,int256[] limits,uint256 deadline),
    /// selector 0x945bcec9.
    public static let batchSwap = ABIFunction(
        name: "batchSwap",
        inputs: [
            .init(type: .uint(8)), .init(type: .array(batchStepType)), .init(type: .array(.address)),
            .init(type: fundsType), .init(type: .array(.int256)), .init(type: .uint256),
        ],
        outputs: [.init(type: .array(.int256))], stateMutability: "payable")

    /// IVault.queryBatchSwap(SwapKind,BatchSwapStep[],address[],FundManagement), selector 0xf84d066e
    /// (non-view: call it with eth_call; it returns the asset deltas).
    public static let queryBatchSwap = ABIFunction(
        name: "queryBatchSwap",
        inputs: [
            .init(type: .uint(8)), .init(type: .array(batchStepType)), .init(type: .array(.address)),
            .init(type: fundsType),
        ],
        outputs: [.init(type: .array(.int256))])

    /// IVault.flashLoan(IFlashLoanRecipient,IERC20[],uint256[],bytes), selector 0x5c38449e.
    public static let flashLoan = ABIFunction(
        name: "flashLoan",
        inputs: [
            .init(type: .address), .init(type: .array(.address)), .init(type: .array(.uint256)), .init(type: .bytes),
        ])

    /// Calldata of Vault.swap: `limit` is the minimum out (GIVEN_IN) or maximum in (GIVEN_OUT).
    public static func swapCalldata(
        _ singleSwap: BalancerSingleSwap, funds: BalancerFundManagement, limit: U256, deadline: U256
    ) throws(ABIEncodingError) -> [UInt8] {
        try swap.encodeCall([singleSwap.abiValue, funds.abiValue, .uint(limit), .uint(deadline)])
    }

    /// Calldata of Vault.batchSwap: limits[i] bounds the Vault's delta for assets[i] (positive = pays in).
    public static func batchSwapCalldata(
        kind: BalancerSwapKind, steps: [BalancerBatchSwapStep], assets: [Address], funds: BalancerFundManagement,
        limits: [I256], deadline: U256
    ) throws(ABIEncodingError) -> [UInt8] {
        try batchSwap.encodeCall([
            .uint(U256(UInt64(kind.rawValue))), .array(steps.map(\.abiValue)), .array(assets.map { .address($0) }),
            funds.abiValue, .array(limits.map { .int($0) }), .uint(deadline),
        ])
    }

    /// Calldata of Vault.queryBatchSwap (same steps and assets as batchSwap, no limits or deadline).
    public static func queryBatchSwapCalldata(
        kind: BalancerSwapKind, steps: [BalancerBatchSwapStep], assets: [Address], funds: BalancerFundManagement
    ) throws(ABIEncodingError) -> [UInt8] {
        try queryBatchSwap.encodeCall([
            .uint(U256(UInt64(kind.rawValue))), .array(steps.map(\.abiValue)), .array(assets.map { .address($0) }),
            funds.abiValue,
        ])
    }
}
