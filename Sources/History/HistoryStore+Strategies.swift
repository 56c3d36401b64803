import Foundation
import GRDB

extension HistoryStore {
    /// Inserts the strategy or replaces the row with the same name and chain.
    public func upsertStrategy(_ record: StrategyRecord) throws(HistoryError) {
        try record.validate()
        try write { db in try record.save(db) }
    }

    /// Registered strategies, by chain then name; optionally one chain and only active ones.
    public func listStrategies(chainID: UInt64? = nil, activeOnly: Bool = false) throws(HistoryError)
        -> [StrategyRecord]
    {
        try read { db in
            var r = StrategyRecord.all()
            if let chainID { r = r.filter(Column("chain_id") == Int64(clamping: chainID)) }
            if activeOnly { r = r.filter(Column("active") == true) }
            return try r.order(Column("chain_id"), Column("name")).fetchAll(db)
        }
    }

    /// Marks a strategy inactive; throws `notFound` if it is not registered.
    public func deactivateStrategy(name: String, chainID: UInt64) throws(HistoryError) {
        try write { db in
            try db.execute(
                sql: "UPDATE strategies SET active = 0 WHERE name = ? AND chain_id = ?",
                arguments: [name, Int64(clamping: chainID)])
            if db.changesCount == 0 { throw HistoryError.notFound(table: "strategies", key: "\(name)@\(chainID)") }
        }
    }
}
