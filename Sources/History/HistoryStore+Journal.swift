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

    /// Inserts a journal row, or (same hash) records its new state, `ever_accepted`, and any broadcast time,
    /// block and receipt status it now has; `created_at`, the bytes and the intent key never change.
    public func recordTransaction(_ record: TransactionRecord) throws(HistoryError) {
        try record.validate()
        try write { db in
            try db.execute(
                sql: """
                    UPDATE transactions SET state = ?, ever_accepted = max(ever_accepted, ?),
                      broadcast_at = coalesce(broadcast_at, ?), included_block = coalesce(?, included_block),
                      receipt_status = coalesce(?, receipt_status)
                    WHERE hash = ?
                    """,
                arguments: [
                    record.state, record.everAccepted, record.broadcastAt, record.includedBlock.map { Int64($0) },
                    record.receiptStatus, record.hash,
                ])
            if db.changesCount == 0 { try record.insert(db) }
        }
    }

    /// Every journaled transaction of `sender` on `chainID`, in the order they were journaled.
    public func transactions(chainID: UInt64, sender: String) throws(HistoryError) -> [TransactionRecord] {
        try read { db in
            try TransactionRecord.fetchAll(
                db, sql: "SELECT * FROM transactions WHERE chain_id = ? AND sender = ? COLLATE NOCASE ORDER BY rowid",
                arguments: [Int64(clamping: chainID), sender])
        }
    }

    /// What `journalNewTransaction` did.
    public enum JournalInsert: Sendable, Equatable {
        /// A new row was written with a freshly reserved nonce.
        case created(TransactionRecord)
        /// The intent key was already journaled: its latest row (a replacement when there is one); nothing written.
        case existing(TransactionRecord)
    }

    /// Reserves a nonce and journals the transaction built for it, in ONE immediate transaction, so a process
    /// killed at any point leaves either both (a journaled row holding the nonce) or neither (no gap).
    ///
    /// If `intentKey` is already journaled for `sender`, returns that row and writes nothing (idempotent across
    /// processes). Otherwise the nonce is max(stored next, `chainPending`); `make` builds and signs the row for it
    /// (it runs while the write lock is held: keep it local and fast). When `make` fails nothing is written.
    public func journalNewTransaction<E: Error>(
        chainID: UInt64, sender: String, intentKey: String, chainPending: UInt64,
        make: (UInt64) -> Result<TransactionRecord, E>
    ) throws(HistoryError) -> Result<JournalInsert, E> {
        try FieldCheck.int64(chainID, field: "chain_id")
        try FieldCheck.address(sender, field: "sender")
        try FieldCheck.nonEmpty(intentKey, field: "intent_key")
        try FieldCheck.int64(chainPending, field: "chain_pending")
        let key = sender.lowercased()
        return try write { db -> Result<JournalInsert, E> in
            if let found = try TransactionRecord.fetchOne(
                db,
                sql: """
                    SELECT * FROM transactions WHERE chain_id = ? AND sender = ? COLLATE NOCASE AND intent_key = ?
                    ORDER BY rowid DESC LIMIT 1
                    """,
                arguments: [Int64(chainID), key, intentKey])
            {
                return .success(.existing(found))
            }
            let stored = try NonceRecord.fetchOne(db, key: ["chain_id": Int64(chainID), "address": key])
            let nonce = max(stored?.nextNonce ?? 0, chainPending)
            guard nonce < UInt64(Int64.max) else {
                throw HistoryError.integerOutOfRange(field: "next_nonce", value: nonce)
            }
            switch make(nonce) {
            case .failure(let e):
                return .failure(e)
            case .success(var record):
                guard record.nonce == nonce, record.chainID == chainID, record.sender.lowercased() == key else {
                    throw HistoryError.invalidField(
                        field: "nonce", value: "\(record.nonce)", reason: "journal row does not match reserved \(nonce)")
                }
                record.intentKey = intentKey
                try record.validate()
                try record.insert(db)
                try NonceRecord(chainID: chainID, address: key, nextNonce: nonce + 1, updatedAt: Date()).save(db)
                return .success(.created(record))
            }
        }
    }

    /// Gives back `nonce` when it is the last one handed out (stored next == nonce + 1): used when the node
    /// refused the transaction before any node accepted it. Returns whether it was given back (false when a
    /// later nonce was handed out meanwhile: then the caller must fill the gap or reset after reconciling).
    @discardableResult
    public func releaseNonce(chainID: UInt64, address: String, nonce: UInt64) throws(HistoryError) -> Bool {
        try FieldCheck.int64(chainID, field: "chain_id")
        try FieldCheck.address(address, field: "address")
        try FieldCheck.int64(nonce, field: "nonce")
        return try write { db in
            try db.execute(
                sql: """
                    UPDATE nonces SET next_nonce = ?, updated_at = ?
                    WHERE chain_id = ? AND address = ? AND next_nonce = ?
                    """,
                arguments: [Int64(nonce), Date(), Int64(chainID), address.lowercased(), Int64(nonce) + 1])
            return db.changesCount > 0
        }
    }
}
