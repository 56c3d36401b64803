import Foundation
import GRDB

/// One row of `opportunities`: an opportunity found by a strategy at one block. Amounts are decimal text.
public struct OpportunityRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "opportunities"

    /// `opp_<hex>` identifier.
    public var id: String
    /// When it was recorded.
    public var createdAt: Date
    /// EIP-155 chain id.
    public var chainID: UInt64
    /// The block the snapshot was read at.
    public var blockNumber: UInt64
    /// The hash of that block (0x + 64 hex).
    public var blockHash: String
    /// The strategy name.
    public var strategy: String
    /// The route as JSON text.
    public var route: String
    /// Input size in the input token's smallest unit (U256 decimal text).
    public var size: String
    /// The input token address.
    public var tokenIn: String
    /// Gross profit (I256 decimal text).
    public var grossProfit: String
    /// Costs: gas, L1 fee, flash fees (U256 decimal text).
    public var costs: String
    /// Net profit (I256 decimal text).
    public var netProfit: String
    /// Net profit in USD, exact decimal text with an optional fraction ("12.5", "-0.03").
    public var netProfitUSD: String
    /// The market snapshot as JSON text, when kept.
    public var snapshot: String?
    /// What became of it.
    public var status: OpportunityStatus

    enum CodingKeys: String, CodingKey {
        case id, strategy, route, size, costs, snapshot, status
        case createdAt = "created_at", chainID = "chain_id", blockNumber = "block_number"
        case blockHash = "block_hash", tokenIn = "token_in", grossProfit = "gross_profit"
        case netProfit = "net_profit", netProfitUSD = "net_profit_usd"
    }

    /// A record with every column given.
    public init(
        id: String = HistoryID.opportunity(), createdAt: Date, chainID: UInt64, blockNumber: UInt64,
        blockHash: String, strategy: String, route: String, size: String, tokenIn: String, grossProfit: String,
        costs: String, netProfit: String, netProfitUSD: String, snapshot: String? = nil,
        status: OpportunityStatus = .detected
    ) {
        self.id = id
        self.createdAt = createdAt
        self.chainID = chainID
        self.blockNumber = blockNumber
        self.blockHash = blockHash
        self.strategy = strategy
        self.route = route
        self.size = size
        self.tokenIn = tokenIn
        self.grossProfit = grossProfit
        self.costs = costs
        self.netProfit = netProfit
        self.netProfitUSD = netProfitUSD
        self.snapshot = snapshot
        self.status = status
    }

    /// Throws a typed error for a value the schema would reject, before touching the database.
    public func validate() throws(HistoryError) {
        try FieldCheck.int64(chainID, field: "chain_id")
        try FieldCheck.int64(blockNumber, field: "block_number")
        try FieldCheck.hash(blockHash, field: "block_hash")
        try FieldCheck.nonEmpty(strategy, field: "strategy")
        try FieldCheck.json(route, field: "route")
        try DecimalText.validateUnsigned(size, field: "size")
        try FieldCheck.address(tokenIn, field: "token_in")
        try DecimalText.validateSigned(grossProfit, field: "gross_profit")
        try DecimalText.validateUnsigned(costs, field: "costs")
        try DecimalText.validateSigned(netProfit, field: "net_profit")
        try DecimalText.validateFraction(netProfitUSD, field: "net_profit_usd")
        try FieldCheck.json(snapshot, field: "snapshot")
    }
}
