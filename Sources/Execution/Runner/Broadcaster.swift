import Chain
import Primitives

/// Where a signed, journaled transaction goes: the public mempool (TransactionSender) or, later, a private bundle
/// relay. The runner hands it an intent and gets back the driven outcome; journaling before broadcast is the
/// broadcaster's duty (TransactionSender does it).
public protocol Broadcaster: Sendable {
    /// A short name for reports (`public`, `flashbots`).
    var name: String { get }
    /// Resolves every journaled transaction of the signer whose outcome is unknown (before anything new is sent).
    func reconcile() async throws(ExecutionError) -> [TxOutcome]
    /// Sends `intent` at most once (its key is the idempotency key) and waits for the outcome.
    func send(_ intent: TxIntent) async throws(ExecutionError) -> TxOutcome
}

/// The public mempool through `TransactionSender` (journal, broadcast, receipt with confirmations and deadline).
public struct PublicBroadcaster: Broadcaster {
    /// The sender it drives.
    public let sender: TransactionSender

    /// A broadcaster over `sender`.
    public init(sender: TransactionSender) { self.sender = sender }

    /// `public`.
    public var name: String { "public" }

    /// `TransactionSender.reconcile()`.
    public func reconcile() async throws(ExecutionError) -> [TxOutcome] {
        do { return try await sender.reconcile() } catch { throw ExecutionError.from(error) }
    }

    /// `TransactionSender.send(_:)`.
    public func send(_ intent: TxIntent) async throws(ExecutionError) -> TxOutcome {
        do { return try await sender.send(intent) } catch { throw ExecutionError.from(error) }
    }
}

/// Private (bundle) sending is the mev stream's; until it lands `--private` fails with exit 7.
public enum PrivateBroadcast {
    /// The error `--private` gives in this build.
    public static let unavailable = ExecutionError.notAvailable(
        "private sending (--private, Flashbots bundles) is not available in this build; send publicly or wait for it")
}
