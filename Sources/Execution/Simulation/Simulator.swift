// Simulation of one transaction exactly as it would be sent, at one pinned block: the plain eth_call (outcome and
// return data), eth_estimateGas (the gas), and one more eth_call through the SimulationLens installed at the
// sender (per-token balances of the watched holders before and after the same call).
import Chain
import DeFiCore
import Primitives

/// The transaction to simulate: the fields it will be sent with.
public struct SimulationRequest: Sendable, Equatable {
    /// Sender.
    public var from: Address
    /// Recipient (the executor for plans).
    public var to: Address
    /// Calldata.
    public var data: [UInt8]
    /// Value in wei.
    public var value: U256
    /// Gas limit it will be sent with; nil: the estimate plus 20% (what TransactionSender uses).
    public var gasLimit: UInt64?
    /// The block to simulate on; resolved to a number first so every call sees the same state.
    public var block: BlockRef
    /// geth-style state overrides applied to every call.
    public var overrides: [Address: AccountOverride]
    /// Tokens whose balances are measured (the zero address = native ETH).
    public var tokens: [Address]
    /// Holders whose balances are measured (the sender is always measured).
    public var holders: [Address]

    /// A request value.
    public init(from: Address, to: Address, data: [UInt8], value: U256 = .zero, gasLimit: UInt64? = nil,
                block: BlockRef = .latest, overrides: [Address: AccountOverride] = [:], tokens: [Address] = [],
                holders: [Address] = []) {
        self.from = from
        self.to = to
        self.data = data
        self.value = value
        self.gasLimit = gasLimit
        self.block = block
        self.overrides = overrides
        self.tokens = tokens
        self.holders = holders
    }
}

/// One balance change seen by the lens: `after - before` of `token` held by `holder`.
public struct BalanceDelta: Sendable, Equatable {
    /// The holder.
    public var holder: Address
    /// The token (zero address: native ETH).
    public var token: Address
    /// Balance before the call.
    public var before: U256
    /// Balance after the call.
    public var after: U256

    /// A delta value.
    public init(holder: Address, token: Address, before: U256, after: U256) {
        self.holder = holder
        self.token = token
        self.before = before
        self.after = after
    }

    /// `after - before`, signed.
    public var delta: I256 {
        after >= before ? I256(negative: false, magnitude: after - before)! : I256(negative: true, magnitude: before - after)!
    }
}

/// What the simulation found.
public struct Simulation: Sendable, Equatable {
    /// The block number the calls ran on.
    public var blockNumber: UInt64
    /// The outcome of the exact call: return data, or the decoded revert.
    public var outcome: CallOutcome
    /// eth_estimateGas of the exact transaction (nil when it reverts).
    public var gasEstimate: UInt64?
    /// The gas limit the transaction carries.
    public var gasLimit: UInt64
    /// Gas the inner call consumed as measured by the lens (execution only: no intrinsic gas, no refund).
    public var executionGas: UInt64
    /// Balance changes of every watched holder and token, holder-major.
    public var deltas: [BalanceDelta]

    /// Whether the call succeeded.
    public var succeeded: Bool {
        if case .success = outcome { return true }
        return false
    }

    /// The decoded revert reason, when it reverted.
    public var revertReason: RevertReason? {
        if case .revert(let r, _) = outcome { return r }
        return nil
    }

    /// The delta of `token` held by `holder` (zero when not watched or unchanged).
    public func delta(of token: Address, holder: Address) -> I256 {
        deltas.first { $0.holder == holder && $0.token == token }?.delta ?? I256(0)
    }
}

/// Why a simulation could not be run (the EVM outcome itself is never an error).
public enum SimulationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The node failed.
    case rpc(RPCError)
    /// The lens reply could not be decoded (or the lens itself failed).
    case lens(String)
    /// Too many tokens or holders for the lens.
    case tooManyWatched(tokens: Int, holders: Int)

    /// A lower-case one-line description.
    public var description: String {
        switch self {
        case .rpc(let e): e.description
        case .lens(let why): "simulation lens: \(why)"
        case .tooManyWatched(let t, let h): "the lens watches at most 16 tokens and 4 holders, got \(t) and \(h)"
        }
    }
}

/// Runs simulations against a node.
public struct Simulator: Sendable {
    /// The node.
    public let client: RPCClient

    /// A simulator over `client`.
    public init(client: RPCClient) { self.client = client }

    static let lensCode: [UInt8] = (try? Hex.decode(simulationLensRuntimeHex)) ?? []
    static let probeSelector: [UInt8] = Array(Keccak256.hash(utf8: "probe(address,bytes,address[],address[])").bytes.prefix(4))
    static let probeInput = try! [ABIType(parsing: "address"), ABIType(parsing: "bytes"), ABIType(parsing: "address[]"),
                                  ABIType(parsing: "address[]")]
    static let probeOutput = try! [ABIType(parsing: "bool"), ABIType(parsing: "bytes"), ABIType(parsing: "uint256[]"),
                                   ABIType(parsing: "uint256[]"), ABIType(parsing: "uint256")]

    /// Resolves a block reference to a number (so that all calls share one state).
    public func pin(_ block: BlockRef) async throws(SimulationError) -> UInt64 {
        if case .number(let n) = block { return n }
        do { return try await client.block(block).number } catch { throw .rpc(error) }
    }

    /// Simulates `request` at one block: exact call, gas estimate, lens balances.
    public func simulate(_ request: SimulationRequest) async throws(SimulationError) -> Simulation {
        var holders = [request.from]
        for h in request.holders where !holders.contains(h) { holders.append(h) }
        var tokens: [Address] = []
        for t in request.tokens where !tokens.contains(t) { tokens.append(t) }
        guard tokens.count <= 16, holders.count <= 4 else {
            throw .tooManyWatched(tokens: tokens.count, holders: holders.count)
        }
        let number = try await pin(request.block)
        let at = BlockRef.number(number)
        let exact = CallRequest(from: request.from, to: request.to, data: request.data, value: request.value)
        let estimate: GasEstimate
        do { estimate = try await client.estimateGas(exact, at: at, overrides: request.overrides) } catch { throw .rpc(error) }
        var gasEstimate: UInt64? = nil
        if case .gas(let g) = estimate { gasEstimate = g }
        let gasLimit = request.gasLimit ?? gasEstimate.map { $0 + $0 / 5 } ?? 30_000_000
        var sent = exact
        sent.gas = gasLimit
        let outcome: CallOutcome
        do { outcome = try await client.call(sent, at: at, overrides: request.overrides) } catch { throw .rpc(error) }

        // The lens: the sender's code replaced by SimulationLens, called by the sender itself.
        var overrides = request.overrides
        var mine = overrides[request.from] ?? AccountOverride()
        mine.code = Self.lensCode
        overrides[request.from] = mine
        let input: [UInt8]
        do {
            input = Self.probeSelector + (try ABI.encode(types: Self.probeInput, values: [
                .address(request.to), .bytes(request.data), .array(tokens.map { .address($0) }),
                .array(holders.map { .address($0) }),
            ]))
        } catch { throw .lens("cannot encode the probe: \(error)") }
        let probe = CallRequest(from: request.from, to: request.from, data: input, value: request.value,
                                gas: max(gasLimit, 1_000_000) + 2_000_000)
        let reply: CallOutcome
        do { reply = try await client.call(probe, at: at, overrides: overrides) } catch { throw .rpc(error) }
        guard case .success(let bytes) = reply else {
            throw .lens("the probe reverted: \(reply)")
        }
        let values: [ABIValue]
        do { values = try ABI.decode(types: Self.probeOutput, data: bytes) } catch { throw .lens("undecodable reply: \(error)") }
        guard let before = values[2].elements?.compactMap(\.uintValue), let after = values[3].elements?.compactMap(\.uintValue),
            before.count == tokens.count * holders.count, after.count == before.count,
            let used = values[4].uintValue?.uint64
        else { throw .lens("reply has the wrong shape") }
        var deltas: [BalanceDelta] = []
        for (i, h) in holders.enumerated() {
            for (j, t) in tokens.enumerated() {
                let k = i * tokens.count + j
                deltas.append(BalanceDelta(holder: h, token: t, before: before[k], after: after[k]))
            }
        }
        // The lens's own outcome must agree with the exact call (same block, same state): a mismatch means the
        // code override changed behaviour, and its deltas would not describe the real transaction.
        let lensOK = values[0].boolValue ?? false
        if lensOK != (outcome.returnData != nil) {
            throw .lens("the lens saw \(lensOK ? "success" : "a revert") where the exact call saw the opposite")
        }
        return Simulation(blockNumber: number, outcome: outcome, gasEstimate: gasEstimate, gasLimit: gasLimit,
                          executionGas: used, deltas: deltas)
    }
}
