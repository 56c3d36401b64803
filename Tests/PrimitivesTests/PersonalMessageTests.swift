import Testing

@testable import Primitives

@Suite("PersonalMessage")
struct PersonalMessageTests {
    @Test func helloWorldHashMatchesEip191Vector() {
        // protocol-notes 11.4 / ethers hashMessage("hello world").
        #expect(
            PersonalMessage.hash(utf8: "hello world").description
                == "0xd9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68")
        #expect(PersonalMessage.hash(Array("hello world".utf8)) == PersonalMessage.hash(utf8: "hello world"))
    }

    @Test func prefixUsesDecimalByteLength() {
        #expect(PersonalMessage.prefix(length: 0) == Array("\u{19}Ethereum Signed Message:\n0".utf8))
        #expect(PersonalMessage.prefix(length: 1234) == Array("\u{19}Ethereum Signed Message:\n1234".utf8))
        // Length counts UTF-8 bytes, not characters: "é" is 2 bytes.
        #expect(
            PersonalMessage.hash(utf8: "é")
                == Keccak256.hash(Array("\u{19}Ethereum Signed Message:\n2é".utf8)))
        #expect(PersonalMessage.hash([UInt8]()) == Keccak256.hash(utf8: "\u{19}Ethereum Signed Message:\n0"))
    }

    @Test func signThenRecoverRoundTrips() throws {
        let key = PrivateKey.random()
        for message in [[UInt8](), Array("hi".utf8), [UInt8](repeating: 7, count: 3000)] {
            let sig = PersonalMessage.signatureBytes(message, with: key)
            #expect(sig.count == 65)
            #expect(sig[64] == 27 || sig[64] == 28)
            #expect(try PersonalMessage.recoverAddressBytes(message, signature: sig) == key.addressBytes)
            #expect(try PersonalMessage.recoverPublicKey(message, signature: sig) == key.publicKey)
            #expect(try PersonalMessage.recoverAddress(message, signature: sig) == key.address)
            #expect(try PersonalMessage.recoverAddressBytes(message + [0], signature: sig) != key.addressBytes)
        }
    }

    @Test func highSIsAcceptedByDefaultAndRejectedOnRequest() throws {
        let key = PrivateKey.random()
        let low = PersonalMessage.sign(Array("m".utf8), with: key)
        let high = Signature(unchecked: low.r, s: Secp256k1.n - low.s, recoveryID: low.recoveryID ^ 1)
        let bytes = high.rsvBytes()
        #expect(try PersonalMessage.recoverAddressBytes(Array("m".utf8), signature: bytes) == key.addressBytes)
        #expect(throws: Secp256k1Error.highS(high.s)) {
            try PersonalMessage.recoverAddressBytes(Array("m".utf8), signature: bytes, allowHighS: false)
        }
    }

    @Test func malformedSignaturesThrowTypedErrors() {
        let m = Array("m".utf8)
        #expect(throws: Secp256k1Error.signatureLength(expected: 65, got: 64)) {
            try PersonalMessage.recoverAddressBytes(m, signature: [UInt8](repeating: 1, count: 64))
        }
        var zeros = [UInt8](repeating: 0, count: 65)
        zeros[64] = 27
        #expect(throws: Secp256k1Error.scalarOutOfRange(field: "r", value: .zero)) {
            try PersonalMessage.recoverAddressBytes(m, signature: zeros)
        }
    }
}
