@testable import Analytics
import Foundation
import History
import Primitives
import Testing

/// The fast path (summary scan, integer buckets, one attribute column) gives the very table of the general path,
/// for every grouping.
@Suite struct PnLSummaryAggregatorTests {
    /// A store with every kind of row: unvalued, other quote, negative, wide (past 36 digits), across weeks/months.
    static func store() throws -> (HistoryStore, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("defi-pnlfast-\(UUID().uuidString)")
        let store = try HistoryStore(path: dir.appendingPathComponent("h.sqlite").path)
        var rng: UInt64 = 0x1234
        func next() -> UInt64 {
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return rng >> 11
        }
        var rows: [(ExecutionRecord, ExecutionPnLRecord?)] = []
        let start = Date(timeIntervalSince1970: 1_767_139_200)  // 2025-12-31
        for i in 0..<600 {
            let roll = next() % 10
            let state: ExecutionState = roll < 7 ? .included : roll < 8 ? .reverted : .refused
            let id = String(format: "exe_%08x", i)
            var e = ExecutionRecord(
                id: id, strategy: i % 3 == 0 ? "spatial" : "triangular", engine: "flash_loan",
                createdAt: start.addingTimeInterval(Double(i) * 7_321.5), state: state, chainID: i % 5 == 0 ? 10 : 1)
            if i % 4 != 0 {
                e.profitToken = i % 8 == 1 ? "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48" : "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"
            }
            var p: ExecutionPnLRecord?
            if state != .refused && next() % 20 != 0 {
                e.blockNumber = UInt64(i)
                let gas = U256(next() % 1_000_000) * U256(1_000_000_000_000)
                let fees = next() % 4 == 0 ? U256(next() % 1000) : .zero
                var gross = I256(Int64(next() % 2_000_000)) * I256(1_000_000_000_000) - I256(900_000_000_000_000_000)
                if i % 97 == 5 { gross = try I256(parsing: "98765432109876543210987654321098765432109") }
                if i % 89 == 7 { gross = try I256(parsing: "-999999999999999999999999999999999999") }
                let net = gross - I256(bits: gas) - I256(bits: fees)
                p = ExecutionPnLRecord(
                    executionID: id, blockNumber: UInt64(i), quote: i % 41 == 3 ? "0xabc" : "USD", quoteDecimals: 18,
                    gross: gross.description, gas: gas.description, fees: fees.description, net: net.description,
                    gasWei: "1", l1FeeWei: "0", valuationSource: "test",
                    venue: i % 3 == 0 ? nil : i % 3 == 1 ? "uniswap_v2" : "uniswap_v3", deltas: "{}", recordedAt: start)
            }
            rows.append((e, p))
        }
        try store.insertExecutions(rows)
        return (store, dir)
    }

    static func slow(_ store: HistoryStore, _ g: PnLGrouping, _ q: PnLQuery) throws -> PnLTable {
        var a = PnLAggregator(grouping: g, quote: "USD")
        try store.forEachPnLRow(q) { a.add($0); return true }
        return a.finish()
    }

    static func fast(_ store: HistoryStore, _ g: PnLGrouping, _ q: PnLQuery) throws -> PnLTable {
        var a = PnLSummaryAggregator(grouping: g)
        try store.forEachPnLAmount(q, quote: "USD", attribute: a.attribute) { a.add($0); return true }
        return a.finish()
    }

    @Test func sameTableAsTheGeneralPath() throws {
        let (store, dir) = try Self.store()
        defer { try? FileManager.default.removeItem(at: dir) }
        let queries = [
            PnLQuery(), PnLQuery(strategy: "spatial"), PnLQuery(states: [.reverted]),
            PnLQuery(since: Date(timeIntervalSince1970: 1_767_600_000), until: Date(timeIntervalSince1970: 1_768_900_000)),
            PnLQuery(sinceBlock: 100, untilBlock: 300),
        ]
        for g in [PnLGrouping.day, .week, .month, .strategy, .venue, .token, .chain] {
            for q in queries {
                let want = try Self.slow(store, g, q)
                #expect(try Self.fast(store, g, q) == want, "\(g) \(q)")
            }
        }
        let all = try Self.fast(store, .day, PnLQuery())
        #expect(all.lines.count > 40 && all.otherQuote > 0 && all.unvalued > 0)
        #expect(all.lines.first?.key == "2025-12-31")
        let tokens = try Self.fast(store, .token, PnLQuery())
        #expect(tokens.lines.map(\.key) == [
            "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "unknown",
        ])
        #expect(try Self.fast(store, .venue, PnLQuery()).lines.map(\.key) == ["uniswap_v2", "uniswap_v3", "unknown"])
        #expect(try Self.fast(store, .chain, PnLQuery()).lines.map(\.key) == ["1", "10"])
    }

    @Test func exactSumCarriesPastInt128() {
        var s = ExactSum()
        s.add(Int128.max)
        s.add(Int128.max)
        s.add(Int128(-1))
        #expect(s.value == ExactSum.i256(Int128.max) + ExactSum.i256(Int128.max) - I256(1))
        #expect(ExactSum.i256(Int128.min) == I256(0) - ExactSum.i256(Int128.max) - I256(1))
    }

    @Test func dayKeysAreZeroPadded() {
        #expect(PnLSummaryAggregator.key(day: -354_650, grouping: .day) == "0999-01-01")
        #expect(PnLSummaryAggregator.key(day: 20783, grouping: .day) == "2026-11-26")
        #expect(PnLSummaryAggregator.key(day: 20783, grouping: .month) == "2026-11")
        #expect(PnLSummaryAggregator.key(day: 20783, grouping: .week) == "2026-W48")
    }
}
