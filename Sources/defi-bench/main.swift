import Foundation
import Primitives

// Release-built micro-benchmarks. Prints one JSON object of metric name -> value on stdout;
// scripts/bench runs the peers (BigInt in-process, pycryptodome and coincurve in Python) beside it and
// prints the ratios. Each area owns one file: U256Bench, KeccakBench, SigningBench, CurveBench.
var metrics: [String: Double] = [:]
let only = CommandLine.arguments.dropFirst().first
// `defi-bench pnl-seed <path> <count>` and `defi-bench pnl-aggregate <path>` (scripts/bench-pnl).
if only == "pnl-seed", CommandLine.arguments.count == 4, let n = Int(CommandLine.arguments[3]) {
    try PnLBench.seed(path: CommandLine.arguments[2], count: n)
    exit(0)
}
if only == "pnl-aggregate", CommandLine.arguments.count == 3 {
    print(try PnLBench.aggregate(path: CommandLine.arguments[2]))
    exit(0)
}
let benches: [(String, () -> [(String, Double)])] = [
    ("u256", U256Bench.run), ("keccak", KeccakBench.run), ("signing", SigningBench.run),
    ("uniswap", UniswapBench.run), ("curve", CurveBench.run), ("quote", QuoteBench.run),
    ("arb", ArbBench.run),
]
for (name, run) in benches
where only == nil || only == name {
    for (k, v) in run() { metrics[k] = v }
}
let data = try JSONSerialization.data(withJSONObject: metrics, options: [.sortedKeys, .prettyPrinted])
print(String(decoding: data, as: UTF8.self))
