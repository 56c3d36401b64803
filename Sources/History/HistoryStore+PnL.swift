import Foundation
import GRDB

/// Which executions a P&L query streams: every given condition must hold.
public struct PnLQuery: Sendable, Equatable {
    /// Only executions created at or after this time.
    public var since: Date?
    /// Only executions created before this time.
    public var until: Date?
    /// Only executions included at or after this block.
    public var sinceBlock: UInt64?
    /// Only executions included before this block.
    public var untilBlock: UInt64?
    /// Only this strategy.
    public var strategy: String?
    /// Only these states (nil: any).
    public var states: [ExecutionState]?
    /// Only this chain.
    public var chainID: UInt64?

    /// A query; every condition defaults to "any".
    public init(
        since: Date? = nil, until: Date? = nil, sinceBlock: UInt64? = nil, untilBlock: UInt64? = nil,
        strategy: String? = nil, states: [ExecutionState]? = nil, chainID: UInt64? = nil
    ) {
        self.since = since
        self.until = until
        self.sinceBlock = sinceBlock
        self.untilBlock = untilBlock
        self.strategy = strategy
        self.states = states
        self.chainID = chainID
    }
}

/// One execution joined with its valuation, as raw column text: the hot path of `defi pnl` parses only what it needs.
public struct PnLRow: Sendable, Equatable {
    /// `created_at` as stored (`YYYY-MM-DD HH:MM:SS.SSS`, UTC).
    public var createdAt: String
    /// The strategy.
    public var strategy: String
    /// The execution state.
    public var state: String
    /// The chain id.
    public var chainID: Int64
    /// The engine.
    public var engine: String
    /// Gas used, when mined.
    public var gasUsed: Int64?
    /// The profit token, when known.
    public var profitToken: String?
    /// The inclusion block, when mined.
    public var blockNumber: Int64?
    /// The valuation's quote (nil: not valued).
    public var quote: String?
    /// Quote decimals.
    public var quoteDecimals: Int?
    /// Valued gross (I256 text).
    public var gross: String?
    /// Valued gas (U256 text).
    public var gas: String?
    /// Valued fees (U256 text).
    public var fees: String?
    /// Valued net (I256 text).
    public var net: String?
    /// The venue label.
    public var venue: String?

    /// A row value.
    public init(
        createdAt: String, strategy: String, state: String, chainID: Int64, engine: String,
        gasUsed: Int64?, profitToken: String?, blockNumber: Int64?, quote: String?, quoteDecimals: Int?,
        gross: String?, gas: String?, fees: String?, net: String?, venue: String?
    ) {
        self.createdAt = createdAt
        self.strategy = strategy
        self.state = state
        self.chainID = chainID
        self.engine = engine
        self.gasUsed = gasUsed
        self.profitToken = profitToken
        self.blockNumber = blockNumber
        self.quote = quote
        self.quoteDecimals = quoteDecimals
        self.gross = gross
        self.gas = gas
        self.fees = fees
        self.net = net
        self.venue = venue
    }
}

extension HistoryStore {
    /// The SQL `defi pnl` streams; the benchmark's sqlite3 peer runs the same join.
    public static let pnlSelect = """
        SELECT e.created_at, e.strategy, e.state, e.chain_id, e.engine, e.gas_used, e.profit_token,
          e.block_number, p.quote, p.quote_decimals, p.gross, p.gas, p.fees, p.net, p.venue
        FROM executions e LEFT JOIN execution_pnl p ON p.execution_id = e.id
        """

    /// Records (or replaces) the valuation of an execution; the execution must exist.
    public func recordExecutionPnL(_ record: ExecutionPnLRecord) throws(HistoryError) {
        try record.validate()
        try write { db in try record.save(db) }
    }

    /// Records an execution and its valuation in one transaction (insert or replace both).
    public func recordExecution(_ execution: ExecutionRecord, pnl: ExecutionPnLRecord?) throws(HistoryError) {
        try execution.validate()
        try pnl?.validate()
        try write { db in
            try execution.save(db)
            try pnl?.save(db)
        }
    }

    /// The valuation of one execution, if recorded.
    public func executionPnL(id: String) throws(HistoryError) -> ExecutionPnLRecord? {
        try read { db in try ExecutionPnLRecord.fetchOne(db, key: id) }
    }

    /// Streams executions with their valuation (if any), oldest first, from one consistent snapshot.
    ///
    /// Money sums belong in Swift (U256/I256): SQLite's `sum()` overflows on wei values. Return `false` to stop.
    public func forEachPnLRow(_ query: PnLQuery = PnLQuery(), _ body: (PnLRow) -> Bool) throws(HistoryError) {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let since = query.since {
            clauses.append("e.created_at >= ?")
            _ = arguments.append(contentsOf: [since])
        }
        if let until = query.until {
            clauses.append("e.created_at < ?")
            _ = arguments.append(contentsOf: [until])
        }
        if let b = query.sinceBlock {
            clauses.append("e.block_number >= ?")
            _ = arguments.append(contentsOf: [Int64(clamping: b)])
        }
        if let b = query.untilBlock {
            clauses.append("e.block_number < ?")
            _ = arguments.append(contentsOf: [Int64(clamping: b)])
        }
        if let strategy = query.strategy {
            clauses.append("e.strategy = ?")
            _ = arguments.append(contentsOf: [strategy])
        }
        if let states = query.states {
            clauses.append("e.state IN (" + states.map { _ in "?" }.joined(separator: ", ") + ")")
            _ = arguments.append(contentsOf: StatementArguments(states.map(\.rawValue)))
        }
        if let chainID = query.chainID {
            clauses.append("e.chain_id = ?")
            _ = arguments.append(contentsOf: [Int64(clamping: chainID)])
        }
        let sql = Self.pnlSelect + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "))
            + " ORDER BY e.created_at, e.id"
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let r = try rows.next() {
                let row = PnLRow(
                    createdAt: r[0], strategy: r[1], state: r[2], chainID: r[3], engine: r[4], gasUsed: r[5],
                    profitToken: r[6], blockNumber: r[7], quote: r[8], quoteDecimals: r[9], gross: r[10], gas: r[11],
                    fees: r[12], net: r[13], venue: r[14])
                if !body(row) { break }
            }
        }
    }
}

extension HistoryStore {
    /// Executions not yet in a terminal state, with their opportunity's input token and size when linked: the
    /// capital in flight (risk report, position caps).
    public func openExecutions() throws(HistoryError) -> [(id: String, tokenIn: String?, size: String?)] {
        let open = ExecutionState.allCases.filter { !$0.isTerminal }.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.id, o.token_in, o.size FROM executions e LEFT JOIN opportunities o ON o.id = e.opportunity_id
                WHERE e.state IN (\(open)) ORDER BY e.created_at, e.id
                """).map { (id: $0[0], tokenIn: $0[1], size: $0[2]) }
        }
    }
}

extension HistoryStore {
    /// Inserts many executions with their valuations in one transaction (imports, synthetic benchmark data).
    public func insertExecutions(_ rows: [(ExecutionRecord, ExecutionPnLRecord?)]) throws(HistoryError) {
        for (e, p) in rows {
            try e.validate()
            try p?.validate()
        }
        try write { db in
            for (e, p) in rows {
                try e.insert(db)
                try p?.insert(db)
            }
        }
    }
}
