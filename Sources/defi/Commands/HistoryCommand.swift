import ArgumentParser

/// `defi history`: browse recorded opportunities and executions.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Browse recorded opportunities and executions.",
        subcommands: [HistoryList.self, HistoryShow.self])
}
