import DeFiCore
import Foundation
import History
import Primitives
import Testing

@Suite struct RiskLedgerTests {
    @Test func snapshotReadsDailyLossOpenPositionsAndExposure() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("risk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try HistoryStore(path: dir.appendingPathComponent("h.sqlite").path)
        let now = Date(timeIntervalSince1970: 1_767_614_400)  // 2026-01-05 12:00 UTC
        let yesterday = now.addingTimeInterval(-86_400)
        let usdc = "0x" + String(repeating: "33", count: 20)
        func mined(_ at: Date, _ net: String) -> (ExecutionRecord, ExecutionPnLRecord?) {
            let e = ExecutionRecord(strategy: "spatial", engine: "capital", createdAt: at, state: .included, chainID: 1)
            return (e, ExecutionPnLRecord(
                executionID: e.id, blockNumber: 1, quote: "USD", quoteDecimals: 18, gross: net, gas: "0", fees: "0",
                net: net, gasWei: "0", l1FeeWei: "0", valuationSource: "test", venue: nil, deltas: "{}",
                recordedAt: at))
        }
        try store.insertExecutions([
            mined(yesterday, "2000000000000000000000"),
            mined(now.addingTimeInterval(-3600), "-600000000000000000000"),
            mined(now.addingTimeInterval(-60), "-500000000000000000000"),
        ])
        for (size, state) in [("1000", ExecutionState.pending), ("500", .broadcast)] {
            let o = OpportunityRecord(
                createdAt: now, chainID: 1, blockNumber: 1, blockHash: "0x" + String(repeating: "00", count: 32),
                strategy: "spatial", route: "{}", size: size, tokenIn: usdc, grossProfit: "1", costs: "0",
                netProfit: "1", netProfitUSD: "1")
            try store.recordOpportunity(o)
            try store.upsertExecution(ExecutionRecord(
                opportunityID: o.id, strategy: "spatial", engine: "capital", createdAt: now, state: state, chainID: 1))
        }
        try store.upsertExecution(ExecutionRecord(strategy: "x", engine: "capital", createdAt: now, state: .signed, chainID: 1))
        let config = RiskConfig(maxDailyLossUSD: ExactDecimal(1000), maxPositionCount: 3, varConfidence: ExactDecimal("0.95")!)
        let s = try RiskLedger.snapshot(store: store, config: config, now: now)
        let loss = try U256(decimalDigits: "1100000000000000000000")
        #expect(s.todayNetUSD == (try I256(parsing: "-1100000000000000000000")))
        #expect(s.dailyLossUSD == loss && s.dailyLossBreached)
        #expect(s.positionCount == 3 && s.unlinkedPositions == 1 && s.positionCapReached)
        #expect(s.exposure.map { $0.token } == [usdc] && s.exposure.map { $0.amount } == [U256(1500)])
        #expect(s.varDays == 2 && s.valueAtRiskUSD == loss)
        #expect(RiskLedger.violations(s).count == 2)
        #expect(RiskLedger.violations(s)[0].description
            == "daily loss 1100 USD reached risk.max_daily_loss_usd 1000")
    }
}
