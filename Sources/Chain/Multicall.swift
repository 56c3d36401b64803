import Primitives

/// One call inside a Multicall3 `aggregate3` batch.
public struct Call3: Sendable, Equatable {
    /// The contract called.
    public var target: Address
    /// When false, a revert of this call reverts the whole chunk.
    public var allowFailure: Bool
    /// Calldata.
    public var callData: [UInt8]
    /// Gas this call may use, for chunking (a hint, not a limit).
    public var gasHint: UInt64

    /// A call value; reads default to allowing failure and a 100k gas hint.
    public init(target: Address, callData: [UInt8], allowFailure: Bool = true, gasHint: UInt64 = 100_000) {
        self.target = target
        self.callData = callData
        self.allowFailure = allowFailure
        self.gasHint = gasHint
    }
}

/// Batched reads through Multicall3 `aggregate3((address,bool,bytes)[])` (0x82ad56cb): chunks by calldata size,
/// call count and gas, sends every chunk as one `eth_call` inside one JSON-RPC batch.
public struct Multicall: Sendable {
    /// Where the aggregator runs.
    public enum Mode: Sendable, Equatable {
        /// A deployed Multicall3-compatible contract.
        case deployed(Address)
        /// No contract on chain: the bundled aggregator runtime is injected at `address` through an `eth_call`
        /// state override (geth, erigon, reth, anvil and most providers support overrides).
        case deployless(Address)
    }

    /// The canonical Multicall3 address (the same on 250+ chains).
    public static let canonicalAddress = (try? Address(bytes: [
        0xca, 0x11, 0xbd, 0xe0, 0x59, 0x77, 0xb3, 0x63, 0x11, 0x67, 0x02, 0x88, 0x62, 0xbe, 0x2a, 0x17, 0x39, 0x76, 0xca, 0x11,
    ])) ?? .zero

    /// Where calls go.
    public var mode: Mode
    /// Most calls per chunk (the devnet's Vyper aggregator takes at most 64).
    public var maxCallsPerChunk: Int
    /// Most calldata bytes per chunk.
    public var maxCalldataBytes: Int
    /// Most summed gas hints per chunk.
    public var maxGasPerChunk: UInt64

    /// A multicall over the canonical deployment.
    public init(mode: Mode = .deployed(Multicall.canonicalAddress), maxCallsPerChunk: Int = 64,
                maxCalldataBytes: Int = 100_000, maxGasPerChunk: UInt64 = 30_000_000) {
        self.mode = mode
        self.maxCallsPerChunk = max(1, maxCallsPerChunk)
        self.maxCalldataBytes = max(1, maxCalldataBytes)
        self.maxGasPerChunk = max(1, maxGasPerChunk)
    }

    /// `aggregate3((address,bool,bytes)[])`.
    public static let aggregate3Selector: [UInt8] = [0x82, 0xad, 0x56, 0xcb]

    /// Splits calls into consecutive chunks that respect the count, calldata and gas limits (each chunk holds at
    /// least one call).
    public func chunks(_ calls: [Call3]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var bytes = 0
        var gas: UInt64 = 0
        for (i, c) in calls.enumerated() {
            let size = 32 * 5 + (c.callData.count + 31) / 32 * 32  // offset + 3 head words + length + padded data
            let full = i - start >= maxCallsPerChunk || bytes + size > maxCalldataBytes
                || gas &+ c.gasHint > maxGasPerChunk
            if full && i > start {
                out.append(start..<i)
                start = i
                bytes = 0
                gas = 0
            }
            bytes += size
            gas &+= c.gasHint
        }
        if start < calls.count { out.append(start..<calls.count) }
        return out
    }

    /// The calldata of `aggregate3(calls)`.
    public static func encodeAggregate3(_ calls: some Collection<Call3>) -> [UInt8] {
        // Hand-rolled ABI: (address,bool,bytes)[] in one pass, no intermediate values (hot path for big batches).
        var out = aggregate3Selector
        out.reserveCapacity(4 + 64 + calls.count * 192 + calls.reduce(0) { $0 + $1.callData.count })
        func word(_ v: Int) { out += [UInt8](repeating: 0, count: 24) + withUnsafeBytes(of: UInt64(v).bigEndian, Array.init) }
        word(32)
        word(calls.count)
        var offset = calls.count * 32
        for c in calls {
            word(offset)
            offset += 32 * 4 + (c.callData.count + 31) / 32 * 32
        }
        for c in calls {
            out += [UInt8](repeating: 0, count: 12) + c.target.bytes
            word(c.allowFailure ? 1 : 0)
            word(96)
            word(c.callData.count)
            out += c.callData
            out += [UInt8](repeating: 0, count: (32 - c.callData.count % 32) % 32)
        }
        return out
    }

    /// Decodes `(bool,bytes)[]` into one outcome per call; a failed call's data is decoded as its revert reason.
    public static func decodeAggregate3(_ data: [UInt8], count: Int) throws(RPCError) -> [CallOutcome] {
        let values: [ABIValue]
        do { values = try ABI.decode(types: [resultType], data: data) } catch {
            throw .malformedReply(what: "aggregate3 result: \(error.description)", bodyPrefix: Hex.encode(data.prefix(60)))
        }
        guard case .array(let items)? = values.first, items.count == count else {
            throw .malformedReply(what: "aggregate3 returned a different number of results than \(count) calls",
                                  bodyPrefix: Hex.encode(data.prefix(60)))
        }
        var out: [CallOutcome] = []
        out.reserveCapacity(count)
        for it in items {
            guard case .tuple(let f) = it, f.count == 2, case .bool(let ok) = f[0], case .bytes(let d) = f[1] else {
                throw .malformedReply(what: "aggregate3 result item", bodyPrefix: it.description)
            }
            out.append(ok ? .success(d) : .revert(RevertReason.decode(d), d))
        }
        return out
    }

    static let resultType = ABIType.array(.tuple([.bool, .bytes]))

    /// Runs all calls at `block`: one `eth_call` per chunk, all chunks in one JSON-RPC batch. A chunk whose
    /// aggregate itself reverts (a call with allowFailure false failed) yields that revert for each of its calls.
    public func execute(_ calls: [Call3], client: RPCClient, at block: BlockRef = .latest) async throws(RPCError)
        -> [CallOutcome]
    {
        if calls.isEmpty { return [] }
        let ranges = chunks(calls)
        let (target, overrides) = route
        let requests = ranges.map { r in
            var params: [JSONValue] = [
                CallRequest(to: target, data: Self.encodeAggregate3(calls[r])).json, block.parameter,
            ]
            if let overrides { params.append(overrides) }
            return RPCRequest("eth_call", params)
        }
        let replies = try await client.batch(requests)
        var out: [CallOutcome] = []
        out.reserveCapacity(calls.count)
        for (r, reply) in zip(ranges, replies) {
            switch reply {
            case .success(let v):
                out += try Self.decodeAggregate3(try v.bytes("aggregate3 return data"), count: r.count)
            case .failure(let e):
                guard let data = e.revertData else { throw e }
                let reason = RevertReason.decode(data)
                out += r.map { _ in CallOutcome.revert(reason, data) }
            }
        }
        return out
    }

    var route: (Address, JSONValue?) {
        switch mode {
        case .deployed(let a): return (a, nil)
        case .deployless(let a):
            return (a, .object([a.lowercaseHex: .object(["code": .string(MulticallBytecode.runtimeHex)])]))
        }
    }
}
