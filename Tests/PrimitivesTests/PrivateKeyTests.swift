import Testing

@testable import Primitives

@Suite("PrivateKey")
struct PrivateKeyTests {
    static let nBytes: [UInt8] = Secp256k1.n.bigEndianBytes

    @Test func keyOneHasTheKnownAddress() throws {
        let key = try PrivateKey(bytes: [UInt8](repeating: 0, count: 31) + [1])
        #expect(key.addressBytes.hex == "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf")
        #expect(key.address.description == "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")
        #expect(key.address == (try Address.fromPublicKey(key.publicKey.uncompressedBytes)))
        #expect(key.publicKey.rawBytes.count == 64)
        #expect(key.publicKey.uncompressedBytes.count == 65)
        #expect(key.publicKey.uncompressedBytes.first == 0x04)
        // G itself: x = 79be667e…
        #expect(
            key.publicKey.compressedBytes.hex
                == "0x0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")
    }

    @Test func zeroKeyIsRejected() {
        #expect(throws: Secp256k1Error.privateKeyOutOfRange) { try PrivateKey(bytes: [UInt8](repeating: 0, count: 32)) }
    }

    @Test func orderNAndAboveAreRejected() throws {
        #expect(throws: Secp256k1Error.privateKeyOutOfRange) { try PrivateKey(bytes: Self.nBytes) }
        var above = Self.nBytes
        above[31] += 1
        #expect(throws: Secp256k1Error.privateKeyOutOfRange) { try PrivateKey(bytes: above) }
        #expect(throws: Secp256k1Error.privateKeyOutOfRange) {
            try PrivateKey(bytes: [UInt8](repeating: 0xff, count: 32))
        }
        var nMinus1 = Self.nBytes
        nMinus1[31] -= 1
        _ = try PrivateKey(bytes: nMinus1)
    }

    @Test func wrongLengthIsRejected() {
        #expect(throws: Secp256k1Error.privateKeyLength(got: 31)) {
            try PrivateKey(bytes: [UInt8](repeating: 1, count: 31))
        }
        #expect(throws: Secp256k1Error.privateKeyLength(got: 33)) {
            try PrivateKey(bytes: [UInt8](repeating: 1, count: 33))
        }
        #expect(throws: Secp256k1Error.privateKeyLength(got: 0)) { try PrivateKey(bytes: []) }
    }

    @Test func hexParsingNeverEchoesTheText() throws {
        let key = try PrivateKey(hex: "0x4646464646464646464646464646464646464646464646464646464646464646")
        #expect(key.addressBytes.hex == "0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f")
        #expect(throws: Secp256k1Error.privateKeyNotHex) { try PrivateKey(hex: "0xzz46") }
        #expect(throws: Secp256k1Error.privateKeyNotHex) { try PrivateKey(hex: "123") }
        #expect(throws: Secp256k1Error.privateKeyLength(got: 2)) { try PrivateKey(hex: "4646") }
    }

    @Test func descriptionsAndMirrorAreRedacted() throws {
        let key = try PrivateKey(hex: "4646464646464646464646464646464646464646464646464646464646464646")
        #expect(key.description == "PrivateKey(<redacted>)")
        #expect(key.debugDescription == "PrivateKey(<redacted>)")
        #expect(String(describing: key) == "PrivateKey(<redacted>)")
        #expect(String(reflecting: key) == "PrivateKey(<redacted>)")
        #expect(Mirror(reflecting: key).children.isEmpty)
        var dumped = ""
        dump(key, to: &dumped)
        #expect(!dumped.contains("46"))
        #expect(!"\(Secp256k1Error.privateKeyOutOfRange)".contains("46"))
    }

    @Test func randomKeysAreValidAndDistinct() throws {
        let a = PrivateKey.random(), b = PrivateKey.random()
        #expect(a != b)
        #expect(a == (try PrivateKey(bytes: a.secretBytes)))
        #expect(a.withUnsafeBytes { $0.count } == 32)
    }

    @Test func signaturesAreDeterministicAndLowS() throws {
        let key = PrivateKey.random()
        for i in 0..<50 {
            let h = Keccak256.hash(utf8: "message \(i)")
            let s1 = key.sign(hash: h), s2 = key.sign(hash: h)
            #expect(s1 == s2)
            #expect(s1.isLowS)
            #expect(s1.verify(hash: h, publicKey: key.publicKey))
            #expect(try s1.recoverPublicKey(hash: h) == key.publicKey)
        }
    }

    @Test func publicKeyParsesAllThreeForms() throws {
        let pub = PrivateKey.random().publicKey
        #expect(try PublicKey(bytes: pub.rawBytes) == pub)
        #expect(try PublicKey(bytes: pub.uncompressedBytes) == pub)
        #expect(try PublicKey(bytes: pub.compressedBytes) == pub)
        var off = pub.rawBytes
        off[63] ^= 1
        #expect(throws: Secp256k1Error.invalidPublicKey(length: 64)) { try PublicKey(bytes: off) }
        #expect(throws: Secp256k1Error.invalidPublicKey(length: 10)) {
            try PublicKey(bytes: [UInt8](repeating: 2, count: 10))
        }
        #expect(throws: Secp256k1Error.invalidPublicKey(length: 0)) { try PublicKey(bytes: []) }
    }
}
