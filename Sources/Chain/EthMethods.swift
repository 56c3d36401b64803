import Primitives

/// Typed `eth_*` methods; every value is parsed strictly from hex.
extension RPCClient {
    /// `eth_chainId` of the preferred endpoint, uncached.
    public func ethChainID() async throws(RPCError) -> UInt64 {
        try await call("eth_chainId").u64("chain id")
    }

    /// `eth_blockNumber`.
    public func blockNumber() async throws(RPCError) -> UInt64 {
        try await call("eth_blockNumber").u64("block number")
    }

    /// The header of a block; throws when the node does not know it.
    public func block(_ ref: BlockRef = .latest) async throws(RPCError) -> BlockHeader {
        let v: JSONValue
        if case .hash(let h) = ref {
            v = try await call("eth_getBlockByHash", [.string(h.description), .bool(false)])
        } else {
            v = try await call("eth_getBlockByNumber", [ref.parameter, .bool(false)])
        }
        guard v != .null else {
            throw .rpc(code: 0, message: "block \(ref) not found", data: nil, method: "eth_getBlock")
        }
        return try BlockHeader(json: v)
    }

    /// `eth_getBalance` in wei.
    public func balance(of address: Address, at block: BlockRef = .latest) async throws(RPCError) -> U256 {
        try await call("eth_getBalance", [.address(address), block.parameter]).u256("balance")
    }

    /// `eth_getTransactionCount` (use `.pending` for the next nonce including queued transactions).
    public func transactionCount(of address: Address, at block: BlockRef = .latest) async throws(RPCError) -> UInt64 {
        try await call("eth_getTransactionCount", [.address(address), block.parameter]).u64("transaction count")
    }

    /// `eth_getCode`.
    public func code(at address: Address, block: BlockRef = .latest) async throws(RPCError) -> [UInt8] {
        try await call("eth_getCode", [.address(address), block.parameter]).bytes("code")
    }

    /// `eth_getStorageAt` as a 32-byte word.
    public func storage(at address: Address, slot: U256, block: BlockRef = .latest) async throws(RPCError) -> Hash32 {
        let v = try await call("eth_getStorageAt", [.address(address), .quantity(slot), block.parameter])
        let b = try v.bytes("storage word")
        guard b.count <= 32 else { throw RPCError.bad("storage word (more than 32 bytes)", v) }
        do { return try Hash32(bytes: [UInt8](repeating: 0, count: 32 - b.count) + b) } catch {
            throw RPCError.bad("storage word", v)
        }
    }

    /// `eth_call`; a revert is returned as `.revert` with its decoded reason, infrastructure failures throw.
    public func call(_ request: CallRequest, at block: BlockRef = .latest, overrides: [Address: AccountOverride] = [:],
                     customErrors: [ABIError] = []) async throws(RPCError) -> CallOutcome {
        var params: [JSONValue] = [request.json, block.parameter]
        if !overrides.isEmpty { params.append(Self.overridesJSON(overrides)) }
        do {
            return .success(try await call("eth_call", params).bytes("eth_call result"))
        } catch {
            guard let data = error.revertData else { throw error }
            return .revert(RevertReason.decode(data, customErrors: customErrors), data)
        }
    }

    /// `eth_estimateGas`; a revert is returned as `.revert`.
    public func estimateGas(_ request: CallRequest, at block: BlockRef? = nil,
                            overrides: [Address: AccountOverride] = [:], customErrors: [ABIError] = [])
        async throws(RPCError) -> GasEstimate
    {
        var params: [JSONValue] = [request.json]
        if let block { params.append(block.parameter) }
        if !overrides.isEmpty {
            if block == nil { params.append(BlockRef.latest.parameter) }
            params.append(Self.overridesJSON(overrides))
        }
        do {
            return .gas(try await call("eth_estimateGas", params).u64("gas estimate"))
        } catch {
            guard let data = error.revertData else { throw error }
            return .revert(RevertReason.decode(data, customErrors: customErrors), data)
        }
    }

    /// `eth_feeHistory` over `blockCount` blocks ending at `newest`, with the given reward percentiles.
    public func feeHistory(blockCount: Int, newest: BlockRef = .latest, percentiles: [Double]) async throws(RPCError)
        -> FeeHistory
    {
        let p = JSONValue.array(percentiles.map { .number(Self.number($0)) })
        let v = try await call("eth_feeHistory", [.quantity(UInt64(blockCount)), newest.tagOrNumber ?? .string("latest"), p])
        return try FeeHistory(json: v)
    }

    /// `eth_maxPriorityFeePerGas`.
    public func maxPriorityFeePerGas() async throws(RPCError) -> U256 {
        try await call("eth_maxPriorityFeePerGas").u256("max priority fee")
    }

    /// `eth_gasPrice`.
    public func gasPrice() async throws(RPCError) -> U256 {
        try await call("eth_gasPrice").u256("gas price")
    }

    /// `eth_sendRawTransaction`; returns the node's hash, which must equal the locally computed one.
    public func sendRawTransaction(_ tx: SignedTransaction) async throws(RPCError) -> Hash32 {
        let v = try await call("eth_sendRawTransaction", [.data(tx.rawBytes)])
        let h = try v.hash32("transaction hash")
        guard h == tx.hash else {
            throw .malformedReply(what: "node returned hash \(h), expected \(tx.hash)", bodyPrefix: .excerpt(v))
        }
        return h
    }

    /// `eth_getTransactionReceipt`; nil while the transaction is not mined (or unknown).
    public func receipt(_ hash: Hash32) async throws(RPCError) -> Receipt? {
        let v = try await call("eth_getTransactionReceipt", [.string(hash.description)])
        return v == .null ? nil : try Receipt(json: v)
    }

    /// `eth_getTransactionByHash`; nil when the node does not know it.
    public func transaction(_ hash: Hash32) async throws(RPCError) -> TransactionInfo? {
        let v = try await call("eth_getTransactionByHash", [.string(hash.description)])
        return v == .null ? nil : try TransactionInfo(json: v)
    }

    static func overridesJSON(_ o: [Address: AccountOverride]) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: o.map { ($0.key.lowercaseHex, $0.value.json) }))
    }

    static func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}
