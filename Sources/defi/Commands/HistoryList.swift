import ArgumentParser

/// `defi history list`: recorded opportunities and executions.
struct HistoryList: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List recorded opportunities and executions.")

    @Option(help: ArgumentHelp("Start: a date (2026-01-01) or a duration back (7d).", valueName: "when"))
    var since: String?

    @Option(help: ArgumentHelp("End: a date or a duration back.", valueName: "when"))
    var until: String?

    @Option(help: ArgumentHelp("Only this strategy.", valueName: "name"))
    var strategy: String?

    @Option(help: ArgumentHelp("Only records with this status.", valueName: "status"))
    var status: String?

    @Option(help: "At most this many records, newest first.")
    var limit = 50

    @OptionGroup var configOptions: ConfigOptions

    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi history list") }
}
