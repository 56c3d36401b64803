extension AccessListEntry {
    /// `[address, [storageKey, ...]]` (EIP-2930).
    var rlpItem: RLPItem {
        .list([.address(address), .list(storageKeys.map { RLPItem.hash32($0) })])
    }
}

extension Transaction {
    /// The RLP fields common to the signing payload, in the type's order, without the signature.
    var unsignedFields: [RLPItem] {
        let to = RLPItem.address(self.to)
        switch type {
        case .legacy:
            return [.uint(nonce), .uint(gasPrice), .uint(gasLimit), to, .uint(value), .bytes(data)]
        case .accessList:
            return [
                .uint(chainID ?? 0), .uint(nonce), .uint(gasPrice), .uint(gasLimit), to, .uint(value), .bytes(data),
                .list(accessList.map(\.rlpItem)),
            ]
        case .dynamicFee:
            return [
                .uint(chainID ?? 0), .uint(nonce), .uint(maxPriorityFeePerGas), .uint(maxFeePerGas), .uint(gasLimit),
                to, .uint(value), .bytes(data), .list(accessList.map(\.rlpItem)),
            ]
        }
    }

    /// The exact bytes that are hashed and signed: for legacy EIP-155 `rlp([nonce, gasPrice, gas, to, value, data,
    /// chainId, 0, 0])`, pre-155 `rlp([nonce, gasPrice, gas, to, value, data])`; for typed transactions
    /// `type ‖ rlp([...fields])` (EIP-155, EIP-2930, EIP-1559).
    public var signingPayload: [UInt8] {
        switch type {
        case .legacy:
            var fields = unsignedFields
            if let chainID { fields += [.uint(chainID), .empty, .empty] }
            return RLP.encode(.list(fields))
        case .accessList, .dynamicFee:
            return [type.rawValue] + RLP.encode(.list(unsignedFields))
        }
    }

    /// Keccak-256 of `signingPayload`.
    public var signingHash: Hash32 { Keccak256.hash(signingPayload) }

    /// Signs with `key` (RFC 6979, low s) and returns the signed transaction.
    public func signed(with key: PrivateKey) -> SignedTransaction {
        SignedTransaction(transaction: self, signature: key.sign(hash: signingHash))
    }
}

/// A transaction with its signature: raw envelope bytes, hash and sender.
public struct SignedTransaction: Sendable, Hashable {
    /// The unsigned fields.
    public let transaction: Transaction
    /// The signature over `transaction.signingHash`.
    public let signature: Signature

    /// Pairs a transaction with its signature (no check; `sender()` recovers and so verifies).
    public init(transaction: Transaction, signature: Signature) {
        self.transaction = transaction
        self.signature = signature
    }

    /// The `v` value as encoded: `recId + 35 + 2·chainId` (EIP-155), 27/28 for pre-155 legacy, the y parity
    /// (0/1) for typed transactions.
    public var v: U256 {
        switch transaction.type {
        case .legacy:
            if let chainID = transaction.chainID { return signature.eip155V(chainID: chainID) }
            return U256(UInt64(signature.legacyV))
        case .accessList, .dynamicFee:
            return U256(UInt64(signature.recoveryID))
        }
    }

    /// The EIP-2718 envelope as sent by `eth_sendRawTransaction`: `rlp([...fields, v, r, s])` for legacy,
    /// `type ‖ rlp([...fields, yParity, r, s])` for typed transactions.
    public var rawBytes: [UInt8] {
        let fields = transaction.unsignedFields + [.uint(v), .uint(signature.r), .uint(signature.s)]
        let body = RLP.encode(.list(fields))
        return transaction.type == .legacy ? body : [transaction.type.rawValue] + body
    }

    /// The transaction hash: Keccak-256 of the raw envelope.
    public var hash: Hash32 { Keccak256.hash(rawBytes) }

    /// The sender, recovered from the signature (high-s signatures are rejected, EIP-2).
    public func sender() throws(TransactionError) -> Address {
        do {
            let bytes = try signature.recoverAddressBytes(hash: transaction.signingHash)
            return try Address(bytes: bytes)
        } catch let e as Secp256k1Error {
            throw .invalidSignature(e.description)
        } catch {
            throw .invalidSignature("\(error)")
        }
    }
}
