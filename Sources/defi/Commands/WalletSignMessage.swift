import ArgumentParser

/// `defi wallet sign-message`: EIP-191 personal_sign.
struct WalletSignMessage: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-message", abstract: "Sign a message (EIP-191 personal_sign).")

    @Argument(help: "The message: UTF-8 text, or 0x-hex bytes.")
    var message: String

    @OptionGroup var signer: SignerOptions

    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi wallet sign-message") }
}
