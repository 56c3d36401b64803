// `defi execute --private`: the transaction sender hands each signed transaction to the bundle relays instead of
// the public mempool. The journal, nonces, receipts and reconciliation stay TransactionSender's; only the hand-over
// changes, so a killed private run is reconciled exactly like a public one.
import Chain
import Primitives

/// One-transaction bundles for the block after the current head (and the next ones the broadcaster targets).
public struct BundleTransactionBroadcaster: RawTransactionBroadcaster {
    /// The relays.
    public let bundles: any BundleBroadcaster
    /// Where the head block is read.
    public let client: RPCClient
    /// Called with every relay answer (reports, logs); nil to ignore.
    public let onBroadcast: (@Sendable (Result<BundleBroadcast, BundleError>) -> Void)?

    /// A broadcaster over `bundles`, targeting the block after `client`'s head.
    public init(
        bundles: any BundleBroadcaster, client: RPCClient,
        onBroadcast: (@Sendable (Result<BundleBroadcast, BundleError>) -> Void)? = nil
    ) {
        self.bundles = bundles
        self.client = client
        self.onBroadcast = onBroadcast
    }

    /// Simulates and submits `[transaction]` for head + 1: a failed bundle simulation is a definite refusal
    /// (nothing was sent); no builder accepting, or no head, says nothing (the sender tries again for later blocks
    /// until its deadline).
    public func broadcast(_ transaction: SignedTransaction) async -> BroadcastReply {
        let head: UInt64
        do { head = try await client.blockNumber() } catch { return .unknown }
        do {
            let result = try await bundles.broadcast([transaction], targetBlock: head + 1)
            onBroadcast?(.success(result))
            return result.acceptedByAny ? .accepted : .unknown
        } catch {
            onBroadcast?(.failure(error))
            switch error {
            case .simulationFailed, .noBuilders, .empty: return .rejected("bundle not sent: \(error)")
            case .simulationUnavailable: return .unknown
            }
        }
    }
}
