import Crypto
import CryptoExtras
import Foundation
import Primitives
import Testing

@testable import Keystore

/// The keystore's building blocks (BoringSSL through CryptoExtras, and the project's fallback scrypt) against their
/// specifications' published vectors.
@Suite("KeystoreCrypto")
struct KeystoreCryptoTests {
    static func h(_ s: String) -> [UInt8] { (try? Hex.decode(s.replacingOccurrences(of: " ", with: ""))) ?? [] }

    /// One AES-128 block, E(K, block), through BoringSSL's bare block function.
    static func block(_ key: [UInt8], _ block: [UInt8]) -> [UInt8] {
        var b = block
        try? AES.permute(&b, key: SymmetricKey(data: key))
        return b
    }

    /// Reference CTR: the 16-byte counter incremented as one big-endian 128-bit integer, one block at a time.
    static func referenceCTR(key: [UInt8], iv: [UInt8], data: [UInt8]) -> [UInt8] {
        var counter = iv, out = data, offset = 0
        while offset < data.count {
            let ks = block(key, counter)
            for i in 0..<min(16, data.count - offset) { out[offset + i] ^= ks[i] }
            var j = 15
            while j >= 0 {
                counter[j] &+= 1
                if counter[j] != 0 { break }
                j -= 1
            }
            offset += 16
        }
        return out
    }

    static func ctr(_ key: [UInt8], _ iv: [UInt8], _ data: [UInt8]) throws -> [UInt8] {
        try AESCTR.apply(key: key[...], iv: iv, data: data)
    }

    @Test func aesBlockMatchesFips197AppendixC1() {
        #expect(
            Self.block(Self.h("000102030405060708090a0b0c0d0e0f"), Self.h("00112233445566778899aabbccddeeff"))
                == Self.h("69c4e0d86a7b0430d8cdb78070b4c55a"))
    }

    @Test func ctrMatchesSp80038aF51() throws {
        // NIST SP 800-38A F.5.1 CTR-AES128.Encrypt, first two blocks.
        let key = Self.h("2b7e151628aed2a6abf7158809cf4f3c")
        let iv = Self.h("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")
        let plain = Self.h("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51")
        #expect(try Self.ctr(key, iv, plain) == Self.h("874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"))
        #expect(try Self.ctr(key, iv, try Self.ctr(key, iv, plain)) == plain)
        #expect(try Self.ctr(key, iv, []) == [])
        #expect(try Self.ctr(key, iv, Array(plain[0..<5])) == Array(try Self.ctr(key, iv, plain)[0..<5]))
    }

    @Test func ctrCounterWrapsModulo2To128() throws {
        let key = Self.h("000102030405060708090a0b0c0d0e0f")
        let zeros = [UInt8](repeating: 0, count: 32)
        let ones = [UInt8](repeating: 0xff, count: 16)
        // ff…ff then 00…00: the whole 128-bit counter wraps (the 'evilnonce' keystore).
        #expect(try Self.ctr(key, ones, zeros) == Self.block(key, ones) + Self.block(key, [UInt8](repeating: 0, count: 16)))
        // A carry that crosses the low 64 bits.
        let c0 = Self.h("0000000000000000ffffffffffffffff"), c1 = Self.h("00000000000000010000000000000000")
        #expect(try Self.ctr(key, c0, zeros) == Self.block(key, c0) + Self.block(key, c1))
        // A carry out of the low 32 bits (BoringSSL counts in 32 bits and carries into the upper 96 itself).
        let d0 = Self.h("000000000000000000000000ffffffff"), d1 = Self.h("00000000000000000000000100000000")
        #expect(try Self.ctr(key, d0, zeros) == Self.block(key, d0) + Self.block(key, d1))
    }

    @Test func ctrMatchesReferenceAroundEveryWrapPoint() throws {
        // Longer messages whose counters cross each carry boundary at every offset, including partial last blocks.
        let key = Self.h("2b7e151628aed2a6abf7158809cf4f3c")
        let starts = [
            "fffffffffffffffffffffffffffffffb", "fffffffffffffffffffffffffffffffe", "00000000000000000000000afffffffd",
            "0000000000000000fffffffffffffffc", "7fffffffffffffffffffffffffffffff", "00000000000000000000000000000000",
        ]
        let data = (0..<(16 * 9 + 7)).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for start in starts {
            for length in [1, 16, 17, 32, 33, 80, data.count] {
                let slice = Array(data[0..<length])
                #expect(
                    try Self.ctr(key, Self.h(start), slice) == Self.referenceCTR(key: key, iv: Self.h(start), data: slice),
                    "iv \(start), \(length) bytes")
            }
        }
    }

    @Test func ctrRejectsWrongLengths() {
        #expect(throws: KeystoreError.self) { try Self.ctr([UInt8](repeating: 0, count: 16), [1, 2, 3], [0]) }
        #expect(throws: KeystoreError.self) { try Self.ctr([UInt8](repeating: 0, count: 15), [UInt8](repeating: 0, count: 16), [0]) }
    }

    @Test func pbkdf2MatchesRfc7914Section11() throws {
        #expect(
            try PBKDF2SHA256.derive(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1, count: 64)
                == Self.h(
                    """
                    55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc\
                    49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783
                    """))
        #expect(
            try PBKDF2SHA256.derive(
                password: Array("Password".utf8), salt: Array("NaCl".utf8), iterations: 80000, count: 64)
                == Self.h(
                    """
                    4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56\
                    a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d
                    """))
        // Empty password and salt.
        #expect(try PBKDF2SHA256.derive(password: [], salt: [], iterations: 1, count: 32).count == 32)
    }

    @Test func scryptMatchesRfc7914Section12() throws {
        let v1 = Self.h(
            """
            77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442\
            fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906
            """)
        #expect(try Scrypt.derive(password: [], salt: [], n: 16, r: 1, p: 1, count: 64) == v1)
        #expect(Scrypt.boringSSL(password: [], salt: [], n: 16, r: 1, p: 1, count: 64) == v1)
        #expect(try Scrypt.portable(password: [], salt: [], n: 16, r: 1, p: 1, count: 64) == v1)
        let v2 = Self.h(
            """
            fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162\
            2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640
            """)
        let pw = Array("password".utf8), salt = Array("NaCl".utf8)
        #expect(try Scrypt.derive(password: pw, salt: salt, n: 1024, r: 8, p: 16, count: 64) == v2)
        #expect(Scrypt.boringSSL(password: pw, salt: salt, n: 1024, r: 8, p: 16, count: 64) == v2)
    }

    /// SplitMix64, so the random parameter sets below are the same on every run.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func scryptPathsAgreeOnRandomSmallParameters() throws {
        var g = SeededGenerator(state: 0x6465_6669_7363_7279)
        for i in 0..<16 {
            let n = 1 << Int.random(in: 1...8, using: &g), r = Int.random(in: 1...8, using: &g)
            let p = Int.random(in: 1...3, using: &g), count = Int.random(in: 32...96, using: &g)
            let password = (0..<Int.random(in: 0...40, using: &g)).map { _ in UInt8.random(in: 0...255, using: &g) }
            let salt = (0..<Int.random(in: 0...40, using: &g)).map { _ in UInt8.random(in: 0...255, using: &g) }
            let label = "case \(i): n=\(n) r=\(r) p=\(p) dklen=\(count)"
            let boring = Scrypt.boringSSL(password: password, salt: salt, n: n, r: r, p: p, count: count)
            #expect(boring != nil, "BoringSSL refused \(label)")
            #expect(boring == (try Scrypt.portable(password: password, salt: salt, n: n, r: r, p: p, count: count)), "\(label)")
        }
    }

    @Test func scryptFallsBackWhereBoringSSLRefuses() throws {
        // RFC 7914's N < 2^(16·r): r = 1 allows N up to 2^15. Refused before any allocation, so these are cheap.
        #expect(Scrypt.boringSSL(password: [1], salt: [2], n: 1 << 16, r: 1, p: 1, count: 32) == nil)
        #expect(Scrypt.boringSSL(password: [1], salt: [2], n: 1 << 18, r: 1, p: 8, count: 32) == nil)  // 'test2'
        // BoringSSL's memory bound (128·N·r·p plus one page) is too tight for r > 16 with p = 1: the fallback runs.
        let pw = Array("pw".utf8), salt = Array("salt".utf8)
        #expect(Scrypt.boringSSL(password: pw, salt: salt, n: 2, r: 20, p: 1, count: 32) == nil)
        #expect(
            try Scrypt.derive(password: pw, salt: salt, n: 2, r: 20, p: 1, count: 32)
                == (try Scrypt.portable(password: pw, salt: salt, n: 2, r: 20, p: 1, count: 32)))
    }

    @Test func constantTimeEqualComparesLengthAndContent() {
        #expect(Keystore.constantTimeEqual([1, 2], [1, 2]))
        #expect(!Keystore.constantTimeEqual([1, 2], [1, 3]))
        #expect(!Keystore.constantTimeEqual([1, 2], [1, 2, 3]))
    }
}
