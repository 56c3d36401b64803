import Foundation
import Keystore
import Primitives

/// Where the signing key comes from, in precedence order: `--keystore PATH|NAME` (password from
/// `--password-file`, DEFI_PASSWORD or a prompt), `--private-key-file`, DEFI_PRIVATE_KEY.
public enum SignerSource: Sendable, Equatable {
    /// A keystore file, decrypted with the password from `passwordFile` or the environment.
    case keystore(path: String, passwordFile: String?)
    /// A file holding the 0x-hex key.
    case privateKeyFile(String)
    /// DEFI_PRIVATE_KEY.
    case environment

    /// The source the signer flags and environment select; no source is an error (exit 2).
    public static func select(
        keystore: String?, passwordFile: String?, privateKeyFile: String?, directory: KeystoreDirectory,
        environment: [String: String]
    ) throws(UtilityError) -> SignerSource {
        if let keystore { return .keystore(path: directory.file(for: keystore), passwordFile: passwordFile) }
        if let privateKeyFile { return .privateKeyFile(privateKeyFile) }
        if environment["DEFI_PRIVATE_KEY"] != nil { return .environment }
        throw SecretInput.missingKey
    }

    /// Loads the key. Errors name the source, never the key bytes or the password.
    public func load(_ input: SecretInput) throws(UtilityError) -> PrivateKey {
        switch self {
        case .keystore(let path, let passwordFile):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UtilityError(
                    code: "keystore_not_found", message: "cannot read keystore \(path)",
                    hint: "defi wallet list shows the keystores by name")
            }
            let keystore: Keystore
            do { keystore = try Keystore(json: data) } catch {
                throw UtilityError(code: "invalid_keystore", message: "\(path): \(error)")
            }
            let password = try input.password(file: passwordFile)
            do { return try keystore.decrypt(password: password) } catch {
                throw UtilityError(
                    code: error == .macMismatch ? "wrong_password" : "invalid_keystore", message: "\(error)")
            }
        case .privateKeyFile(let file):
            let (text, source) = try input.privateKeyText(file: file)
            return try Self.parseKey(text, source: source)
        case .environment:
            let (text, source) = try input.privateKeyText(file: nil)
            return try Self.parseKey(text, source: source)
        }
    }

    /// A key from 0x-hex text (64 digits, prefix optional); the error never echoes the text.
    public static func parseKey(_ text: String, source: String) throws(UtilityError) -> PrivateKey {
        do { return try PrivateKey(hex: text.trimmingSpaces) } catch {
            throw UtilityError(
                code: "invalid_private_key",
                message: "\(source) does not hold a valid private key (expected 32 bytes of hex, nonzero and below n)")
        }
    }
}

extension SignerSource {
    /// Checks that `key` signs for `expected` (`--from` / ETH_FROM) when one is given.
    public static func check(_ key: PrivateKey, expected: String?) throws(UtilityError) {
        guard let expected else { return }
        let want = try WalletUtility.checksum(expected)
        guard want == key.address else {
            throw UtilityError(
                code: "signer_mismatch", message: "the selected key signs for \(key.address), not --from \(want)")
        }
    }
}
