import ArgumentParser

/// `defi history show`: one record.
struct HistoryShow: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one recorded opportunity or execution.")

    @Argument(help: "The record id.")
    var id: String

    @OptionGroup var configOptions: ConfigOptions

    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi history show") }
}
