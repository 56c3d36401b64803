import Foundation
import Primitives
import Protocols

/// Uniswap pure-math benchmarks: ns per V3 exact-input quote crossing 10 initialized ticks, ns per V2 getAmountOut.
/// With DEFI_BENCH_UNISWAP_OUT set it writes the exact inputs and results of the first and last operation there,
/// so the degenbot peer (scripts/bench_degenbot_peer.py) can show it computed the same quotes.
enum UniswapBench {
    static let ops = 20_000

    static func run() -> [(String, Double)] {
        var out: [String: Double] = [:]
        // Full-range 2e18 plus ten 1e18 positions [-120k, 120k + 60], k = 1...10 (spacing 60): a zeroForOne swap
        // to tick -1260 crosses the ten lower ticks, each an initialized tick in the bitmap.
        let e18 = UInt128(1_000_000_000_000_000_000)
        var ticks = [
            V3Tick(index: -887220, liquidityNet: Int128(2 * e18)),
            V3Tick(index: 887220, liquidityNet: -Int128(2 * e18)),
        ]
        var liquidity = 2 * e18
        for k in 1...10 {
            ticks.append(V3Tick(index: Int32(-120 * k), liquidityNet: Int128(e18)))
            ticks.append(V3Tick(index: Int32(120 * k + 60), liquidityNet: -Int128(e18)))
            liquidity += e18
        }
        guard
            let pool = try? V3PoolState(
                sqrtPriceX96: U256.one << 96, tick: 0, liquidity: liquidity, fee: 3000, tickSpacing: 60, ticks: ticks),
            let limit = try? TickMath.sqrtRatio(atTick: -1250),
            let full = try? pool.swap(
                zeroForOne: true, amountSpecified: I256(bits: U256.max >> 1), sqrtPriceLimitX96: limit),
            full.initializedTicksCrossed == 10
        else { return [("v3_quote_10_ticks_ns", -1)] }
        let amount = full.amount0.bits - U256(10_000)
        var sink = U256.zero
        out["v3_quote_10_ticks_ns"] = nsPerOp(ops: ops) {
            for j in 0..<ops {
                if let q = try? pool.quoteExactInputSingle(zeroForOne: true, amountIn: amount - U256(UInt64(j))) {
                    sink = sink &+ q.amount
                }
            }
        }
        let rIn = U256(limbs: (0x1234_5678_9abc_def0, 0x0000_0000_0012_3456, 0, 0))
        let rOut = U256(limbs: (0x0fed_cba9_8765_4321, 0x0000_0000_0009_8765, 0, 0))
        let v2ops = 1_000_000
        out["v2_amount_out_ns"] = nsPerOp(ops: v2ops) {
            for j in 0..<v2ops {
                if let o = try? V2Math.getAmountOut(
                    amountIn: U256(UInt64(1_000_000_000 + j)), reserveIn: rIn, reserveOut: rOut)
                {
                    sink = sink &+ o
                }
            }
        }
        blackHole(sink)
        if let path = ProcessInfo.processInfo.environment["DEFI_BENCH_UNISWAP_OUT"] {
            let v3 = [U256.zero, U256(UInt64(ops - 1))].map { j -> [String] in
                let q = try? pool.quoteExactInputSingle(zeroForOne: true, amountIn: amount - j)
                return [(amount - j).description, q.map { $0.amount.description } ?? "revert"]
            }
            let v2 = [UInt64(0), UInt64(v2ops - 1)].map { j -> [String] in
                let a = U256(1_000_000_000 + j)
                let o = try? V2Math.getAmountOut(amountIn: a, reserveIn: rIn, reserveOut: rOut)
                return [a.description, o.map(\.description) ?? "revert"]
            }
            let doc: [String: Any] = [
                "v3_full_amount0": full.amount0.description, "v3_ticks_crossed": Int(full.initializedTicksCrossed),
                "v3_quotes": v3, "v2_reserves": [rIn.description, rOut.description], "v2_quotes": v2,
            ]
            if let data = try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys]) {
                try? data.write(to: URL(fileURLWithPath: path))
            }
        }
        return out.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
