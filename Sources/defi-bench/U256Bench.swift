import Primitives

/// U256 benchmarks: metric name -> value (ns/op, ops/s or MB/s as the name says).
enum U256Bench {
    static func run() -> [(String, Double)] { [] }
}
