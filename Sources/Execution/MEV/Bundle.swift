import Chain
import Primitives

/// A Flashbots-style bundle: signed transactions executed atomically and in order in one block.
public struct FlashbotsBundle: Sendable, Equatable {
    /// The signed transaction envelopes (as `eth_sendRawTransaction` takes them), in execution order.
    public var transactions: [[UInt8]]
    /// A UUID v4 that lets a later bundle with the same id replace (or cancel) this one.
    public var replacementUUID: String?
    /// Earliest block timestamp (unix seconds) the bundle is valid for.
    public var minTimestamp: UInt64?
    /// Latest block timestamp (unix seconds) the bundle is valid for.
    public var maxTimestamp: UInt64?
    /// Transactions allowed to revert without dropping the bundle (none by default: any revert drops it).
    public var revertingTxHashes: [Hash32]

    /// A bundle of raw signed envelopes.
    public init(
        transactions: [[UInt8]], replacementUUID: String? = nil, minTimestamp: UInt64? = nil,
        maxTimestamp: UInt64? = nil, revertingTxHashes: [Hash32] = []
    ) {
        self.transactions = transactions
        self.replacementUUID = replacementUUID
        self.minTimestamp = minTimestamp
        self.maxTimestamp = maxTimestamp
        self.revertingTxHashes = revertingTxHashes
    }

    /// A bundle of signed transactions.
    public init(signed: [SignedTransaction], replacementUUID: String? = nil) {
        self.init(transactions: signed.map(\.rawBytes), replacementUUID: replacementUUID)
    }

    /// The transaction hashes, in order.
    public var hashes: [Hash32] { transactions.map { Keccak256.hash($0) } }

    /// The bundle hash builders report: keccak256 of the concatenated transaction hashes.
    public var bundleHash: Hash32 { Keccak256.hash(hashes.flatMap(\.bytes)) }
}

/// The outcome of one transaction in an `eth_callBundle` simulation.
public struct BundleTxResult: Sendable, Equatable {
    /// The transaction hash.
    public var txHash: Hash32
    /// Gas used.
    public var gasUsed: UInt64
    /// The failure (`execution reverted`, …), nil on success.
    public var error: String?
    /// The decoded revert reason, when the relay gives one.
    public var revert: String?

    /// Whether the transaction failed.
    public var failed: Bool { error != nil || revert != nil }
}

/// The result of `eth_callBundle`.
public struct BundleSimulation: Sendable, Equatable {
    /// The bundle hash the relay computed.
    public var bundleHash: Hash32
    /// The block whose state the bundle ran on.
    public var stateBlockNumber: UInt64
    /// Gas used by the whole bundle.
    public var totalGasUsed: UInt64
    /// Wei the block's coinbase gains (fees + direct payments).
    public var coinbaseDiff: U256
    /// Per-transaction results, in order.
    public var results: [BundleTxResult]

    /// The first failing transaction: its index and reason.
    public var firstFailure: (index: Int, reason: String)? {
        guard let i = results.firstIndex(where: \.failed) else { return nil }
        let r = results[i]
        return (i, [r.error, r.revert].compactMap { $0 }.joined(separator: ": "))
    }
}

/// The JSON-RPC bodies and replies of the relay's bundle methods (docs.flashbots.net, "RPC Endpoint").
public enum BundleRPC {
    /// `eth_sendBundle` for `block`: `{txs, blockNumber, minTimestamp?, maxTimestamp?, revertingTxHashes?,
    /// replacementUuid?}`; absent options are left out.
    public static func sendBundleBody(_ bundle: FlashbotsBundle, block: UInt64, id: Int = 1) -> [UInt8] {
        var o: [String: JSONValue] = [
            "txs": .array(bundle.transactions.map { .data($0) }), "blockNumber": .quantity(block),
        ]
        if let t = bundle.minTimestamp { o["minTimestamp"] = .number(String(t)) }
        if let t = bundle.maxTimestamp { o["maxTimestamp"] = .number(String(t)) }
        if !bundle.revertingTxHashes.isEmpty {
            o["revertingTxHashes"] = .array(bundle.revertingTxHashes.map { .string($0.description) })
        }
        if let u = bundle.replacementUUID { o["replacementUuid"] = .string(u) }
        return JSONRPC.encode(RPCRequest("eth_sendBundle", [.object(o)]), id: id)
    }

    /// `eth_callBundle` simulating the bundle as if in `block`, on the state after `stateBlock` (nil: `latest`).
    public static func callBundleBody(
        _ bundle: FlashbotsBundle, block: UInt64, stateBlock: UInt64? = nil, timestamp: UInt64? = nil,
        id: Int = 1
    ) -> [UInt8] {
        var o: [String: JSONValue] = [
            "txs": .array(bundle.transactions.map { .data($0) }), "blockNumber": .quantity(block),
            "stateBlockNumber": stateBlock.map { .quantity($0) } ?? .string("latest"),
        ]
        if let timestamp { o["timestamp"] = .number(String(timestamp)) }
        return JSONRPC.encode(RPCRequest("eth_callBundle", [.object(o)]), id: id)
    }

    /// Parses an `eth_callBundle` result; numbers may be JSON numbers, decimal strings or hex quantities.
    public static func parseCallBundle(_ v: JSONValue) throws(RPCError) -> BundleSimulation {
        var results: [BundleTxResult] = []
        for r in try v.field("results", in: "eth_callBundle result").elements("eth_callBundle results") {
            results.append(
                BundleTxResult(
                    txHash: try r.field("txHash", in: "bundle result").hash32("txHash"),
                    gasUsed: try integer(r.field("gasUsed", in: "bundle result"), "gasUsed"),
                    error: text(r.optionalField("error")), revert: text(r.optionalField("revert"))))
        }
        return BundleSimulation(
            bundleHash: try v.field("bundleHash", in: "eth_callBundle result").hash32("bundleHash"),
            stateBlockNumber: try integer(v.field("stateBlockNumber", in: "eth_callBundle result"), "stateBlockNumber"),
            totalGasUsed: try integer(v.field("totalGasUsed", in: "eth_callBundle result"), "totalGasUsed"),
            coinbaseDiff: try amount(v.optionalField("coinbaseDiff") ?? .string("0"), "coinbaseDiff"),
            results: results)
    }

    /// Parses an `eth_sendBundle` result: `{bundleHash}`.
    public static func parseSendBundle(_ v: JSONValue) throws(RPCError) -> Hash32 {
        try v.field("bundleHash", in: "eth_sendBundle result").hash32("bundleHash")
    }

    static func text(_ v: JSONValue?) -> String? {
        guard case .string(let s)? = v, !s.isEmpty else { return nil }
        return s
    }

    static func amount(_ v: JSONValue, _ what: String) throws(RPCError) -> U256 {
        switch v {
        case .string(let s) where s.hasPrefix("0x"): return try v.u256(what)
        case .string(let s), .number(let s):
            guard !s.isEmpty, s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let u = try? U256(decimalDigits: s) else {
                throw .malformedReply(what: "\(what) is not a whole number", bodyPrefix: v.description)
            }
            return u
        default: throw .malformedReply(what: "\(what) is not a number", bodyPrefix: v.description)
        }
    }

    static func integer(_ v: JSONValue, _ what: String) throws(RPCError) -> UInt64 {
        guard let n = try amount(v, what).uint64 else {
            throw .malformedReply(what: "\(what) exceeds 64 bits", bodyPrefix: v.description)
        }
        return n
    }
}
