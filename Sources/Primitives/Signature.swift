/// The parity of the signature point R's y coordinate, as typed transactions carry it (EIP-2930, EIP-1559 `yParity`).
public enum YParity: UInt8, Sendable, Hashable {
    /// y is even (recovery id 0).
    case even = 0
    /// y is odd (recovery id 1).
    case odd = 1
}

/// A recoverable secp256k1 ECDSA signature: r, s and the recovery id (0 or 1).
public struct Signature: Sendable, Hashable, CustomStringConvertible {
    /// The x coordinate of R, reduced mod n, in [1, n-1].
    public let r: U256
    /// The proof scalar, in [1, n-1].
    public let s: U256
    /// 0 or 1: the parity of R's y coordinate.
    public let recoveryID: UInt8

    /// Trusted constructor for values straight from libsecp256k1.
    init(unchecked r: U256, s: U256, recoveryID: UInt8) {
        self.r = r
        self.s = s
        self.recoveryID = recoveryID
    }

    /// A signature from its parts; r and s must be in [1, n-1] and the recovery id 0 or 1 (high s is allowed here,
    /// see `isLowS` and `normalized()`).
    public init(r: U256, s: U256, recoveryID: Int) throws(Secp256k1Error) {
        guard !r.isZero, r < Secp256k1.n else { throw .scalarOutOfRange(field: "r", value: r) }
        guard !s.isZero, s < Secp256k1.n else { throw .scalarOutOfRange(field: "s", value: s) }
        guard recoveryID == 0 || recoveryID == 1 else { throw .invalidRecoveryID(recoveryID) }
        self.init(unchecked: r, s: s, recoveryID: UInt8(recoveryID))
    }

    /// A signature from r, s and a v value: `chainID` nil accepts 0/1 and 27/28; a chain id also accepts EIP-155's
    /// `chainID * 2 + 35 + recoveryID`.
    public init(r: U256, s: U256, v: U256, chainID: UInt64? = nil) throws(Secp256k1Error) {
        try self.init(r: r, s: s, recoveryID: Int(Signature.recoveryID(fromV: v, chainID: chainID)))
    }

    /// Parses the 65-byte r‖s‖v form of eth_sign/personal_sign (v in 0, 1, 27 or 28).
    public init(rsv bytes: some Collection<UInt8>) throws(Secp256k1Error) {
        let b = Array(bytes)
        guard b.count == 65 else { throw .signatureLength(expected: 65, got: b.count) }
        let (r, s) = b.withUnsafeBytes { raw in
            (U256(bigEndianWordAt: 0, of: raw), U256(bigEndianWordAt: 32, of: raw))
        }
        try self.init(r: r, s: s, v: U256(UInt64(b[64])))
    }

    /// The recovery id that `v` encodes: 0/1 and 27/28 always (pre-EIP-155), and with a chain id also
    /// `chainID * 2 + 35 + recoveryID` (EIP-155).
    public static func recoveryID(fromV v: U256, chainID: UInt64? = nil) throws(Secp256k1Error) -> UInt8 {
        if let small = v.uint64 {
            switch small {
            case 0, 1: return UInt8(small)
            case 27, 28: return UInt8(small - 27)
            default: break
            }
        }
        if let chainID {
            let (base, carry) = U256(chainID).multipliedAdding(2, 35)
            if carry == 0, v >= base {
                let d = v - base
                if d == .zero { return 0 }
                if d == .one { return 1 }
            }
        }
        throw .invalidV(v: v, chainID: chainID)
    }

    /// The y parity (same number as the recovery id) for typed transactions.
    public var yParity: YParity { recoveryID == 0 ? .even : .odd }

    /// Pre-EIP-155 v: 27 + recovery id (also eth_sign/personal_sign's v).
    public var legacyV: UInt8 { 27 + recoveryID }

    /// EIP-155 v: `recoveryID + chainID * 2 + 35` (exact for every 64-bit chain id).
    public func eip155V(chainID: UInt64) -> U256 {
        U256(chainID).multipliedAdding(2, 35 + UInt64(recoveryID)).0
    }

    /// Whether s <= n/2, the EIP-2 rule for transaction signatures.
    public var isLowS: Bool { s <= Secp256k1.halfN }

    /// The equivalent low-s signature: s' = n - s with the recovery id flipped (EIP-2); unchanged when already low.
    public func normalized() -> Signature {
        isLowS ? self : Signature(unchecked: r, s: Secp256k1.n - s, recoveryID: recoveryID ^ 1)
    }

    /// The 64 bytes r‖s.
    public var compactBytes: [UInt8] { r.bigEndianBytes + s.bigEndianBytes }

    /// The 65 bytes r‖s‖v with v = 27/28 (eth_sign/personal_sign), or v = 0/1 when `legacyV` is false.
    public func rsvBytes(legacyV: Bool = true) -> [UInt8] {
        compactBytes + [legacyV ? self.legacyV : recoveryID]
    }

    /// r‖s as an inline 64-byte value for the C calls.
    var compactTuple: (U256Bytes, U256Bytes) { (U256Bytes(bigEndian: r), U256Bytes(bigEndian: s)) }

    /// Recovers the signer's public key from the signed 32-byte hash.
    ///
    /// By default a high-s signature throws `.highS`, as EIP-2 requires for transactions; pass `allowHighS: true`
    /// for ecrecover semantics (the precompile and most message verifiers accept either half).
    public func recoverPublicKey(hash: Hash32, allowHighS: Bool = false) throws(Secp256k1Error) -> PublicKey {
        guard allowHighS || isLowS else { throw .highS(s) }
        guard let xy = Secp256k1.recover(hash: hash, signature: self) else { throw .recoveryFailed }
        return PublicKey(validatedXY: xy)
    }

    /// Recovers the signer's 20 address bytes: keccak256(x‖y)[12...] of the recovered key.
    public func recoverAddressBytes(hash: Hash32, allowHighS: Bool = false) throws(Secp256k1Error) -> [UInt8] {
        try recoverPublicKey(hash: hash, allowHighS: allowHighS).addressBytes
    }

    /// Recovers the signer's address (EIP-2 low s required unless `allowHighS`).
    public func recoverAddress(hash: Hash32, allowHighS: Bool = false) throws(Secp256k1Error) -> Address {
        try recoverPublicKey(hash: hash, allowHighS: allowHighS).address
    }

    /// Whether this signature over `hash` verifies against `publicKey` (ECDSA; high s never verifies).
    public func verify(hash: Hash32, publicKey: PublicKey) -> Bool {
        Secp256k1.verify(hash: hash, signature: self, publicKey: publicKey.xy)
    }

    /// `r=0x… s=0x… recoveryID=n`.
    public var description: String { "Signature(r: \(r.hexString), s: \(s.hexString), recoveryID: \(recoveryID))" }
}
