import ArgumentParser

/// `defi wallet sign-typed-data`: EIP-712 typed data signing.
struct WalletSignTypedData: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-typed-data", abstract: "Sign EIP-712 typed data from a JSON file.")

    @Argument(help: "The typed data JSON file (- for stdin).", completion: .file(extensions: ["json"]))
    var file: String

    @OptionGroup var signer: SignerOptions

    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi wallet sign-typed-data") }
}
