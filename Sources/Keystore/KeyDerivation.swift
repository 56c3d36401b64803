/// The key derivation a keystore names in `crypto.kdf` / `crypto.kdfparams`.
public enum KeyDerivation: Sendable, Equatable {
    /// scrypt (RFC 7914).
    case scrypt(ScryptParameters)
    /// PBKDF2 with HMAC-SHA256 (RFC 8018).
    case pbkdf2(PBKDF2Parameters)

    /// The derived key length in bytes (`dklen`).
    public var derivedKeyLength: Int {
        switch self {
        case .scrypt(let p): return p.dklen
        case .pbkdf2(let p): return p.dklen
        }
    }

    /// Checks the caps, then derives DK from the password's bytes.
    public func deriveKey(password: [UInt8]) throws(KeystoreError) -> [UInt8] {
        switch self {
        case .scrypt(let p):
            try p.validate()
            return try Scrypt.derive(password: password, salt: p.salt, n: p.n, r: p.r, p: p.p, count: p.dklen)
        case .pbkdf2(let p):
            try p.validate()
            return try PBKDF2SHA256.derive(password: password, salt: p.salt, iterations: p.c, count: p.dklen)
        }
    }
}

/// The shared bounds on a derived key length: the keystore needs 32 bytes (16 for AES, 16 for the MAC).
let dklenRange = 32...256

/// scrypt parameters as a keystore stores them.
public struct ScryptParameters: Sendable, Equatable {
    /// CPU/memory cost N (a power of two >= 2).
    public var n: Int
    /// Block size r.
    public var r: Int
    /// Parallelism p.
    public var p: Int
    /// Derived key length in bytes (>= 32).
    public var dklen: Int
    /// The salt.
    public var salt: [UInt8]

    /// Parameters as given.
    public init(n: Int, r: Int, p: Int, dklen: Int = 32, salt: [UInt8]) {
        self.n = n; self.r = r; self.p = p; self.dklen = dklen; self.salt = salt
    }

    /// geth's standard work factor: N = 2^18, r = 8, p = 1 (go-ethereum accounts/keystore StandardScryptN/P).
    public static func standard(salt: [UInt8]) -> ScryptParameters { .init(n: 1 << 18, r: 8, p: 1, salt: salt) }

    /// geth's light work factor: N = 2^12, r = 8, p = 6 (LightScryptN/P).
    public static func light(salt: [UInt8]) -> ScryptParameters { .init(n: 1 << 12, r: 8, p: 6, salt: salt) }

    /// Largest N accepted (2^20, four times geth's standard).
    public static let maxN = 1 << 20
    /// Largest scratch memory accepted, 128·r·N bytes (1 GiB).
    public static let maxMemory = 1 << 30
    /// Largest total work N·r·p accepted (2^24, eight times geth's standard 2^21).
    public static let maxWork = 1 << 24

    /// Rejects parameters scrypt does not define and parameters that cost more than the caps allow.
    public func validate() throws(KeystoreError) {
        guard n >= 2, n & (n - 1) == 0 else {
            throw .invalidParameter(field: "n", value: n, reason: "must be a power of two >= 2 (RFC 7914)")
        }
        guard r >= 1 else { throw .invalidParameter(field: "r", value: r, reason: "must be >= 1") }
        guard p >= 1 else { throw .invalidParameter(field: "p", value: p, reason: "must be >= 1") }
        guard dklenRange.contains(dklen) else {
            throw .invalidParameter(field: "dklen", value: dklen, reason: "must be in 32...256")
        }
        guard n <= Self.maxN else { throw .kdfTooExpensive("scrypt n=\(n) exceeds the cap 2^20") }
        guard r <= 1024, p <= 1024 else { throw .kdfTooExpensive("scrypt r=\(r), p=\(p): each is capped at 1024") }
        let memory = 128 * r * n
        guard memory <= Self.maxMemory else {
            throw .kdfTooExpensive("scrypt memory 128*r*n = \(memory) bytes exceeds the 1 GiB cap (r=\(r), n=\(n))")
        }
        guard n * r * p <= Self.maxWork else {
            throw .kdfTooExpensive("scrypt work n*r*p = \(n * r * p) exceeds the cap 2^24 (n=\(n), r=\(r), p=\(p))")
        }
    }
}

/// PBKDF2-HMAC-SHA256 parameters as a keystore stores them.
public struct PBKDF2Parameters: Sendable, Equatable {
    /// Iteration count c.
    public var c: Int
    /// Derived key length in bytes (>= 32).
    public var dklen: Int
    /// The salt.
    public var salt: [UInt8]

    /// Parameters as given.
    public init(c: Int, dklen: Int = 32, salt: [UInt8]) { self.c = c; self.dklen = dklen; self.salt = salt }

    /// Largest iteration count accepted (2^24, 64 times the spec vectors' 262144).
    public static let maxIterations = 1 << 24

    /// Rejects c < 1, dklen outside 32...256 and iteration counts above the cap.
    public func validate() throws(KeystoreError) {
        guard c >= 1 else { throw .invalidParameter(field: "c", value: c, reason: "must be >= 1") }
        guard dklenRange.contains(dklen) else {
            throw .invalidParameter(field: "dklen", value: dklen, reason: "must be in 32...256")
        }
        guard c <= Self.maxIterations else { throw .kdfTooExpensive("pbkdf2 c=\(c) exceeds the cap 2^24") }
    }
}
