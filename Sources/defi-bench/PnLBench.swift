import Analytics
import DeFiCore
import Foundation
import History
import Primitives

/// Synthetic execution history for the `defi pnl` benchmark (scripts/bench-pnl): deterministic, wei-sized values.
enum PnLBench {
    /// `defi-bench pnl-seed <path> <count>`: writes `count` executions (with USD valuations for mined ones) over
    /// 365 days, four strategies, realistic state mix; prints the seconds it took on stderr.
    static func seed(path: String, count: Int) throws {
        let store = try HistoryStore(path: path)
        var rng = SplitMix(seed: 0x5eed)
        let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01
        let strategies = ["spatial", "triangular", "statistical", "liquidation"]
        let venues = ["uniswap_v2_a+uniswap_v2_b", "uniswap_v2_a+uniswap_v3", "uniswap_v3"]
        let tokens = ["0x" + String(repeating: "a", count: 40), "0x" + String(repeating: "b", count: 40)]
        let t0 = Date()
        var batch: [(ExecutionRecord, ExecutionPnLRecord?)] = []
        batch.reserveCapacity(10_000)
        for i in 0..<count {
            let created = start.addingTimeInterval(Double(i) * 365 * 86_400 / Double(count))
            let roll = rng.next() % 100
            let state: ExecutionState = roll < 85 ? .included : roll < 93 ? .reverted : roll < 96 ? .refused
                : roll < 98 ? .dropped : .failed
            let id = String(format: "exe_%016llx", UInt64(i) &* 0x9E37_79B9_7F4A_7C15)
            var e = ExecutionRecord(
                id: id, strategy: strategies[Int(rng.next() % 4)], engine: "flash_loan", createdAt: created,
                state: state, chainID: 1, profitToken: tokens[Int(rng.next() % 2)])
            var p: ExecutionPnLRecord?
            if state == .included || state == .reverted {
                let gasUsed = 150_000 + rng.next() % 250_000
                e.gasUsed = gasUsed
                e.blockNumber = 20_000_000 + UInt64(i)
                let gas = U256(gasUsed) * U256(1_000_000_000 + rng.next() % 4_000_000_000) * U256(3000)
                let gross: I256 = state == .reverted ? .zero
                    : I256(Int64(rng.next() % 60_000_000)) * I256(1_000_000_000_000) - I256(10_000_000) * I256(1_000_000_000_000)
                let fees = state == .reverted ? U256.zero : U256(rng.next() % 1_000_000) * U256(1_000_000_000_000)
                let net = gross - I256(bits: gas) - I256(bits: fees)
                p = ExecutionPnLRecord(
                    executionID: id, blockNumber: 20_000_000 + UInt64(i), quote: "USD", quoteDecimals: 18,
                    gross: gross.description, gas: gas.description, fees: fees.description, net: net.description,
                    gasWei: (gas / U256(3000)).description, l1FeeWei: "0", valuationSource: "synthetic",
                    venue: venues[Int(rng.next() % 3)], deltas: "{}", recordedAt: created)
            }
            batch.append((e, p))
            if batch.count == 10_000 {
                try store.insertExecutions(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try store.insertExecutions(batch) }
        FileHandle.standardError.write(Data("seeded \(count) executions in \(Date().timeIntervalSince(t0)) s\n".utf8))
    }

    /// In-process timing of the aggregation (no process start): seconds for `--by day` over the file.
    static func aggregate(path: String) throws -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        var agg = PnLSummaryAggregator(grouping: .day)
        try HistoryStore(path: path).forEachPnLAmount(quote: "USD") { agg.add($0); return true }
        blackHole(agg.finish())
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
