import Primitives

/// The message of `eth_call` / `eth_estimateGas`.
public struct CallRequest: Sendable, Equatable {
    /// Sender (zero address when nil, as nodes do).
    public var from: Address?
    /// Target; nil runs `data` as creation code.
    public var to: Address?
    /// Gas limit for the call.
    public var gas: UInt64?
    /// Value in wei.
    public var value: U256?
    /// Calldata.
    public var data: [UInt8]

    /// A call value.
    public init(from: Address? = nil, to: Address?, data: [UInt8], value: U256? = nil, gas: UInt64? = nil) {
        self.from = from
        self.to = to
        self.data = data
        self.value = value
        self.gas = gas
    }

    /// The JSON object.
    public var json: JSONValue {
        var o: [String: JSONValue] = ["input": .data(data)]
        if let from { o["from"] = .address(from) }
        if let to { o["to"] = .address(to) }
        if let gas { o["gas"] = .quantity(gas) }
        if let value { o["value"] = .quantity(value) }
        return .object(o)
    }
}

/// A geth-style state override for one account (eth_call's third parameter).
public struct AccountOverride: Sendable, Equatable {
    /// Replacement balance.
    public var balance: U256?
    /// Replacement nonce.
    public var nonce: UInt64?
    /// Replacement code.
    public var code: [UInt8]?
    /// Full storage replacement.
    public var state: [Hash32: Hash32]?
    /// Storage slots to patch.
    public var stateDiff: [Hash32: Hash32]?

    /// An override value.
    public init(balance: U256? = nil, nonce: UInt64? = nil, code: [UInt8]? = nil, state: [Hash32: Hash32]? = nil,
                stateDiff: [Hash32: Hash32]? = nil) {
        self.balance = balance
        self.nonce = nonce
        self.code = code
        self.state = state
        self.stateDiff = stateDiff
    }

    /// The JSON object.
    public var json: JSONValue {
        var o: [String: JSONValue] = [:]
        if let balance { o["balance"] = .quantity(balance) }
        if let nonce { o["nonce"] = .quantity(nonce) }
        if let code { o["code"] = .data(code) }
        func slots(_ m: [Hash32: Hash32]) -> JSONValue {
            .object(Dictionary(uniqueKeysWithValues: m.map { ($0.key.description, JSONValue.string($0.value.description)) }))
        }
        if let state { o["state"] = slots(state) }
        if let stateDiff { o["stateDiff"] = slots(stateDiff) }
        return .object(o)
    }
}

/// The outcome of a call the EVM may revert: a revert is a result, not an error.
public enum CallOutcome: Sendable, Equatable {
    /// The call returned this data.
    case success([UInt8])
    /// The call reverted; the decoded reason and the raw revert data.
    case revert(RevertReason, [UInt8])

    /// The return data, or nil when it reverted.
    public var returnData: [UInt8]? {
        if case .success(let d) = self { return d }
        return nil
    }
}

/// The outcome of `eth_estimateGas`: a gas amount or the revert that prevents execution.
public enum GasEstimate: Sendable, Equatable {
    /// Gas the transaction needs.
    case gas(UInt64)
    /// Execution reverts; the decoded reason and the raw data.
    case revert(RevertReason, [UInt8])
}
