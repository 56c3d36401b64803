import Foundation
import Primitives
import Testing

@testable import History

@Suite struct QueryTests {
    @Test func opportunityFiltersByTimeStrategyStatusAndLimit() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        for i in 0..<10 {
            try store.recordOpportunity(
                Fixture.opportunity(
                    at: i * 60, strategy: i % 2 == 0 ? "spatial" : "triangular",
                    status: i < 5 ? .detected : .rejected))
        }
        #expect(try store.listOpportunities().count == 10)
        let window = try store.listOpportunities(filter: .init(since: Fixture.date(120), until: Fixture.date(300)))
        #expect(window.map(\.createdAt) == [Fixture.date(240), Fixture.date(180), Fixture.date(120)])
        #expect(try store.listOpportunities(filter: .init(strategy: "spatial")).count == 5)
        #expect(try store.listOpportunities(filter: .init(statuses: [.rejected])).count == 5)
        let combined = try store.listOpportunities(
            filter: .init(strategy: "triangular", statuses: [.detected], limit: 1))
        #expect(combined.map(\.createdAt) == [Fixture.date(180)])
        #expect(try store.listOpportunities(filter: .init(chainID: 10)).isEmpty)

        let first = try #require(combined.first)
        try store.setOpportunityStatus(id: first.id, to: .executed)
        #expect(try store.opportunity(id: first.id)?.status == .executed)
        #expect(throws: HistoryError.notFound(table: "opportunities", key: "opp_ff")) {
            try store.setOpportunityStatus(id: "opp_ff", to: .expired)
        }
    }

    @Test func transitionGuardsTheExpectedState() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        let exe = Fixture.execution()
        try store.upsertExecution(exe)
        let signed = try store.transitionExecution(id: exe.id, from: .built, to: .signed, at: Fixture.date(9)) {
            $0.txHash = Fixture.txHash
            $0.nonce = 3
        }
        #expect(signed.state == .signed && signed.updatedAt == Fixture.date(9))
        #expect(try store.execution(id: exe.id) == signed)

        let conflict = #expect(throws: HistoryError.self) {
            try store.transitionExecution(id: exe.id, from: .built, to: .journaled)
        }
        #expect(conflict == .stateConflict(id: exe.id, expected: "built", found: "signed"))
        #expect(try store.execution(id: exe.id)?.state == .signed)
        #expect(throws: HistoryError.notFound(table: "executions", key: "exe_00")) {
            try store.transitionExecution(id: "exe_00", from: .built, to: .signed)
        }
        // A change that breaks validation rolls the whole transition back.
        #expect(throws: HistoryError.self) {
            try store.transitionExecution(id: exe.id, from: .signed, to: .journaled) { $0.fees = "-1" }
        }
        #expect(try store.execution(id: exe.id)?.state == .signed)
    }

    @Test func streamingSumsWeiBeyondSQLiteIntegers() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        let big = U256(UInt64.max).description  // 20 digits: sum() would overflow int64
        for i in 0..<20 {
            try store.upsertExecution(
                Fixture.execution(at: i, strategy: "s", state: i == 0 ? .failed : .included, netProfit: big))
        }
        var total = U256.zero
        var count = 0
        try store.forEachExecution(filter: .init(states: [.included])) { record in
            if let text = record.netProfit, let value = try? U256(decimalDigits: text) { total += value }
            count += 1
            return true
        }
        #expect(count == 19)
        #expect(total == U256(UInt64.max).multipliedAdding(19, 0).0)
        var seen = 0
        try store.forEachExecution { _ in
            seen += 1
            return seen < 3
        }
        #expect(seen == 3)
        #expect(try store.listExecutions(filter: .init(states: [.failed])).count == 1)
        #expect(try store.listExecutions(filter: .init(limit: 4)).map(\.createdAt).first == Fixture.date(19))
    }

    @Test func journalPendingAndNonceReservation() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        for (i, state) in [TransactionState.journaled, .included, .broadcast].enumerated() {
            let hash = "0x" + String(repeating: "0\(i)", count: 32)
            try store.journalTransaction(
                TransactionRecord(
                    hash: hash, chainID: 1, sender: Fixture.sender, nonce: UInt64(2 - i), raw: "0x00", state: state,
                    createdAt: Fixture.date(i)))
        }
        let pending = try store.pendingTransactions(chainID: 1, sender: Fixture.sender.uppercased())
        #expect(pending.map(\.nonce) == [0, 2])
        try store.updateTransaction(hash: pending[0].hash, state: .included, includedBlock: 77, receiptStatus: 1)
        #expect(try store.pendingTransactions(chainID: 1, sender: Fixture.sender).map(\.nonce) == [2])
        #expect(try store.transaction(hash: pending[0].hash)?.includedBlock == 77)

        #expect(try store.reserveNonce(chainID: 1, address: Fixture.sender, chainPending: 5) == 5)
        #expect(try store.reserveNonce(chainID: 1, address: Fixture.sender, chainPending: 5) == 6)
        #expect(try store.reserveNonce(chainID: 1, address: Fixture.sender, chainPending: 10) == 10)
        #expect(try store.storedNextNonce(chainID: 1, address: Fixture.sender) == 11)
        #expect(try store.reserveNonce(chainID: 5, address: Fixture.sender, chainPending: 0) == 0)
        try store.resetNonce(chainID: 1, address: Fixture.sender, next: 3)
        #expect(try store.reserveNonce(chainID: 1, address: Fixture.sender, chainPending: 0) == 3)
    }

    @Test func strategiesCursorsAndPriceRanges() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        for (name, chain) in [("b", UInt64(1)), ("a", 1), ("a", 10)] {
            try store.upsertStrategy(
                StrategyRecord(
                    name: name, chainID: chain, address: Fixture.weth, executor: Fixture.sender,
                    registeredAt: Fixture.date(0)))
        }
        try store.deactivateStrategy(name: "b", chainID: 1)
        #expect(try store.listStrategies(chainID: 1, activeOnly: true).map(\.name) == ["a"])
        #expect(try store.listStrategies().count == 3)
        #expect(throws: HistoryError.self) { try store.deactivateStrategy(name: "zz", chainID: 1) }

        #expect(try store.cursor(name: "x") == nil)
        try store.setCursor(name: "x", chainID: 1, blockNumber: 10)
        try store.setCursor(name: "x", chainID: 1, blockNumber: 8)
        #expect(try store.cursor(name: "x")?.blockNumber == 8)

        let observations = (0..<50).map { block in
            PriceObservationRecord(
                chainID: 1, pool: Fixture.pool, blockNumber: UInt64(block), token0: Fixture.weth,
                token1: Fixture.sender, priceWad: "\(block + 1)000000000000000000", observedAt: Fixture.date(block))
        }
        #expect(try store.appendPrices(observations).count == 50)
        let range = try store.prices(pool: Fixture.pool, blocks: 10...19)
        #expect(range.map(\.blockNumber) == Array(10...19))
        #expect(try store.prices(pool: Fixture.weth, blocks: 0...100).isEmpty)
    }
}
