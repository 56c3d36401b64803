import ArgumentParser

/// `defi wallet address`: the signer's address.
struct WalletAddress: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "address", abstract: "Show the address of the selected signer.")

    @OptionGroup var signer: SignerOptions

    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi wallet address") }
}
