import ArgumentParser
import DeFiCore

/// `defi wallet sign-typed-data <file>`: an EIP-712 signature over the standard typed-data JSON.
struct WalletSignTypedData: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-typed-data",
        abstract: "Sign EIP-712 typed data from a JSON file; print the signature, then the digest.")

    @Argument(help: "The typed data JSON file (- for stdin).", completion: .file(extensions: ["json"]))
    var file: String

    @OptionGroup var signer: SignerOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let signed = try WalletUtility.signTypedData(json: try InputFile.read(file), with: try signer.privateKey())
        try Renderer(display: display).emit(SignatureReport(signed: signed, showDigest: true))
    }
}
