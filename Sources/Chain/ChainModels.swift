import Primitives

/// The header fields of a block the toolkit uses.
public struct BlockHeader: Sendable, Equatable {
    /// Block number.
    public var number: UInt64
    /// Block hash.
    public var hash: Hash32
    /// Parent hash.
    public var parentHash: Hash32
    /// Unix timestamp in seconds.
    public var timestamp: UInt64
    /// Gas limit.
    public var gasLimit: UInt64
    /// Gas used.
    public var gasUsed: UInt64
    /// EIP-1559 base fee; nil before London or on chains without it.
    public var baseFeePerGas: U256?
    /// Fee recipient.
    public var miner: Address
    /// Hashes of the block's transactions.
    public var transactionHashes: [Hash32]

    /// Reads a block object strictly.
    public init(json v: JSONValue) throws(RPCError) {
        number = try v.field("number", in: "block").u64("block number")
        hash = try v.field("hash", in: "block").hash32("block hash")
        parentHash = try v.field("parentHash", in: "block").hash32("block parentHash")
        timestamp = try v.field("timestamp", in: "block").u64("block timestamp")
        gasLimit = try v.field("gasLimit", in: "block").u64("block gasLimit")
        gasUsed = try v.field("gasUsed", in: "block").u64("block gasUsed")
        baseFeePerGas = try v.optionalField("baseFeePerGas")?.u256("block baseFeePerGas")
        miner = try v.optionalField("miner")?.address("block miner") ?? .zero
        var hashes: [Hash32] = []
        for t in try v.optionalField("transactions")?.elements("block transactions") ?? [] {
            if case .string = t { hashes.append(try t.hash32("block transaction hash")) } else {
                hashes.append(try t.field("hash", in: "block transaction").hash32("transaction hash"))
            }
        }
        transactionHashes = hashes
    }
}

/// One event log.
public struct Log: Sendable, Equatable {
    /// The emitting contract.
    public var address: Address
    /// Indexed topics (topic 0 is the event signature hash unless anonymous).
    public var topics: [Hash32]
    /// Non-indexed data.
    public var data: [UInt8]
    /// Block number (nil while pending).
    public var blockNumber: UInt64?
    /// Block hash (nil while pending).
    public var blockHash: Hash32?
    /// Transaction hash.
    public var transactionHash: Hash32?
    /// Transaction index in the block.
    public var transactionIndex: UInt64?
    /// Log index in the block.
    public var logIndex: UInt64?
    /// Whether a reorg removed it.
    public var removed: Bool

    /// Reads a log object strictly.
    public init(json v: JSONValue) throws(RPCError) {
        address = try v.field("address", in: "log").address("log address")
        topics = []
        for t in try v.field("topics", in: "log").elements("log topics") { topics.append(try t.hash32("log topic")) }
        data = try v.field("data", in: "log").bytes("log data")
        blockNumber = try v.optionalField("blockNumber")?.u64("log blockNumber")
        blockHash = try v.optionalField("blockHash")?.hash32("log blockHash")
        transactionHash = try v.optionalField("transactionHash")?.hash32("log transactionHash")
        transactionIndex = try v.optionalField("transactionIndex")?.u64("log transactionIndex")
        logIndex = try v.optionalField("logIndex")?.u64("log logIndex")
        if case .bool(let b)? = v["removed"] { removed = b } else { removed = false }
    }

    /// A log value (tests, fakes).
    public init(address: Address, topics: [Hash32], data: [UInt8], blockNumber: UInt64?, blockHash: Hash32? = nil,
                transactionHash: Hash32? = nil, transactionIndex: UInt64? = nil, logIndex: UInt64? = nil,
                removed: Bool = false) {
        self.address = address
        self.topics = topics
        self.data = data
        self.blockNumber = blockNumber
        self.blockHash = blockHash
        self.transactionHash = transactionHash
        self.transactionIndex = transactionIndex
        self.logIndex = logIndex
        self.removed = removed
    }
}

/// A mined transaction's receipt.
public struct Receipt: Sendable, Equatable {
    /// Transaction hash.
    public var transactionHash: Hash32
    /// Block hash.
    public var blockHash: Hash32
    /// Block number.
    public var blockNumber: UInt64
    /// Index in the block.
    public var transactionIndex: UInt64
    /// Sender.
    public var from: Address
    /// Recipient (nil for a creation).
    public var to: Address?
    /// Whether execution succeeded (status 1); false means the transaction reverted but was mined.
    public var succeeded: Bool
    /// Gas used by this transaction.
    public var gasUsed: UInt64
    /// Cumulative gas used in the block up to this transaction.
    public var cumulativeGasUsed: UInt64
    /// Price paid per gas.
    public var effectiveGasPrice: U256
    /// Created contract address.
    public var contractAddress: Address?
    /// Transaction type.
    public var type: UInt64
    /// Emitted logs.
    public var logs: [Log]
    /// The L1 data fee in wei that OP-stack nodes report in the receipt (`l1Fee`); nil elsewhere.
    public var l1Fee: U256?

    /// Fee paid in wei (gasUsed × effectiveGasPrice).
    public var fee: U256 { U256(gasUsed) * effectiveGasPrice }

    /// Reads a receipt object strictly.
    public init(json v: JSONValue) throws(RPCError) {
        transactionHash = try v.field("transactionHash", in: "receipt").hash32("receipt transactionHash")
        blockHash = try v.field("blockHash", in: "receipt").hash32("receipt blockHash")
        blockNumber = try v.field("blockNumber", in: "receipt").u64("receipt blockNumber")
        transactionIndex = try v.field("transactionIndex", in: "receipt").u64("receipt transactionIndex")
        from = try v.field("from", in: "receipt").address("receipt from")
        to = try v.optionalField("to")?.address("receipt to")
        let status = try v.field("status", in: "receipt").u64("receipt status")
        guard status <= 1 else { throw RPCError.bad("receipt status \(status)", v) }
        succeeded = status == 1
        gasUsed = try v.field("gasUsed", in: "receipt").u64("receipt gasUsed")
        cumulativeGasUsed = try v.field("cumulativeGasUsed", in: "receipt").u64("receipt cumulativeGasUsed")
        effectiveGasPrice = try v.field("effectiveGasPrice", in: "receipt").u256("receipt effectiveGasPrice")
        contractAddress = try v.optionalField("contractAddress")?.address("receipt contractAddress")
        type = try v.optionalField("type")?.u64("receipt type") ?? 0
        l1Fee = try v.optionalField("l1Fee")?.u256("receipt l1Fee")
        logs = []
        for l in try v.field("logs", in: "receipt").elements("receipt logs") { logs.append(try Log(json: l)) }
    }
}

/// A transaction as the node reports it (`eth_getTransactionByHash`).
public struct TransactionInfo: Sendable, Equatable {
    /// Hash.
    public var hash: Hash32
    /// Sender.
    public var from: Address
    /// Recipient.
    public var to: Address?
    /// Nonce.
    public var nonce: UInt64
    /// Value in wei.
    public var value: U256
    /// Gas limit.
    public var gas: UInt64
    /// Calldata.
    public var input: [UInt8]
    /// Block number once mined.
    public var blockNumber: UInt64?
    /// Block hash once mined.
    public var blockHash: Hash32?
    /// Type (0, 1, 2).
    public var type: UInt64
    /// Gas price (legacy) or effective price once mined.
    public var gasPrice: U256?
    /// EIP-1559 fee cap.
    public var maxFeePerGas: U256?
    /// EIP-1559 tip cap.
    public var maxPriorityFeePerGas: U256?

    /// Reads a transaction object strictly.
    public init(json v: JSONValue) throws(RPCError) {
        hash = try v.field("hash", in: "transaction").hash32("transaction hash")
        from = try v.field("from", in: "transaction").address("transaction from")
        to = try v.optionalField("to")?.address("transaction to")
        nonce = try v.field("nonce", in: "transaction").u64("transaction nonce")
        value = try v.field("value", in: "transaction").u256("transaction value")
        gas = try v.field("gas", in: "transaction").u64("transaction gas")
        input = try v.field("input", in: "transaction").bytes("transaction input")
        blockNumber = try v.optionalField("blockNumber")?.u64("transaction blockNumber")
        blockHash = try v.optionalField("blockHash")?.hash32("transaction blockHash")
        type = try v.optionalField("type")?.u64("transaction type") ?? 0
        gasPrice = try v.optionalField("gasPrice")?.u256("transaction gasPrice")
        maxFeePerGas = try v.optionalField("maxFeePerGas")?.u256("transaction maxFeePerGas")
        maxPriorityFeePerGas = try v.optionalField("maxPriorityFeePerGas")?.u256("transaction maxPriorityFeePerGas")
    }
}

/// `eth_feeHistory` result.
public struct FeeHistory: Sendable, Equatable {
    /// First block of the window.
    public var oldestBlock: UInt64
    /// Base fees, one per block plus the next block's (blockCount + 1 entries).
    public var baseFeePerGas: [U256]
    /// Gas used / gas limit per block.
    public var gasUsedRatio: [Double]
    /// Effective tips at the requested percentiles, one array per block.
    public var reward: [[U256]]

    /// A value (tests, fakes).
    public init(oldestBlock: UInt64, baseFeePerGas: [U256], gasUsedRatio: [Double], reward: [[U256]]) {
        self.oldestBlock = oldestBlock
        self.baseFeePerGas = baseFeePerGas
        self.gasUsedRatio = gasUsedRatio
        self.reward = reward
    }

    /// Reads a fee history object strictly.
    public init(json v: JSONValue) throws(RPCError) {
        oldestBlock = try v.field("oldestBlock", in: "fee history").u64("fee history oldestBlock")
        baseFeePerGas = []
        for b in try v.field("baseFeePerGas", in: "fee history").elements("baseFeePerGas") {
            baseFeePerGas.append(try b.u256("fee history baseFeePerGas"))
        }
        gasUsedRatio = []
        for r in try v.optionalField("gasUsedRatio")?.elements("gasUsedRatio") ?? [] {
            guard case .number(let t) = r, let d = Double(t) else { throw RPCError.bad("gasUsedRatio", r) }
            gasUsedRatio.append(d)
        }
        reward = []
        for row in try v.optionalField("reward")?.elements("reward") ?? [] {
            var out: [U256] = []
            for x in try row.elements("reward row") { out.append(try x.u256("fee history reward")) }
            reward.append(out)
        }
    }
}
