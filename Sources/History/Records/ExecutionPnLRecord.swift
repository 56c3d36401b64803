import Foundation
import GRDB

/// One row of `execution_pnl` (migration v4-pnl): an execution's realised result valued in a quote currency.
///
/// Amounts are integers in the quote's smallest unit (`quote_decimals`): `net = gross - gas - fees`, where `gross`
/// is the value of every balance change of executor and sender except gas and flash fees.
public struct ExecutionPnLRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "execution_pnl"

    /// The execution (`exe_…`).
    public var executionID: String
    /// The block the values were taken at (the inclusion block).
    public var blockNumber: UInt64
    /// The quote currency: `USD` or a token address.
    public var quote: String
    /// Decimals of the quote amounts.
    public var quoteDecimals: Int
    /// Value of the balance changes before gas and flash fees (I256 decimal text).
    public var gross: String
    /// Value of gas and the L1 data fee (U256 decimal text).
    public var gas: String
    /// Value of flash-loan fees (U256 decimal text).
    public var fees: String
    /// `gross - gas - fees` (I256 decimal text).
    public var net: String
    /// Gas plus L1 fee in wei (U256 decimal text).
    public var gasWei: String
    /// The L1 data fee in wei (U256 decimal text).
    public var l1FeeWei: String
    /// Where the prices came from (`aave_oracle:0x…@block`, `pool:0x…@block`, `identity`…).
    public var valuationSource: String
    /// The venue(s) of the route, when known (`uniswap_v2+uniswap_v3`).
    public var venue: String?
    /// The per-account, per-token raw deltas and the prices used, as JSON.
    public var deltas: String
    /// When it was recorded.
    public var recordedAt: Date

    enum CodingKeys: String, CodingKey {
        case quote, gross, gas, fees, net, venue, deltas
        case executionID = "execution_id", blockNumber = "block_number", quoteDecimals = "quote_decimals"
        case gasWei = "gas_wei", l1FeeWei = "l1_fee_wei", valuationSource = "valuation_source"
        case recordedAt = "recorded_at"
    }

    /// A record with every column given.
    public init(
        executionID: String, blockNumber: UInt64, quote: String, quoteDecimals: Int, gross: String, gas: String,
        fees: String, net: String, gasWei: String, l1FeeWei: String, valuationSource: String, venue: String?,
        deltas: String, recordedAt: Date
    ) {
        self.executionID = executionID
        self.blockNumber = blockNumber
        self.quote = quote
        self.quoteDecimals = quoteDecimals
        self.gross = gross
        self.gas = gas
        self.fees = fees
        self.net = net
        self.gasWei = gasWei
        self.l1FeeWei = l1FeeWei
        self.valuationSource = valuationSource
        self.venue = venue
        self.deltas = deltas
        self.recordedAt = recordedAt
    }

    /// Throws a typed error for a value the schema would reject.
    public func validate() throws(HistoryError) {
        try FieldCheck.nonEmpty(executionID, field: "execution_id")
        try FieldCheck.int64(blockNumber, field: "block_number")
        try FieldCheck.nonEmpty(quote, field: "quote")
        guard (0...77).contains(quoteDecimals) else {
            throw .invalidField(field: "quote_decimals", value: "\(quoteDecimals)", reason: "expected 0...77")
        }
        try DecimalText.validateSigned(gross, field: "gross")
        try DecimalText.validateUnsigned(gas, field: "gas")
        try DecimalText.validateUnsigned(fees, field: "fees")
        try DecimalText.validateSigned(net, field: "net")
        try DecimalText.validateUnsigned(gasWei, field: "gas_wei")
        try DecimalText.validateUnsigned(l1FeeWei, field: "l1_fee_wei")
        try FieldCheck.nonEmpty(valuationSource, field: "valuation_source")
        if let venue { try FieldCheck.nonEmpty(venue, field: "venue") }
        try FieldCheck.json(deltas, field: "deltas")
    }
}
