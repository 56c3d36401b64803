import Primitives

/// Keccak benchmarks: metric name -> value (ns/op, ops/s or MB/s as the name says).
enum KeccakBench {
    static func run() -> [(String, Double)] { [] }
}
