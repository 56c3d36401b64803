import GRDB

/// The store's named, append-only migrations. Never edit a shipped migration: append a new one.
enum HistoryMigrations {
    /// Migration names in the order they apply.
    static let names = ["v1-initial", "v2-transaction-intents", "v3-execution-deltas", "v4-pnl",
        "v5-pnl-denormalised"]

    /// A migrator holding every migration.
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-initial") { db in try v1Initial(db) }
        migrator.registerMigration("v2-transaction-intents") { db in try v2TransactionIntents(db) }
        migrator.registerMigration("v3-execution-deltas") { db in try v3ExecutionDeltas(db) }
        migrator.registerMigration("v4-pnl") { db in try v4PnL(db) }
        migrator.registerMigration("v5-pnl-denormalised") { db in try v5PnLDenormalised(db) }
        return migrator
    }

    /// Test access: migrates the file at `path` up to and including `name` only, then runs `sql` on it.
    static func prepare(path: String, upTo name: String, sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try migrator().migrate(queue, upTo: name)
        try queue.write { db in try db.execute(sql: sql) }
    }

    /// Test access: runs `sql` on the file at `path` the way another writer (the sqlite3 shell) would.
    static func execute(path: String, sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: sql) }
    }

    // The CHECK helpers below are frozen: shipped migrations depend on their exact output.
    private static func u(_ c: String) -> String { DecimalText.unsignedCheck(c) }
    private static func s(_ c: String) -> String { DecimalText.signedCheck(c) }
    private static func uOpt(_ c: String) -> String { "(\(c) IS NULL OR \(u(c)))" }
    private static func sOpt(_ c: String) -> String { "(\(c) IS NULL OR \(s(c)))" }
    /// A signed decimal with an optional fraction (USD values): -?digits(.digits)?
    private static func fraction(_ c: String) -> String {
        "(typeof(\(c)) = 'text' AND ltrim(\(c), '-') GLOB '[0-9]*' AND ltrim(\(c), '-') NOT GLOB '*[^0-9.]*'"
            + " AND ltrim(\(c), '-') NOT GLOB '*.*.*' AND \(c) NOT GLOB '*.' AND \(c) NOT GLOB '--*')"
    }
    private static func hex(_ c: String, _ n: Int) -> String {
        "(length(\(c)) = \(n + 2) AND \(c) GLOB '0x*' AND substr(\(c), 3) NOT GLOB '*[^0-9a-fA-F]*')"
    }
    private static func addr(_ c: String) -> String { hex(c, 40) }
    private static func hash(_ c: String) -> String { hex(c, 64) }
    private static func nat(_ c: String) -> String { "(typeof(\(c)) = 'integer' AND \(c) >= 0)" }
    private static func natOpt(_ c: String) -> String { "(\(c) IS NULL OR \(nat(c)))" }

    private static func v1Initial(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE opportunities (
              id TEXT PRIMARY KEY NOT NULL CHECK (id GLOB 'opp_[0-9a-f]*'),
              created_at TEXT NOT NULL,
              chain_id INTEGER NOT NULL CHECK (\(nat("chain_id"))),
              block_number INTEGER NOT NULL CHECK (\(nat("block_number"))),
              block_hash TEXT NOT NULL CHECK (\(hash("block_hash"))),
              strategy TEXT NOT NULL CHECK (length(strategy) > 0),
              route TEXT NOT NULL CHECK (json_valid(route)),
              size TEXT NOT NULL CHECK (\(u("size"))),
              token_in TEXT NOT NULL CHECK (\(addr("token_in"))),
              gross_profit TEXT NOT NULL CHECK (\(s("gross_profit"))),
              costs TEXT NOT NULL CHECK (\(u("costs"))),
              net_profit TEXT NOT NULL CHECK (\(s("net_profit"))),
              net_profit_usd TEXT NOT NULL CHECK (\(fraction("net_profit_usd"))),
              snapshot TEXT CHECK (snapshot IS NULL OR json_valid(snapshot)),
              status TEXT NOT NULL CHECK (status IN ('detected', 'simulated', 'executed', 'rejected', 'expired'))
            ) STRICT;
            CREATE INDEX opportunities_created_at ON opportunities(created_at);
            CREATE INDEX opportunities_strategy_created_at ON opportunities(strategy, created_at);
            CREATE INDEX opportunities_status ON opportunities(status);

            CREATE TABLE simulations (
              id TEXT PRIMARY KEY NOT NULL CHECK (id GLOB 'sim_[0-9a-f]*'),
              opportunity_id TEXT REFERENCES opportunities(id) ON DELETE SET NULL,
              created_at TEXT NOT NULL,
              block_number INTEGER NOT NULL CHECK (\(nat("block_number"))),
              success INTEGER NOT NULL CHECK (success IN (0, 1)),
              revert_reason TEXT,
              gas_used INTEGER NOT NULL CHECK (\(nat("gas_used"))),
              deltas TEXT NOT NULL CHECK (json_valid(deltas)),
              net_profit TEXT NOT NULL CHECK (\(s("net_profit")))
            ) STRICT;
            CREATE INDEX simulations_opportunity_id ON simulations(opportunity_id);

            CREATE TABLE executions (
              id TEXT PRIMARY KEY NOT NULL CHECK (id GLOB 'exe_[0-9a-f]*'),
              opportunity_id TEXT REFERENCES opportunities(id) ON DELETE SET NULL,
              strategy TEXT NOT NULL CHECK (length(strategy) > 0),
              engine TEXT NOT NULL CHECK (length(engine) > 0),
              created_at TEXT NOT NULL,
              updated_at TEXT NOT NULL,
              state TEXT NOT NULL CHECK (state IN ('built', 'signed', 'journaled', 'broadcast', 'pending',
                'included', 'reverted', 'replaced', 'dropped', 'refused', 'failed')),
              chain_id INTEGER NOT NULL CHECK (\(nat("chain_id"))),
              tx_hash TEXT CHECK (tx_hash IS NULL OR \(hash("tx_hash"))),
              nonce INTEGER CHECK (\(natOpt("nonce"))),
              sender TEXT CHECK (sender IS NULL OR \(addr("sender"))),
              gas_used INTEGER CHECK (\(natOpt("gas_used"))),
              effective_gas_price TEXT CHECK (\(uOpt("effective_gas_price"))),
              l1_fee TEXT CHECK (\(uOpt("l1_fee"))),
              gross_profit TEXT CHECK (\(sOpt("gross_profit"))),
              fees TEXT CHECK (\(uOpt("fees"))),
              net_profit TEXT CHECK (\(sOpt("net_profit"))),
              profit_token TEXT CHECK (profit_token IS NULL OR \(addr("profit_token"))),
              block_number INTEGER CHECK (\(natOpt("block_number"))),
              error_code TEXT,
              error_message TEXT
            ) STRICT;
            CREATE INDEX executions_created_at ON executions(created_at);
            CREATE INDEX executions_strategy_created_at ON executions(strategy, created_at);
            CREATE INDEX executions_state ON executions(state);

            CREATE TABLE transactions (
              hash TEXT PRIMARY KEY NOT NULL CHECK (\(hash("hash"))),
              chain_id INTEGER NOT NULL CHECK (\(nat("chain_id"))),
              sender TEXT NOT NULL CHECK (\(addr("sender"))),
              nonce INTEGER NOT NULL CHECK (\(nat("nonce"))),
              raw TEXT NOT NULL CHECK (length(raw) > 2 AND raw GLOB '0x*' AND substr(raw, 3) NOT GLOB '*[^0-9a-fA-F]*'),
              state TEXT NOT NULL CHECK (state IN ('journaled', 'broadcast', 'pending', 'included', 'reverted',
                'replaced', 'dropped')),
              replaces TEXT REFERENCES transactions(hash),
              created_at TEXT NOT NULL,
              broadcast_at TEXT,
              included_block INTEGER CHECK (\(natOpt("included_block"))),
              receipt_status INTEGER CHECK (receipt_status IS NULL OR receipt_status IN (0, 1)),
              UNIQUE (chain_id, sender, nonce, hash)
            ) STRICT;
            CREATE INDEX transactions_sender_nonce ON transactions(chain_id, sender, nonce);
            CREATE INDEX transactions_state ON transactions(state);

            CREATE TABLE strategies (
              name TEXT NOT NULL CHECK (length(name) > 0),
              chain_id INTEGER NOT NULL CHECK (\(nat("chain_id"))),
              address TEXT NOT NULL CHECK (\(addr("address"))),
              executor TEXT NOT NULL CHECK (\(addr("executor"))),
              registered_at TEXT NOT NULL,
              tx_hash TEXT CHECK (tx_hash IS NULL OR \(hash("tx_hash"))),
              active INTEGER NOT NULL CHECK (active IN (0, 1)),
              PRIMARY KEY (name, chain_id)
            ) STRICT;

            CREATE TABLE nonces (
              chain_id INTEGER NOT NULL CHECK (\(nat("chain_id"))),
              address TEXT NOT NULL CHECK (\(addr("address"))),
              next_nonce INTEGER NOT NULL CHECK (\(nat("next_nonce"))),
              updated_at TEXT NOT NULL,
              PRIMARY KEY (chain_id, address)
            ) STRICT;

            CREATE TABLE liquidation_positions (
              protocol TEXT NOT NULL CHECK (length(protocol) > 0),
              chain_id INTEGER NOT NULL CHECK (\(nat("chain_id"))),
              borrower TEXT NOT NULL CHECK (\(addr("borrower"))),
              health_factor TEXT NOT NULL CHECK (\(u("health_factor"))),
              debt TEXT NOT NULL CHECK (json_valid(debt)),
              collateral TEXT NOT NULL CHECK (json_valid(collateral)),
              last_checked_block INTEGER NOT NULL CHECK (\(nat("last_checked_block"))),
              status TEXT NOT NULL CHECK (status IN ('healthy', 'at_risk', 'liquidatable', 'liquidated', 'closed')),
              updated_at TEXT NOT NULL,
              PRIMARY KEY (protocol, chain_id, borrower)
            ) STRICT;
            CREATE INDEX liquidation_positions_status ON liquidation_positions(status);

            CREATE TABLE scan_cursors (
              name TEXT PRIMARY KEY NOT NULL CHECK (length(name) > 0),
              chain_id INTEGER NOT NULL CHECK (\(nat("chain_id"))),
              block_number INTEGER NOT NULL CHECK (\(nat("block_number"))),
              updated_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE price_observations (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              chain_id INTEGER NOT NULL CHECK (\(nat("chain_id"))),
              pool TEXT NOT NULL CHECK (\(addr("pool"))),
              block_number INTEGER NOT NULL CHECK (\(nat("block_number"))),
              token0 TEXT NOT NULL CHECK (\(addr("token0"))),
              token1 TEXT NOT NULL CHECK (\(addr("token1"))),
              price_wad TEXT CHECK (\(uOpt("price_wad"))),
              price_num TEXT CHECK (\(uOpt("price_num"))),
              price_den TEXT CHECK (\(uOpt("price_den")) AND (price_den IS NULL OR price_den != '0')),
              observed_at TEXT NOT NULL,
              CHECK (price_wad IS NOT NULL OR (price_num IS NOT NULL AND price_den IS NOT NULL))
            ) STRICT;
            CREATE INDEX price_observations_pool_block ON price_observations(pool, block_number);
            """)
    }

    /// Adds the sender's idempotency key and the "ever accepted" fact to the journal, and the `failed` state (a
    /// node refused it before ever accepting it). SQLite cannot alter a CHECK, so the table is rebuilt (GRDB runs
    /// migrations with foreign keys off and checks them at the end).
    private static func v2TransactionIntents(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE transactions_v2 (
              hash TEXT PRIMARY KEY NOT NULL CHECK (\(hash("hash"))),
              chain_id INTEGER NOT NULL CHECK (\(nat("chain_id"))),
              sender TEXT NOT NULL CHECK (\(addr("sender"))),
              nonce INTEGER NOT NULL CHECK (\(nat("nonce"))),
              raw TEXT NOT NULL CHECK (length(raw) > 2 AND raw GLOB '0x*' AND substr(raw, 3) NOT GLOB '*[^0-9a-fA-F]*'),
              state TEXT NOT NULL CHECK (state IN ('journaled', 'broadcast', 'pending', 'included', 'reverted',
                'replaced', 'dropped', 'failed')),
              replaces TEXT REFERENCES transactions(hash),
              created_at TEXT NOT NULL,
              broadcast_at TEXT,
              included_block INTEGER CHECK (\(natOpt("included_block"))),
              receipt_status INTEGER CHECK (receipt_status IS NULL OR receipt_status IN (0, 1)),
              intent_key TEXT CHECK (intent_key IS NULL OR length(intent_key) > 0),
              ever_accepted INTEGER NOT NULL DEFAULT 0 CHECK (ever_accepted IN (0, 1)),
              UNIQUE (chain_id, sender, nonce, hash)
            ) STRICT;
            INSERT INTO transactions_v2 (hash, chain_id, sender, nonce, raw, state, replaces, created_at, broadcast_at,
              included_block, receipt_status, ever_accepted)
              SELECT hash, chain_id, sender, nonce, raw, state, replaces, created_at, broadcast_at, included_block,
                receipt_status, CASE WHEN state IN ('pending', 'included', 'reverted') THEN 1 ELSE 0 END
              FROM transactions ORDER BY rowid;
            DROP TABLE transactions;
            ALTER TABLE transactions_v2 RENAME TO transactions;
            CREATE INDEX transactions_sender_nonce ON transactions(chain_id, sender, nonce);
            CREATE INDEX transactions_state ON transactions(state);
            CREATE UNIQUE INDEX transactions_intent ON transactions(chain_id, sender, intent_key)
              WHERE intent_key IS NOT NULL AND replaces IS NULL;
            """)
    }

    /// Per-token balance changes of each execution: simulated by the lens, realised from the receipt.
    private static func v3ExecutionDeltas(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE execution_deltas (
              execution_id TEXT NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
              source TEXT NOT NULL CHECK (source IN ('simulated', 'realised')),
              holder TEXT NOT NULL CHECK (\(addr("holder"))),
              token TEXT NOT NULL CHECK (\(addr("token"))),
              delta TEXT NOT NULL CHECK (\(s("delta"))),
              PRIMARY KEY (execution_id, source, holder, token)
            );
            """)
    }

    /// Realised P&L per execution, valued in a quote currency at the execution block, with the valuation source.
    private static func v4PnL(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE execution_pnl (
              execution_id TEXT PRIMARY KEY NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
              block_number INTEGER NOT NULL CHECK (\(nat("block_number"))),
              quote TEXT NOT NULL CHECK (length(quote) > 0),
              quote_decimals INTEGER NOT NULL CHECK (typeof(quote_decimals) = 'integer' AND quote_decimals BETWEEN 0 AND 77),
              gross TEXT NOT NULL CHECK (\(s("gross"))),
              gas TEXT NOT NULL CHECK (\(u("gas"))),
              fees TEXT NOT NULL CHECK (\(u("fees"))),
              net TEXT NOT NULL CHECK (\(s("net"))),
              gas_wei TEXT NOT NULL CHECK (\(u("gas_wei"))),
              l1_fee_wei TEXT NOT NULL CHECK (\(u("l1_fee_wei"))),
              valuation_source TEXT NOT NULL CHECK (length(valuation_source) > 0),
              venue TEXT CHECK (venue IS NULL OR length(venue) > 0),
              deltas TEXT NOT NULL CHECK (json_valid(deltas)),
              recorded_at TEXT NOT NULL
            ) STRICT;
            CREATE INDEX execution_pnl_block ON execution_pnl(block_number);
            """)
    }

    /// One row per execution with what `defi pnl` aggregates, kept in `created_at` order (a clustered WITHOUT ROWID
    /// table) so the report is one sequential scan with no join: the day bucket as an integer, and the valued
    /// gas/fees/net as two signed 64-bit halves each (`value = hi * 10^18 + lo`, both carrying the sign; NULL when
    /// the magnitude has more than 36 digits, then the reader takes `execution_pnl`'s text). Triggers on
    /// `executions` and `execution_pnl` rebuild an execution's row from both tables on every write, so every
    /// writer (the store, the sqlite3 shell) keeps it exact; existing rows are backfilled.
    private static func v5PnLDenormalised(_ db: Database) throws {
        let table = PnLSummarySQL.table
        try db.execute(sql: """
            CREATE TABLE \(table) (
              created_at TEXT NOT NULL,
              execution_id TEXT NOT NULL,
              day INTEGER,
              strategy TEXT NOT NULL,
              state TEXT NOT NULL,
              chain_id INTEGER NOT NULL,
              engine TEXT NOT NULL,
              gas_used INTEGER,
              profit_token TEXT,
              block_number INTEGER,
              quote TEXT,
              quote_decimals INTEGER,
              venue TEXT,
              gas_hi INTEGER, gas_lo INTEGER,
              fees_hi INTEGER, fees_lo INTEGER,
              net_hi INTEGER, net_lo INTEGER,
              PRIMARY KEY (created_at, execution_id)
            ) STRICT, WITHOUT ROWID;
            CREATE UNIQUE INDEX \(table)_execution ON \(table)(execution_id);
            \(PnLSummarySQL.insertSelect) ORDER BY e.created_at, e.id;
            CREATE TRIGGER \(table)_executions_insert AFTER INSERT ON executions BEGIN
              \(PnLSummarySQL.refresh("NEW.id"))
            END;
            CREATE TRIGGER \(table)_executions_update AFTER UPDATE ON executions BEGIN
              DELETE FROM \(table) WHERE execution_id = OLD.id;
              \(PnLSummarySQL.refresh("NEW.id"))
            END;
            CREATE TRIGGER \(table)_executions_delete AFTER DELETE ON executions BEGIN
              DELETE FROM \(table) WHERE execution_id = OLD.id;
            END;
            CREATE TRIGGER \(table)_pnl_insert AFTER INSERT ON execution_pnl BEGIN
              \(PnLSummarySQL.refresh("NEW.execution_id"))
            END;
            CREATE TRIGGER \(table)_pnl_update AFTER UPDATE ON execution_pnl BEGIN
              \(PnLSummarySQL.refresh("OLD.execution_id"))
              \(PnLSummarySQL.refresh("NEW.execution_id"))
            END;
            CREATE TRIGGER \(table)_pnl_delete AFTER DELETE ON execution_pnl BEGIN
              \(PnLSummarySQL.refresh("OLD.execution_id"))
            END;
            """)
    }
}

/// The SQL of the denormalised P&L table (migration v5-pnl-denormalised). Frozen with that migration.
enum PnLSummarySQL {
    /// The table name.
    static let table = "execution_pnl_summary"

    /// Days since 1970-01-01 of the leading `YYYY-MM-DD` of `c`, or NULL unless that prefix is a real date.
    static func day(_ c: String) -> String {
        "CASE WHEN date(julianday(substr(\(c), 1, 10))) = substr(\(c), 1, 10)"
            + " THEN CAST(julianday(substr(\(c), 1, 10)) - 2440587.5 AS INTEGER) END"
    }

    /// The high half (digits above the last 18, signed) of canonical decimal text `c`; NULL past 36 digits.
    static func hi(_ c: String) -> String {
        "CASE WHEN length(ltrim(\(c), '-')) <= 36 THEN (CASE WHEN length(ltrim(\(c), '-')) > 18"
            + " THEN CAST(substr(ltrim(\(c), '-'), 1, length(ltrim(\(c), '-')) - 18) AS INTEGER) ELSE 0 END)"
            + " * (CASE WHEN substr(\(c), 1, 1) = '-' THEN -1 ELSE 1 END) END"
    }

    /// The low half (the last 18 digits, signed) of canonical decimal text `c`; NULL past 36 digits.
    static func lo(_ c: String) -> String {
        "CASE WHEN length(ltrim(\(c), '-')) <= 36 THEN CAST(substr(ltrim(\(c), '-'), -18) AS INTEGER)"
            + " * (CASE WHEN substr(\(c), 1, 1) = '-' THEN -1 ELSE 1 END) END"
    }

    /// INSERT … SELECT of summary rows from executions ⟕ execution_pnl (append a WHERE or ORDER BY).
    static let insertSelect = """
        INSERT INTO \(table) (created_at, execution_id, day, strategy, state, chain_id, engine, gas_used,
          profit_token, block_number, quote, quote_decimals, venue, gas_hi, gas_lo, fees_hi, fees_lo, net_hi, net_lo)
        SELECT e.created_at, e.id, \(day("e.created_at")), e.strategy, e.state, e.chain_id, e.engine, e.gas_used,
          e.profit_token, e.block_number, p.quote, p.quote_decimals, p.venue, \(hi("p.gas")), \(lo("p.gas")),
          \(hi("p.fees")), \(lo("p.fees")), \(hi("p.net")), \(lo("p.net"))
        FROM executions e LEFT JOIN execution_pnl p ON p.execution_id = e.id
        """

    /// Trigger body: rebuilds the summary row of execution `id` (an SQL expression) from both tables.
    static func refresh(_ id: String) -> String {
        "DELETE FROM \(table) WHERE execution_id = \(id);\n  \(insertSelect) WHERE e.id = \(id);"
    }
}
