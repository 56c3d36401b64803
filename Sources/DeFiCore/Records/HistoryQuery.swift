import Foundation
import History

/// A `--since` / `--until` bound: a date, a duration back from now, or a block number.
public enum HistoryBound: Sendable, Equatable {
    /// A point in time.
    case date(Date)
    /// A block number (compared with the record's block).
    case block(UInt64)

    /// Parses `2026-01-01`, `2026-01-01T12:00:00Z`, `7d` / `12h` / `30m` (back from `now`), or a block number.
    public init(parsing text: String, flag: String, now: Date) throws(UtilityError) {
        let t = String(text.trimmingSpaces)
        if !t.isEmpty, t.allSatisfy(\.isASCII), t.allSatisfy(\.isNumber), let n = UInt64(t) {
            self = .block(n)
            return
        }
        if let unit = t.last, let amount = Int(t.dropLast()), amount >= 0 {
            let seconds: Int? = ["m": 60, "h": 3600, "d": 86400, "w": 604_800][String(unit)]
            if let seconds {
                self = .date(now.addingTimeInterval(-Double(amount * seconds)))
                return
            }
        }
        let iso = ISO8601DateFormatter()
        if let d = iso.date(from: t) {
            self = .date(d)
            return
        }
        iso.formatOptions = [.withFullDate]
        if let d = iso.date(from: t) {
            self = .date(d)
            return
        }
        throw UtilityError(
            code: "invalid_bound",
            message: "\(flag): expected a date (2026-01-01), a duration back (7d, 12h) or a block number, "
                + "got \"\(InputError.shorten(t))\"")
    }
}

/// What `defi history list` asks for.
public struct HistoryListRequest: Sendable, Equatable {
    /// The store path.
    public var path: String
    /// Only records at or after this bound.
    public var since: HistoryBound?
    /// Only records before this bound.
    public var until: HistoryBound?
    /// Only this strategy.
    public var strategy: String?
    /// Only this opportunity status or execution state.
    public var status: String?
    /// At most this many rows.
    public var limit: Int

    /// A request; every filter defaults to "any".
    public init(
        path: String, since: HistoryBound? = nil, until: HistoryBound? = nil, strategy: String? = nil,
        status: String? = nil, limit: Int = 50
    ) {
        self.path = path
        self.since = since
        self.until = until
        self.strategy = strategy
        self.status = status
        self.limit = limit
    }
}

/// One recorded opportunity or execution.
public enum HistoryRecord: Sendable, Equatable {
    /// An opportunity found by a scan.
    case opportunity(OpportunityRecord)
    /// An execution attempt.
    case execution(ExecutionRecord)

    /// The record id.
    public var id: String {
        switch self {
        case .opportunity(let o): o.id
        case .execution(let e): e.id
        }
    }

    /// When it was created.
    public var createdAt: Date {
        switch self {
        case .opportunity(let o): o.createdAt
        case .execution(let e): e.createdAt
        }
    }

    /// Its block, when known.
    public var blockNumber: UInt64? {
        switch self {
        case .opportunity(let o): o.blockNumber
        case .execution(let e): e.blockNumber
        }
    }
}

/// The library side of `defi history list|show`: read-only queries; a missing store reads as empty.
public enum HistoryQuery {
    /// The store path: the configured `history.db` (from --db, DEFI_DB or defi.yaml), else the default.
    public static func path(configured: String?, environment: [String: String]) -> String {
        configured ?? HistoryStore.defaultPath(environment: environment)
    }

    /// Opportunities and executions matching `request`, newest first, at most `limit`.
    public static func list(_ request: HistoryListRequest) throws(UtilityError) -> [HistoryRecord] {
        var opportunityStatuses: [OpportunityStatus]?
        var executionStates: [ExecutionState]?
        if let status = request.status {
            let o = OpportunityStatus(rawValue: status)
            let e = ExecutionState(rawValue: status)
            guard o != nil || e != nil else {
                let known = OpportunityStatus.allCases.map(\.rawValue) + ExecutionState.allCases.map(\.rawValue)
                throw UtilityError(
                    code: "invalid_status",
                    message: "--status: unknown status \"\(InputError.shorten(status))\" "
                        + "(expected one of \(known.joined(separator: ", ")))")
            }
            opportunityStatuses = o.map { [$0] } ?? []
            executionStates = e.map { [$0] } ?? []
        }
        guard let store = try open(request.path) else { return [] }
        let since = request.since.flatMap { if case .date(let d) = $0 { d } else { nil } }
        let until = request.until.flatMap { if case .date(let d) = $0 { d } else { nil } }
        var records: [HistoryRecord] = []
        do {
            if opportunityStatuses != [] {
                records += try store.listOpportunities(
                    filter: OpportunityFilter(
                        since: since, until: until, strategy: request.strategy, statuses: opportunityStatuses)
                )
                .map(HistoryRecord.opportunity)
            }
            if executionStates != [] {
                records += try store.listExecutions(
                    filter: ExecutionFilter(
                        since: since, until: until, strategy: request.strategy, states: executionStates)
                )
                .map(HistoryRecord.execution)
            }
        } catch {
            throw storeError(error)
        }
        if case .block(let b)? = request.since { records = records.filter { ($0.blockNumber ?? 0) >= b } }
        if case .block(let b)? = request.until { records = records.filter { ($0.blockNumber ?? UInt64.max) < b } }
        records.sort { ($0.createdAt, $1.id) > ($1.createdAt, $0.id) }
        return Array(records.prefix(max(0, request.limit)))
    }

    /// The opportunity or execution with `id`; an unknown id is an error (exit 1).
    public static func show(id: String, path: String) throws(UtilityError) -> HistoryRecord {
        let record: HistoryRecord?
        do {
            let store = try open(path)
            if let o = try store?.opportunity(id: id) {
                record = .opportunity(o)
            } else {
                record = try store?.execution(id: id).map(HistoryRecord.execution)
            }
        } catch let error as UtilityError {
            throw error
        } catch {
            throw storeError(error)
        }
        guard let record else {
            throw UtilityError(
                code: "not_found", message: "no opportunity or execution with id \(InputError.shorten(id)) in \(path)",
                hint: "defi history list shows the recorded ids", exitCode: .failure)
        }
        return record
    }

    /// Opens the store at `path` if the file exists (nil otherwise): reports read a missing store as empty.
    public static func openIfExists(_ path: String) throws(UtilityError) -> HistoryStore? { try open(path) }

    static func open(_ path: String) throws(UtilityError) -> HistoryStore? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do { return try HistoryStore(path: path) } catch { throw storeError(error) }
    }

    /// A store failure as a one-line error (exit 1).
    public static func storeError(_ error: any Error) -> UtilityError {
        let code = (error as? HistoryError)?.code ?? "history.database"
        return UtilityError(code: code, message: "\(error)", exitCode: .failure)
    }
}
