import Crypto
import CryptoExtras
import Foundation

/// AES-128-CTR for keystore ciphertexts, done by BoringSSL through CryptoExtras' `AES._CTR`.
///
/// A keystore's `iv` is the whole 16-byte initial counter block, incremented as one 128-bit big-endian integer that
/// wraps modulo 2^128 (the 'evilnonce' vector starts at ff…ff). `AES._CTR.Nonce(nonceBytes:)` takes the 16 bytes as
/// that block, and BoringSSL's `AES_ctr128_encrypt` increments its low 32 bits and carries into the upper 96
/// (`CRYPTO_ctr128_encrypt_ctr32` with `ctr96_inc`), which is the same 128-bit counter. KeystoreCryptoTests checks
/// the wrap at ff…ff and the carry across 64 bits against single `AES.permute` blocks.
enum AESCTR {
    /// XORs `data` with E(K, IV), E(K, IV+1), …; encryption and decryption are the same operation.
    static func apply(key: ArraySlice<UInt8>, iv: [UInt8], data: [UInt8]) throws(KeystoreError) -> [UInt8] {
        guard key.count == 16 else { throw .wrongLength(field: "aes-128 key", expected: "16", got: key.count) }
        guard iv.count == 16 else { throw .wrongLength(field: "crypto.cipherparams.iv", expected: "16", got: iv.count) }
        var out: Data
        do {
            out = try AES._CTR.encrypt(data, using: SymmetricKey(data: key), nonce: AES._CTR.Nonce(nonceBytes: iv))
        } catch {
            throw .cryptoFailure("aes-128-ctr: \(error)")
        }
        // The output may be a private key: copy it out, then overwrite the Data buffer.
        defer { out.resetBytes(in: 0..<out.count) }
        return [UInt8](out)
    }
}
