import Foundation
import GRDB

/// One row of `strategies`: a strategy registered on a chain with its deployed contract and executor.
public struct StrategyRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "strategies"

    /// The strategy name (with `chainID`, the key).
    public var name: String
    /// EIP-155 chain id.
    public var chainID: UInt64
    /// The strategy's contract address.
    public var address: String
    /// The executor address allowed to call it.
    public var executor: String
    /// When it was registered.
    public var registeredAt: Date
    /// The registering transaction, if any.
    public var txHash: String?
    /// Whether it is active.
    public var active: Bool

    enum CodingKeys: String, CodingKey {
        case name, address, executor, active
        case chainID = "chain_id", registeredAt = "registered_at", txHash = "tx_hash"
    }

    /// A record with every column given.
    public init(
        name: String, chainID: UInt64, address: String, executor: String, registeredAt: Date,
        txHash: String? = nil, active: Bool = true
    ) {
        self.name = name
        self.chainID = chainID
        self.address = address
        self.executor = executor
        self.registeredAt = registeredAt
        self.txHash = txHash
        self.active = active
    }

    /// Throws a typed error for a value the schema would reject.
    public func validate() throws(HistoryError) {
        try FieldCheck.nonEmpty(name, field: "name")
        try FieldCheck.int64(chainID, field: "chain_id")
        try FieldCheck.address(address, field: "address")
        try FieldCheck.address(executor, field: "executor")
        try FieldCheck.hash(txHash, field: "tx_hash")
    }
}
