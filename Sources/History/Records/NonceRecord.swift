import Foundation
import GRDB

/// One row of `nonces`: the next nonce to use for an address on a chain.
public struct NonceRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "nonces"

    /// EIP-155 chain id.
    public var chainID: UInt64
    /// The sending address (lower-case 0x-hex).
    public var address: String
    /// The next nonce not yet handed out.
    public var nextNonce: UInt64
    /// When it last changed.
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case address
        case chainID = "chain_id", nextNonce = "next_nonce", updatedAt = "updated_at"
    }

    /// A record with every column given.
    public init(chainID: UInt64, address: String, nextNonce: UInt64, updatedAt: Date) {
        self.chainID = chainID
        self.address = address
        self.nextNonce = nextNonce
        self.updatedAt = updatedAt
    }
}
