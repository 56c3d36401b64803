import ArgumentParser

/// `defi pnl`: profit and loss from the history store.
struct PnL: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "pnl", abstract: "Report profit and loss from the history store.")

    @Option(help: "Group rows by period or dimension.")
    var by: PnLGrouping = .day

    @Option(help: ArgumentHelp("Start: a date (2026-01-01) or a duration back (7d).", valueName: "when"))
    var since: String?

    @Option(help: ArgumentHelp("End: a date or a duration back.", valueName: "when"))
    var until: String?

    @Option(help: ArgumentHelp("Only this strategy.", valueName: "name"))
    var strategy: String?

    @Option(help: ArgumentHelp("Only records with this status (included, reverted, dropped…).", valueName: "status"))
    var status: String?

    @Flag(help: "Draw a cumulative P&L chart (human output only).")
    var chart = false

    @Flag(help: "Add performance metrics: Sharpe, drawdown, win rate.")
    var performance = false

    @Option(help: ArgumentHelp("Search a parameter over a range, such as min_spread_bps=5..50 (repeatable).",
                               valueName: "param=range"))
    var optimize: [ParameterRange] = []

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi pnl") }
}
