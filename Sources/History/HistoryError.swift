import GRDB

/// Failures of the history store, each with evidence and a stable short code.
public enum HistoryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The store's directory could not be created or the database could not be opened.
    case openFailed(path: String, reason: String)
    /// A migration failed to apply.
    case migrationFailed(reason: String)
    /// An amount is not canonical decimal text or does not fit its type.
    case invalidAmount(field: String, value: String, reason: String)
    /// A JSON text column does not hold valid JSON.
    case invalidJSON(field: String)
    /// An integer does not fit SQLite's signed 64-bit storage.
    case integerOutOfRange(field: String, value: UInt64)
    /// A text field is empty or malformed.
    case invalidField(field: String, value: String, reason: String)
    /// The schema rejected a row (CHECK, NOT NULL, UNIQUE, FOREIGN KEY).
    case constraintViolated(reason: String)
    /// A row that should exist does not.
    case notFound(table: String, key: String)
    /// An optimistic state transition found another state than expected.
    case stateConflict(id: String, expected: String, found: String)
    /// The database stayed locked by another connection beyond the busy timeout.
    case busy(reason: String)
    /// Any other SQLite or GRDB failure.
    case database(code: Int32, reason: String)

    /// A stable short code for the JSON envelope and logs.
    public var code: String {
        switch self {
        case .openFailed: return "history.open"
        case .migrationFailed: return "history.migration"
        case .invalidAmount: return "history.amount"
        case .invalidJSON: return "history.json"
        case .integerOutOfRange: return "history.integer_range"
        case .invalidField: return "history.field"
        case .constraintViolated: return "history.constraint"
        case .notFound: return "history.not_found"
        case .stateConflict: return "history.state_conflict"
        case .busy: return "history.busy"
        case .database: return "history.database"
        }
    }

    public var description: String {
        switch self {
        case .openFailed(let path, let reason): return "cannot open history store at \(path): \(reason)"
        case .migrationFailed(let reason): return "history migration failed: \(reason)"
        case .invalidAmount(let field, let value, let reason):
            return "invalid amount in \(field): '\(value.prefix(100))' (\(reason))"
        case .invalidJSON(let field): return "\(field) is not valid json"
        case .integerOutOfRange(let field, let value): return "\(field) = \(value) exceeds 9223372036854775807"
        case .invalidField(let field, let value, let reason):
            return "invalid \(field): '\(value.prefix(100))' (\(reason))"
        case .constraintViolated(let reason): return "history constraint violated: \(reason)"
        case .notFound(let table, let key): return "no \(table) row with key \(key)"
        case .stateConflict(let id, let expected, let found):
            return "state conflict on \(id): expected \(expected), found \(found)"
        case .busy(let reason): return "history store busy: \(reason)"
        case .database(let code, let reason): return "history database error \(code): \(reason)"
        }
    }

    /// Maps any error thrown inside a GRDB closure to a `HistoryError`.
    static func wrap(_ error: any Error) -> HistoryError {
        if let e = error as? HistoryError { return e }
        if let e = error as? DatabaseError {
            let reason = e.message ?? "\(e.resultCode)"
            switch e.resultCode {
            case .SQLITE_CONSTRAINT: return .constraintViolated(reason: reason)
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(reason: reason)
            default: return .database(code: e.extendedResultCode.rawValue, reason: reason)
            }
        }
        return .database(code: -1, reason: "\(error)")
    }
}
