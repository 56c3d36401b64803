import ArgumentParser

/// `defi wallet list`: list keystores.
struct WalletList: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List keystores and their addresses.")

    @Option(help: ArgumentHelp("Where keystores live (default ~/.defi/keystores).", valueName: "dir"),
            completion: .directory)
    var keystoreDir: String?

    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi wallet list") }
}
