import ArgumentParser

/// `defi wallet checksum`: EIP-55 checksum an address.
struct WalletChecksum: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "checksum", abstract: "Print an address with its EIP-55 checksum.")

    @Argument(help: "The address, 0x + 40 hex digits.")
    var address: String

    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi wallet checksum") }
}
