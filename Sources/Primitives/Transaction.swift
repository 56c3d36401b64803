/// The EIP-2718 envelope type of a transaction this toolkit builds and signs.
public enum TransactionType: UInt8, Sendable, Hashable, CustomStringConvertible {
    /// Legacy (pre-typed) transaction, EIP-155 replay-protected when it carries a chain id.
    case legacy = 0
    /// EIP-2930 access-list transaction (type 0x01).
    case accessList = 1
    /// EIP-1559 dynamic-fee transaction (type 0x02).
    case dynamicFee = 2

    public var description: String {
        switch self {
        case .legacy: return "legacy"
        case .accessList: return "eip2930"
        case .dynamicFee: return "eip1559"
        }
    }
}

/// One EIP-2930 access-list entry: an address and the storage keys it pre-warms.
public struct AccessListEntry: Sendable, Hashable {
    /// The account.
    public var address: Address
    /// The storage slots of that account.
    public var storageKeys: [Hash32]

    /// An entry for `address` and its `storageKeys`.
    public init(address: Address, storageKeys: [Hash32] = []) {
        self.address = address
        self.storageKeys = storageKeys
    }
}

/// An unsigned transaction of type 0, 1 or 2. Fields that a type does not carry are ignored when encoding
/// (`gasPrice` for type 2; the EIP-1559 fee caps for types 0 and 1; the access list for type 0).
public struct Transaction: Sendable, Hashable {
    /// The envelope type.
    public var type: TransactionType
    /// The chain id; nil only for a pre-EIP-155 legacy transaction (replayable on any chain).
    public var chainID: UInt64?
    /// The sender's nonce.
    public var nonce: UInt64
    /// Gas price in wei (types 0 and 1).
    public var gasPrice: U256
    /// EIP-1559 priority fee cap in wei (type 2).
    public var maxPriorityFeePerGas: U256
    /// EIP-1559 total fee cap in wei (type 2).
    public var maxFeePerGas: U256
    /// Gas limit.
    public var gasLimit: UInt64
    /// Recipient; nil creates a contract.
    public var to: Address?
    /// Wei sent.
    public var value: U256
    /// Calldata (or init code for a creation).
    public var data: [UInt8]
    /// EIP-2930 access list (types 1 and 2).
    public var accessList: [AccessListEntry]

    /// A transaction with every field given; see the static constructors for the usual shapes.
    public init(
        type: TransactionType, chainID: UInt64?, nonce: UInt64, gasPrice: U256 = .zero,
        maxPriorityFeePerGas: U256 = .zero, maxFeePerGas: U256 = .zero, gasLimit: UInt64, to: Address?,
        value: U256 = .zero, data: [UInt8] = [], accessList: [AccessListEntry] = []
    ) {
        self.type = type
        self.chainID = chainID
        self.nonce = nonce
        self.gasPrice = gasPrice
        self.maxPriorityFeePerGas = maxPriorityFeePerGas
        self.maxFeePerGas = maxFeePerGas
        self.gasLimit = gasLimit
        self.to = to
        self.value = value
        self.data = data
        self.accessList = accessList
    }

    /// A legacy transaction (EIP-155 when `chainID` is given).
    public static func legacy(
        chainID: UInt64?, nonce: UInt64, gasPrice: U256, gasLimit: UInt64, to: Address?, value: U256 = .zero,
        data: [UInt8] = []
    ) -> Transaction {
        Transaction(
            type: .legacy, chainID: chainID, nonce: nonce, gasPrice: gasPrice, gasLimit: gasLimit, to: to,
            value: value, data: data)
    }

    /// An EIP-2930 transaction.
    public static func accessList(
        chainID: UInt64, nonce: UInt64, gasPrice: U256, gasLimit: UInt64, to: Address?, value: U256 = .zero,
        data: [UInt8] = [], accessList: [AccessListEntry]
    ) -> Transaction {
        Transaction(
            type: .accessList, chainID: chainID, nonce: nonce, gasPrice: gasPrice, gasLimit: gasLimit, to: to,
            value: value, data: data, accessList: accessList)
    }

    /// An EIP-1559 transaction.
    public static func dynamicFee(
        chainID: UInt64, nonce: UInt64, maxPriorityFeePerGas: U256, maxFeePerGas: U256, gasLimit: UInt64,
        to: Address?, value: U256 = .zero, data: [UInt8] = [], accessList: [AccessListEntry] = []
    ) -> Transaction {
        Transaction(
            type: .dynamicFee, chainID: chainID, nonce: nonce, maxPriorityFeePerGas: maxPriorityFeePerGas,
            maxFeePerGas: maxFeePerGas, gasLimit: gasLimit, to: to, value: value, data: data,
            accessList: accessList)
    }

    /// What the sender pays per gas at `baseFee`: EIP-1559 `baseFee + min(maxPriority, maxFee - baseFee)`,
    /// the gas price for types 0 and 1; nil when a type-2 fee cap is below the base fee (not includable).
    public func effectiveGasPrice(baseFee: U256) -> U256? {
        guard type == .dynamicFee else { return gasPrice >= baseFee ? gasPrice : nil }
        guard maxFeePerGas >= baseFee else { return nil }
        return baseFee + min(maxPriorityFeePerGas, maxFeePerGas - baseFee)
    }
}
