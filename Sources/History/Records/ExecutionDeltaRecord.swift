import Foundation
import GRDB

/// One row of `execution_deltas` (migration v3-execution-deltas): a per-token balance change of one holder in
/// one execution, as simulated (lens) or as realised (receipt logs, gas and value).
public struct ExecutionDeltaRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "execution_deltas"

    /// The execution (`exe_…`).
    public var executionID: String
    /// `simulated` or `realised`.
    public var source: String
    /// The holder (EIP-55).
    public var holder: String
    /// The token (EIP-55; the zero address is native ETH).
    public var token: String
    /// The signed change (I256 decimal text).
    public var delta: String

    enum CodingKeys: String, CodingKey {
        case source, holder, token, delta
        case executionID = "execution_id"
    }

    /// A row value.
    public init(executionID: String, source: String, holder: String, token: String, delta: String) {
        self.executionID = executionID
        self.source = source
        self.holder = holder
        self.token = token
        self.delta = delta
    }

    /// Throws a typed error for a value the schema would reject.
    public func validate() throws(HistoryError) {
        try FieldCheck.address(holder, field: "holder")
        try FieldCheck.address(token, field: "token")
        try DecimalText.validateSigned(delta, field: "delta")
    }
}

extension HistoryStore {
    /// Inserts (or replaces) delta rows in one transaction.
    public func recordExecutionDeltas(_ rows: [ExecutionDeltaRecord]) throws(HistoryError) {
        for r in rows { try r.validate() }
        try write { db in for r in rows { try r.save(db) } }
    }

    /// The delta rows of one execution (`source` nil: both kinds), in a stable order.
    public func executionDeltas(id: String, source: String? = nil) throws(HistoryError) -> [ExecutionDeltaRecord] {
        try read { db in
            var r = ExecutionDeltaRecord.filter(Column("execution_id") == id)
            if let source { r = r.filter(Column("source") == source) }
            return try r.order(Column("source"), Column("holder"), Column("token")).fetchAll(db)
        }
    }
}
