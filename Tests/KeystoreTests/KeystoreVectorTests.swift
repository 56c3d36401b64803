import Foundation
import Primitives
import Testing

@testable import Keystore

/// ../shared/vectors/keystore.json case by case: ethereum/tests KeyStoreTests, the spec's vectors and frozen
/// eth-keyfile output. Work factors above 2^16 (c or n·r·p) take seconds to minutes in a debug build, so they run
/// only in release builds or with DEFI_SLOW_TESTS=1.
@Suite("KeystoreVectors")
struct KeystoreVectorTests {
    static var runSlow: Bool {
        #if DEBUG
            return ProcessInfo.processInfo.environment["DEFI_SLOW_TESTS"] == "1"
        #else
            return true
        #endif
    }

    static func work(_ ks: Keystore) -> Int {
        switch ks.kdf {
        case .scrypt(let p): return p.n * p.r * p.p
        case .pbkdf2(let p): return p.c
        }
    }

    static func keystore(_ c: [String: Any]) throws -> Keystore {
        try Keystore(json: JSONSerialization.data(withJSONObject: c["keystore"] ?? [:]))
    }

    @Test(.enabled(if: Fixtures.hasVector("keystore"), "../shared/vectors/keystore.json absent"))
    func positiveCasesDecryptToTheirKeys() throws {
        let cases = try Fixtures.vector("keystore")["cases"] as? [[String: Any]] ?? []
        #expect(cases.count >= 10)
        var ran = 0
        for c in cases {
            let name = c["name"] as? String ?? "?"
            let ks = try Self.keystore(c)
            if Self.work(ks) > 1 << 16 && !Self.runSlow { continue }
            ran += 1
            if c["expect"] as? String == "spec_erratum_kdf_step" {
                // The spec's scrypt vector: its DK is not scrypt(password), but MAC and AES are consistent from DK.
                #expect(throws: KeystoreError.macMismatch, "\(name)") { try ks.decrypt(password: c["password"] as? String ?? "") }
                let dk = try Hex.decode((c["intermediates"] as? [String: Any])?["derived_key"] as? String ?? "")
                #expect(Hex.encode(try ks.decrypt(derivedKey: dk).secretBytes) == (c["private_key"] as? String)?.lowercased())
                continue
            }
            let key = try ks.decrypt(password: c["password"] as? String ?? "")
            #expect(Hex.encode(key.secretBytes) == (c["private_key"] as? String)?.lowercased(), "\(name)")
            if let address = c["address"] as? String {
                #expect(Hex.encode(key.addressBytes) == address.lowercased(), "\(name) address")
            }
            // Re-encrypting with the file's own parameters reproduces its ciphertext and MAC.
            let again = try Keystore.encrypt(key, password: c["password"] as? String ?? "", kdf: ks.kdf, iv: ks.iv, id: "x")
            #expect(again.ciphertext == ks.ciphertext && again.mac == ks.mac, "\(name) re-encryption")
        }
        #expect(ran >= 6)
    }

    @Test(.enabled(if: Fixtures.hasVector("keystore"), "../shared/vectors/keystore.json absent"))
    func intermediatesMatchWhereGiven() throws {
        let cases = try Fixtures.vector("keystore")["cases"] as? [[String: Any]] ?? []
        for c in cases {
            guard let mid = c["intermediates"] as? [String: Any], let dkHex = mid["derived_key"] as? String else { continue }
            let ks = try Self.keystore(c)
            if Self.work(ks) > 1 << 16 && !Self.runSlow { continue }
            if c["expect"] as? String == "spec_erratum_kdf_step" {
                let recomputed = c["recomputed_intermediates_from_password"] as? [String: Any]
                let dk = try ks.kdf.deriveKey(password: Array((c["password"] as? String ?? "").utf8))
                #expect(Hex.encode(dk, prefix: false) == recomputed?["derived_key"] as? String)
                continue
            }
            let dk = try ks.kdf.deriveKey(password: Array((c["password"] as? String ?? "").utf8))
            #expect(Hex.encode(dk, prefix: false) == dkHex, "\(c["name"] ?? "?") derived key")
            if let macHex = mid["mac"] as? String {
                #expect(Hex.encode(Keystore.mac(dk: dk, ciphertext: ks.ciphertext), prefix: false) == macHex)
            }
        }
    }

    @Test(.enabled(if: Fixtures.hasVector("keystore"), "../shared/vectors/keystore.json absent"))
    func negativeCasesAreRejectedWithTypedErrors() throws {
        let cases = try Fixtures.vector("keystore")["negative_cases"] as? [[String: Any]] ?? []
        #expect(cases.count >= 4)
        for c in cases {
            let name = c["name"] as? String ?? "?"
            do {
                let ks = try Self.keystore(c)
                if Self.work(ks) > 1 << 16 && !Self.runSlow { continue }
                _ = try ks.decrypt(password: c["password"] as? String ?? "")
                Issue.record("\(name): decrypted, expected a rejection")
            } catch let error as KeystoreError {
                if (c["eth_keyfile_error"] as? String ?? "").contains("MAC mismatch") { #expect(error == .macMismatch, "\(name)") }
            }
        }
    }
}
