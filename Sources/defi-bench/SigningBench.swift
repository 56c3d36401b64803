import Dispatch
import Keystore
import Primitives

/// Signing benchmarks: metric name -> value (ns/op, ops/s or MB/s as the name says).
///
/// Same work as scripts/bench_signing_peer.py with coincurve: RFC 6979 recoverable signing of a 32-byte hash,
/// public-key recovery from (hash, r‖s, recovery id), and the two back to back.
enum SigningBench {
    static func run() -> [(String, Double)] {
        let count = 256
        let keys = (0..<count).map { _ in PrivateKey.random() }
        let hashes = (0..<count).map { Keccak256.hash(utf8: "defi signing bench \($0)") }
        let signatures = (0..<count).map { keys[$0].sign(hash: hashes[$0]) }
        let ops = 2000

        let sign = nsPerOp(ops: ops) {
            for i in 0..<ops { blackHole(keys[i & (count - 1)].sign(hash: hashes[(i &* 7) & (count - 1)])) }
        }
        let recover = nsPerOp(ops: ops) {
            for i in 0..<ops {
                let j = i & (count - 1)
                blackHole(try? signatures[j].recoverPublicKey(hash: hashes[j]))
            }
        }
        let both = nsPerOp(ops: ops) {
            for i in 0..<ops {
                let j = i & (count - 1), h = hashes[(i &* 3) & (count - 1)]
                blackHole(try? keys[j].sign(hash: h).recoverPublicKey(hash: h))
            }
        }
        return [
            ("keystore_scrypt_geth_standard_ms", kdfMilliseconds(.scrypt(.standard(salt: [UInt8](repeating: 1, count: 32))))),
            ("keystore_pbkdf2_c262144_ms", kdfMilliseconds(.pbkdf2(PBKDF2Parameters(c: 262_144, salt: [1, 2, 3])))),
            ("secp256k1_sign_per_s", 1e9 / sign),
            ("secp256k1_recover_per_s", 1e9 / recover),
            ("secp256k1_sign_recover_per_s", 1e9 / both),
        ]
    }

    /// Best of 3 wall-clock milliseconds for one key derivation (the cost of unlocking one keystore).
    static func kdfMilliseconds(_ kdf: KeyDerivation) -> Double {
        nsPerOp(repeats: 3, ops: 1) { blackHole(try? kdf.deriveKey(password: Array("bench password".utf8))) } / 1e6
    }
}
