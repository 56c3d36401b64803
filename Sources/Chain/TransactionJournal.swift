import Primitives

/// One journaled transaction: everything needed to resend the same bytes or reconcile after a crash.
public struct JournalEntry: Sendable, Equatable, Codable {
    /// The caller's idempotency key: one intent is sent at most once (replacements share it).
    public var intentKey: String
    /// Chain id.
    public var chainID: UInt64
    /// Sender, lower-case hex.
    public var from: String
    /// Nonce.
    public var nonce: UInt64
    /// Transaction hash, hex.
    public var hash: String
    /// Signed raw bytes, hex.
    public var raw: String
    /// Lifecycle state.
    public var state: TxState
    /// Hash of the transaction this one replaces, if any.
    public var replaces: String?
    /// Whether a node ever accepted it.
    public var everAccepted: Bool
    /// The block that included it, once a receipt was seen.
    public var includedBlock: UInt64?
    /// The receipt status (1 success, 0 revert), once a receipt was seen.
    public var receiptStatus: Int?

    /// An entry for a freshly signed transaction.
    public init(intentKey: String, signed: SignedTransaction, from: Address, state: TxState = .journaled,
                replaces: Hash32? = nil) {
        self.intentKey = intentKey
        chainID = signed.transaction.chainID ?? 0
        self.from = from.lowercaseHex
        nonce = signed.transaction.nonce
        hash = signed.hash.description
        raw = Hex.encode(signed.rawBytes)
        self.state = state
        self.replaces = replaces?.description
        everAccepted = false
    }

    /// An entry with every field given (for journals reading their rows back).
    public init(intentKey: String, chainID: UInt64, from: String, nonce: UInt64, hash: String, raw: String,
                state: TxState, replaces: String?, everAccepted: Bool, includedBlock: UInt64? = nil,
                receiptStatus: Int? = nil) {
        self.intentKey = intentKey
        self.chainID = chainID
        self.from = from
        self.nonce = nonce
        self.hash = hash
        self.raw = raw
        self.state = state
        self.replaces = replaces
        self.everAccepted = everAccepted
        self.includedBlock = includedBlock
        self.receiptStatus = receiptStatus
    }
}

/// What `TransactionJournal.journalNew` did.
public enum JournalReservation: Sendable, Equatable {
    /// A nonce was reserved and this entry written for it (durably, before any broadcast).
    case created(JournalEntry)
    /// The intent key was already journaled (by this or another process): its latest entry; nothing written.
    case existing(JournalEntry)
}

/// The durable record of sent transactions and the persisted next nonce (`HistoryJournal`, over the SQLite
/// history store, is the implementation). Writes must be durable when the call returns, and safe across processes.
public protocol TransactionJournal: Sendable {
    /// Inserts the entry, or records the new state of the entry with the same hash.
    func write(_ entry: JournalEntry) throws(JournalError)
    /// Every entry of `from` on `chainID`, latest version of each, in write order.
    func entries(chainID: UInt64, from: Address) throws(JournalError) -> [JournalEntry]
    /// Atomically: if `intentKey` is journaled for `from`, returns it; else reserves nonce = max(stored next,
    /// `chainPending`), writes `make(nonce)` and stores nonce + 1. When `make` fails nothing is written (no gap).
    func journalNew(chainID: UInt64, from: Address, intentKey: String, chainPending: UInt64,
                    make: (UInt64) -> Result<JournalEntry, SendError>) throws(JournalError)
        -> Result<JournalReservation, SendError>
    /// Reserves a nonce on its own: max(stored next, `chainPending`), storing it + 1.
    func reserveNonce(chainID: UInt64, from: Address, chainPending: UInt64) throws(JournalError) -> UInt64
    /// Gives `nonce` back when it is still the last one handed out; returns whether it was.
    func releaseNonce(chainID: UInt64, from: Address, nonce: UInt64) throws(JournalError) -> Bool
}

/// A journal write or read failed.
public struct JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What failed, with the path.
    public var reason: String
    /// A lower-case one-line description.
    public var description: String { "transaction journal: \(reason)" }
    /// A stable short code.
    public var code: String { "journal.io" }

    /// An error with this reason.
    public init(reason: String) { self.reason = reason }
}
