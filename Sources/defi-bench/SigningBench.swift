import Primitives

/// Signing benchmarks: metric name -> value (ns/op, ops/s or MB/s as the name says).
enum SigningBench {
    static func run() -> [(String, Double)] { [] }
}
