import ArgumentParser
import DeFiCore

/// `defi wallet sign-message <msg>`: an EIP-191 personal_sign signature, 0x r‖s‖v with v = 27/28.
struct WalletSignMessage: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-message", abstract: "Sign a message (EIP-191 personal_sign); print the 65-byte signature.")

    @Argument(help: "The message: UTF-8 text, or 0x-hex bytes with --hex.")
    var message: String

    @Flag(help: "The message is 0x-hex bytes to sign as they are.")
    var hex = false

    @OptionGroup var signer: SignerOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let signed = try WalletUtility.signMessage(message, hex: hex, with: try signer.privateKey())
        try Renderer(display: display).emit(SignatureReport(signed: signed, showDigest: false))
    }
}
