import ArgumentParser

/// `defi tx sign`: sign a transaction.
struct TxSign: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "Sign a transaction request (JSON) without sending it.")

    @Argument(help: "The transaction request JSON file (- for stdin).", completion: .file(extensions: ["json"]))
    var file: String

    @OptionGroup var signer: SignerOptions
    @OptionGroup var rpc: RPCOptions

    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi tx sign") }
}
