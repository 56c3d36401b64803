import Foundation
import Testing

@testable import History

/// v5-pnl-denormalised: the summary table is backfilled from a v4 file and kept exact by triggers.
@Suite struct PnLSummaryMigrationTests {
    static let wideNet = "-1234567890123456789012345678901234567890"  // 40 digits: past the hi/lo form
    static let v4Rows = """
        INSERT INTO executions (id, strategy, engine, created_at, updated_at, state, chain_id, gas_used, block_number)
        VALUES
          ('exe_01', 'spatial', 'flash_loan', '2026-11-26 10:00:00.000', '2026-11-26 10:00:00.000', 'included', 1, 200000, 100),
          ('exe_02', 'spatial', 'flash_loan', '2026-11-26 11:00:00.000', '2026-11-26 11:00:00.000', 'refused', 1, NULL, NULL),
          ('exe_03', 'triangular', 'flash_loan', '2026-11-27 00:00:00.000', '2026-11-27 00:00:00.000', 'included', 1, 1, 101),
          ('exe_04', 'triangular', 'flash_loan', '2026-02-30 09:00:00.000', '2026-02-30 09:00:00.000', 'reverted', 1, 1, 102),
          ('exe_05', 'spatial', 'flash_loan', '1969-12-31 23:59:59.999', '1969-12-31 23:59:59.999', 'included', 1, 1, 103),
          ('exe_06', 'spatial', 'flash_loan', '2026-11-28 00:00:00.000', '2026-11-28 00:00:00.000', 'included', 1, 1, 104);
        INSERT INTO execution_pnl (execution_id, block_number, quote, quote_decimals, gross, gas, fees, net, gas_wei,
          l1_fee_wei, valuation_source, venue, deltas, recorded_at)
        VALUES
          ('exe_01', 100, 'USD', 18, '1500000000000000000', '2000000000000000000', '1', '-500000000000000001', '1', '0', 'identity', NULL, '{}', 'x'),
          ('exe_03', 101, 'USD', 18, '\(wideNet)', '5', '0', '\(wideNet.dropLast())5', '1', '0', 'identity', NULL, '{}', 'x'),
          ('exe_04', 102, 'USD', 18, '0', '999999999999999999999999999999999999', '0', '-999999999999999999999999999999999999', '1', '0', 'identity', NULL, '{}', 'x'),
          ('exe_05', 103, 'USD', 18, '7', '0', '0', '7', '1', '0', 'identity', NULL, '{}', 'x'),
          ('exe_06', 104, '0x0000000000000000000000000000000000000001', 6, '7', '0', '0', '7', '1', '0', 'identity', NULL, '{}', 'x');
        """

    static func rows(_ store: HistoryStore, _ query: PnLQuery = PnLQuery()) throws -> [PnLAmountRow] {
        var out: [PnLAmountRow] = []
        try store.forEachPnLAmount(query, quote: "USD") { out.append($0); return true }
        return out
    }

    static func row(
        _ day: Int64?, _ createdAt: String? = nil, _ quote: PnLQuoteMatch, mined: Bool, decimals: Int? = nil,
        gas: Int128 = 0, fees: Int128 = 0, net: Int128 = 0, wide: (String, String, String)? = nil
    ) -> PnLAmountRow {
        PnLAmountRow(
            day: day, createdAt: createdAt, quote: quote, mined: mined, quoteDecimals: decimals, gas: gas, fees: fees,
            net: net, wide: wide.map { (gas: $0.0, fees: $0.1, net: $0.2) })
    }

    @Test func backfillsAV4FileExactly() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        try FileManager.default.createDirectory(
            atPath: (temp.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try HistoryMigrations.prepare(path: temp.path, upTo: "v4-pnl", sql: Self.v4Rows)
        let store = try temp.open()
        #expect(try store.appliedMigrations().last == "v5-pnl-denormalised")
        let got = try Self.rows(store)
        let expected: [PnLAmountRow] = [
            Self.row(-1, nil, .same, mined: true, decimals: 18, net: 7),
            Self.row(nil, "2026-02-30 09:00:00.000", .same, mined: true, decimals: 18,
                gas: 999_999_999_999_999_999_999_999_999_999_999_999, net: -999_999_999_999_999_999_999_999_999_999_999_999),
            Self.row(20783, nil, .same, mined: true, decimals: 18, gas: 2_000_000_000_000_000_000, fees: 1,
                net: -500_000_000_000_000_001),
            Self.row(20783, nil, .unvalued, mined: false),
            Self.row(20784, nil, .same, mined: true, decimals: 18,
                wide: ("5", "0", String(Self.wideNet.dropLast()) + "5")),
            Self.row(20785, nil, .other, mined: true, decimals: 6),
        ]
        #expect(got == expected)
        // Filters apply to the summary columns.
        #expect(try Self.rows(store, PnLQuery(strategy: "triangular")).count == 2)
        #expect(try Self.rows(store, PnLQuery(states: [.refused])) == [Self.row(20783, nil, .unvalued, mined: false)])
        #expect(try Self.rows(store, PnLQuery(sinceBlock: 103, untilBlock: 104)).map(\.net) == [7])
    }

    @Test func triggersFollowEveryWriter() throws {
        let temp = try TempStore()
        defer { temp.cleanup() }
        let store = try temp.open()
        // Through the store: an execution, then its valuation, then a state change.
        var e = ExecutionRecord(
            id: "exe_0a", strategy: "spatial", engine: "flash_loan", createdAt: Fixture.date(0), state: .broadcast,
            chainID: 1)
        try store.upsertExecution(e)
        let day = Int64(1_700_000_000 / 86_400)
        #expect(try Self.rows(store) == [Self.row(day, nil, .unvalued, mined: false)])
        e.state = .included
        e.blockNumber = 5
        let pnl = ExecutionPnLRecord(
            executionID: "exe_0a", blockNumber: 5, quote: "USD", quoteDecimals: 18, gross: "10", gas: "3",
            fees: "2", net: "5", gasWei: "1", l1FeeWei: "0", valuationSource: "identity", venue: nil, deltas: "{}",
            recordedAt: Fixture.date(1))
        try store.recordExecution(e, pnl: pnl)
        #expect(try Self.rows(store) == [Self.row(day, nil, .same, mined: true, decimals: 18, gas: 3, fees: 2, net: 5)])
        // Another writer: the sqlite3 shell's plain SQL.
        try HistoryMigrations.execute(path: temp.path, sql: "UPDATE execution_pnl SET net = '-4', fees = '11'")
        #expect(try Self.rows(store).map(\.net) == [-4])
        try HistoryMigrations.execute(path: temp.path, sql: "UPDATE executions SET created_at = '2026-11-26 00:00:00.000'")
        #expect(try Self.rows(store).map(\.day) == [20783])
        try HistoryMigrations.execute(path: temp.path, sql: "DELETE FROM execution_pnl")
        #expect(try Self.rows(store) == [Self.row(20783, nil, .unvalued, mined: true)])
        try store.recordExecutionPnL(pnl)
        try HistoryMigrations.execute(path: temp.path, sql: "DELETE FROM executions")
        #expect(try Self.rows(store).isEmpty)
    }
}
