import Chain
import DeFiCore
import Foundation
import History
import Primitives
import Testing

/// Hand-built deltas for the four fee edge cases; prices: USDC $1 (1e12 USD-wei per unit), ether $3000.
enum ValuationFixture {
    static func a(_ byte: UInt8) -> Address { (try? Address(bytes: [UInt8](repeating: byte, count: 20))) ?? .zero }
    static let sender = a(0x11), executor = a(0x22), usdc = a(0x33), aave = a(0x66)
    static let hash = (try? Hash32(bytes: [UInt8](repeating: 0xab, count: 32))) ?? .zero
    static let gasFee = U256(400_000_000_000_000)
    static let valuation = QuoteValuation(
        quote: "USD", quoteDecimals: 18, source: "test@100", blockNumber: 100,
        prices: [usdc: PriceRatio(num: U256(1_000_000_000_000), den: .one),
                 ExecutionDeltas.native: PriceRatio(num: U256(3000), den: .one)])

    static func deltas(
        _ changes: [(Address, Address, Int64)], succeeded: Bool = true, flash: [FlashFee] = []
    ) -> ExecutionDeltas {
        ExecutionDeltas(
            transactionHash: hash, blockNumber: 100, succeeded: succeeded, sender: sender, executor: executor,
            gasUsed: 200_000, effectiveGasPrice: U256(2_000_000_000), gasFee: gasFee, l1Fee: .zero, flashFees: flash,
            deltas: changes.map { AccountTokenDelta(account: $0.0, token: $0.1, amount: I256($0.2)) }
                + [AccountTokenDelta(account: sender, token: ExecutionDeltas.native, amount: .zero - I256(bits: gasFee))])
    }

    static func i(_ text: String) -> I256 { (try? I256(parsing: text)) ?? .zero }
}

@Suite struct ValuationTests {
    typealias F = ValuationFixture

    @Test func gasPaidInEtherWhileProfitIsInUSDC() throws {
        let v = try PnLValuer.value(F.deltas([(F.sender, F.usdc, 12_345_678)]), in: F.valuation)
        #expect(v.gross == F.i("12345678000000000000"))
        #expect(v.gas == U256(1_200_000_000_000_000_000))
        #expect(v.fees == .zero)
        #expect(v.net == F.i("11145678000000000000"))
    }

    @Test func revertedTransactionLosesGasAndEarnsNothing() throws {
        let v = try PnLValuer.value(F.deltas([], succeeded: false), in: F.valuation)
        #expect(v.gross == .zero && v.fees == .zero)
        #expect(v.net == F.i("-1200000000000000000"))
    }

    @Test func flashLoanPremiumIsAFeeNotALossOfGross() throws {
        let fee = FlashFee(lender: F.aave, token: F.usdc, amount: U256(500_000), source: .aaveV3)
        let v = try PnLValuer.value(F.deltas([(F.sender, F.usdc, 500_000)], flash: [fee]), in: F.valuation)
        #expect(v.fees == U256(500_000_000_000_000_000))
        #expect(v.net == F.i("-700000000000000000"))
        #expect(v.gross == F.i("1000000000000000000"))
    }

    @Test func negativeTradeAddsToTheGasLoss() throws {
        let v = try PnLValuer.value(F.deltas([(F.executor, F.usdc, -1_000_000)]), in: F.valuation)
        #expect(v.gross == F.i("-1000000000000000000"))
        #expect(v.net == F.i("-2200000000000000000"))
    }

    @Test func missingPriceIsAnErrorNotAZero() {
        var valuation = F.valuation
        valuation.prices[ExecutionDeltas.native] = nil
        #expect(throws: PnLError.missingPrice(token: ExecutionDeltas.native)) {
            try PnLValuer.value(F.deltas([]), in: valuation)
        }
    }

    @Test func priceRatiosRoundTowardZero() throws {
        let third = PriceRatio(num: .one, den: U256(3))
        #expect(try third.value(I256(10)) == I256(3))
        #expect(try third.value(I256(-10)) == I256(-3))
        #expect(throws: PnLError.self) { try PriceRatio(num: .one, den: .zero).value(I256(1)) }
    }

    @Test func oracleRatiosScaleDecimals() throws {
        // USDC at $1.0001 (8 decimals) → 1 USDC unit = 1.0001e12 USD-wei.
        let usd = AaveOraclePrices.usdRatio(price: U256(100_010_000), decimals: 6)
        #expect(try usd.value(I256(1_000_000)) == F.i("1000100000000000000"))
        // 1 WETH at $3000 in USDC at $1: 3000 USDC = 3e9 units.
        let inUSDC = AaveOraclePrices.tokenRatio(
            price: U256(300_000_000_000), decimals: 18, quotePrice: U256(100_000_000), quoteDecimals: 6)
        #expect(try inUSDC.value(F.i("1000000000000000000")) == I256(3_000_000_000))
    }

    @Test func recorderWritesStateGasAndValuationTogether() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pnl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try HistoryStore(path: dir.appendingPathComponent("h.sqlite").path)
        let t = Date(timeIntervalSince1970: 1_767_600_000)
        let e = ExecutionRecord(
            strategy: "spatial", engine: "flash_loan", createdAt: t, state: .broadcast, chainID: 31337,
            txHash: F.hash.description, profitToken: F.usdc.lowercaseHex)
        try store.upsertExecution(e)
        let r = try PnLRecorder.record(
            store: store, execution: e, deltas: F.deltas([(F.sender, F.usdc, 12_345_678)]), valuation: F.valuation,
            venue: "uniswap_v2_a+uniswap_v2_b", at: t)
        let stored = try #require(try store.execution(id: e.id))
        #expect(stored.state == .included && stored.gasUsed == 200_000 && stored.blockNumber == 100)
        #expect(stored.netProfit == "12345678" && stored.fees == "400000000000000")
        let pnl = try #require(try store.executionPnL(id: e.id))
        #expect(pnl == r.pnl)
        #expect(pnl.net == "11145678000000000000" && pnl.gas == "1200000000000000000" && pnl.valuationSource == "test@100")
        #expect(pnl.deltas.contains("\"prices\""))
        var rows: [PnLRow] = []
        try store.forEachPnLRow { rows.append($0); return true }
        #expect(rows.count == 1 && rows[0].net == "11145678000000000000" && rows[0].venue == "uniswap_v2_a+uniswap_v2_b")

        let reverted = ExecutionRecord(
            strategy: "spatial", engine: "flash_loan", createdAt: t, state: .broadcast, chainID: 31337)
        try store.upsertExecution(reverted)
        try PnLRecorder.record(
            store: store, execution: reverted, deltas: F.deltas([], succeeded: false), valuation: F.valuation, at: t)
        #expect(try store.execution(id: reverted.id)?.state == .reverted)
    }

    @Test func recorderRefusesAReceiptOfAnotherTransaction() throws {
        let e = ExecutionRecord(
            strategy: "s", engine: "capital", createdAt: Date(), chainID: 1,
            txHash: "0x" + String(repeating: "cd", count: 32))
        #expect(throws: PnLError.self) {
            try PnLRecorder.rows(execution: e, deltas: F.deltas([]), valuation: F.valuation, venue: nil, at: Date())
        }
    }

    @Test func venueLabelJoinsDistinctHopVenues() {
        let route = #"{"hops":[{"venue":"a"},{"venue":"b"},{"venue":"a"}]}"#
        #expect(PnLRecorder.venueLabel(routeJSON: route) == "a+b")
        #expect(PnLRecorder.venueLabel(routeJSON: "[]") == nil)
    }
}
