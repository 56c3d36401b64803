import TestSupport
import Testing

@testable import Primitives

/// Differential tests against coincurve / eth-keys / eth-account (Tests/oracles/gen_signing.py).
@Suite("SigningOracle")
struct SigningOracleTests {
    static func hexField(_ c: [String: Any], _ k: String) throws -> [UInt8] {
        try Hex.decode(c[k] as? String ?? "<missing \(k)>")
    }

    @Test(.enabled(if: Fixtures.hasOracle("signing"), "signing oracle absent: run scripts/test"))
    func rawHashSignaturesMatchCoincurve() throws {
        let cases = try Fixtures.oracle("signing")["cases"] as? [[String: Any]] ?? []
        #expect(cases.count >= 1000)
        var failures = 0
        for (i, c) in cases.enumerated() {
            let key = try PrivateKey(bytes: Self.hexField(c, "key"))
            let hash = try Hash32(bytes: Self.hexField(c, "hash"))
            let sig = key.sign(hash: hash)
            let r = try U256(bigEndian: Self.hexField(c, "r")), s = try U256(bigEndian: Self.hexField(c, "s"))
            let rec = c["rec"] as? Int ?? -1
            let pub = try Self.hexField(c, "pub"), address = try Self.hexField(c, "address")
            // One k·G and one keccak per case (debug builds run Keccak unoptimised): the recovered key must equal
            // coincurve's public key byte for byte, so its address is the key's address checked here.
            let publicKey = key.publicKey
            let recovered = try sig.recoverPublicKey(hash: hash)
            let ok =
                sig.r == r && sig.s == s && Int(sig.recoveryID) == rec
                && publicKey.uncompressedBytes == pub && recovered == publicKey && publicKey.addressBytes == address
            if !ok && failures < 5 {
                Issue.record("case \(i): got \(sig), expected r=\(r.hexString) s=\(s.hexString) rec=\(rec)")
            }
            if !ok { failures += 1 }
        }
        #expect(failures == 0)
    }

    @Test(.enabled(if: Fixtures.hasOracle("signing"), "signing oracle absent: run scripts/test"))
    func personalMessagesMatchEthAccount() throws {
        let cases = try Fixtures.oracle("signing")["messages"] as? [[String: Any]] ?? []
        #expect(cases.count >= 100)
        for (i, c) in cases.enumerated() {
            let key = try PrivateKey(bytes: Self.hexField(c, "key"))
            let message = try Self.hexField(c, "message")
            let expected = try Self.hexField(c, "signature")
            #expect(PersonalMessage.hash(message).bytes == (try Self.hexField(c, "hash")), "case \(i) hash")
            #expect(PersonalMessage.signatureBytes(message, with: key) == expected, "case \(i) signature")
            #expect(
                try PersonalMessage.recoverAddressBytes(message, signature: expected)
                    == (try Self.hexField(c, "address")), "case \(i) recovered address")
        }
    }
}
