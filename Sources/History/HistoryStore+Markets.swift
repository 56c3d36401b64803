import Foundation
import GRDB

extension HistoryStore {
    /// The cursor with this name, if set.
    public func cursor(name: String) throws(HistoryError) -> ScanCursorRecord? {
        try read { db in try ScanCursorRecord.fetchOne(db, key: name) }
    }

    /// Sets a cursor to `blockNumber` (it may move backwards after a reorg).
    public func setCursor(name: String, chainID: UInt64, blockNumber: UInt64, at time: Date = Date())
        throws(HistoryError)
    {
        try FieldCheck.nonEmpty(name, field: "name")
        try FieldCheck.int64(chainID, field: "chain_id")
        try FieldCheck.int64(blockNumber, field: "block_number")
        let record = ScanCursorRecord(name: name, chainID: chainID, blockNumber: blockNumber, updatedAt: time)
        try write { db in try record.save(db) }
    }

    /// Appends price observations in one transaction; returns their row ids.
    @discardableResult
    public func appendPrices(_ records: [PriceObservationRecord]) throws(HistoryError) -> [Int64] {
        for record in records { try record.validate() }
        return try write { db in
            var ids: [Int64] = []
            ids.reserveCapacity(records.count)
            for var record in records {
                record.id = nil
                try record.insert(db)
                ids.append(db.lastInsertedRowID)
            }
            return ids
        }
    }

    /// Observations of `pool` (as stored, or lower-case) with block in `blocks`, by block then insertion order.
    public func prices(pool: String, blocks: ClosedRange<UInt64>) throws(HistoryError) -> [PriceObservationRecord] {
        let low = Int64(clamping: blocks.lowerBound)
        let high = Int64(clamping: blocks.upperBound)
        return try read { db in
            try PriceObservationRecord
                .filter([pool, pool.lowercased()].contains(Column("pool")))
                .filter(Column("block_number") >= low && Column("block_number") <= high)
                .order(Column("block_number"), Column("id"))
                .fetchAll(db)
        }
    }

    /// Inserts or replaces a watched lending position.
    public func upsertLiquidationPosition(_ record: LiquidationPositionRecord) throws(HistoryError) {
        try record.validate()
        try write { db in try record.save(db) }
    }

    /// Watched positions, optionally of one status, lowest health factor first.
    public func liquidationPositions(status: LiquidationStatus? = nil) throws(HistoryError)
        -> [LiquidationPositionRecord]
    {
        try read { db in
            var r = LiquidationPositionRecord.all()
            if let status { r = r.filter(Column("status") == status) }
            // Canonical decimal text orders numerically by (length, text).
            return try r.order(length(Column("health_factor")), Column("health_factor")).fetchAll(db)
        }
    }
}
