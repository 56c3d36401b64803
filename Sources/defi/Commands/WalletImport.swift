import ArgumentParser

/// `defi wallet import`: import a private key into a keystore.
struct WalletImport: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a private key (from a file or DEFI_PRIVATE_KEY) into a keystore.")

    @Argument(help: "The keystore name.")
    var name: String

    @Option(help: ArgumentHelp("A file holding the 0x-hex private key; else DEFI_PRIVATE_KEY.", valueName: "path"),
            completion: .file())
    var privateKeyFile: String?

    @Option(help: ArgumentHelp("Where keystores live (default ~/.defi/keystores).", valueName: "dir"),
            completion: .directory)
    var keystoreDir: String?

    @Option(help: ArgumentHelp("A file holding the new password; else DEFI_PASSWORD, else a prompt.",
                               valueName: "path"), completion: .file())
    var passwordFile: String?

    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi wallet import") }
}
