/// Errors from reading, decrypting and writing Web3 Secret Storage v3 keystores. None carries key material.
public enum KeystoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not a JSON object.
    case invalidJSON(String)
    /// A required field is absent (dotted path, e.g. `crypto.kdfparams.salt`).
    case missingField(String)
    /// A field has the wrong JSON type.
    case wrongType(field: String, expected: String)
    /// `version` is not 3.
    case unsupportedVersion(String)
    /// A key derivation function other than scrypt and pbkdf2.
    case unsupportedKDF(String)
    /// A cipher other than aes-128-ctr.
    case unsupportedCipher(String)
    /// A PBKDF2 pseudo-random function other than hmac-sha256.
    case unsupportedPRF(String)
    /// A hex field that does not decode.
    case badHex(field: String, reason: String)
    /// A decoded field of the wrong size.
    case wrongLength(field: String, expected: String, got: Int)
    /// A KDF parameter outside what the algorithm defines (e.g. scrypt n not a power of two, dklen < 32).
    case invalidParameter(field: String, value: Int, reason: String)
    /// KDF parameters refused because they would cost too much memory or time (denial-of-service cap).
    case kdfTooExpensive(String)
    /// The MAC does not match: the password is wrong or the file was altered.
    case macMismatch
    /// The decrypted bytes are not a valid secp256k1 private key.
    case invalidPrivateKey
    /// The file's `address` differs from the decrypted key's address.
    case addressMismatch(file: String, key: String)
    /// BoringSSL (swift-crypto) failed where it should not, e.g. out of memory; carries no key material.
    case cryptoFailure(String)

    public var description: String {
        switch self {
        case .invalidJSON(let why): return "keystore is not a valid json object: \(why)"
        case .missingField(let f): return "keystore field '\(f)' is missing"
        case .wrongType(let f, let expected): return "keystore field '\(f)' must be \(expected)"
        case .unsupportedVersion(let v): return "unsupported keystore version \(v): only version 3 is supported"
        case .unsupportedKDF(let k): return "unsupported kdf '\(k)': expected scrypt or pbkdf2"
        case .unsupportedCipher(let c): return "unsupported cipher '\(c)': expected aes-128-ctr"
        case .unsupportedPRF(let p): return "unsupported pbkdf2 prf '\(p)': expected hmac-sha256"
        case .badHex(let f, let why): return "keystore field '\(f)' is not valid hex: \(why)"
        case .wrongLength(let f, let expected, let got):
            return "keystore field '\(f)' has \(got) bytes, expected \(expected)"
        case .invalidParameter(let f, let v, let why): return "invalid kdf parameter \(f)=\(v): \(why)"
        case .kdfTooExpensive(let why): return "kdf parameters refused (denial-of-service cap): \(why)"
        case .macMismatch: return "keystore mac mismatch: wrong password or corrupted file"
        case .invalidPrivateKey: return "decrypted key is not a valid secp256k1 private key (0 or >= n)"
        case .addressMismatch(let file, let key):
            return "keystore address \(file) does not match the decrypted key's address \(key)"
        case .cryptoFailure(let why): return "keystore crypto failed: \(why)"
        }
    }
}
