import Crypto
import CryptoExtras

/// PBKDF2 with HMAC-SHA256 (RFC 8018, 5.2), done by BoringSSL through CryptoExtras' `KDF.Insecure.PBKDF2`.
enum PBKDF2SHA256 {
    /// DK = T_1 ‖ T_2 ‖ … truncated to `count` bytes, T_i = U_1 ^ … ^ U_c, U_1 = PRF(P, S ‖ INT(i)).
    ///
    /// Uses `unsafeUncheckedRounds`: the checked entry point refuses fewer than 210,000 rounds, but a keystore's `c`
    /// is whatever its file says (the callers cap it, `PBKDF2Parameters.validate`) and scrypt uses one round.
    static func derive(
        password: [UInt8], salt: [UInt8], iterations: Int, count: Int
    ) throws(KeystoreError) -> [UInt8] {
        precondition(iterations >= 1 && count >= 1)
        let key: SymmetricKey
        do {
            key = try KDF.Insecure.PBKDF2.deriveKey(
                from: password, salt: salt, using: .sha256, outputByteCount: count, unsafeUncheckedRounds: iterations)
        } catch {
            throw .cryptoFailure("pbkdf2-hmac-sha256: \(error)")
        }
        return key.withUnsafeBytes { [UInt8]($0) }
    }
}
