import Foundation
import GRDB

/// One row of `scan_cursors`: the last block a named scanner has processed.
public struct ScanCursorRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "scan_cursors"

    /// The cursor name (the key).
    public var name: String
    /// EIP-155 chain id.
    public var chainID: UInt64
    /// The last processed block.
    public var blockNumber: UInt64
    /// When it last moved.
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case name
        case chainID = "chain_id", blockNumber = "block_number", updatedAt = "updated_at"
    }

    /// A record with every column given.
    public init(name: String, chainID: UInt64, blockNumber: UInt64, updatedAt: Date) {
        self.name = name
        self.chainID = chainID
        self.blockNumber = blockNumber
        self.updatedAt = updatedAt
    }
}
