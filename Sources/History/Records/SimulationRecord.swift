import Foundation
import GRDB

/// One row of `simulations`: the outcome of simulating a plan at one block.
public struct SimulationRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "simulations"

    /// `sim_<hex>` identifier.
    public var id: String
    /// The simulated opportunity, if any.
    public var opportunityID: String?
    /// When it ran.
    public var createdAt: Date
    /// The block it was simulated at.
    public var blockNumber: UInt64
    /// Whether the call succeeded (false: reverted).
    public var success: Bool
    /// The decoded revert reason, when reverted.
    public var revertReason: String?
    /// Gas used.
    public var gasUsed: UInt64
    /// Balance deltas as JSON text.
    public var deltas: String
    /// Net profit (I256 decimal text).
    public var netProfit: String

    enum CodingKeys: String, CodingKey {
        case id, success, deltas
        case opportunityID = "opportunity_id", createdAt = "created_at", blockNumber = "block_number"
        case revertReason = "revert_reason", gasUsed = "gas_used", netProfit = "net_profit"
    }

    /// A record with every column given.
    public init(
        id: String = HistoryID.simulation(), opportunityID: String?, createdAt: Date, blockNumber: UInt64,
        success: Bool, revertReason: String? = nil, gasUsed: UInt64, deltas: String, netProfit: String
    ) {
        self.id = id
        self.opportunityID = opportunityID
        self.createdAt = createdAt
        self.blockNumber = blockNumber
        self.success = success
        self.revertReason = revertReason
        self.gasUsed = gasUsed
        self.deltas = deltas
        self.netProfit = netProfit
    }

    /// Throws a typed error for a value the schema would reject.
    public func validate() throws(HistoryError) {
        try FieldCheck.int64(blockNumber, field: "block_number")
        try FieldCheck.int64(gasUsed, field: "gas_used")
        try FieldCheck.json(deltas, field: "deltas")
        try DecimalText.validateSigned(netProfit, field: "net_profit")
    }
}
