import Foundation
import Keystore
import Primitives

/// Something that signs transactions and messages for one address without ever exposing key bytes.
public protocol Signer: Sendable, CustomStringConvertible {
    /// The signing address.
    var address: Address { get }
    /// Signs a transaction.
    func sign(_ transaction: Transaction) throws(SignerError) -> SignedTransaction
    /// Signs an EIP-191 personal message.
    func signPersonal(_ message: [UInt8]) throws(SignerError) -> Signature
}

/// Why a signer could not be loaded or used; never contains key material.
public enum SignerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The environment variable is not set.
    case missingEnvironment(String)
    /// The key or password file could not be read.
    case unreadable(path: String, reason: String)
    /// The text is not a 32-byte hex private key (its content is never echoed).
    case invalidKey(source: String)
    /// The keystore could not be decrypted or parsed.
    case keystore(String)
    /// No password source.
    case noPassword

    /// A stable short code.
    public var code: String {
        switch self {
        case .missingEnvironment: return "signer.missing_env"
        case .unreadable: return "signer.unreadable"
        case .invalidKey: return "signer.invalid_key"
        case .keystore: return "signer.keystore"
        case .noPassword: return "signer.no_password"
        }
    }

    /// A lower-case one-line description with a hint.
    public var description: String {
        switch self {
        case .missingEnvironment(let name): return "\(name) is not set (export it, or use --keystore)"
        case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
        case .invalidKey(let source): return "\(source) does not hold a 32-byte hex private key"
        case .keystore(let reason): return "keystore: \(reason)"
        case .noPassword: return "no keystore password (pass --password-file or set DEFI_PASSWORD)"
        }
    }
}

/// A signer holding a private key in memory; its description and mirror never show the key.
public struct LocalSigner: Signer, CustomDebugStringConvertible, CustomReflectable {
    private let key: PrivateKey
    /// The signing address.
    public let address: Address
    /// Where the key came from (for messages; never the key).
    public let source: String

    /// A signer over a key.
    public init(key: PrivateKey, source: String) {
        self.key = key
        self.address = (try? Address(bytes: key.addressBytes)) ?? .zero
        self.source = source
    }

    /// Signs a transaction.
    public func sign(_ transaction: Transaction) throws(SignerError) -> SignedTransaction {
        transaction.signed(with: key)
    }

    /// Signs an EIP-191 personal message.
    public func signPersonal(_ message: [UInt8]) throws(SignerError) -> Signature {
        PersonalMessage.sign(message, with: key)
    }

    /// `LocalSigner(0x…, source)` without the key.
    public var description: String { "LocalSigner(\(address), \(source), key: <redacted>)" }
    /// Same as `description`.
    public var debugDescription: String { description }
    /// A mirror without the key.
    public var customMirror: Mirror { Mirror(self, children: ["address": address, "source": source]) }
}

/// Where a signer comes from: an environment variable, a key file or a keystore.
public enum SignerSource: Sendable, Equatable {
    /// A hex key in an environment variable (default DEFI_PRIVATE_KEY).
    case environment(String = "DEFI_PRIVATE_KEY")
    /// A file holding a hex key; it should be mode 0600.
    case keyFile(String)
    /// A Web3 Secret Storage v3 file and its password file (nil: DEFI_PASSWORD).
    case keystore(path: String, passwordFile: String?)

    /// Loads the signer; `warnings` carries advice such as a key file readable by others.
    public func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws(SignerError)
        -> (signer: LocalSigner, warnings: [String])
    {
        switch self {
        case .environment(let name):
            guard let text = environment[name], !text.isEmpty else { throw .missingEnvironment(name) }
            return (LocalSigner(key: try Self.parseKey(text, source: name), source: "env \(name)"), [])
        case .keyFile(let path):
            let text = try Self.read(path)
            var warnings: [String] = []
            if let mode = Self.permissions(path), mode & 0o077 != 0 {
                warnings.append("key file \(path) has mode \(String(mode, radix: 8)); run chmod 600 \(path)")
            }
            return (LocalSigner(key: try Self.parseKey(text, source: path), source: "key file \(path)"), warnings)
        case .keystore(let path, let passwordFile):
            let json = try Self.read(path)
            let password: String
            if let passwordFile {
                password = try Self.read(passwordFile).trimmingCharacters(in: .newlines)
            } else if let p = environment["DEFI_PASSWORD"] {
                password = p
            } else {
                throw .noPassword
            }
            do {
                let key = try Keystore(json: json).decrypt(password: password)
                return (LocalSigner(key: key, source: "keystore \(path)"), [])
            } catch {
                throw .keystore(error.description)
            }
        }
    }

    static func parseKey(_ text: String, source: String) throws(SignerError) -> PrivateKey {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        do { return try PrivateKey(hex: t) } catch { throw .invalidKey(source: source) }
    }

    static func read(_ path: String) throws(SignerError) -> String {
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription.lowercased())
        }
    }

    static func permissions(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }
}
