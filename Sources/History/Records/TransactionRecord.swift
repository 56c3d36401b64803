import Foundation
import GRDB

/// One row of `transactions`, the journal: a signed transaction written before it is broadcast.
public struct TransactionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "transactions"

    /// The transaction hash (0x + 64 hex).
    public var hash: String
    /// EIP-155 chain id.
    public var chainID: UInt64
    /// The sending address.
    public var sender: String
    /// The nonce.
    public var nonce: UInt64
    /// The raw signed transaction as 0x-hex.
    public var raw: String
    /// Its state.
    public var state: TransactionState
    /// The hash of the transaction this one replaces (same nonce, higher fees).
    public var replaces: String?
    /// When it was journaled.
    public var createdAt: Date
    /// When it was broadcast.
    public var broadcastAt: Date?
    /// The block that included it.
    public var includedBlock: UInt64?
    /// The receipt status (1 success, 0 failure).
    public var receiptStatus: Int?
    /// The sender's idempotency key (replacements share it); nil for rows journaled before v2.
    public var intentKey: String?
    /// Whether a node ever accepted it.
    public var everAccepted: Bool

    enum CodingKeys: String, CodingKey {
        case hash, sender, nonce, raw, state, replaces
        case chainID = "chain_id", createdAt = "created_at", broadcastAt = "broadcast_at"
        case includedBlock = "included_block", receiptStatus = "receipt_status"
        case intentKey = "intent_key", everAccepted = "ever_accepted"
    }

    /// A journal entry; `state` defaults to `.journaled`.
    public init(
        hash: String, chainID: UInt64, sender: String, nonce: UInt64, raw: String,
        state: TransactionState = .journaled, replaces: String? = nil, createdAt: Date, broadcastAt: Date? = nil,
        includedBlock: UInt64? = nil, receiptStatus: Int? = nil, intentKey: String? = nil, everAccepted: Bool = false
    ) {
        self.hash = hash
        self.chainID = chainID
        self.sender = sender
        self.nonce = nonce
        self.raw = raw
        self.state = state
        self.replaces = replaces
        self.createdAt = createdAt
        self.broadcastAt = broadcastAt
        self.includedBlock = includedBlock
        self.receiptStatus = receiptStatus
        self.intentKey = intentKey
        self.everAccepted = everAccepted
    }

    /// Throws a typed error for a value the schema would reject.
    public func validate() throws(HistoryError) {
        try FieldCheck.hash(hash, field: "hash")
        try FieldCheck.int64(chainID, field: "chain_id")
        try FieldCheck.address(sender, field: "sender")
        try FieldCheck.int64(nonce, field: "nonce")
        try FieldCheck.hex(raw, field: "raw")
        try FieldCheck.hash(replaces, field: "replaces")
        try FieldCheck.int64(includedBlock, field: "included_block")
        if let intentKey { try FieldCheck.nonEmpty(intentKey, field: "intent_key") }
    }
}
