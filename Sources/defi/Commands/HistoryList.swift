import ArgumentParser
import DeFiCore
import Foundation

/// `defi history list`: recorded opportunities and executions, newest first; a missing store lists nothing.
struct HistoryList: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List recorded opportunities and executions.")

    @Option(
        help: ArgumentHelp("Start: a date (2026-01-01), a duration back (7d) or a block number.", valueName: "when"))
    var since: String?

    @Option(help: ArgumentHelp("End (exclusive): a date, a duration back or a block number.", valueName: "when"))
    var until: String?

    @Option(help: ArgumentHelp("Only this strategy.", valueName: "name"))
    var strategy: String?

    @Option(
        help: ArgumentHelp("Only records with this status (detected, included, reverted, ...).", valueName: "status"))
    var status: String?

    @Option(help: "At most this many records, newest first.")
    var limit = 50

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let now = Date()
        let request = HistoryListRequest(
            path: try configOptions.historyPath(),
            since: try since.map { try HistoryBound(parsing: $0, flag: "--since", now: now) },
            until: try until.map { try HistoryBound(parsing: $0, flag: "--until", now: now) }, strategy: strategy,
            status: status, limit: limit)
        try Renderer(display: display).emit(
            HistoryListReport(path: request.path, records: try HistoryQuery.list(request)))
    }
}
