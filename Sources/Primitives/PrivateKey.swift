/// A secp256k1 private key (0 < k < n). Never printed, mirrored or encoded; its heap copy is zeroed on release.
public struct PrivateKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The 32 secret bytes, in one heap buffer that `deinit` overwrites.
    let storage: SecretStorage

    /// A key from exactly 32 big-endian bytes; throws for 0 and for values >= n (SEC 1, 3.2.1).
    public init(bytes: some Collection<UInt8>) throws(Secp256k1Error) {
        guard bytes.count == 32 else { throw .privateKeyLength(got: bytes.count) }
        let storage = SecretStorage(bytes)
        guard Secp256k1.isValidSecretKey(storage.pointer) else { throw .privateKeyOutOfRange }
        self.storage = storage
    }

    /// A key from 64 hex digits (with or without `0x`); the error never echoes the text.
    public init(hex: some StringProtocol) throws(Secp256k1Error) {
        guard var bytes = try? Hex.decode(hex) else { throw .privateKeyNotHex }
        defer { for i in bytes.indices { bytes[i] = 0 } }
        try self.init(bytes: bytes)
    }

    /// A fresh key from the system's secure random generator (rejection-sampled into [1, n-1]).
    public static func random() -> PrivateKey {
        while true {
            var words = Secp256k1.randomBytes32()
            defer { words = (0, 0, 0, 0) }
            let bytes = Swift.withUnsafeBytes(of: &words) { Array($0) }
            if let key = try? PrivateKey(bytes: bytes) { return key }
        }
    }

    /// Calls `body` with the 32 secret bytes without copying them; do not let them escape.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: storage.pointer, count: 32))
    }

    /// A copy of the 32 secret bytes (for export or encryption); overwrite it when done.
    public var secretBytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// The public key k·G.
    public var publicKey: PublicKey {
        // A validated key always has a public key; the fallback is unreachable.
        PublicKey(validatedXY: Secp256k1.publicKey(secret: storage.pointer) ?? [])
    }

    /// The 20 address bytes of this key's public key.
    public var addressBytes: [UInt8] { publicKey.addressBytes }

    /// The Ethereum address of this key.
    public var address: Address { publicKey.address }

    /// Signs a 32-byte hash: deterministic RFC 6979 nonce, always low s (EIP-2), recovery id 0 or 1.
    public func sign(hash: Hash32) -> Signature {
        // libsecp256k1 fails only for an invalid key or a nonce function giving up; neither happens with a
        // validated key and RFC 6979, so the trap documents an impossible state rather than an input error.
        guard let sig = Secp256k1.sign(hash: hash, secret: storage.pointer) else {
            preconditionFailure("secp256k1 signing failed with a validated key")
        }
        return sig
    }

    /// Constant-time comparison of the secret bytes.
    public static func == (a: PrivateKey, b: PrivateKey) -> Bool {
        var diff: UInt8 = 0
        for i in 0..<32 {
            diff |=
                a.storage.pointer.load(fromByteOffset: i, as: UInt8.self)
                ^ b.storage.pointer.load(fromByteOffset: i, as: UInt8.self)
        }
        return diff == 0
    }

    /// Always `PrivateKey(<redacted>)`.
    public var description: String { "PrivateKey(<redacted>)" }
    /// Always `PrivateKey(<redacted>)`.
    public var debugDescription: String { description }
    /// A mirror with no children, so `dump` and reflection show nothing secret.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// 32 secret bytes on the heap, zeroed when the last reference goes.
final class SecretStorage: @unchecked Sendable {
    // Immutable after init, so sharing across threads is safe.
    let pointer: UnsafeMutableRawPointer

    init(_ bytes: some Collection<UInt8>) {
        pointer = UnsafeMutableRawPointer.allocate(byteCount: 32, alignment: 8)
        pointer.initializeMemory(as: UInt8.self, repeating: 0, count: 32)
        for (i, b) in bytes.prefix(32).enumerated() { pointer.storeBytes(of: b, toByteOffset: i, as: UInt8.self) }
    }

    deinit {
        pointer.initializeMemory(as: UInt8.self, repeating: 0, count: 32)
        pointer.deallocate()
    }
}
