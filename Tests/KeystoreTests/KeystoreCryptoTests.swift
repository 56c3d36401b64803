import Foundation
import Primitives
import Testing

@testable import Keystore

/// The keystore's building blocks against their specifications' published vectors.
@Suite("KeystoreCrypto")
struct KeystoreCryptoTests {
    static func h(_ s: String) -> [UInt8] { (try? Hex.decode(s.replacingOccurrences(of: " ", with: ""))) ?? [] }

    @Test func aesMatchesFips197AppendixC1() {
        var block = Self.h("00112233445566778899aabbccddeeff")
        AES128(key: Self.h("000102030405060708090a0b0c0d0e0f")).encrypt(block: &block)
        #expect(block == Self.h("69c4e0d86a7b0430d8cdb78070b4c55a"))
    }

    @Test func aesSboxMatchesKnownEntries() {
        #expect(AES128.sbox(0x00) == 0x63)
        #expect(AES128.sbox(0x01) == 0x7c)
        #expect(AES128.sbox(0x53) == 0xed)
        #expect(AES128.sbox(0xff) == 0x16)
        #expect(Set((0...255).map { AES128.sbox(UInt8($0)) }).count == 256)
    }

    @Test func ctrMatchesSp80038aF51() {
        // NIST SP 800-38A F.5.1 CTR-AES128.Encrypt, first two blocks.
        let key = Self.h("2b7e151628aed2a6abf7158809cf4f3c")
        let iv = Self.h("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")
        let plain = Self.h("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51")
        #expect(AES128.ctr(key: key, iv: iv, data: plain)
            == Self.h("874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"))
        #expect(AES128.ctr(key: key, iv: iv, data: AES128.ctr(key: key, iv: iv, data: plain)) == plain)
        #expect(AES128.ctr(key: key, iv: iv, data: []) == [])
        #expect(AES128.ctr(key: key, iv: iv, data: Array(plain[0..<5])) == Array(AES128.ctr(key: key, iv: iv, data: plain)[0..<5]))
    }

    @Test func ctrCounterWrapsModulo2To128() {
        let key = Self.h("000102030405060708090a0b0c0d0e0f")
        let aes = AES128(key: key)
        var b0 = [UInt8](repeating: 0xff, count: 16), b1 = [UInt8](repeating: 0, count: 16)
        aes.encrypt(block: &b0)
        aes.encrypt(block: &b1)
        #expect(AES128.ctr(key: key, iv: [UInt8](repeating: 0xff, count: 16), data: [UInt8](repeating: 0, count: 32))
            == b0 + b1)
        // A carry that crosses the low 64 bits.
        var c0 = Self.h("0000000000000000ffffffffffffffff"), c1 = Self.h("00000000000000010000000000000000")
        aes.encrypt(block: &c0)
        aes.encrypt(block: &c1)
        #expect(AES128.ctr(key: key, iv: Self.h("0000000000000000ffffffffffffffff"), data: [UInt8](repeating: 0, count: 32))
            == c0 + c1)
    }

    @Test func pbkdf2MatchesRfc7914Section11() {
        #expect(PBKDF2SHA256.derive(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1, count: 64)
            == Self.h("""
                55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc\
                49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783
                """))
        #expect(PBKDF2SHA256.derive(password: Array("Password".utf8), salt: Array("NaCl".utf8), iterations: 80000, count: 64)
            == Self.h("""
                4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56\
                a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d
                """))
    }

    @Test func scryptMatchesRfc7914Section12() {
        #expect(Scrypt.derive(password: [], salt: [], n: 16, r: 1, p: 1, count: 64)
            == Self.h("""
                77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442\
                fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906
                """))
        #expect(Scrypt.derive(password: Array("password".utf8), salt: Array("NaCl".utf8), n: 1024, r: 8, p: 16, count: 64)
            == Self.h("""
                fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162\
                2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640
                """))
    }

    @Test func constantTimeEqualComparesLengthAndContent() {
        #expect(Keystore.constantTimeEqual([1, 2], [1, 2]))
        #expect(!Keystore.constantTimeEqual([1, 2], [1, 3]))
        #expect(!Keystore.constantTimeEqual([1, 2], [1, 2, 3]))
    }
}
