import Primitives

/// Hands out nonces for one chain and address from the persisted journal: pending-aware (max of the stored next
/// nonce and the node's pending count) and atomic across threads and processes, so concurrent senders (in one
/// process or several) get distinct consecutive nonces.
public struct NonceManager: Sendable {
    /// Chain id.
    public let chainID: UInt64
    /// The account.
    public let address: Address
    private let client: RPCClient
    private let journal: any TransactionJournal

    /// A manager for `address` on `chainID`.
    public init(chainID: UInt64, address: Address, client: RPCClient, journal: any TransactionJournal) {
        self.chainID = chainID
        self.address = address
        self.client = client
        self.journal = journal
    }

    /// Reserves the next nonce on its own (persisted); call `release` if nothing will be sent with it.
    /// `TransactionSender` uses `journalNew` instead, which cannot leave a gap when the process dies.
    public func reserve() async throws(SendError) -> UInt64 {
        let pending = try await pendingCount()
        do { return try journal.reserveNonce(chainID: chainID, from: address, chainPending: pending) } catch {
            throw .journal(error)
        }
    }

    /// Gives back a nonce the node never saw, when it is still the last one handed out (so no gap is left);
    /// returns whether it was given back.
    @discardableResult
    public func release(_ nonce: UInt64) throws(SendError) -> Bool {
        do { return try journal.releaseNonce(chainID: chainID, from: address, nonce: nonce) } catch {
            throw .journal(error)
        }
    }

    /// Reserves a nonce and journals `make(nonce)` in one durable step (or returns the intent's existing entry).
    public func journalNew(intentKey: String, make: (UInt64) -> Result<JournalEntry, SendError>)
        async throws(SendError) -> JournalReservation
    {
        let pending = try await pendingCount()
        let result: Result<JournalReservation, SendError>
        do {
            result = try journal.journalNew(
                chainID: chainID, from: address, intentKey: intentKey, chainPending: pending, make: make)
        } catch { throw .journal(error) }
        return try result.get()
    }

    private func pendingCount() async throws(SendError) -> UInt64 {
        do { return try await client.transactionCount(of: address, at: .pending) } catch { throw .rpc(error) }
    }
}
