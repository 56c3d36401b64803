import Testing

@testable import Primitives

@Suite("Signature")
struct SignatureTests {
    static let key46 = "4646464646464646464646464646464646464646464646464646464646464646"
    // EIP-155's worked example (EIPS/eip-155.md): signing hash, then r, s and v = 37 on chain 1.
    static let eip155Hash = "daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"
    static let eip155R = "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"
    static let eip155S = "67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"

    static func u(_ hex: String) throws -> U256 { try U256(bigEndian: Hex.decode(hex)) }

    @Test func eip155ExampleSignsToTheSpecValues() throws {
        let key = try PrivateKey(hex: Self.key46)
        let sig = key.sign(hash: try Hash32(hex: Self.eip155Hash))
        #expect(sig.r == (try Self.u(Self.eip155R)))
        #expect(sig.s == (try Self.u(Self.eip155S)))
        #expect(sig.eip155V(chainID: 1) == U256(37))
        #expect(sig.yParity == .even)
        #expect(sig.legacyV == 27)
        let back = try Signature(r: sig.r, s: sig.s, v: U256(37), chainID: 1)
        #expect(back == sig)
        #expect(
            try back.recoverAddressBytes(hash: Hash32(hex: Self.eip155Hash)).hex
                == "0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f")
        #expect(try back.recoverAddress(hash: Hash32(hex: Self.eip155Hash)) == key.address)
    }

    @Test func vDecodingCoversLegacyEip155AndRaw() throws {
        #expect(try Signature.recoveryID(fromV: 0) == 0)
        #expect(try Signature.recoveryID(fromV: 1) == 1)
        #expect(try Signature.recoveryID(fromV: 27) == 0)
        #expect(try Signature.recoveryID(fromV: 28) == 1)
        #expect(try Signature.recoveryID(fromV: 37, chainID: 1) == 0)
        #expect(try Signature.recoveryID(fromV: 38, chainID: 1) == 1)
        #expect(try Signature.recoveryID(fromV: U256(UInt64(137 * 2 + 36)), chainID: 137) == 1)
        let big = UInt64.max
        let vBig = U256(big).multipliedAdding(2, 36).0
        #expect(try Signature.recoveryID(fromV: vBig, chainID: big) == 1)
        #expect(Signature(unchecked: 1, s: 1, recoveryID: 1).eip155V(chainID: big) == vBig)
        #expect(throws: Secp256k1Error.invalidV(v: 2, chainID: nil)) { try Signature.recoveryID(fromV: 2) }
        #expect(throws: Secp256k1Error.invalidV(v: 29, chainID: nil)) { try Signature.recoveryID(fromV: 29) }
        #expect(throws: Secp256k1Error.invalidV(v: 37, chainID: nil)) { try Signature.recoveryID(fromV: 37) }
        #expect(throws: Secp256k1Error.invalidV(v: 39, chainID: 1)) { try Signature.recoveryID(fromV: 39, chainID: 1) }
        #expect(throws: Secp256k1Error.invalidV(v: 36, chainID: 2)) { try Signature.recoveryID(fromV: 36, chainID: 2) }
    }

    @Test func rangeChecksRejectZeroAndOrder() throws {
        let n = Secp256k1.n
        #expect(throws: Secp256k1Error.scalarOutOfRange(field: "r", value: .zero)) {
            try Signature(r: .zero, s: 1, recoveryID: 0)
        }
        #expect(throws: Secp256k1Error.scalarOutOfRange(field: "s", value: .zero)) {
            try Signature(r: 1, s: .zero, recoveryID: 0)
        }
        #expect(throws: Secp256k1Error.scalarOutOfRange(field: "r", value: n)) {
            try Signature(r: n, s: 1, recoveryID: 0)
        }
        #expect(throws: Secp256k1Error.scalarOutOfRange(field: "s", value: .max)) {
            try Signature(r: 1, s: .max, recoveryID: 0)
        }
        #expect(throws: Secp256k1Error.invalidRecoveryID(2)) { try Signature(r: 1, s: 1, recoveryID: 2) }
        #expect(throws: Secp256k1Error.invalidRecoveryID(-1)) { try Signature(r: 1, s: 1, recoveryID: -1) }
    }

    @Test func rsvParsingRejectsBadLengthAndV() throws {
        let key = try PrivateKey(hex: Self.key46)
        let h = Keccak256.hash(utf8: "x")
        let sig = key.sign(hash: h)
        #expect(try Signature(rsv: sig.rsvBytes()) == sig)
        #expect(try Signature(rsv: sig.rsvBytes(legacyV: false)) == sig)
        #expect(sig.rsvBytes()[64] == 27 + sig.recoveryID)
        #expect(sig.compactBytes.count == 64)
        #expect(throws: Secp256k1Error.signatureLength(expected: 65, got: 64)) { try Signature(rsv: sig.compactBytes) }
        #expect(throws: Secp256k1Error.signatureLength(expected: 65, got: 0)) { try Signature(rsv: []) }
        var bad = sig.rsvBytes()
        bad[64] = 29
        #expect(throws: Secp256k1Error.invalidV(v: 29, chainID: nil)) { try Signature(rsv: bad) }
        bad[64] = 37
        #expect(throws: Secp256k1Error.invalidV(v: 37, chainID: nil)) { try Signature(rsv: bad) }
    }

    @Test func highSIsRejectedByDefaultAndNormalises() throws {
        let key = PrivateKey.random()
        let h = Keccak256.hash(utf8: "high s")
        let low = key.sign(hash: h)
        let high = Signature(unchecked: low.r, s: Secp256k1.n - low.s, recoveryID: low.recoveryID ^ 1)
        #expect(!high.isLowS)
        #expect(throws: Secp256k1Error.highS(high.s)) { try high.recoverPublicKey(hash: h) }
        // ecrecover semantics: the flipped signature recovers the same key.
        #expect(try high.recoverPublicKey(hash: h, allowHighS: true) == key.publicKey)
        #expect(high.normalized() == low)
        #expect(low.normalized() == low)
        #expect(!high.verify(hash: h, publicKey: key.publicKey))
        #expect(Secp256k1.halfN + Secp256k1.halfN + U256.one == Secp256k1.n)
    }

    @Test func wrongRecoveryIdOrHashRecoversAnotherKey() throws {
        let key = PrivateKey.random()
        let h = Keccak256.hash(utf8: "abc")
        let sig = key.sign(hash: h)
        let flipped = Signature(unchecked: sig.r, s: sig.s, recoveryID: sig.recoveryID ^ 1)
        if let other = try? flipped.recoverPublicKey(hash: h) { #expect(other != key.publicKey) }
        #expect(try sig.recoverPublicKey(hash: Keccak256.hash(utf8: "abd")) != key.publicKey)
        #expect(!sig.verify(hash: Keccak256.hash(utf8: "abd"), publicKey: key.publicKey))
        #expect(!sig.verify(hash: h, publicKey: PrivateKey.random().publicKey))
    }

    @Test func rWithNoCurvePointFailsRecoveryWithATypedError() throws {
        // x = 5 is not the x coordinate of any secp256k1 point (5^3 + 7 = 132 is a non-residue mod p).
        let sig = try Signature(r: 5, s: 1, recoveryID: 0)
        #expect(throws: Secp256k1Error.recoveryFailed) { try sig.recoverPublicKey(hash: Keccak256.hash(utf8: "")) }
    }

    @Test func errorDescriptionsAreLowerCaseWithEvidence() {
        #expect(Secp256k1Error.highS(U256(255)).description == "signature s is above n/2 (EIP-2 requires low s): 0xff")
        #expect(Secp256k1Error.invalidV(v: 39, chainID: 1).description.hasPrefix("invalid v 39 for chain id 1"))
        #expect(Secp256k1Error.privateKeyLength(got: 31).description == "private key must be 32 bytes, got 31")
    }
}
