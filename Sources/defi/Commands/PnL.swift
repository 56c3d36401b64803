import Analytics
import ArgumentParser
import DeFiCore
import Foundation

/// `defi pnl`: profit and loss from the history store.
struct PnL: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "pnl", abstract: "Report profit and loss from the history store.",
        discussion: "Money columns are exact decimals in the quote currency (defi.pnl.quote, USD by default). "
            + "See docs/pnl.md for the columns, the metrics and the backtest model.")

    @Option(help: "Group rows by period or dimension.")
    var by: PnLGrouping = .day

    @Option(help: ArgumentHelp(
        "Start: a date (2026-01-01), a duration back (7d) or a block number.", valueName: "when"))
    var since: String?

    @Option(help: ArgumentHelp("End (exclusive): a date, a duration back or a block number.", valueName: "when"))
    var until: String?

    @Option(help: ArgumentHelp("Only this strategy.", valueName: "name"))
    var strategy: String?

    @Option(help: ArgumentHelp("Only records with this status (included, reverted, dropped…).", valueName: "status"))
    var status: String?

    @Flag(help: "Draw a cumulative P&L chart (human output only).")
    var chart = false

    @Flag(help: "Add performance metrics: Sharpe, drawdown, win rate.")
    var performance = false

    @Flag(help: "Add the risk report: exposure, daily loss against the cap, VaR, open positions.")
    var risk = false

    @Option(help: ArgumentHelp("Search a parameter over a range, such as min_spread_bps=5..50 (repeatable).",
                               valueName: "param=range"))
    var optimize: [ParameterRange] = []

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let now = Date()
        let loaded = try ConfigLoader.load(configOptions.request())
        let request = PnLRequest(
            path: HistoryQuery.path(configured: loaded.config.historyDB, environment: ProcessInfo.processInfo.environment),
            grouping: Analytics.PnLGrouping(rawValue: by.rawValue) ?? .day,
            since: try since.map { try HistoryBound(parsing: $0, flag: "--since", now: now) },
            until: try until.map { try HistoryBound(parsing: $0, flag: "--until", now: now) },
            strategy: strategy, status: status, chart: chart, performance: performance, risk: risk,
            optimize: try optimize.map { try ParameterGrid(name: $0.name, range: $0.range) })
        let result = try PnLService.run(request, config: loaded.config, now: now)
        for warning in result.warnings { Diagnostics.shared.warning(warning) }
        try Renderer(display: display).emit(PnLReport(result: result, chart: chart, width: TerminalWidth.stdout()))
    }
}
