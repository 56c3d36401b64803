import Foundation
import Primitives
import Testing

@testable import Keystore

@Suite("Keystore")
struct KeystoreTests {
    static let key = (try? PrivateKey(hex: "0x4646464646464646464646464646464646464646464646464646464646464646"))!
    static let tiny = KeyDerivation.scrypt(ScryptParameters(n: 16, r: 8, p: 1, salt: [UInt8](repeating: 7, count: 32)))
    static let iv = [UInt8](repeating: 9, count: 16)

    /// A small valid keystore's JSON object, for tests that then break one field.
    static func object() throws -> [String: Any] {
        let ks = try Keystore.encrypt(key, password: "pw", kdf: tiny, iv: iv, id: "id-1")
        return try JSONSerialization.jsonObject(with: ks.jsonData()) as? [String: Any] ?? [:]
    }

    static func parse(_ o: [String: Any]) throws -> Keystore {
        try Keystore(json: JSONSerialization.data(withJSONObject: o))
    }

    static func mutate(_ path: [String], _ value: Any?) throws -> [String: Any] {
        func set(_ o: [String: Any], _ p: ArraySlice<String>) -> [String: Any] {
            var o = o
            guard let k = p.first else { return o }
            if p.count == 1 { o[k] = value } else { o[k] = set(o[k] as? [String: Any] ?? [:], p.dropFirst()) }
            return o
        }
        return set(try object(), path[...])
    }

    @Test func roundTripWithTinyScryptAndPbkdf2() throws {
        for kdf in [Self.tiny, .pbkdf2(PBKDF2Parameters(c: 3, salt: [1, 2, 3]))] {
            let ks = try Keystore.encrypt(Self.key, password: "pässwörd", kdf: kdf, iv: Self.iv, id: "x")
            #expect(try ks.decrypt(password: "pässwörd") == Self.key)
            let reread = try Keystore(json: ks.jsonString)
            #expect(reread == ks)
            #expect(try reread.decrypt(password: "pässwörd") == Self.key)
            #expect(throws: KeystoreError.macMismatch) { try reread.decrypt(password: "passwörd") }
        }
    }

    @Test func randomEncryptionUsesFreshSaltIvAndUuid() throws {
        let kdf = KeyDerivation.scrypt(ScryptParameters(n: 2, r: 8, p: 1, salt: Keystore.randomBytes(32)))
        let a = try Keystore.encrypt(Self.key, password: "", kdf: kdf)
        let b = try Keystore.encrypt(Self.key, password: "", kdf: kdf)
        #expect(a.iv != b.iv && a.id != b.id && a.ciphertext != b.ciphertext)
        #expect(a.iv.count == 16)
        let uuid = a.id ?? ""
        #expect(uuid.count == 36 && uuid == uuid.lowercased() && Array(uuid)[14] == "4")
        #expect(try a.decrypt(password: "") == Self.key)
    }

    @Test func defaultKdfIsGethStandardScrypt() throws {
        let params = ScryptParameters.standard(salt: [])
        #expect(params.n == 262144 && params.r == 8 && params.p == 1 && params.dklen == 32)
        #expect(ScryptParameters.light(salt: []).n == 4096 && ScryptParameters.light(salt: []).p == 6)
    }

    @Test func writtenJsonHasGethShape() throws {
        let o = try Self.object()
        #expect(o["version"] as? Int == 3)
        #expect(o["id"] as? String == "id-1")
        #expect(o["address"] as? String == "9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f")
        let crypto = o["crypto"] as? [String: Any] ?? [:]
        #expect(crypto["cipher"] as? String == "aes-128-ctr")
        #expect(crypto["kdf"] as? String == "scrypt")
        #expect((crypto["ciphertext"] as? String)?.count == 64)
        #expect((crypto["mac"] as? String)?.hasPrefix("0x") == false)
        let params = crypto["kdfparams"] as? [String: Any] ?? [:]
        #expect(params["n"] as? Int == 16 && params["r"] as? Int == 8 && params["p"] as? Int == 1)
        #expect(params["dklen"] as? Int == 32 && (params["salt"] as? String)?.count == 64)
        #expect(
            !(try Keystore.encrypt(Self.key, password: "pw", kdf: Self.tiny, iv: Self.iv, id: "i").jsonString
                .contains("4646464646")))
    }

    @Test func capitalCryptoKeyAndHexPrefixesAreAccepted() throws {
        var o = try Self.object()
        o["Crypto"] = o.removeValue(forKey: "crypto")
        #expect(try Self.parse(o).decrypt(password: "pw") == Self.key)
        let prefixed = try Self.mutate(["address"], "0x9D8A62F656A8D1615C1294FD71E9CFB3E4855A4F")
        #expect(try Self.parse(prefixed).decrypt(password: "pw") == Self.key)
        #expect(try Self.parse(Self.mutate(["address"], nil)).decrypt(password: "pw") == Self.key)
    }

    @Test func truncatedOrNonObjectJsonThrows() throws {
        let text = try Keystore.encrypt(Self.key, password: "pw", kdf: Self.tiny, iv: Self.iv, id: "i").jsonString
        for cut in [0, 1, 10, text.count / 2, text.count - 1] {
            #expect(throws: KeystoreError.self) { try Keystore(json: String(text.prefix(cut))) }
        }
        #expect(throws: KeystoreError.invalidJSON("top level is not an object")) { try Keystore(json: "[1,2]") }
        #expect(throws: KeystoreError.missingField("crypto")) { try Keystore(json: #"{"version":3}"#) }
        #expect(throws: KeystoreError.missingField("version")) { try Keystore(json: "{}") }
    }

    @Test func unsupportedAlgorithmsAndVersionsThrowNamingThem() throws {
        #expect(throws: KeystoreError.unsupportedVersion("4")) { try Self.parse(Self.mutate(["version"], 4)) }
        #expect(throws: KeystoreError.wrongType(field: "version", expected: "an integer")) {
            try Self.parse(Self.mutate(["version"], "3"))
        }
        #expect(throws: KeystoreError.unsupportedCipher("aes-128-cbc")) {
            try Self.parse(Self.mutate(["crypto", "cipher"], "aes-128-cbc"))
        }
        #expect(throws: KeystoreError.unsupportedKDF("argon2id")) {
            try Self.parse(Self.mutate(["crypto", "kdf"], "argon2id"))
        }
        var o = try Self.mutate(["crypto", "kdf"], "pbkdf2")
        o = try { () throws -> [String: Any] in
            var c = o["crypto"] as? [String: Any] ?? [:]
            c["kdfparams"] = ["c": 2, "dklen": 32, "prf": "hmac-sha512", "salt": "00"]
            o["crypto"] = c
            return o
        }()
        #expect(throws: KeystoreError.unsupportedPRF("hmac-sha512")) { try Self.parse(o) }
    }

    @Test func badHexAndLengthsNameTheField() throws {
        #expect(throws: KeystoreError.badHex(field: "crypto.mac", reason: "invalid hex character 'z' at offset 0")) {
            try Self.parse(Self.mutate(["crypto", "mac"], "zz"))
        }
        #expect(throws: KeystoreError.wrongLength(field: "crypto.cipherparams.iv", expected: "16", got: 15)) {
            try Self.parse(Self.mutate(["crypto", "cipherparams", "iv"], String(repeating: "ab", count: 15)))
        }
        #expect(throws: KeystoreError.wrongLength(field: "crypto.ciphertext", expected: "32", got: 31)) {
            try Self.parse(Self.mutate(["crypto", "ciphertext"], String(repeating: "ab", count: 31)))
        }
        #expect(
            throws: KeystoreError.badHex(
                field: "crypto.kdfparams.salt", reason: "hex string has an odd number of digits (3)")
        ) {
            try Self.parse(Self.mutate(["crypto", "kdfparams", "salt"], "abc"))
        }
        #expect(throws: KeystoreError.wrongLength(field: "address", expected: "20", got: 2)) {
            try Self.parse(Self.mutate(["address"], "abcd"))
        }
        #expect(throws: KeystoreError.missingField("crypto.kdfparams.n")) {
            try Self.parse(Self.mutate(["crypto", "kdfparams", "n"], nil))
        }
        #expect(throws: KeystoreError.wrongType(field: "crypto.kdfparams.n", expected: "an integer")) {
            try Self.parse(Self.mutate(["crypto", "kdfparams", "n"], 16.5))
        }
        #expect(throws: KeystoreError.wrongType(field: "crypto.kdfparams.r", expected: "an integer")) {
            try Self.parse(Self.mutate(["crypto", "kdfparams", "r"], true))
        }
    }

    @Test func absurdScryptParametersAreRefusedBeforeAnyWork() throws {
        func refuse(_ key: String, _ value: Int, _ expected: KeystoreError) throws {
            #expect(throws: expected) { try Self.parse(Self.mutate(["crypto", "kdfparams", key], value)) }
        }
        try refuse("n", 0, .invalidParameter(field: "n", value: 0, reason: "must be a power of two >= 2 (RFC 7914)"))
        try refuse(
            "n", 1000, .invalidParameter(field: "n", value: 1000, reason: "must be a power of two >= 2 (RFC 7914)"))
        try refuse("n", 1 << 40, .kdfTooExpensive("scrypt n=1099511627776 exceeds the cap 2^20"))
        try refuse("r", 0, .invalidParameter(field: "r", value: 0, reason: "must be >= 1"))
        try refuse("p", -1, .invalidParameter(field: "p", value: -1, reason: "must be >= 1"))
        try refuse("r", 1 << 40, .kdfTooExpensive("scrypt r=1099511627776, p=1: each is capped at 1024"))
        try refuse("dklen", 16, .invalidParameter(field: "dklen", value: 16, reason: "must be in 32...256"))
        #expect(
            throws: KeystoreError.kdfTooExpensive(
                "scrypt memory 128*r*n = 2147483648 bytes exceeds the 1 GiB cap (r=16, n=1048576)")
        ) {
            try ScryptParameters(n: 1 << 20, r: 16, p: 1, salt: []).validate()
        }
        #expect(
            throws: KeystoreError.kdfTooExpensive(
                "scrypt work n*r*p = 33554432 exceeds the cap 2^24 (n=262144, r=8, p=16)")
        ) {
            try ScryptParameters(n: 1 << 18, r: 8, p: 16, salt: []).validate()
        }
        #expect(throws: KeystoreError.kdfTooExpensive("pbkdf2 c=100000000 exceeds the cap 2^24")) {
            try PBKDF2Parameters(c: 100_000_000, salt: []).validate()
        }
        #expect(throws: KeystoreError.invalidParameter(field: "c", value: 0, reason: "must be >= 1")) {
            try PBKDF2Parameters(c: 0, salt: []).validate()
        }
        try ScryptParameters.standard(salt: []).validate()
        try ScryptParameters(n: 1 << 18, r: 1, p: 8, salt: []).validate()  // official test2
    }

    @Test func tamperingIsDetectedByTheMacBeforeDecryption() throws {
        let o = try Self.object()
        let crypto = o["crypto"] as? [String: Any] ?? [:]
        let ct = crypto["ciphertext"] as? String ?? ""
        let flipped = (ct.first == "0" ? "1" : "0") + ct.dropFirst()
        #expect(throws: KeystoreError.macMismatch) {
            try Self.parse(Self.mutate(["crypto", "ciphertext"], flipped)).decrypt(password: "pw")
        }
        #expect(throws: KeystoreError.macMismatch) {
            try Self.parse(Self.mutate(["crypto", "kdfparams", "n"], 32)).decrypt(password: "pw")
        }
        #expect(KeystoreError.macMismatch.description == "keystore mac mismatch: wrong password or corrupted file")
    }

    @Test func addressMismatchAndInvalidKeyAreTypedErrors() throws {
        let other = String(repeating: "11", count: 20)
        #expect(
            throws: KeystoreError.addressMismatch(file: "0x" + other, key: "0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f")
        ) {
            try Self.parse(Self.mutate(["address"], other)).decrypt(password: "pw")
        }
        // A keystore whose plaintext is n (not a valid key), with a correct MAC.
        var dk = try Self.tiny.deriveKey(password: Array("pw".utf8))
        let n = try Hex.decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")
        let ct = try AESCTR.apply(key: dk[0..<16], iv: Self.iv, data: n)
        let bad = Keystore(
            id: nil, address: nil, kdf: Self.tiny, iv: Self.iv, ciphertext: ct,
            mac: Keystore.mac(dk: dk, ciphertext: ct))
        dk = []
        #expect(throws: KeystoreError.invalidPrivateKey) { try bad.decrypt(password: "pw") }
    }

    @Test func errorDescriptionsCarryEvidenceAndNoSecrets() {
        #expect(
            KeystoreError.unsupportedKDF("argon2").description == "unsupported kdf 'argon2': expected scrypt or pbkdf2")
        #expect(
            KeystoreError.badHex(field: "crypto.mac", reason: "x").description
                == "keystore field 'crypto.mac' is not valid hex: x")
    }
}
