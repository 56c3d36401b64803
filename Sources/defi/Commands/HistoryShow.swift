import ArgumentParser
import DeFiCore

/// `defi history show <id>`: every column of one opportunity or execution.
struct HistoryShow: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one recorded opportunity or execution.")

    @Argument(help: "The record id (opp_… or exe_…).")
    var id: String

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let record = try HistoryQuery.show(id: id, path: try configOptions.historyPath())
        try Renderer(display: display).emit(HistoryShowReport(record: record))
    }
}
