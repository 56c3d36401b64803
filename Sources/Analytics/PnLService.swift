import DeFiCore
import Foundation
import History
import Primitives

/// What `defi pnl` asks for.
public struct PnLRequest: Sendable {
    /// The store path.
    public var path: String
    /// Grouping of the table.
    public var grouping: PnLGrouping
    /// Only executions at or after this bound.
    public var since: HistoryBound?
    /// Only executions before this bound.
    public var until: HistoryBound?
    /// Only this strategy.
    public var strategy: String?
    /// Only this execution state.
    public var status: String?
    /// Keep the cumulative series for a chart.
    public var chart: Bool
    /// Compute performance metrics.
    public var performance: Bool
    /// Compute the risk report.
    public var risk: Bool
    /// Backtest grids (empty: none).
    public var optimize: [ParameterGrid]

    /// A request.
    public init(
        path: String, grouping: PnLGrouping = .day, since: HistoryBound? = nil, until: HistoryBound? = nil,
        strategy: String? = nil, status: String? = nil, chart: Bool = false, performance: Bool = false,
        risk: Bool = false, optimize: [ParameterGrid] = []
    ) {
        self.path = path
        self.grouping = grouping
        self.since = since
        self.until = until
        self.strategy = strategy
        self.status = status
        self.chart = chart
        self.performance = performance
        self.risk = risk
        self.optimize = optimize
    }
}

/// The backtest section of a report.
public struct BacktestSummary: Sendable, Equatable {
    /// Opportunities replayed.
    public var opportunities: Int
    /// Opportunities whose numbers could not be replayed (no USD ratio, unreadable numbers).
    public var skipped: Int
    /// How the cases were priced.
    public var method: String
    /// Every grid point, best first.
    public var results: [BacktestResult]
}

/// Everything `defi pnl` reports.
public struct PnLResult: Sendable {
    /// The store path.
    public var path: String
    /// The quote currency of the money columns.
    public var quote: String
    /// Its decimals.
    public var quoteDecimals: Int
    /// The grouping used.
    public var grouping: PnLGrouping
    /// The table.
    public var table: PnLTable
    /// Cumulative net after each valued execution (whole quote units), with the first and last day, for `--chart`.
    public var series: [Double]
    /// First and last day of the series.
    public var seriesSpan: (from: String, to: String)?
    /// Performance per strategy then `all`, when asked.
    public var performance: [StrategyPerformance]?
    /// The risk snapshot, when asked.
    public var risk: RiskSnapshot?
    /// The backtest, when asked.
    public var backtest: BacktestSummary?
    /// Display labels for group keys (token symbols, chain names).
    public var labels: [String: String]
    /// Warnings for stderr.
    public var warnings: [String]
}

/// The library side of `defi pnl`: streams executions once and folds the table, metrics and series.
public enum PnLService {
    /// The quote when the config names none.
    public static let defaultQuote = "USD"

    /// Runs `request` against the store; a missing store reads as empty.
    public static func run(_ request: PnLRequest, config: DefiConfig, now: Date = Date()) throws -> PnLResult {
        var states: [ExecutionState]?
        if let status = request.status {
            guard let s = ExecutionState(rawValue: status) else {
                throw UtilityError(
                    code: "invalid_status",
                    message: "--status: unknown execution state \"\(InputError.shorten(status))\" (expected one of "
                        + ExecutionState.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            states = [s]
        }
        var query = PnLQuery(strategy: request.strategy, states: states)
        switch request.since {
        case .date(let d)?: query.since = d
        case .block(let b)?: query.sinceBlock = b
        case nil: break
        }
        switch request.until {
        case .date(let d)?: query.until = d
        case .block(let b)?: query.untilBlock = b
        case nil: break
        }
        let quote = config.pnlQuote.map { resolveQuote($0, config: config) } ?? defaultQuote
        var aggregator = PnLAggregator(grouping: request.grouping, quote: quote)
        var performance = request.performance ? PerformanceAccumulator(quote: quote) : nil
        var cumulative = I256.zero
        var series: [I256] = []
        var firstDay: String?
        var lastDay: String?
        var decimals: Int?
        var result = PnLResult(
            path: request.path, quote: quote, quoteDecimals: quote == "USD" ? QuoteValuation.usdDecimals : 0,
            grouping: request.grouping, table: PnLAggregator(grouping: request.grouping, quote: quote).finish(),
            series: [], seriesSpan: nil, performance: nil, risk: nil, backtest: nil,
            labels: labels(config: config), warnings: [])
        guard let store = try HistoryQuery.openIfExists(request.path) else {
            result.performance = performance?.finish(quoteDecimals: result.quoteDecimals)
            return result
        }
        var table: PnLTable?
        if !request.chart && !request.performance {
            // The hot path: one sequential scan of the denormalised summary (no join), exact sums; integer day
            // buckets for time groupings, the one attribute column for the others.
            var fast = PnLSummaryAggregator(grouping: request.grouping)
            do {
                try store.forEachPnLAmount(query, quote: quote, attribute: fast.attribute) { row in
                    fast.add(row)
                    return true
                }
            } catch {
                throw HistoryQuery.storeError(error)
            }
            decimals = fast.quoteDecimals
            table = fast.finish()
        } else {
            do {
                try store.forEachPnLRow(query) { row in
                    aggregator.add(row)
                    performance?.add(row)
                    if decimals == nil, row.quote == quote, let d = row.quoteDecimals { decimals = d }
                    if request.chart, let a = aggregator.amounts(of: row) {
                        cumulative += a.net
                        series.append(cumulative)
                        if firstDay == nil { firstDay = String(row.createdAt.prefix(10)) }
                        lastDay = String(row.createdAt.prefix(10))
                    }
                    return true
                }
            } catch {
                throw HistoryQuery.storeError(error)
            }
        }
        if let decimals { result.quoteDecimals = decimals }
        result.table = table ?? aggregator.finish()
        result.series = series.map { PerformanceAccumulator.toDouble($0, decimals: result.quoteDecimals) }
        if let firstDay, let lastDay { result.seriesSpan = (firstDay, lastDay) }
        result.performance = performance?.finish(quoteDecimals: result.quoteDecimals)
        if result.table.unvalued > 0 {
            result.warnings.append(
                "\(result.table.unvalued) mined executions have no \(quote) valuation: counted, with no money")
        }
        if result.table.otherQuote > 0 {
            result.warnings.append(
                "\(result.table.otherQuote) executions are valued in another quote than \(quote): counted, with no money")
        }
        if request.risk {
            result.risk = try RiskLedger.snapshot(store: store, config: config.risk, now: now)
            if quote != "USD" { result.warnings.append("the risk report uses USD valuations only") }
        }
        if !request.optimize.isEmpty {
            result.backtest = try backtest(store: store, request: request)
        }
        return result
    }

    static func backtest(store: HistoryStore, request: PnLRequest) throws -> BacktestSummary {
        var filter = OpportunityFilter(strategy: request.strategy)
        if case .date(let d)? = request.since { filter.since = d }
        if case .date(let d)? = request.until { filter.until = d }
        let records: [OpportunityRecord]
        do { records = try store.listOpportunities(filter: filter) } catch { throw HistoryQuery.storeError(error) }
        var cases: [ReplayCase] = []
        var skipped = 0
        for o in records {
            if case .block(let b)? = request.since, o.blockNumber < b { continue }
            if case .block(let b)? = request.until, o.blockNumber >= b { continue }
            if let c = ReplayCase.from(o), c.usd != nil { cases.append(c) } else { skipped += 1 }
        }
        return BacktestSummary(
            opportunities: cases.count, skipped: skipped, method: "recorded",
            results: try Backtest.run(cases: cases, grids: request.optimize))
    }

    /// A configured quote: `USD`, a token symbol from the config (its address), or an address.
    static func resolveQuote(_ text: String, config: DefiConfig) -> String {
        if text.uppercased() == "USD" { return "USD" }
        if let t = config.tokens[text] { return t.address.lowercased() }
        return text.lowercased()
    }

    /// Display names: token addresses → symbols, chain ids → names.
    static func labels(config: DefiConfig) -> [String: String] {
        var out: [String: String] = [:]
        for (symbol, t) in config.tokens { out[t.address.lowercased()] = t.symbol ?? symbol }
        for (name, c) in config.chains { out[String(c.chainID)] = name }
        return out
    }
}
