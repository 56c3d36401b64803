/// Why a transaction could not be decoded, signed or accepted.
public enum TransactionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No bytes at all.
    case empty
    /// The hex text of a raw transaction is malformed.
    case invalidHex(HexError)
    /// The first byte names an envelope type this toolkit does not handle (EIP-2718 types other than 0, 1, 2).
    case unsupportedType(UInt8)
    /// The first byte is neither a type (0x00-0x7f) nor an RLP list (0xc0-0xff).
    case invalidEnvelope(UInt8)
    /// The RLP is malformed or a field has a non-canonical or out-of-range encoding.
    case malformed(field: String, RLPError)
    /// The field list has the wrong length for the type.
    case wrongFieldCount(type: TransactionType, expected: Int, got: Int)
    /// A legacy `v` that is neither 27/28 nor an EIP-155 value (>= 35), or a typed y parity other than 0/1.
    case invalidV(String)
    /// r or s out of range, high s (EIP-2), or public-key recovery failed.
    case invalidSignature(String)
    /// The chain id differs from the chain the transaction is checked for.
    case chainIDMismatch(expected: UInt64, got: UInt64?)
    /// The gas limit is below the intrinsic gas (EIP-2028 calldata, EIP-2930 access list, EIP-3860 init code).
    case intrinsicGasTooLow(required: UInt64, gasLimit: UInt64)
    /// EIP-2681: the nonce must stay below 2^64 - 1.
    case nonceAtMaximum
    /// EIP-1559: `maxPriorityFeePerGas > maxFeePerGas`.
    case priorityFeeAboveMaxFee
    /// `gasLimit × fee cap` does not fit in 256 bits.
    case gasLimitPriceProductOverflow
    /// EIP-3860: init code longer than 49,152 bytes.
    case initCodeTooLarge(Int)

    public var description: String {
        switch self {
        case .empty: return "empty transaction bytes"
        case .invalidHex(let e): return "raw transaction: \(e)"
        case .unsupportedType(let t): return "unsupported transaction type 0x\(String(t, radix: 16))"
        case .invalidEnvelope(let b): return "not a transaction envelope: first byte 0x\(String(b, radix: 16))"
        case .malformed(let field, let e): return "malformed transaction field \(field): \(e)"
        case .wrongFieldCount(let type, let expected, let got):
            return "\(type) transaction has \(got) fields, expected \(expected)"
        case .invalidV(let v): return "invalid signature v: \(v)"
        case .invalidSignature(let why): return "invalid signature: \(why)"
        case .chainIDMismatch(let expected, let got):
            return "chain id mismatch: transaction is for \(got.map(String.init) ?? "any chain (pre-EIP-155)"), "
                + "expected \(expected)"
        case .intrinsicGasTooLow(let required, let gasLimit):
            return "gas limit \(gasLimit) is below the intrinsic gas \(required)"
        case .nonceAtMaximum: return "nonce 2^64-1 is not allowed (EIP-2681)"
        case .priorityFeeAboveMaxFee: return "maxPriorityFeePerGas is above maxFeePerGas"
        case .gasLimitPriceProductOverflow: return "gas limit times fee cap overflows 256 bits"
        case .initCodeTooLarge(let n): return "init code is \(n) bytes, the limit is 49152 (EIP-3860)"
        }
    }
}
