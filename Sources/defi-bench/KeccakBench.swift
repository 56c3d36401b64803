import Primitives

/// Keccak benchmarks: metric name -> value (ns/op, ops/s or MB/s as the name says).
enum KeccakBench {
    static func run() -> [(String, Double)] {
        // 1 MiB throughput; MB = 1e6 bytes. The first byte varies per call so the work cannot be hoisted.
        var big = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 131) }
        var counter: UInt8 = 0
        let reps = 20
        let nsPerMiB = nsPerOp(repeats: 5, ops: reps) {
            for _ in 0..<reps {
                counter &+= 1
                big[0] = counter
                blackHole(Keccak256.hash(big))
            }
        }
        let mbPerSecond = Double(1 << 20) / nsPerMiB * 1e9 / 1e6

        // 64-byte messages (two ABI words, a typical mapping-slot or CREATE2 input), one hash each.
        var small = [UInt8](repeating: 0x5a, count: 64)
        let n = 200_000
        let nsPerSmall = nsPerOp(repeats: 5, ops: n) {
            small.withUnsafeMutableBytes { raw in
                for i in 0..<n {
                    raw.storeBytes(of: UInt64(truncatingIfNeeded: i), toByteOffset: 0, as: UInt64.self)
                    blackHole(Keccak256.hash(UnsafeRawBufferPointer(raw)))
                }
            }
        }
        return [
            ("keccak_1mib_mb_per_s", mbPerSecond),
            ("keccak_64b_hashes_per_s", 1e9 / nsPerSmall),
        ]
    }
}
