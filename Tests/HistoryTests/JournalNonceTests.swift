import Foundation
import GRDB
import Testing

@testable import History

@Suite struct JournalNonceTests {
    struct Refused: Error, Equatable {}

    func row(_ nonce: UInt64, hashByte: Int, intent: String? = nil) -> TransactionRecord {
        TransactionRecord(
            hash: "0x" + String(repeating: String(format: "%02x", hashByte), count: 32), chainID: 1,
            sender: Fixture.sender, nonce: nonce, raw: "0x02", createdAt: Fixture.date(0), intentKey: intent)
    }

    @Test func v1RowsSurviveTheV2RebuildAndFailedIsAState() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        try FileManager.default.createDirectory(
            atPath: (temp.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        do {
            let pool = try DatabasePool(path: temp.path)
            try HistoryMigrations.migrator().migrate(pool, upTo: "v1-initial")
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO transactions (hash, chain_id, sender, nonce, raw, state, created_at)
                        VALUES (?, 1, ?, 4, '0x01', 'included', '2026-01-01 00:00:00.000')
                        """, arguments: [Fixture.txHash, Fixture.sender])
            }
            try pool.close()
        }
        let store = try temp.open()
        #expect(try store.appliedMigrations() == ["v1-initial", "v2-transaction-intents", "v3-execution-deltas", "v4-pnl", "v5-pnl-denormalised"])
        let old = try #require(try store.transaction(hash: Fixture.txHash))
        #expect(old.nonce == 4 && old.state == .included && old.everAccepted && old.intentKey == nil)
        try store.updateTransaction(hash: Fixture.txHash, state: .failed)
        #expect(try store.transaction(hash: Fixture.txHash)?.state == .failed)
    }

    @Test func journalNewReservesAndWritesAtomicallyAndIsIdempotentPerIntent() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        let first = try store.journalNewTransaction(
            chainID: 1, sender: Fixture.sender, intentKey: "a", chainPending: 7
        ) { n -> Result<TransactionRecord, Refused> in .success(row(n, hashByte: 1)) }
        #expect(try first.get() == .created(row(7, hashByte: 1, intent: "a")))
        // Same intent: the existing row, no new nonce.
        let again = try store.journalNewTransaction(
            chainID: 1, sender: Fixture.sender, intentKey: "a", chainPending: 7
        ) { n -> Result<TransactionRecord, Refused> in .success(row(n, hashByte: 2)) }
        #expect(try again.get() == .existing(row(7, hashByte: 1, intent: "a")))
        // A failing builder writes nothing and leaves no gap.
        let refused = try store.journalNewTransaction(
            chainID: 1, sender: Fixture.sender, intentKey: "b", chainPending: 0
        ) { _ -> Result<TransactionRecord, Refused> in .failure(Refused()) }
        #expect(refused == .failure(Refused()))
        #expect(try store.storedNextNonce(chainID: 1, address: Fixture.sender) == 8)
        let b = try store.journalNewTransaction(
            chainID: 1, sender: Fixture.sender, intentKey: "b", chainPending: 0
        ) { n -> Result<TransactionRecord, Refused> in .success(row(n, hashByte: 3)) }
        #expect(try b.get() == .created(row(8, hashByte: 3, intent: "b")))
        #expect(try store.transactions(chainID: 1, sender: Fixture.sender).map(\.nonce) == [7, 8])
    }

    @Test func releaseGivesBackOnlyTheLastNonce() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        #expect(try store.reserveNonce(chainID: 1, address: Fixture.sender, chainPending: 3) == 3)
        #expect(try store.reserveNonce(chainID: 1, address: Fixture.sender, chainPending: 3) == 4)
        #expect(try store.releaseNonce(chainID: 1, address: Fixture.sender, nonce: 3) == false)
        #expect(try store.releaseNonce(chainID: 1, address: Fixture.sender, nonce: 4))
        #expect(try store.reserveNonce(chainID: 1, address: Fixture.sender, chainPending: 3) == 4)
    }

    @Test func recordTransactionInsertsThenUpdatesStateKeepingCreation() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        var r = row(0, hashByte: 9, intent: "x")
        try store.recordTransaction(r)
        r.state = .included
        r.everAccepted = true
        r.includedBlock = 12
        r.receiptStatus = 1
        r.createdAt = Fixture.date(100)
        try store.recordTransaction(r)
        let got = try #require(try store.transaction(hash: r.hash))
        #expect(got.state == .included && got.everAccepted && got.includedBlock == 12 && got.receiptStatus == 1)
        #expect(got.createdAt == Fixture.date(0))
    }
}
