import ArgumentParser

/// `defi register-strategy`: register, deploy, list or remove on-chain strategy contracts.
struct RegisterStrategy: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        abstract: "Register a strategy contract, deploy one from an artifact, or list and remove them.")

    @Argument(help: "The strategy name.")
    var name: String?

    @Argument(help: "The deployed contract address.")
    var address: String?

    @Option(help: ArgumentHelp("Deploy from a compiled artifact (abi + bytecode JSON).", valueName: "artifact"),
            completion: .file(extensions: ["json"]))
    var deploy: String?

    @Flag(help: "List registered strategies.")
    var list = false

    @Flag(help: "Remove the named strategy.")
    var remove = false

    @OptionGroup var signer: SignerOptions
    @OptionGroup var rpc: RPCOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi register-strategy") }
}
