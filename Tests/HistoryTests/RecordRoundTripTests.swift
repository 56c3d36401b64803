import Foundation
import Testing

@testable import History

/// Every record type survives a write and a read exactly, with extreme U256/I256 amounts as text.
@Suite struct RecordRoundTripTests {
    @Test func opportunityAndSimulationRoundTrip() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        let opp = Fixture.opportunity()
        try store.recordOpportunity(opp)
        #expect(try store.opportunity(id: opp.id) == opp)
        #expect(try store.opportunity(id: opp.id)?.size == Fixture.maxU256)

        let sim = SimulationRecord(
            opportunityID: opp.id, createdAt: Fixture.date(1), blockNumber: 19_000_000, success: false,
            revertReason: "Error(\"slippage\")", gasUsed: 30_000_000, deltas: #"{"weth":"-1"}"#,
            netProfit: Fixture.minI256)
        try store.recordSimulation(sim)
        #expect(try store.simulation(id: sim.id) == sim)
        #expect(try store.simulations(opportunityID: opp.id) == [sim])
    }

    @Test func executionRoundTripWithEveryColumn() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        let exe = ExecutionRecord(
            strategy: "triangular", engine: "capital", createdAt: Fixture.date(0), updatedAt: Fixture.date(5),
            state: .included, chainID: 42161, txHash: Fixture.txHash, nonce: UInt64(Int64.max), sender: Fixture.sender,
            gasUsed: 21000, effectiveGasPrice: Fixture.maxU256, l1Fee: Fixture.maxU256, grossProfit: Fixture.maxI256,
            fees: Fixture.maxU256, netProfit: Fixture.minI256, profitToken: Fixture.weth, blockNumber: 1,
            errorCode: "x", errorMessage: "y")
        try store.upsertExecution(exe)
        #expect(try store.execution(id: exe.id) == exe)
        var changed = exe
        changed.netProfit = "0"
        try store.upsertExecution(changed)
        #expect(try store.execution(id: exe.id)?.netProfit == "0")
    }

    @Test func journalStrategyCursorPriceAndPositionRoundTrip() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        let tx = TransactionRecord(
            hash: Fixture.txHash, chainID: 1, sender: Fixture.sender, nonce: 7, raw: "0x02f8aa01",
            createdAt: Fixture.date(0), broadcastAt: Fixture.date(1), includedBlock: 5, receiptStatus: 1)
        try store.journalTransaction(tx)
        #expect(try store.transaction(hash: tx.hash) == tx)

        let strategy = StrategyRecord(
            name: "spatial", chainID: 1, address: Fixture.weth, executor: Fixture.sender,
            registeredAt: Fixture.date(2), txHash: Fixture.txHash)
        try store.upsertStrategy(strategy)
        #expect(try store.listStrategies() == [strategy])

        try store.setCursor(name: "scan:uniswap", chainID: 1, blockNumber: 123, at: Fixture.date(3))
        #expect(
            try store.cursor(name: "scan:uniswap")
                == ScanCursorRecord(name: "scan:uniswap", chainID: 1, blockNumber: 123, updatedAt: Fixture.date(3)))

        let price = PriceObservationRecord(
            chainID: 1, pool: Fixture.pool, blockNumber: 10, token0: Fixture.weth, token1: Fixture.sender,
            priceWad: Fixture.maxU256, priceNum: Fixture.maxU256, priceDen: "3", observedAt: Fixture.date(4))
        let ids = try store.appendPrices([price])
        var stored = price
        stored.id = ids.first
        #expect(try store.prices(pool: Fixture.pool, blocks: 10...10) == [stored])

        let position = LiquidationPositionRecord(
            protocolName: "aave_v3", chainID: 1, borrower: Fixture.sender, healthFactor: Fixture.maxU256,
            debt: #"[{"token":"usdc","amount":"1"}]"#, collateral: "[]", lastCheckedBlock: 9, status: .atRisk,
            updatedAt: Fixture.date(6))
        try store.upsertLiquidationPosition(position)
        #expect(try store.liquidationPositions() == [position])
        #expect(try store.liquidationPositions(status: .healthy) == [])
    }

    @Test func amountsAreStoredAsTextNeverReal() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        try store.recordOpportunity(Fixture.opportunity())
        let types = try store.read { db in
            try String.fetchAll(
                db, sql: "SELECT typeof(size) || typeof(gross_profit) || typeof(net_profit_usd) FROM opportunities")
        }
        #expect(types == ["texttexttext"])
    }
}
