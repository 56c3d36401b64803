import Chain
import Primitives

/// A signed per-token change of one holder, as `simulate`/`execute` report and the history store keeps it
/// (native ether is the zero address here).
public struct TokenDelta: Sendable, Equatable {
    /// The holder.
    public var holder: Address
    /// The token (zero address: native ETH).
    public var token: Address
    /// The change.
    public var delta: I256

    /// A delta value.
    public init(holder: Address, token: Address, delta: I256) {
        self.holder = holder
        self.token = token
        self.delta = delta
    }

    /// The realised changes of a mined plan, read from its receipt by Chain's ``ExecutionDeltas`` (the one
    /// receipt-to-deltas implementation): tokens first, then the sender's ether spend, with ether written as the
    /// zero address as the history store and reports always had it.
    static func realised(receipt: Receipt, executor: Address, l1Fee: U256?) throws(ExecutionDeltasError) -> [TokenDelta] {
        let computed = try ExecutionDeltas.compute(receipt: receipt, executor: executor, l1Fee: l1Fee ?? .zero)
        let tokens = computed.deltas.filter { $0.token != ExecutionDeltas.native }
        let ether = computed.deltas.filter { $0.token == ExecutionDeltas.native }
        return (tokens + ether).map {
            TokenDelta(holder: $0.account, token: $0.token == ExecutionDeltas.native ? .zero : $0.token, delta: $0.amount)
        }
    }
}
