import Foundation
import Primitives
import Testing

@testable import Chain

@Suite struct HistoryJournalTests {
    let key: PrivateKey
    let me: Address
    let path = NSTemporaryDirectory() + "defi-chain-journal-\(UUID().uuidString)/history.sqlite"

    init() throws {
        key = try PrivateKey(hex: "0x" + String(repeating: "11", count: 32))
        me = try Address(bytes: key.addressBytes)
    }

    func signed(_ nonce: UInt64) -> SignedTransaction {
        Transaction.dynamicFee(chainID: 31337, nonce: nonce, maxPriorityFeePerGas: U256(1), maxFeePerGas: U256(2),
                               gasLimit: 21_000, to: me, value: U256(nonce)).signed(with: key)
    }

    @Test func entriesRoundTripThroughTheStoreInWriteOrder() throws {
        let j = try HistoryJournal(path: path)
        var a = JournalEntry(intentKey: "a", signed: signed(5), from: me)
        let b = JournalEntry(intentKey: "b", signed: signed(6), from: me)
        try j.write(a)
        try j.write(b)
        a.state = .included
        a.everAccepted = true
        a.includedBlock = 9
        a.receiptStatus = 1
        try j.write(a)
        #expect(try j.entries(chainID: 31337, from: me) == [a, b])
        #expect(try j.entries(chainID: 1, from: me).isEmpty)
        // A second handle on the same file (another process in production) sees the same rows.
        #expect(try HistoryJournal(path: path).entries(chainID: 31337, from: me) == [a, b])
    }

    @Test func journalNewIsIdempotentPerIntentAndASigningFailureLeavesNoGap() throws {
        let j = try HistoryJournal(path: path)
        let failed = try j.journalNew(chainID: 31337, from: me, intentKey: "x", chainPending: 3) { _ in
            .failure(.signer(SignerError.noPassword))
        }
        #expect(throws: SendError.self) { try failed.get() }
        let made = try j.journalNew(chainID: 31337, from: me, intentKey: "x", chainPending: 3) { n in
            .success(JournalEntry(intentKey: "x", signed: signed(n), from: me))
        }
        let entry = JournalEntry(intentKey: "x", signed: signed(3), from: me)
        #expect(try made.get() == .created(entry))
        let again = try j.journalNew(chainID: 31337, from: me, intentKey: "x", chainPending: 3) { n in
            .success(JournalEntry(intentKey: "x", signed: signed(n + 100), from: me))
        }
        #expect(try again.get() == .existing(entry))
        #expect(try j.reserveNonce(chainID: 31337, from: me, chainPending: 0) == 4)
        #expect(try j.releaseNonce(chainID: 31337, from: me, nonce: 4))
        #expect(try j.reserveNonce(chainID: 31337, from: me, chainPending: 0) == 4)
    }
}
