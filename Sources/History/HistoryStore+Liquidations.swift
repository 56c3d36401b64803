import Foundation
import GRDB

extension HistoryStore {
    /// Records newly discovered borrowers and moves the protocol's cursor in ONE transaction, so a run killed
    /// midway never advances the cursor past borrowers it did not store. Known borrowers keep their row; new ones
    /// get `placeholder` (health factor max, status healthy) until their first health check.
    /// Returns how many rows were new.
    @discardableResult
    public func indexBorrowers(
        protocolName: String, chainID: UInt64, borrowers: [String], discoveredAt block: UInt64, cursorName: String,
        cursorBlock: UInt64, at time: Date = Date()
    ) throws(HistoryError) -> Int {
        try FieldCheck.nonEmpty(cursorName, field: "name")
        try FieldCheck.int64(cursorBlock, field: "block_number")
        let fresh = borrowers.map { b in
            LiquidationPositionRecord(
                protocolName: protocolName, chainID: chainID, borrower: b,
                healthFactor: "115792089237316195423570985008687907853269984665640564039457584007913129639935",
                debt: "[]", collateral: "[]", lastCheckedBlock: block, status: .healthy, updatedAt: time)
        }
        for r in fresh { try r.validate() }
        let cursor = ScanCursorRecord(name: cursorName, chainID: chainID, blockNumber: cursorBlock, updatedAt: time)
        return try write { db in
            var added = 0
            for r in fresh {
                let exists = try LiquidationPositionRecord
                    .filter(Column("protocol") == r.protocolName && Column("chain_id") == Int64(r.chainID)
                        && Column("borrower") == r.borrower)
                    .fetchCount(db) > 0
                if !exists {
                    try r.insert(db)
                    added += 1
                }
            }
            try cursor.save(db)
            return added
        }
    }

    /// Stores the results of one health check (many rows) in one transaction.
    public func recordLiquidationChecks(_ records: [LiquidationPositionRecord]) throws(HistoryError) {
        for r in records { try r.validate() }
        try write { db in for r in records { try r.save(db) } }
    }

    /// Watched positions of one protocol on one chain, in borrower order.
    public func liquidationPositions(protocolName: String, chainID: UInt64) throws(HistoryError)
        -> [LiquidationPositionRecord]
    {
        try read { db in
            try LiquidationPositionRecord
                .filter(Column("protocol") == protocolName && Column("chain_id") == Int64(chainID))
                .order(Column("borrower"))
                .fetchAll(db)
        }
    }
}
