import BigInt
import Foundation
import Primitives

/// U256 benchmarks: metric name -> value (ns/op, ops/s or MB/s as the name says).
/// U256 and BigUInt see the same operands; inputs are indexed `(j + rep) & mask` so nothing is hoisted.
enum U256Bench {
    static let count = 1024
    static let mask = count - 1
    /// Operations per timed call; DEFI_BENCH_OPS overrides it (small counts for callgrind runs).
    static let ops = ProcessInfo.processInfo.environment["DEFI_BENCH_OPS"].flatMap { Int($0) } ?? 200_000
    /// DEFI_BENCH_FILTER=substring runs only the metrics whose name contains it (per-op callgrind counts).
    static let filter = ProcessInfo.processInfo.environment["DEFI_BENCH_FILTER"]
    static func want(_ name: String) -> Bool { filter.map { name.contains($0) } ?? true }

    /// A deterministic SplitMix64 stream, so both peers see identical operands every run.
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// A random value of exactly `bits` significant bits (1...256).
        mutating func value(bits: Int) -> U256 {
            let full = U256(limbs: (next(), next(), next(), next()))
            return (full >> (256 - bits)) | (U256.one << (bits - 1))
        }
    }

    static func big(_ v: U256) -> BigUInt { BigUInt(words: [UInt(v.w.0), UInt(v.w.1), UInt(v.w.2), UInt(v.w.3)]) }

    /// Operand triples (a, b, d) with a·b/d < 2^256.
    static func operands(aBits: Int, bBits: Int, dBits: Int, seed: UInt64) -> [(U256, U256, U256)] {
        var g = Rng(state: seed)
        var out: [(U256, U256, U256)] = []
        while out.count < count {
            let a = g.value(bits: aBits), b = g.value(bits: bBits), d = g.value(bits: dBits)
            if (try? U256.mulDiv(a, b, d)) != nil { out.append((a, b, d)) }
        }
        return out
    }

    static func run() -> [(String, Double)] {
        let full = operands(aBits: 256, bBits: 256, dBits: 256, seed: 1)
        let uni = operands(aBits: 128, bBits: 160, dBits: 96, seed: 2)
        let fullBig = full.map { (big($0.0), big($0.1), big($0.2)) }
        let uniBig = uni.map { (big($0.0), big($0.1), big($0.2)) }
        // Division operands: a 256-bit numerator over a ~192-bit divisor, the general Knuth D path.
        let divs = full.map { ($0.0, $0.2 >> 64) }
        let divsBig = divs.map { (big($0.0), big($0.1)) }
        var rep = 0
        var out: [(String, Double)] = []

        if want("u256_mul_full_ns") { out.append(("u256_mul_full_ns", nsPerOp(ops: ops) {
            var acc = U256.zero
            for j in 0..<ops {
                let (a, b, _) = full[(j &+ rep) & mask]
                let (hi, lo) = a.multipliedFullWidth(by: b)
                acc = acc ^ hi ^ lo
            }
            rep &+= 1
            blackHole(acc)
        })) }
        if want("u256_div_full_ns") { out.append(("u256_div_full_ns", nsPerOp(ops: ops) {
            var acc = U256.zero
            for j in 0..<ops {
                let (n, d) = divs[(j &+ rep) & mask]
                acc = acc ^ (n / d)
            }
            rep &+= 1
            blackHole(acc)
        })) }
        for (name, data) in [("u256_muldiv_full_ns", full), ("u256_muldiv_uniswap_ns", uni)] {
            if want(name) { out.append((name, nsPerOp(ops: ops) {
                var acc = U256.zero
                for j in 0..<ops {
                    let (a, b, d) = data[(j &+ rep) & mask]
                    acc = acc ^ ((try? U256.mulDiv(a, b, d)) ?? .zero)
                }
                rep &+= 1
                blackHole(acc)
            })) }
        }

        let bigOps = ops / 10
        if want("bigint_mul_full_ns") { out.append(("bigint_mul_full_ns", nsPerOp(ops: bigOps) {
            var acc = 0
            for j in 0..<bigOps {
                let (a, b, _) = fullBig[(j &+ rep) & mask]
                acc &+= (a * b).words.count
            }
            rep &+= 1
            blackHole(acc)
        })) }
        if want("bigint_div_full_ns") { out.append(("bigint_div_full_ns", nsPerOp(ops: bigOps) {
            var acc = 0
            for j in 0..<bigOps {
                let (n, d) = divsBig[(j &+ rep) & mask]
                acc &+= (n / d).words.count
            }
            rep &+= 1
            blackHole(acc)
        })) }
        for (name, data) in [("bigint_muldiv_full_ns", fullBig), ("bigint_muldiv_uniswap_ns", uniBig)] {
            if want(name) { out.append((name, nsPerOp(ops: bigOps) {
                var acc = 0
                for j in 0..<bigOps {
                    let (a, b, d) = data[(j &+ rep) & mask]
                    acc &+= (a * b / d).words.count
                }
                rep &+= 1
                blackHole(acc)
            })) }
        }
        return out
    }
}
