import Primitives

/// The fields of a transaction to sign, as text from flags or a JSON request file (flags win).
///
/// Amounts accept units (`1.5ether`, `30gwei`) or 0x-hex wei; `type` is 0, 1 or 2, and defaults to 2 unless
/// only a gas price is given (0, or 1 with an access list).
public struct TxSignRequest: Sendable, Equatable {
    /// The recipient; nil creates a contract.
    public var to: String?
    /// The value in wei or with a unit.
    public var value: String?
    /// The 0x-hex call data.
    public var data: String?
    /// The sender nonce.
    public var nonce: String?
    /// The gas limit.
    public var gasLimit: String?
    /// The legacy / EIP-2930 gas price.
    public var gasPrice: String?
    /// The EIP-1559 fee cap.
    public var maxFee: String?
    /// The EIP-1559 priority fee.
    public var priorityFee: String?
    /// The EIP-155 chain id.
    public var chainID: String?
    /// 0, 1 or 2.
    public var type: String?
    /// The access list as JSON: `[{"address": "0x…", "storageKeys": ["0x…"]}]`.
    public var accessList: String?

    /// An empty request.
    public init() {}

    /// The request in a JSON file (`eth_sendTransaction`-style keys); `source` names the file in errors.
    public init(json text: String, source: String) throws(UtilityError) {
        let root: JSONValue
        do { root = try JSONValue(parsing: text) } catch {
            throw UtilityError(code: "invalid_request", message: "\(source): \(error)")
        }
        guard case .object(let o) = root else {
            throw UtilityError(code: "invalid_request", message: "\(source): expected a json object")
        }
        func field(_ keys: String...) throws(UtilityError) -> String? {
            for key in keys {
                switch o[key] {
                case nil, .null?: continue
                case .string(let s)?: return s
                case .number(let n)?: return n
                case .array?, .object?:
                    guard key == "accessList" || key == "access_list", let value = o[key] else { break }
                    return value.description
                default: break
                }
                throw UtilityError(code: "invalid_request", message: "\(source): \(key) must be a string or a number")
            }
            return nil
        }
        to = try field("to")
        value = try field("value")
        data = try field("data", "input")
        nonce = try field("nonce")
        gasLimit = try field("gas", "gasLimit", "gas_limit")
        gasPrice = try field("gasPrice", "gas_price")
        maxFee = try field("maxFeePerGas", "max_fee_per_gas")
        priorityFee = try field("maxPriorityFeePerGas", "max_priority_fee_per_gas")
        chainID = try field("chainId", "chain_id")
        type = try field("type")
        accessList = try field("accessList", "access_list")
    }

    /// This request with every field `other` sets taking precedence.
    public func overridden(by other: TxSignRequest) -> TxSignRequest {
        var r = self
        r.to = other.to ?? to
        r.value = other.value ?? value
        r.data = other.data ?? data
        r.nonce = other.nonce ?? nonce
        r.gasLimit = other.gasLimit ?? gasLimit
        r.gasPrice = other.gasPrice ?? gasPrice
        r.maxFee = other.maxFee ?? maxFee
        r.priorityFee = other.priorityFee ?? priorityFee
        r.chainID = other.chainID ?? chainID
        r.type = other.type ?? type
        r.accessList = other.accessList ?? accessList
        return r
    }

    /// The typed transaction, or an error naming the missing or malformed field.
    public func transaction() throws(UtilityError) -> Transaction {
        let kind = try transactionType()
        let chain = try integer(required(chainID, "--chain-id"), "--chain-id")
        let n = try integer(required(nonce, "--nonce"), "--nonce")
        let gas = try integer(required(gasLimit, "--gas-limit"), "--gas-limit")
        let recipient = try to.map { (text) throws(UtilityError) -> Address in try Self.address(text, what: "--to") }
        let amount = try value.map { (t) throws(UtilityError) in try AmountText.parse(t, what: "--value") } ?? .zero
        let input = try data.map { (t) throws(UtilityError) in try ABIUtility.hexBytes(t, what: "--data") } ?? []
        let list = try accessList.map { (t) throws(UtilityError) in try Self.accessList(t) } ?? []
        var tx = Transaction(
            type: kind, chainID: chain, nonce: n, gasLimit: gas, to: recipient, value: amount, data: input,
            accessList: list)
        switch kind {
        case .legacy, .accessList:
            if kind == .legacy, !list.isEmpty {
                throw UtilityError(code: "invalid_request", message: "--access-list needs --type 1 or 2")
            }
            tx.gasPrice = try AmountText.parse(required(gasPrice, "--gas-price"), what: "--gas-price")
        case .dynamicFee:
            tx.maxFeePerGas = try AmountText.parse(required(maxFee, "--max-fee"), what: "--max-fee")
            tx.maxPriorityFeePerGas = try AmountText.parse(
                required(priorityFee, "--priority-fee"), what: "--priority-fee")
            guard tx.maxPriorityFeePerGas <= tx.maxFeePerGas else {
                throw UtilityError(code: "invalid_request", message: "--priority-fee is above --max-fee")
            }
        }
        return tx
    }

    func transactionType() throws(UtilityError) -> TransactionType {
        guard let type else {
            if maxFee != nil || priorityFee != nil || gasPrice == nil { return .dynamicFee }
            return accessList == nil ? .legacy : .accessList
        }
        guard let raw = try? integer(type, "--type"), raw <= 2, let t = TransactionType(rawValue: UInt8(raw)) else {
            throw UtilityError(code: "invalid_request", message: "--type: expected 0, 1 or 2, got \"\(type)\"")
        }
        return t
    }

    func required(_ text: String?, _ flag: String) throws(UtilityError) -> String {
        guard let text else {
            throw UtilityError(
                code: "invalid_request", message: "missing \(flag)",
                hint: "pass \(flag) or set it in the request file (defi signs offline and fills nothing in)")
        }
        return text
    }

    func integer(_ text: String, _ flag: String) throws(UtilityError) -> UInt64 {
        let trimmed = text.trimmingSpaces
        guard let v = try? U256(parsing: trimmed), let small = v.uint64 else {
            throw UtilityError(
                code: "invalid_request",
                message: "\(flag): expected a 64-bit integer, got \"\(InputError.shorten(text))\"")
        }
        return small
    }

    static func address(_ text: String, what: String) throws(UtilityError) -> Address {
        do { return try Address(parsing: text.trimmingSpaces) } catch {
            throw UtilityError(code: "invalid_address", message: "\(what): \(error)")
        }
    }

    static func accessList(_ text: String) throws(UtilityError) -> [AccessListEntry] {
        func bad(_ why: String) -> UtilityError {
            UtilityError(code: "invalid_request", message: "--access-list: \(why)")
        }
        let root: JSONValue
        do { root = try JSONValue(parsing: text) } catch { throw bad("\(error)") }
        guard case .array(let items) = root else { throw bad("expected a json array") }
        var out: [AccessListEntry] = []
        for (i, item) in items.enumerated() {
            guard case .string(let a)? = item["address"] else { throw bad("entry \(i) needs an address string") }
            var keys: [Hash32] = []
            if case .array(let ks)? = item["storageKeys"] ?? item["storage_keys"] {
                for k in ks {
                    guard case .string(let s) = k, let h = try? Hash32(hex: s) else {
                        throw bad("entry \(i): storage keys must be 0x + 64 hex digits")
                    }
                    keys.append(h)
                }
            }
            out.append(AccessListEntry(address: try address(a, what: "--access-list entry \(i)"), storageKeys: keys))
        }
        return out
    }
}
