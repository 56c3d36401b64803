import Foundation
import GRDB

/// One row of `executions`: one attempt to carry out a plan, following the transaction lifecycle.
public struct ExecutionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "executions"

    /// `exe_<hex>` identifier.
    public var id: String
    /// The opportunity it carries out, if any.
    public var opportunityID: String?
    /// The strategy name.
    public var strategy: String
    /// The engine (capital, flash_loan, flash_swap, bundle...).
    public var engine: String
    /// When it was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date
    /// Its lifecycle state.
    public var state: ExecutionState
    /// EIP-155 chain id.
    public var chainID: UInt64
    /// The transaction hash once signed.
    public var txHash: String?
    /// The nonce used.
    public var nonce: UInt64?
    /// The sending address.
    public var sender: String?
    /// Gas used by the receipt.
    public var gasUsed: UInt64?
    /// Effective gas price in wei (U256 decimal text).
    public var effectiveGasPrice: String?
    /// L1 data fee in wei on rollups (U256 decimal text).
    public var l1Fee: String?
    /// Gross profit in the profit token (I256 decimal text).
    public var grossProfit: String?
    /// All fees in wei (U256 decimal text).
    public var fees: String?
    /// Net profit (I256 decimal text).
    public var netProfit: String?
    /// The token profit is measured in.
    public var profitToken: String?
    /// The inclusion block.
    public var blockNumber: UInt64?
    /// A stable error code when refused or failed.
    public var errorCode: String?
    /// A human error message when refused or failed.
    public var errorMessage: String?

    enum CodingKeys: String, CodingKey {
        case id, strategy, engine, state, nonce, sender, fees
        case opportunityID = "opportunity_id", createdAt = "created_at", updatedAt = "updated_at"
        case chainID = "chain_id", txHash = "tx_hash", gasUsed = "gas_used"
        case effectiveGasPrice = "effective_gas_price", l1Fee = "l1_fee", grossProfit = "gross_profit"
        case netProfit = "net_profit", profitToken = "profit_token", blockNumber = "block_number"
        case errorCode = "error_code", errorMessage = "error_message"
    }

    /// A new execution in `state` (default `.built`); result columns start empty.
    public init(
        id: String = HistoryID.execution(), opportunityID: String? = nil, strategy: String, engine: String,
        createdAt: Date, updatedAt: Date? = nil, state: ExecutionState = .built, chainID: UInt64,
        txHash: String? = nil, nonce: UInt64? = nil, sender: String? = nil, gasUsed: UInt64? = nil,
        effectiveGasPrice: String? = nil, l1Fee: String? = nil, grossProfit: String? = nil, fees: String? = nil,
        netProfit: String? = nil, profitToken: String? = nil, blockNumber: UInt64? = nil,
        errorCode: String? = nil, errorMessage: String? = nil
    ) {
        self.id = id
        self.opportunityID = opportunityID
        self.strategy = strategy
        self.engine = engine
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.state = state
        self.chainID = chainID
        self.txHash = txHash
        self.nonce = nonce
        self.sender = sender
        self.gasUsed = gasUsed
        self.effectiveGasPrice = effectiveGasPrice
        self.l1Fee = l1Fee
        self.grossProfit = grossProfit
        self.fees = fees
        self.netProfit = netProfit
        self.profitToken = profitToken
        self.blockNumber = blockNumber
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }

    /// Throws a typed error for a value the schema would reject.
    public func validate() throws(HistoryError) {
        try FieldCheck.nonEmpty(strategy, field: "strategy")
        try FieldCheck.nonEmpty(engine, field: "engine")
        try FieldCheck.int64(chainID, field: "chain_id")
        try FieldCheck.hash(txHash, field: "tx_hash")
        try FieldCheck.int64(nonce, field: "nonce")
        try FieldCheck.address(sender, field: "sender")
        try FieldCheck.int64(gasUsed, field: "gas_used")
        try DecimalText.validateUnsigned(effectiveGasPrice, field: "effective_gas_price")
        try DecimalText.validateUnsigned(l1Fee, field: "l1_fee")
        try DecimalText.validateSigned(grossProfit, field: "gross_profit")
        try DecimalText.validateUnsigned(fees, field: "fees")
        try DecimalText.validateSigned(netProfit, field: "net_profit")
        try FieldCheck.address(profitToken, field: "profit_token")
        try FieldCheck.int64(blockNumber, field: "block_number")
    }
}
