import Foundation
import GRDB

/// One row of `liquidation_positions`: a watched borrower on a lending protocol.
public struct LiquidationPositionRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "liquidation_positions"

    /// The protocol name (aave_v3, compound_v3...).
    public var protocolName: String
    /// EIP-155 chain id.
    public var chainID: UInt64
    /// The borrower address.
    public var borrower: String
    /// Health factor as a 1e18 fixed-point integer (U256 decimal text; below 1e18 is liquidatable).
    public var healthFactor: String
    /// Debt positions as JSON text.
    public var debt: String
    /// Collateral positions as JSON text.
    public var collateral: String
    /// The block of the last check.
    public var lastCheckedBlock: UInt64
    /// Watch status.
    public var status: LiquidationStatus
    /// When it last changed.
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case borrower, debt, collateral, status
        case protocolName = "protocol", chainID = "chain_id", healthFactor = "health_factor"
        case lastCheckedBlock = "last_checked_block", updatedAt = "updated_at"
    }

    /// A record with every column given.
    public init(
        protocolName: String, chainID: UInt64, borrower: String, healthFactor: String, debt: String,
        collateral: String, lastCheckedBlock: UInt64, status: LiquidationStatus, updatedAt: Date
    ) {
        self.protocolName = protocolName
        self.chainID = chainID
        self.borrower = borrower
        self.healthFactor = healthFactor
        self.debt = debt
        self.collateral = collateral
        self.lastCheckedBlock = lastCheckedBlock
        self.status = status
        self.updatedAt = updatedAt
    }

    /// Throws a typed error for a value the schema would reject.
    public func validate() throws(HistoryError) {
        try FieldCheck.nonEmpty(protocolName, field: "protocol")
        try FieldCheck.int64(chainID, field: "chain_id")
        try FieldCheck.address(borrower, field: "borrower")
        try DecimalText.validateUnsigned(healthFactor, field: "health_factor")
        try FieldCheck.json(debt, field: "debt")
        try FieldCheck.json(collateral, field: "collateral")
        try FieldCheck.int64(lastCheckedBlock, field: "last_checked_block")
    }
}
