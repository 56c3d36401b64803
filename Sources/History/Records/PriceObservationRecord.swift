import Foundation
import GRDB

/// One row of `price_observations`: a pool's mid price at a block, as a 1e18 fixed-point value or a rational.
public struct PriceObservationRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "price_observations"

    /// Row id, assigned on insert (nil before).
    public var id: Int64?
    /// EIP-155 chain id.
    public var chainID: UInt64
    /// The pool address.
    public var pool: String
    /// The block observed.
    public var blockNumber: UInt64
    /// The pool's token0.
    public var token0: String
    /// The pool's token1.
    public var token1: String
    /// Price of token0 in token1 as a 1e18 fixed-point integer (U256 decimal text), if given.
    public var priceWad: String?
    /// Exact price numerator (U256 decimal text), if given as a rational.
    public var priceNum: String?
    /// Exact price denominator (U256 decimal text, non-zero), if given as a rational.
    public var priceDen: String?
    /// When it was observed.
    public var observedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, pool, token0, token1
        case chainID = "chain_id", blockNumber = "block_number", priceWad = "price_wad"
        case priceNum = "price_num", priceDen = "price_den", observedAt = "observed_at"
    }

    /// A record with every column given; give `priceWad`, or `priceNum` and `priceDen`, or all three.
    public init(
        id: Int64? = nil, chainID: UInt64, pool: String, blockNumber: UInt64, token0: String, token1: String,
        priceWad: String? = nil, priceNum: String? = nil, priceDen: String? = nil, observedAt: Date
    ) {
        self.id = id
        self.chainID = chainID
        self.pool = pool
        self.blockNumber = blockNumber
        self.token0 = token0
        self.token1 = token1
        self.priceWad = priceWad
        self.priceNum = priceNum
        self.priceDen = priceDen
        self.observedAt = observedAt
    }

    /// Throws a typed error for a value the schema would reject.
    public func validate() throws(HistoryError) {
        try FieldCheck.int64(chainID, field: "chain_id")
        try FieldCheck.address(pool, field: "pool")
        try FieldCheck.int64(blockNumber, field: "block_number")
        try FieldCheck.address(token0, field: "token0")
        try FieldCheck.address(token1, field: "token1")
        try DecimalText.validateUnsigned(priceWad, field: "price_wad")
        try DecimalText.validateUnsigned(priceNum, field: "price_num")
        try DecimalText.validateUnsigned(priceDen, field: "price_den")
        if priceDen == "0" { throw .invalidAmount(field: "price_den", value: "0", reason: "zero denominator") }
        guard priceWad != nil || (priceNum != nil && priceDen != nil) else {
            throw .invalidField(field: "price", value: "", reason: "give price_wad or price_num and price_den")
        }
    }
}
