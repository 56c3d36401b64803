import Foundation
import GRDB

/// The SQLite history store: a WAL `DatabasePool` with named, append-only migrations and typed, synchronous APIs.
public final class HistoryStore: Sendable {
    /// The database file path.
    public let path: String
    /// The GRDB pool (one writer, concurrent readers).
    let pool: DatabasePool

    /// Opens (creating when needed) the store at `path`, then applies pending migrations.
    public init(path: String, busyTimeout: TimeInterval = 10) throws(HistoryError) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try Self.createDirectory(directory)
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "defi.history"
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch {
            throw .openFailed(path: path, reason: "\(error)")
        }
        do {
            try HistoryMigrations.migrator().migrate(pool)
        } catch {
            throw .migrationFailed(reason: "\(error)")
        }
    }

    /// Opens the store at the default path for `environment` (see `defaultPath(environment:)`).
    public convenience init(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(HistoryError)
    {
        try self.init(path: Self.defaultPath(environment: environment))
    }

    /// `$XDG_DATA_HOME/defi/history.sqlite`, else `$HOME/.local/share/defi/history.sqlite`.
    public static func defaultPath(environment: [String: String]) -> String {
        // XDG Base Directory spec: a relative XDG_DATA_HOME is invalid and must be ignored.
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("defi/history.sqlite")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/defi/history.sqlite")
    }

    /// The names of the migrations applied to this database, in order.
    public func appliedMigrations() throws(HistoryError) -> [String] {
        try read { db in try HistoryMigrations.migrator().appliedMigrations(db) }
    }

    /// The migrations this build knows, in order.
    public static var knownMigrations: [String] { HistoryMigrations.names }

    /// The journal mode SQLite reports ("wal").
    public func journalMode() throws(HistoryError) -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// Closes the pool; later calls fail.
    public func close() throws(HistoryError) {
        do { try pool.close() } catch { throw HistoryError.wrap(error) }
    }

    /// Runs `body` in a read transaction, mapping errors to `HistoryError`.
    func read<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        do { return try pool.read(body) } catch { throw HistoryError.wrap(error) }
    }

    /// Runs `body` in an IMMEDIATE write transaction, mapping errors to `HistoryError`.
    func write<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw HistoryError.database(code: -1, reason: "transaction returned no value") }
                return result
            }
        } catch {
            throw HistoryError.wrap(error)
        }
    }

    private static func createDirectory(_ directory: String) throws(HistoryError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .openFailed(path: directory, reason: "not a directory") }
            return
        }
        do {
            try fm.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .openFailed(path: directory, reason: "cannot create directory: \(error.localizedDescription)")
        }
    }
}
