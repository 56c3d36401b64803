import ArgumentParser
import DeFiCore

/// `defi wallet import <name>`: a private key (file, DEFI_PRIVATE_KEY or stdin) into a new keystore.
struct WalletImport: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a private key (from a file, DEFI_PRIVATE_KEY or stdin) into a keystore; print its address.")

    @Argument(help: "The keystore name.")
    var name: String

    @Option(
        help: ArgumentHelp(
            "A file holding the 0x-hex private key; else DEFI_PRIVATE_KEY, else stdin.",
            valueName: "path"), completion: .file())
    var privateKeyFile: String?

    @OptionGroup var keystore: KeystoreOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let input = keystore.input
        let (text, source) = try input.privateKeyText(file: privateKeyFile, stdin: TerminalPrompt.pipedStdin)
        let key = try SignerSource.parseKey(text, source: source)
        let password = try input.password(file: keystore.passwordFile, confirm: true)
        let saved = try WalletUtility.save(
            key, name: name, password: password, cost: keystore.cost, in: keystore.directory)
        try Renderer(display: display).emit(
            AddressReport(address: saved.address.checksummed, name: saved.name, path: saved.path))
    }
}
