import Foundation
import GRDB

/// Which executions to list or stream: every given condition must hold.
public struct ExecutionFilter: Sendable, Equatable {
    /// Only rows created at or after this time.
    public var since: Date?
    /// Only rows created before this time.
    public var until: Date?
    /// Only this strategy.
    public var strategy: String?
    /// Only these states (nil: any).
    public var states: [ExecutionState]?
    /// Only this chain.
    public var chainID: UInt64?
    /// At most this many rows.
    public var limit: Int?

    /// A filter; every condition defaults to "any".
    public init(
        since: Date? = nil, until: Date? = nil, strategy: String? = nil, states: [ExecutionState]? = nil,
        chainID: UInt64? = nil, limit: Int? = nil
    ) {
        self.since = since
        self.until = until
        self.strategy = strategy
        self.states = states
        self.chainID = chainID
        self.limit = limit
    }

    func request(newestFirst: Bool) -> QueryInterfaceRequest<ExecutionRecord> {
        var r = ExecutionRecord.all()
        if let since { r = r.filter(Column("created_at") >= since) }
        if let until { r = r.filter(Column("created_at") < until) }
        if let strategy { r = r.filter(Column("strategy") == strategy) }
        if let states { r = r.filter(states.contains(Column("state"))) }
        if let chainID { r = r.filter(Column("chain_id") == Int64(clamping: chainID)) }
        r = newestFirst ? r.order(Column("created_at").desc, Column("id")) : r.order(Column("created_at"), Column("id"))
        if let limit { r = r.limit(max(0, limit)) }
        return r
    }
}

extension HistoryStore {
    /// Inserts the execution or replaces the row with the same id.
    public func upsertExecution(_ record: ExecutionRecord) throws(HistoryError) {
        try record.validate()
        try write { db in try record.save(db) }
    }

    /// The execution with this id, if any.
    public func execution(id: String) throws(HistoryError) -> ExecutionRecord? {
        try read { db in try ExecutionRecord.fetchOne(db, key: id) }
    }

    /// Moves an execution from `from` to `to` (optimistic concurrency), applying `changes` in the same transaction.
    ///
    /// Throws `stateConflict` when the stored state is not `from`, `notFound` when there is no such row.
    @discardableResult
    public func transitionExecution(
        id: String, from: ExecutionState, to: ExecutionState, at time: Date = Date(),
        applying changes: (@Sendable (inout ExecutionRecord) -> Void)? = nil
    ) throws(HistoryError) -> ExecutionRecord {
        try write { db in
            guard var record = try ExecutionRecord.fetchOne(db, key: id) else {
                throw HistoryError.notFound(table: "executions", key: id)
            }
            guard record.state == from else {
                throw HistoryError.stateConflict(id: id, expected: from.rawValue, found: record.state.rawValue)
            }
            changes?(&record)
            record.id = id
            record.state = to
            record.updatedAt = time
            try record.validate()
            try record.update(db)
            return record
        }
    }

    /// Executions matching `filter`, newest first.
    public func listExecutions(filter: ExecutionFilter = ExecutionFilter()) throws(HistoryError) -> [ExecutionRecord] {
        try read { db in try filter.request(newestFirst: true).fetchAll(db) }
    }

    /// Streams executions matching `filter`, oldest first, from one consistent snapshot, without loading them all.
    ///
    /// Money sums belong in Swift (U256/I256): SQLite's `sum()` overflows on wei values. Return `false` to stop.
    public func forEachExecution(
        filter: ExecutionFilter = ExecutionFilter(), _ body: (ExecutionRecord) -> Bool
    ) throws(HistoryError) {
        try read { db in
            let cursor = try filter.request(newestFirst: false).fetchCursor(db)
            while let record = try cursor.next() {
                if !body(record) { break }
            }
        }
    }
}
