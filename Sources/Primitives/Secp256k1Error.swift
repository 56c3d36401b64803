/// Errors from secp256k1 keys and signatures. No case ever carries private key bytes.
public enum Secp256k1Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// A private key must be exactly 32 bytes.
    case privateKeyLength(got: Int)
    /// A private key given as text that is not hex (the text is never shown).
    case privateKeyNotHex
    /// A private key must satisfy 0 < k < n (SEC 1, 3.2.1); the key itself is never shown.
    case privateKeyOutOfRange
    /// Bytes that do not encode a point on the curve (33, 64 or 65 bytes expected).
    case invalidPublicKey(length: Int)
    /// A serialised signature of the wrong size.
    case signatureLength(expected: Int, got: Int)
    /// r or s outside [1, n-1] (SEC 1, 4.1.4 step 1).
    case scalarOutOfRange(field: String, value: U256)
    /// s > n/2, which EIP-2 forbids in transaction signatures.
    case highS(U256)
    /// A v value that no rule maps to a recovery id 0 or 1.
    case invalidV(v: U256, chainID: UInt64?)
    /// A recovery id other than 0 or 1.
    case invalidRecoveryID(Int)
    /// No public key recovers from this signature and hash.
    case recoveryFailed

    public var description: String {
        switch self {
        case .privateKeyLength(let got):
            return "private key must be 32 bytes, got \(got)"
        case .privateKeyNotHex:
            return "private key is not hex text (the text is not shown)"
        case .privateKeyOutOfRange:
            return "private key out of range: must be nonzero and below the secp256k1 order n"
        case .invalidPublicKey(let length):
            return "invalid secp256k1 public key (\(length) bytes): not a point on the curve or wrong size"
        case .signatureLength(let expected, let got):
            return "signature must be \(expected) bytes, got \(got)"
        case .scalarOutOfRange(let field, let value):
            return "signature \(field) out of range [1, n-1]: \(value.hexString)"
        case .highS(let s):
            return "signature s is above n/2 (EIP-2 requires low s): \(s.hexString)"
        case .invalidV(let v, let chainID):
            if let chainID {
                return "invalid v \(v) for chain id \(chainID): expected \(chainID)*2+35 or +36, 27/28 or 0/1"
            }
            return "invalid v \(v): expected 0, 1, 27 or 28"
        case .invalidRecoveryID(let id):
            return "invalid recovery id \(id): expected 0 or 1"
        case .recoveryFailed:
            return "no public key recovers from this signature and hash"
        }
    }
}
