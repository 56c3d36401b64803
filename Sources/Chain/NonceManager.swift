import Primitives

/// Hands out nonces for one chain and address: pending-aware (max of the journal, the node's pending count and
/// what this process already handed out), serialised so concurrent senders get distinct consecutive nonces.
public actor NonceManager {
    /// Chain id.
    public let chainID: UInt64
    /// The account.
    public let address: Address
    private let client: RPCClient
    private let journal: any TransactionJournal
    private var next: UInt64?
    private var inFlight: Set<UInt64> = []

    /// A manager for `address` on `chainID`.
    public init(chainID: UInt64, address: Address, client: RPCClient, journal: any TransactionJournal) {
        self.chainID = chainID
        self.address = address
        self.client = client
        self.journal = journal
    }

    /// The next nonce to use; call `release` if it will not be journaled.
    public func reserve() async throws(RPCError) -> UInt64 {
        let pending = try await client.transactionCount(of: address, at: .pending)
        var stored: UInt64 = 0
        if let entries = try? journal.entries(chainID: chainID, from: address), let m = entries.map(\.nonce).max() {
            stored = m + 1
        }
        // Actor re-entrancy: `next` may have moved while we awaited; take the max at this point.
        let n = max(pending, stored, next ?? 0)
        next = n + 1
        inFlight.insert(n)
        return n
    }

    /// Gives back a nonce that was never journaled, when it is the last one handed out (so no gap is left).
    public func release(_ nonce: UInt64) {
        inFlight.remove(nonce)
        if next == nonce + 1 { next = nonce }
    }

    /// Marks a nonce as journaled.
    public func commit(_ nonce: UInt64) { inFlight.remove(nonce) }
}
