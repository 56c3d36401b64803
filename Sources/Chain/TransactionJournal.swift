import Foundation
import Primitives

#if canImport(Glibc)
    import Glibc
#endif

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
}

/// The durable record of sent transactions (the History store implements this for production; `FileJournal` is
/// a JSON-lines file for tools and tests). Writes must be durable when the call returns.
public protocol TransactionJournal: Sendable {
    /// Inserts or replaces the entry with the same hash.
    func write(_ entry: JournalEntry) throws(JournalError)
    /// Every entry of `from` on `chainID`, latest version of each, in write order.
    func entries(chainID: UInt64, from: Address) throws(JournalError) -> [JournalEntry]
}

/// A journal write or read failed.
public struct JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What failed, with the path.
    public var reason: String
    /// A stable short code.
    public var code: String { "journal.io" }
    /// A lower-case one-line description.
    public var description: String { "transaction journal: \(reason)" }
}

/// A JSON-lines journal: each write appends the entry and fsyncs; the latest line per hash wins.
public final class FileJournal: TransactionJournal, @unchecked Sendable {
    /// The file path.
    public let path: String
    private let lock = NSLock()

    /// A journal at `path` (created on first write).
    public init(path: String) { self.path = path }

    /// Appends the entry durably (write + fsync).
    public func write(_ entry: JournalEntry) throws(JournalError) {
        lock.lock()
        defer { lock.unlock() }
        let line: Data
        do { line = try JSONEncoder().encode(entry) + Data("\n".utf8) } catch {
            throw JournalError(reason: "cannot encode entry: \(error)")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard fd >= 0 else { throw JournalError(reason: "cannot open \(path): errno \(errno)") }
        defer { close(fd) }
        let written = line.withUnsafeBytes { posixWrite(fd, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(fd) == 0 else { throw JournalError(reason: "cannot write \(path)") }
    }

    /// Every entry of `from` on `chainID`.
    public func entries(chainID: UInt64, from: Address) throws(JournalError) -> [JournalEntry] {
        lock.lock()
        defer { lock.unlock() }
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw JournalError(reason: "cannot read \(path)")
        }
        var order: [String] = []
        var latest: [String: JournalEntry] = [:]
        let decoder = JSONDecoder()
        for line in text.split(separator: "\n") where !line.isEmpty {
            // A torn last line (crash mid-write) is skipped; fsync'd lines are whole.
            guard let e = try? decoder.decode(JournalEntry.self, from: Data(line.utf8)) else { continue }
            guard e.chainID == chainID, e.from == from.lowercaseHex else { continue }
            if latest[e.hash] == nil { order.append(e.hash) }
            latest[e.hash] = e
        }
        return order.compactMap { latest[$0] }
    }
}

private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer?, _ n: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, p, n)
    #else
        return Darwin.write(fd, p, n)
    #endif
}
