import Chain
import Foundation
import Primitives
import Testing

@Suite(.enabled(if: Devnet.available, Devnet.reason)) struct SendTests {
    func sender(account: Int, url: String? = nil, journal: HistoryJournal? = nil, timeout: Duration = .seconds(20))
        throws -> TransactionSender
    {
        try TransactionSender(client: Devnet.client(url), signer: LocalSigner(key: try Devnet.key(account), source: "test"),
                          journal: journal ?? HistoryJournal(path: Devnet.tempPath("journal")), chainID: 31337,
                          receiptTimeout: timeout, pollInterval: .milliseconds(50))
    }

    @Test func allThreeTypesMinedWithDecodedReceiptsAndLogs() async throws {
        let s = try sender(account: 3)
        let weth = try Devnet.address("tokens", "WETH", "address")
        let deposit: [UInt8] = [0xd0, 0xe3, 0x0d, 0xb0]
        for (i, type) in [TransactionType.legacy, .accessList, .dynamicFee].enumerated() {
            let out = try await s.send(TxIntent(key: "types-\(UUID())-\(i)", to: weth, value: U256(1000), data: deposit, type: type))
            #expect(out.state == .included, "\(type)")
            let r = try #require(out.receipt)
            #expect(r.type == UInt64(type.rawValue) && r.succeeded && r.logs.count == 1)
            #expect(r.logs[0].address == weth && r.logs[0].data == U256(1000).bigEndianBytes)
            #expect(try await s.client.transaction(out.hash)?.nonce == out.nonce)
        }
    }

    @Test func concurrentSendsGetDistinctConsecutiveNonces() async throws {
        let s = try sender(account: 4)
        let me = s.signer.address
        let start = try await s.client.transactionCount(of: me, at: .pending)
        let outs = try await withThrowingTaskGroup(of: TxOutcome.self) { g in
            for i in 0..<12 {
                g.addTask { try await s.send(TxIntent(key: "conc-\(UUID())-\(i)", to: me, gasLimit: 21_000)) }
            }
            var all: [TxOutcome] = []
            for try await o in g { all.append(o) }
            return all
        }
        #expect(outs.map(\.nonce).sorted() == Array(start..<start + 12))
        #expect(outs.allSatisfy { $0.state == .included })
    }

    @Test func replacementMinesInsteadOfTheStuckOriginal() async throws {
        let proxy = try FaultProxy()
        let journal = try HistoryJournal(path: Devnet.tempPath("replace"))
        // The black hole answers "accepted" but never forwards, so the original is stuck.
        let stuck = try sender(account: 5, url: proxy.path("blackhole"), journal: journal, timeout: .milliseconds(300))
        let me = stuck.signer.address
        let first = try await stuck.send(TxIntent(key: "replace-\(UUID())", to: me, value: U256(1), gasLimit: 21_000))
        #expect(first.state == .pending)
        let live = try sender(account: 5, journal: journal)
        let second = try await live.replace(first.hash)
        #expect(second.state == .included && second.nonce == first.nonce && second.hash != first.hash)
        let orig = try #require(try await live.reconcile().first { $0.hash == first.hash } ?? nil)
        #expect(orig.state == .replaced)
        let origTx = try SignedTransaction.decode(hex: try #require(journal.entries(chainID: 31337, from: me).first).raw)
        let newTx = try #require(try await live.client.transaction(second.hash))
        #expect(try #require(newTx.maxFeePerGas) >= TransactionSender.bumped(origTx.transaction.maxFeePerGas))
        #expect(try #require(newTx.maxPriorityFeePerGas) >= TransactionSender.bumped(origTx.transaction.maxPriorityFeePerGas))
    }

    @Test func crashBeforeAndAfterBroadcastReconcilesWithoutResending() async throws {
        let journal = try HistoryJournal(path: Devnet.tempPath("crash"))
        let key = try Devnet.key(6)
        let client = try Devnet.client()
        let me = try Address(bytes: key.addressBytes)
        let n0 = try await client.transactionCount(of: me, at: .pending)
        let fee = try await FeeOracle().estimate(client: client)
        func signed(_ nonce: UInt64) -> SignedTransaction {
            Transaction.dynamicFee(chainID: 31337, nonce: nonce, maxPriorityFeePerGas: U256(1_000_000_000),
                                   maxFeePerGas: fee.maxPerGas, gasLimit: 21_000, to: me, value: U256(nonce)).signed(with: key)
        }
        // Run 1 "crashes" after broadcasting A (journal still says journaled) and before broadcasting B.
        let a = signed(n0)
        try journal.write(JournalEntry(intentKey: "crash-A", signed: a, from: me))
        #expect(try await client.sendRawTransaction(a) == a.hash)
        let b = signed(n0 + 1)
        try journal.write(JournalEntry(intentKey: "crash-B", signed: b, from: me))
        // Run 2: a fresh sender reconciles before sending anything new.
        let s = TransactionSender(client: client, signer: LocalSigner(key: key, source: "t"), journal: journal,
                                  chainID: 31337, pollInterval: .milliseconds(50))
        let rec = try await s.reconcile()
        #expect(Set(rec.map(\.hash)) == [a.hash, b.hash])
        #expect(rec.allSatisfy { $0.state == .included })
        // The same intents sent again are answered from the journal, not re-sent.
        let again = try await s.send(TxIntent(key: "crash-A", to: me, gasLimit: 21_000))
        #expect(again.hash == a.hash && again.state == .included)
        #expect(try await client.transactionCount(of: me, at: .latest) == n0 + 2)
    }
}
