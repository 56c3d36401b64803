import DeFiCore
import Primitives

/// `defi tx decode` and `defi tx sign`: the transaction's fields, hashes and sender.
///
/// Decode prints `key  value` lines; sign prints the raw transaction and its hash, one per line. JSON carries
/// every field (U256 as decimal strings, addresses EIP-55) plus `raw` and `hash`.
struct TransactionReport: Report {
    var decoded: DecodedTransaction
    var signing: Bool

    var fields: Fields {
        let tx = decoded.signed.transaction
        let sig = decoded.signed.signature
        let typed = tx.type != .legacy
        let list: [FieldValue] = tx.accessList.map { entry in
            .object(Fields([
                ("address", .string(entry.address.checksummed)),
                ("storage_keys", .list(entry.storageKeys.map { .string($0.description) })),
            ]).pairs)
        }
        return Fields([
            ("type", .number(UInt64(tx.type.rawValue))), ("type_name", .string(tx.type.description)),
            ("hash", .string(decoded.hash.description)), ("from", .string(decoded.sender.checksummed)),
            ("to", .text(tx.to?.checksummed)), ("chain_id", .int(tx.chainID)), ("nonce", .number(tx.nonce)),
            ("gas_limit", .number(tx.gasLimit)),
            ("gas_price", tx.type == .dynamicFee ? .null : .string(tx.gasPrice.decimalString)),
            ("max_fee_per_gas", tx.type == .dynamicFee ? .string(tx.maxFeePerGas.decimalString) : .null),
            (
                "max_priority_fee_per_gas",
                tx.type == .dynamicFee ? .string(tx.maxPriorityFeePerGas.decimalString) : .null
            ),
            ("value", .string(tx.value.decimalString)), ("data", .string(Hex.encode(tx.data))),
            ("access_list", typed ? .list(list) : .null), ("v", .string(decoded.signed.v.decimalString)),
            ("r", .string(Hex.encode(sig.r.bigEndianBytes))), ("s", .string(Hex.encode(sig.s.bigEndianBytes))),
            ("signing_hash", .string(decoded.signingHash.description)),
            ("raw", .string(Hex.encode(decoded.signed.rawBytes))),
        ])
    }

    func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }
    var columns: [String] { fields.columns }
    var rows: [[String]] { [fields.row] }

    func humanText(style: TextStyle) -> String {
        if signing { return Hex.encode(decoded.signed.rawBytes) + "\n" + decoded.hash.description + "\n" }
        return Fields(pairs: fields.pairs.filter { $0.key != "raw" }).aligned
    }
}
