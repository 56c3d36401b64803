import Primitives

/// Where a transaction is in its life: built -> signed -> journaled -> broadcast -> pending ->
/// included | reverted | replaced | dropped (or failed when the node refused it before it was ever accepted).
public enum TxState: String, Sendable, Codable, CaseIterable {
    /// Fields chosen, not signed.
    case built
    /// Signed, not yet journaled.
    case signed
    /// Written to the journal; it may or may not have reached a node (a crash here is resolved by lookup).
    case journaled
    /// Sent, but the node's answer was lost or ambiguous.
    case broadcast
    /// Accepted by a node, not yet mined with enough confirmations.
    case pending
    /// Mined with status 1.
    case included
    /// Mined with status 0.
    case reverted
    /// Its nonce was consumed by another transaction.
    case replaced
    /// The node forgot it and it could not be sent again.
    case dropped
    /// The node refused it before it was ever accepted.
    case failed

    /// Whether nothing more will happen to it.
    public var isFinal: Bool { [.included, .reverted, .replaced, .dropped, .failed].contains(self) }
}

/// What happened to a transaction (facts from the signer, the journal or a node).
public enum TxEvent: Sendable, Equatable {
    /// The signer produced the signed transaction.
    case signed
    /// The journal durably holds it.
    case journaled
    /// A node accepted it.
    case broadcastAccepted
    /// A node already has it ("already known"): evidence an earlier send got through.
    case broadcastAlreadyKnown
    /// "nonce too low": the nonce is used, by this transaction or another; a lookup decides.
    case broadcastNonceTooLow
    /// The send failed in a way that says nothing (connection lost, timeout).
    case broadcastUnknown
    /// A node refused it (underpriced, insufficient funds...).
    case broadcastRejected(String)
    /// A receipt was found with this status and confirmation count.
    case receipt(succeeded: Bool, confirmations: UInt64)
    /// No receipt: whether the account's mined nonce moved past ours, and whether the node still knows the hash.
    case noReceipt(nonceConsumed: Bool, knownToNode: Bool)
    /// The wait deadline passed without inclusion.
    case deadlinePassed
}

/// What the driver must do next.
public enum TxAction: Sendable, Equatable {
    /// Write the journal entry (before any broadcast).
    case journal
    /// Send the signed bytes (the same bytes every time: never a new intent).
    case broadcast
    /// Look the hash up (receipt, then nonce, then the node's pool).
    case lookup
    /// Wait for more confirmations, then look up again.
    case waitForConfirmations
    /// Send a fee-bumped replacement with the same nonce.
    case replace
    /// Record the final state.
    case finish(TxState)
}

/// A transition that the current state does not allow.
public struct TxTransitionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The state.
    public var state: TxState
    /// The event.
    public var event: TxEvent
    /// A lower-case one-line description.
    public var description: String { "transaction in state \(state.rawValue) cannot take event \(event)" }
    /// A stable short code.
    public var code: String { "tx.invalid_transition" }
}

/// The transaction lifecycle as a pure state machine: each event moves the state and returns the actions to run.
public struct TxLifecycle: Sendable, Equatable {
    /// The current state.
    public private(set) var state: TxState
    /// Confirmations required before included/reverted is final.
    public let confirmations: UInt64
    /// Whether a node ever accepted it (decides dropped vs failed on a later refusal).
    public private(set) var everAccepted: Bool

    /// A lifecycle starting at `state` (`.journaled` for an entry found in the journal on start).
    public init(state: TxState = .built, confirmations: UInt64 = 1, everAccepted: Bool = false) {
        self.state = state
        self.confirmations = max(1, confirmations)
        self.everAccepted = everAccepted
    }

    /// Applies an event; returns the actions, or throws when the state does not allow it.
    public mutating func handle(_ event: TxEvent) throws(TxTransitionError) -> [TxAction] {
        let bad = TxTransitionError(state: state, event: event)
        switch (state, event) {
        case (.built, .signed):
            state = .signed
            return [.journal]
        case (.signed, .journaled):
            state = .journaled
            return [.broadcast]
        case (.journaled, .broadcastAccepted), (.broadcast, .broadcastAccepted), (.pending, .broadcastAccepted),
            (.journaled, .broadcastAlreadyKnown), (.broadcast, .broadcastAlreadyKnown),
            (.pending, .broadcastAlreadyKnown):
            state = .pending
            everAccepted = true
            return [.lookup]
        case (.journaled, .broadcastNonceTooLow), (.broadcast, .broadcastNonceTooLow),
            (.pending, .broadcastNonceTooLow), (.journaled, .broadcastUnknown), (.broadcast, .broadcastUnknown):
            state = .broadcast
            return [.lookup]
        case (.pending, .broadcastUnknown):
            return [.lookup]
        case (.journaled, .broadcastRejected), (.broadcast, .broadcastRejected), (.pending, .broadcastRejected):
            state = everAccepted ? .dropped : .failed
            return [.finish(state)]
        case (.journaled, .receipt(let ok, let n)), (.broadcast, .receipt(let ok, let n)),
            (.pending, .receipt(let ok, let n)):
            everAccepted = true
            guard n >= confirmations else {
                state = .pending
                return [.waitForConfirmations]
            }
            state = ok ? .included : .reverted
            return [.finish(state)]
        case (.journaled, .noReceipt(true, _)), (.broadcast, .noReceipt(true, _)), (.pending, .noReceipt(true, _)):
            state = .replaced
            return [.finish(.replaced)]
        case (.journaled, .noReceipt(false, true)), (.broadcast, .noReceipt(false, true)),
            (.pending, .noReceipt(false, true)):
            state = .pending
            everAccepted = true
            return [.waitForConfirmations]
        case (.journaled, .noReceipt(false, false)), (.broadcast, .noReceipt(false, false)):
            // Not mined, nonce free, node does not have it: send the same signed bytes again.
            state = .journaled
            return [.broadcast]
        case (.pending, .noReceipt(false, false)):
            // Accepted once, now forgotten by the node (evicted, or another node behind a balancer): resend.
            return [.broadcast]
        case (.pending, .deadlinePassed), (.broadcast, .deadlinePassed):
            return [.replace]
        default:
            throw bad
        }
    }
}

/// How a node's reply to `eth_sendRawTransaction` is read: evidence, not necessarily failure.
public enum BroadcastReply: Sendable, Equatable {
    /// Accepted.
    case accepted
    /// The node already has this exact transaction.
    case alreadyKnown
    /// The nonce is already used.
    case nonceTooLow
    /// The nonce is ahead of the account (a node without a queue refuses it; retry shortly).
    case nonceTooHigh
    /// A replacement whose fees are not at least the node's minimum bump.
    case replacementUnderpriced
    /// Anything that says nothing about the transaction (connection lost, timeout).
    case unknown
    /// A definite refusal (insufficient funds, fee below base fee, invalid...).
    case rejected(String)

    /// Classifies a send error.
    public static func classify(_ error: RPCError) -> BroadcastReply {
        switch error {
        case .rpc(_, let message, _, _):
            let m = message.lowercased()
            if m.contains("already known") || m.contains("already imported") || m.contains("known transaction")
                || m.contains("already in") && m.contains("pool")
            {
                return .alreadyKnown
            }
            if m.contains("nonce too low") || m.contains("nonce is too low") || m.contains("invalid nonce")
                && m.contains("low")
            {
                return .nonceTooLow
            }
            if m.contains("nonce too high") { return .nonceTooHigh }
            if m.contains("replacement transaction underpriced") || m.contains("replacement fee too low") {
                return .replacementUnderpriced
            }
            return error.isTransient ? .unknown : .rejected(message)
        case .transport, .timeout, .http, .malformedReply: return .unknown
        default: return .rejected(error.description)
        }
    }

    /// The lifecycle event this reply is.
    public var event: TxEvent {
        switch self {
        case .accepted: return .broadcastAccepted
        case .alreadyKnown: return .broadcastAlreadyKnown
        case .nonceTooLow: return .broadcastNonceTooLow
        case .nonceTooHigh, .unknown: return .broadcastUnknown
        case .replacementUnderpriced: return .broadcastRejected("replacement underpriced")
        case .rejected(let m): return .broadcastRejected(m)
        }
    }
}

/// Sends one signed transaction somewhere other than the node's public mempool (a bundle relay) and says what
/// came of it in the lifecycle's terms: `.accepted` when it was handed over, `.rejected` when it was refused for
/// good (it was not sent), `.unknown` when nothing can be said (the sender retries until its deadline).
public protocol RawTransactionBroadcaster: Sendable {
    /// Hands `transaction` over.
    func broadcast(_ transaction: SignedTransaction) async -> BroadcastReply
}
