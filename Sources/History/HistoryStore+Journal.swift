import Foundation
import GRDB

extension HistoryStore {
    /// Journals a signed transaction before it is broadcast; fails if the hash is already journaled.
    public func journalTransaction(_ record: TransactionRecord) throws(HistoryError) {
        try record.validate()
        try write { db in try record.insert(db) }
    }

    /// The journaled transaction with this hash, if any.
    public func transaction(hash: String) throws(HistoryError) -> TransactionRecord? {
        try read { db in try TransactionRecord.fetchOne(db, key: hash) }
    }

    /// Records what became of a journaled transaction; nil arguments leave their column unchanged.
    public func updateTransaction(
        hash: String, state: TransactionState, broadcastAt: Date? = nil, includedBlock: UInt64? = nil,
        receiptStatus: Int? = nil
    ) throws(HistoryError) {
        try FieldCheck.int64(includedBlock, field: "included_block")
        try write { db in
            try db.execute(
                sql: """
                    UPDATE transactions SET state = ?, broadcast_at = coalesce(?, broadcast_at),
                      included_block = coalesce(?, included_block), receipt_status = coalesce(?, receipt_status)
                    WHERE hash = ?
                    """,
                arguments: [state, broadcastAt, includedBlock.map { Int64($0) }, receiptStatus, hash])
            if db.changesCount == 0 { throw HistoryError.notFound(table: "transactions", key: hash) }
        }
    }

    /// Transactions of `sender` on `chainID` whose outcome is unknown (journaled, broadcast, pending), by nonce.
    public func pendingTransactions(chainID: UInt64, sender: String) throws(HistoryError) -> [TransactionRecord] {
        try read { db in
            try TransactionRecord
                .filter(Column("chain_id") == Int64(clamping: chainID))
                .filter(Column("sender").collating(.nocase) == sender)
                .filter(TransactionState.unresolved.contains(Column("state")))
                .order(Column("nonce"), Column("created_at"))
                .fetchAll(db)
        }
    }

    /// Atomically hands out the next nonce: max(stored next, `chainPending`), storing it + 1.
    ///
    /// Runs in one IMMEDIATE transaction, so two processes (or two stores on one file) never get the same nonce.
    /// `chainPending` is the node's `eth_getTransactionCount(address, "pending")`.
    public func reserveNonce(chainID: UInt64, address: String, chainPending: UInt64) throws(HistoryError) -> UInt64 {
        try FieldCheck.int64(chainID, field: "chain_id")
        try FieldCheck.address(address, field: "address")
        try FieldCheck.int64(chainPending, field: "chain_pending")
        let key = address.lowercased()
        return try write { db in
            let stored = try NonceRecord.fetchOne(db, key: ["chain_id": Int64(chainID), "address": key])
            let nonce = max(stored?.nextNonce ?? 0, chainPending)
            guard nonce < UInt64(Int64.max) else {
                throw HistoryError.integerOutOfRange(field: "next_nonce", value: nonce)
            }
            try NonceRecord(chainID: chainID, address: key, nextNonce: nonce + 1, updatedAt: Date()).save(db)
            return nonce
        }
    }

    /// The stored next nonce for an address, if any.
    public func storedNextNonce(chainID: UInt64, address: String) throws(HistoryError) -> UInt64? {
        try read { db in
            try NonceRecord.fetchOne(db, key: ["chain_id": Int64(clamping: chainID), "address": address.lowercased()])?
                .nextNonce
        }
    }

    /// Overwrites the stored next nonce (after reconciling with the chain, e.g. a dropped transaction).
    public func resetNonce(chainID: UInt64, address: String, next: UInt64) throws(HistoryError) {
        try FieldCheck.int64(chainID, field: "chain_id")
        try FieldCheck.address(address, field: "address")
        try FieldCheck.int64(next, field: "next_nonce")
        let record = NonceRecord(chainID: chainID, address: address.lowercased(), nextNonce: next, updatedAt: Date())
        try write { db in try record.save(db) }
    }
}
