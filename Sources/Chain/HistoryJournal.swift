import Foundation
import History
import Primitives

/// The production `TransactionJournal`: the `transactions` and `nonces` tables of the SQLite history store (WAL).
/// Every call is one committed transaction, and nonce reservation + journaling is a single IMMEDIATE transaction,
/// so several processes may send for the same chain and address.
public final class HistoryJournal: TransactionJournal {
    /// The store.
    public let store: HistoryStore

    /// A journal over an open store.
    public init(store: HistoryStore) { self.store = store }

    /// Opens (creating and migrating when needed) the store at `path`.
    public convenience init(path: String) throws(JournalError) {
        do { self.init(store: try HistoryStore(path: path)) } catch { throw JournalError(reason: error.description) }
    }

    /// Opens the store at its default path (`$XDG_DATA_HOME/defi/history.sqlite` or `~/.local/share/...`).
    public convenience init(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(JournalError)
    {
        try self.init(path: HistoryStore.defaultPath(environment: environment))
    }

    /// Inserts the entry or records its new state.
    public func write(_ entry: JournalEntry) throws(JournalError) {
        let record = try Self.record(entry)
        do { try store.recordTransaction(record) } catch { throw JournalError(reason: error.description) }
    }

    /// Every entry of `from` on `chainID`, in journal order.
    public func entries(chainID: UInt64, from: Address) throws(JournalError) -> [JournalEntry] {
        let rows: [TransactionRecord]
        do { rows = try store.transactions(chainID: chainID, sender: from.lowercaseHex) } catch {
            throw JournalError(reason: error.description)
        }
        var out: [JournalEntry] = []
        for row in rows { out.append(try Self.entry(row)) }
        return out
    }

    /// Reserves a nonce and journals `make(nonce)` in one transaction (or returns the intent's existing entry).
    public func journalNew(chainID: UInt64, from: Address, intentKey: String, chainPending: UInt64,
                           make: (UInt64) -> Result<JournalEntry, SendError>) throws(JournalError)
        -> Result<JournalReservation, SendError>
    {
        let result: Result<HistoryStore.JournalInsert, SendError>
        do throws(HistoryError) {
            result = try store.journalNewTransaction(
                chainID: chainID, sender: from.lowercaseHex, intentKey: intentKey, chainPending: chainPending
            ) { nonce -> Result<TransactionRecord, SendError> in
                switch make(nonce) {
                case .failure(let e): return .failure(e)
                case .success(let entry):
                    do throws(JournalError) { return .success(try Self.record(entry)) } catch {
                        return .failure(.journal(error))
                    }
                }
            }
        } catch { throw JournalError(reason: error.description) }
        switch result {
        case .failure(let e): return .failure(e)
        case .success(.created(let row)): return .success(.created(try Self.entry(row)))
        case .success(.existing(let row)): return .success(.existing(try Self.entry(row)))
        }
    }

    /// Reserves a nonce: max(stored next, `chainPending`).
    public func reserveNonce(chainID: UInt64, from: Address, chainPending: UInt64) throws(JournalError) -> UInt64 {
        do { return try store.reserveNonce(chainID: chainID, address: from.lowercaseHex, chainPending: chainPending) }
        catch { throw JournalError(reason: error.description) }
    }

    /// Gives `nonce` back when it is still the last one handed out.
    public func releaseNonce(chainID: UInt64, from: Address, nonce: UInt64) throws(JournalError) -> Bool {
        do { return try store.releaseNonce(chainID: chainID, address: from.lowercaseHex, nonce: nonce) }
        catch { throw JournalError(reason: error.description) }
    }

    static func record(_ e: JournalEntry) throws(JournalError) -> TransactionRecord {
        guard let state = TransactionState(rawValue: e.state.rawValue) else {
            throw JournalError(reason: "state \(e.state.rawValue) of \(e.hash) is not journaled")
        }
        let now = Date()
        let sent: Set<TxState> = [.broadcast, .pending, .included, .reverted]
        return TransactionRecord(
            hash: e.hash.lowercased(), chainID: e.chainID, sender: e.from.lowercased(), nonce: e.nonce,
            raw: e.raw.hasPrefix("0x") ? e.raw : "0x" + e.raw, state: state, replaces: e.replaces?.lowercased(),
            createdAt: now, broadcastAt: sent.contains(e.state) ? now : nil, includedBlock: e.includedBlock,
            receiptStatus: e.receiptStatus, intentKey: e.intentKey.isEmpty ? nil : e.intentKey,
            everAccepted: e.everAccepted)
    }

    static func entry(_ r: TransactionRecord) throws(JournalError) -> JournalEntry {
        guard let state = TxState(rawValue: r.state.rawValue) else {
            throw JournalError(reason: "row \(r.hash) has unknown state \(r.state.rawValue)")
        }
        return JournalEntry(
            intentKey: r.intentKey ?? "", chainID: r.chainID, from: r.sender.lowercased(), nonce: r.nonce,
            hash: r.hash, raw: r.raw, state: state, replaces: r.replaces, everAccepted: r.everAccepted,
            includedBlock: r.includedBlock, receiptStatus: r.receiptStatus)
    }
}
