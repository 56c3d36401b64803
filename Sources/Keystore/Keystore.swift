import Foundation
import Primitives

/// A Web3 Secret Storage v3 keystore (ethereum.org, "Web3 Secret Storage Definition"): an encrypted private key.
///
/// DK = KDF(password, salt); MAC = keccak256(DK[16..<32] ‖ ciphertext); key = AES-128-CTR(DK[0..<16], iv)(ciphertext).
public struct Keystore: Sendable, Equatable {
    /// The `id` field (a UUID string), if present.
    public var id: String?
    /// The `address` field as 20 bytes, if present (geth writes it; the spec makes it optional).
    public var address: [UInt8]?
    /// The key derivation and its parameters.
    public var kdf: KeyDerivation
    /// `cipherparams.iv`: the initial 128-bit big-endian CTR counter.
    public var iv: [UInt8]
    /// The encrypted private key.
    public var ciphertext: [UInt8]
    /// keccak256(DK[16..<32] ‖ ciphertext).
    public var mac: [UInt8]

    /// A keystore from its parts.
    public init(id: String?, address: [UInt8]?, kdf: KeyDerivation, iv: [UInt8], ciphertext: [UInt8], mac: [UInt8]) {
        self.id = id; self.address = address; self.kdf = kdf; self.iv = iv; self.ciphertext = ciphertext
        self.mac = mac
    }

    /// Decrypts the private key: derives DK, checks the MAC in constant time before decrypting, then checks the
    /// key is valid and (when the file has one) that its address matches, as geth does.
    public func decrypt(password: String) throws(KeystoreError) -> PrivateKey {
        try decrypt(passwordBytes: Array(password.utf8))
    }

    /// `decrypt(password:)` for a password given as raw bytes.
    public func decrypt(passwordBytes: [UInt8]) throws(KeystoreError) -> PrivateKey {
        var dk = try kdf.deriveKey(password: passwordBytes)
        defer { for i in dk.indices { dk[i] = 0 } }
        return try decrypt(derivedKey: dk)
    }

    /// The steps after key derivation: MAC check (constant time), AES-128-CTR, key and address checks.
    func decrypt(derivedKey dk: [UInt8]) throws(KeystoreError) -> PrivateKey {
        guard dk.count >= 32 else { throw .macMismatch }
        guard Self.constantTimeEqual(Self.mac(dk: dk, ciphertext: ciphertext), mac) else { throw .macMismatch }
        var plain = try AESCTR.apply(key: dk[0..<16], iv: iv, data: ciphertext)
        defer { for i in plain.indices { plain[i] = 0 } }
        guard plain.count == 32, let key = try? PrivateKey(bytes: plain) else { throw .invalidPrivateKey }
        if let address {
            let got = key.addressBytes
            guard got == address else { throw .addressMismatch(file: Hex.encode(address), key: Hex.encode(got)) }
        }
        return key
    }

    /// Encrypts `key` under `password` with fresh random salt (32 bytes), IV (16 bytes) and a UUID v4 id;
    /// `kdf` defaults to geth's standard scrypt (N = 2^18, r = 8, p = 1).
    public static func encrypt(
        _ key: PrivateKey, password: String, kdf: KeyDerivation? = nil
    ) throws(KeystoreError) -> Keystore {
        let chosen = kdf ?? .scrypt(.standard(salt: randomBytes(32)))
        return try encrypt(
            key, password: password, kdf: chosen, iv: randomBytes(16), id: UUID().uuidString.lowercased())
    }

    /// Deterministic encryption with caller-chosen KDF parameters, IV and id (for tests and reproducible files).
    public static func encrypt(
        _ key: PrivateKey, password: String, kdf: KeyDerivation, iv: [UInt8], id: String
    ) throws(KeystoreError) -> Keystore {
        guard iv.count == 16 else { throw .wrongLength(field: "crypto.cipherparams.iv", expected: "16", got: iv.count) }
        var dk = try kdf.deriveKey(password: Array(password.utf8))
        defer { for i in dk.indices { dk[i] = 0 } }
        var secret = key.secretBytes
        defer { for i in secret.indices { secret[i] = 0 } }
        let ciphertext = try AESCTR.apply(key: dk[0..<16], iv: iv, data: secret)
        return Keystore(
            id: id, address: key.addressBytes, kdf: kdf, iv: iv, ciphertext: ciphertext,
            mac: mac(dk: dk, ciphertext: ciphertext))
    }

    /// keccak256(DK[16..<32] ‖ ciphertext) (Web3 Secret Storage, "MAC").
    static func mac(dk: [UInt8], ciphertext: [UInt8]) -> [UInt8] {
        Keccak256.hash(Array(dk[16..<32]) + ciphertext).bytes
    }

    /// Equality of two byte strings in time that depends only on their lengths.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in a.indices { diff |= a[i] ^ b[i] }
        return diff == 0
    }

    /// `count` bytes from the system's secure generator.
    static func randomBytes(_ count: Int) -> [UInt8] {
        var g = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &g) }
    }
}
