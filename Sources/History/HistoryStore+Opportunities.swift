import Foundation
import GRDB

/// Which opportunities to list: every given condition must hold; newest first.
public struct OpportunityFilter: Sendable, Equatable {
    /// Only rows created at or after this time.
    public var since: Date?
    /// Only rows created before this time.
    public var until: Date?
    /// Only this strategy.
    public var strategy: String?
    /// Only these statuses (nil: any).
    public var statuses: [OpportunityStatus]?
    /// Only this chain.
    public var chainID: UInt64?
    /// At most this many rows.
    public var limit: Int?

    /// A filter; every condition defaults to "any".
    public init(
        since: Date? = nil, until: Date? = nil, strategy: String? = nil, statuses: [OpportunityStatus]? = nil,
        chainID: UInt64? = nil, limit: Int? = nil
    ) {
        self.since = since
        self.until = until
        self.strategy = strategy
        self.statuses = statuses
        self.chainID = chainID
        self.limit = limit
    }

    func request() -> QueryInterfaceRequest<OpportunityRecord> {
        var r = OpportunityRecord.all()
        if let since { r = r.filter(Column("created_at") >= since) }
        if let until { r = r.filter(Column("created_at") < until) }
        if let strategy { r = r.filter(Column("strategy") == strategy) }
        if let statuses { r = r.filter(statuses.contains(Column("status"))) }
        if let chainID { r = r.filter(Column("chain_id") == Int64(clamping: chainID)) }
        r = r.order(Column("created_at").desc, Column("id"))
        if let limit { r = r.limit(max(0, limit)) }
        return r
    }
}

extension HistoryStore {
    /// Inserts a new opportunity; fails if its id exists or a value is invalid.
    public func recordOpportunity(_ record: OpportunityRecord) throws(HistoryError) {
        try record.validate()
        try write { db in try record.insert(db) }
    }

    /// The opportunity with this id, if any.
    public func opportunity(id: String) throws(HistoryError) -> OpportunityRecord? {
        try read { db in try OpportunityRecord.fetchOne(db, key: id) }
    }

    /// Opportunities matching `filter`, newest first.
    public func listOpportunities(filter: OpportunityFilter = OpportunityFilter()) throws(HistoryError)
        -> [OpportunityRecord]
    {
        try read { db in try filter.request().fetchAll(db) }
    }

    /// Sets an opportunity's status; throws `notFound` if it does not exist.
    public func setOpportunityStatus(id: String, to status: OpportunityStatus) throws(HistoryError) {
        try write { db in
            try db.execute(sql: "UPDATE opportunities SET status = ? WHERE id = ?", arguments: [status, id])
            if db.changesCount == 0 { throw HistoryError.notFound(table: "opportunities", key: id) }
        }
    }

    /// Inserts a simulation result.
    public func recordSimulation(_ record: SimulationRecord) throws(HistoryError) {
        try record.validate()
        try write { db in try record.insert(db) }
    }

    /// The simulation with this id, if any.
    public func simulation(id: String) throws(HistoryError) -> SimulationRecord? {
        try read { db in try SimulationRecord.fetchOne(db, key: id) }
    }

    /// Simulations of one opportunity, oldest first.
    public func simulations(opportunityID: String) throws(HistoryError) -> [SimulationRecord] {
        try read { db in
            try SimulationRecord.filter(Column("opportunity_id") == opportunityID)
                .order(Column("created_at"), Column("id")).fetchAll(db)
        }
    }
}
