import Primitives

/// A decoded raw transaction with what a reader checks first: its hash, signing hash and recovered sender.
public struct DecodedTransaction: Sendable, Equatable {
    /// The transaction and its signature.
    public var signed: SignedTransaction
    /// keccak256 of the raw bytes.
    public var hash: Hash32
    /// The hash that was signed.
    public var signingHash: Hash32
    /// The address recovered from the signature.
    public var sender: Address

    /// Decodes, hashes and recovers `signed`.
    public init(_ signed: SignedTransaction) throws(UtilityError) {
        self.signed = signed
        hash = signed.hash
        signingHash = signed.transaction.signingHash
        do { sender = try signed.sender() } catch {
            throw UtilityError(code: "invalid_transaction", message: "cannot recover the sender: \(error)")
        }
    }
}

/// The library side of `defi tx decode` and `defi tx sign`.
public enum TransactionUtility {
    /// Decodes a raw signed transaction from 0x-hex (legacy, EIP-2930 or EIP-1559).
    public static func decode(raw: String) throws(UtilityError) -> DecodedTransaction {
        let bytes = try ABIUtility.hexBytes(raw, what: "raw transaction")
        do { return try DecodedTransaction(SignedTransaction.decode(bytes)) } catch let error as UtilityError {
            throw error
        } catch {
            throw UtilityError(code: "invalid_transaction", message: "raw transaction: \(error)")
        }
    }

    /// Builds the transaction `request` describes and signs it with `key`.
    public static func sign(_ request: TxSignRequest, with key: PrivateKey) throws(UtilityError)
        -> DecodedTransaction
    {
        try DecodedTransaction(request.transaction().signed(with: key))
    }
}
