import Foundation
import Keystore
import Primitives

/// scrypt cost for new keystores: geth's standard (N = 2^18, r = 8, p = 1) unless lighter values are asked for.
public struct ScryptCost: Sendable, Equatable {
    /// CPU/memory cost N, a power of two.
    public var n: Int
    /// Block size r.
    public var r: Int
    /// Parallelism p.
    public var p: Int

    /// A cost; defaults are geth's standard parameters.
    public init(n: Int = 1 << 18, r: Int = 8, p: Int = 1) {
        self.n = n
        self.r = r
        self.p = p
    }
}

/// A key saved as a keystore.
public struct SavedKeystore: Sendable, Equatable {
    /// The keystore name.
    public var name: String
    /// The key's address.
    public var address: Address
    /// The file written.
    public var path: String
}

/// A signature with the digest signed and the signer.
public struct SignedDigest: Sendable, Equatable {
    /// The 65-byte r ‖ s ‖ v signature, v in {27, 28}.
    public var signature: [UInt8]
    /// The 32-byte digest that was signed.
    public var digest: Hash32
    /// The signer's address.
    public var signer: Address
}

/// The library side of `defi wallet`.
public enum WalletUtility {
    /// Encrypts `key` under `password` with `cost` and saves it as `name` (default: its checksummed address).
    public static func save(
        _ key: PrivateKey, name: String?, password: String, cost: ScryptCost, in directory: KeystoreDirectory
    ) throws(UtilityError) -> SavedKeystore {
        let salt = (0..<32).map { _ in UInt8.random(in: .min ... .max) }
        let params = ScryptParameters(n: cost.n, r: cost.r, p: cost.p, salt: salt)
        let keystore: Keystore
        do { keystore = try Keystore.encrypt(key, password: password, kdf: .scrypt(params)) } catch {
            throw UtilityError(code: "invalid_kdf", message: "\(error)", hint: "--scrypt-n must be a power of two")
        }
        let chosen = name ?? key.address.checksummed
        let path = try directory.save(keystore, name: chosen)
        return SavedKeystore(name: chosen, address: key.address, path: path)
    }

    /// The EIP-55 form of `text`; mixed case with a wrong checksum is an error naming the expected form.
    public static func checksum(_ text: String) throws(UtilityError) -> Address {
        do { return try Address(parsing: text.trimmingSpaces) } catch {
            if case .badChecksum = error {
                throw UtilityError(code: "bad_checksum", message: "\(error)")
            }
            throw UtilityError(code: "invalid_address", message: "\"\(InputError.shorten(text))\": \(error)")
        }
    }

    /// Signs an EIP-191 personal message: UTF-8 `message`, or its hex-decoded bytes when `hex`.
    public static func signMessage(_ message: String, hex: Bool, with key: PrivateKey) throws(UtilityError)
        -> SignedDigest
    {
        let bytes = hex ? try ABIUtility.hexBytes(message, what: "message") : Array(message.utf8)
        return SignedDigest(
            signature: PersonalMessage.signatureBytes(bytes, with: key), digest: PersonalMessage.hash(bytes),
            signer: key.address)
    }

    /// Signs EIP-712 typed data given as the standard JSON (`types`, `primaryType`, `domain`, `message`).
    public static func signTypedData(json: String, with key: PrivateKey) throws(UtilityError) -> SignedDigest {
        let digest: Hash32
        do { digest = try TypedData(jsonText: json).signingHash() } catch {
            throw UtilityError(code: "invalid_typed_data", message: "\(error)")
        }
        return SignedDigest(
            signature: key.sign(hash: digest).rsvBytes(legacyV: true), digest: digest, signer: key.address)
    }
}
