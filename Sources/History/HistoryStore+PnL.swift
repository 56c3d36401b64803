import Foundation
import GRDB
import GRDBSQLite

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
        let (filter, arguments) = Self.pnlFilter(query, alias: "e.")
        let sql = Self.pnlSelect + filter + " ORDER BY e.created_at, e.id"
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
    /// The WHERE clause (empty or starting with " WHERE ") of `query` over columns prefixed by `alias`.
    static func pnlFilter(_ query: PnLQuery, alias a: String) -> (String, StatementArguments) {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let since = query.since {
            clauses.append("\(a)created_at >= ?")
            _ = arguments.append(contentsOf: [since])
        }
        if let until = query.until {
            clauses.append("\(a)created_at < ?")
            _ = arguments.append(contentsOf: [until])
        }
        if let b = query.sinceBlock {
            clauses.append("\(a)block_number >= ?")
            _ = arguments.append(contentsOf: [Int64(clamping: b)])
        }
        if let b = query.untilBlock {
            clauses.append("\(a)block_number < ?")
            _ = arguments.append(contentsOf: [Int64(clamping: b)])
        }
        if let strategy = query.strategy {
            clauses.append("\(a)strategy = ?")
            _ = arguments.append(contentsOf: [strategy])
        }
        if let states = query.states {
            clauses.append("\(a)state IN (" + states.map { _ in "?" }.joined(separator: ", ") + ")")
            _ = arguments.append(contentsOf: StatementArguments(states.map(\.rawValue)))
        }
        if let chainID = query.chainID {
            clauses.append("\(a)chain_id = ?")
            _ = arguments.append(contentsOf: [Int64(clamping: chainID)])
        }
        return (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "), arguments)
    }
}

/// Whether an execution is valued in the quote a report asks for.
public enum PnLQuoteMatch: Sendable, Equatable {
    /// No valuation.
    case unvalued
    /// Valued in the asked quote.
    case same
    /// Valued in another quote.
    case other
}

/// The execution attribute a non-time P&L grouping keys on (a column of `execution_pnl_summary`).
public enum PnLAttribute: Sendable, Equatable {
    /// `executions.strategy`.
    case strategy
    /// `execution_pnl.venue` (NULL when unvalued or not recorded).
    case venue
    /// `executions.profit_token` as stored.
    case profitToken
    /// `executions.chain_id` as decimal text.
    case chainID

    var column: String {
        switch self {
        case .strategy: "strategy"
        case .venue: "venue"
        case .profitToken: "profit_token"
        case .chainID: "CAST(chain_id AS TEXT)"
        }
    }
}

/// One execution as the grouped P&L table needs it, read from `execution_pnl_summary` without a join:
/// money in the quote's smallest unit as exact integers.
public struct PnLAmountRow: Sendable, Equatable {
    /// Days since 1970-01-01 (UTC) of `created_at`; nil when its first ten characters are not a date.
    public var day: Int64?
    /// `created_at` as stored, only when `day` is nil.
    public var createdAt: String?
    /// The valuation's quote against the asked one.
    public var quote: PnLQuoteMatch
    /// Whether the execution was mined (`included` or `reverted`).
    public var mined: Bool
    /// Decimals of the valuation (when valued).
    public var quoteDecimals: Int?
    /// Valued gas, fees and net when `quote == .same` and each has at most 36 digits (else zero).
    public var gas: Int128
    /// Valued flash-loan fees (see `gas`).
    public var fees: Int128
    /// Valued net (see `gas`).
    public var net: Int128
    /// The exact decimal texts (gas, fees, net) when `quote == .same` and a value has more than 36 digits.
    public var wide: (gas: String, fees: String, net: String)?
    /// The requested attribute (`forEachPnLAmount(attribute:)`) as stored; nil when not requested or NULL.
    public var attribute: String?

    /// A row value.
    public init(
        day: Int64?, createdAt: String?, quote: PnLQuoteMatch, mined: Bool, quoteDecimals: Int?, gas: Int128,
        fees: Int128, net: Int128, wide: (gas: String, fees: String, net: String)?, attribute: String? = nil
    ) {
        self.attribute = attribute
        self.day = day
        self.createdAt = createdAt
        self.quote = quote
        self.mined = mined
        self.quoteDecimals = quoteDecimals
        self.gas = gas
        self.fees = fees
        self.net = net
        self.wide = wide
    }

    public static func == (l: PnLAmountRow, r: PnLAmountRow) -> Bool {
        l.day == r.day && l.createdAt == r.createdAt && l.quote == r.quote && l.mined == r.mined
            && l.quoteDecimals == r.quoteDecimals && l.gas == r.gas && l.fees == r.fees && l.net == r.net
            && l.wide?.gas == r.wide?.gas && l.wide?.fees == r.wide?.fees && l.wide?.net == r.wide?.net
            && l.attribute == r.attribute
    }
}

extension HistoryStore {
    /// The sequential scan behind `defi pnl --by …` tables: every execution matching `query` from the
    /// denormalised summary (no join; no per-row allocation unless `attribute` is asked for), in `created_at`
    /// order, from one snapshot. Return `false` to stop.
    public func forEachPnLAmount(
        _ query: PnLQuery = PnLQuery(), quote: String, attribute: PnLAttribute? = nil, _ body: (PnLAmountRow) -> Bool
    ) throws(HistoryError) {
        let (filter, arguments) = Self.pnlFilter(query, alias: "")
        let sql = """
            SELECT day, CASE WHEN quote IS NULL THEN 0 WHEN quote = ? THEN 1 ELSE 2 END,
              state IN ('included', 'reverted'), quote_decimals, gas_hi, gas_lo, fees_hi, fees_lo, net_hi, net_lo,
              execution_id, created_at, \(attribute?.column ?? "NULL")
            FROM \(PnLSummarySQL.table)
            """ + filter + " ORDER BY created_at, execution_id"
        var all: StatementArguments = [quote]
        _ = all.append(contentsOf: arguments)
        let scale: Int128 = 1_000_000_000_000_000_000
        try read { db in
            let statement = try db.makeStatement(sql: sql)
            try statement.setArguments(all)
            let h = statement.sqliteStatement
            var row = PnLAmountRow(
                day: nil, createdAt: nil, quote: .unvalued, mined: false, quoteDecimals: nil, gas: 0, fees: 0, net: 0,
                wide: nil)
            defer { sqlite3_reset(h) }
            while true {
                let rc = sqlite3_step(h)
                if rc == SQLITE_DONE { break }
                guard rc == SQLITE_ROW else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                        sql: sql)
                }
                let dayIsNull = sqlite3_column_type(h, 0) == SQLITE_NULL
                row.day = dayIsNull ? nil : sqlite3_column_int64(h, 0)
                row.createdAt = nil
                let match = sqlite3_column_int(h, 1)
                row.quote = match == 0 ? .unvalued : match == 1 ? .same : .other
                row.mined = sqlite3_column_int(h, 2) != 0
                row.quoteDecimals = match == 0 ? nil : Int(sqlite3_column_int64(h, 3))
                row.gas = 0
                row.fees = 0
                row.net = 0
                row.wide = nil
                if dayIsNull { row.createdAt = Self.text(h, 11) }
                if attribute != nil { row.attribute = sqlite3_column_type(h, 12) == SQLITE_NULL ? nil : Self.text(h, 12) }
                if match == 1 {
                    if sqlite3_column_type(h, 4) == SQLITE_NULL || sqlite3_column_type(h, 6) == SQLITE_NULL
                        || sqlite3_column_type(h, 8) == SQLITE_NULL
                    {
                        // Rare: a value past 36 digits. Read the exact texts by key.
                        let r = try Row.fetchOne(
                            db, sql: "SELECT gas, fees, net FROM execution_pnl WHERE execution_id = ?",
                            arguments: [Self.text(h, 10)])
                        guard let r else { throw HistoryError.database(code: -1, reason: "summary row without valuation") }
                        row.wide = (r[0], r[1], r[2])
                    } else {
                        row.gas = Int128(sqlite3_column_int64(h, 4)) * scale + Int128(sqlite3_column_int64(h, 5))
                        row.fees = Int128(sqlite3_column_int64(h, 6)) * scale + Int128(sqlite3_column_int64(h, 7))
                        row.net = Int128(sqlite3_column_int64(h, 8)) * scale + Int128(sqlite3_column_int64(h, 9))
                    }
                }
                if !body(row) { break }
            }
        }
    }

    /// Column `i` of the current row of `h` as text.
    private static func text(_ h: SQLiteStatement, _ i: Int32) -> String {
        guard let p = sqlite3_column_text(h, i) else { return "" }
        return String(cString: p)
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
