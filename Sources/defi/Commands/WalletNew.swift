import ArgumentParser

/// `defi wallet new`: create a keystore.
struct WalletNew: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Create a new encrypted keystore.")

    @Argument(help: "The keystore name.")
    var name: String?

    @Option(help: ArgumentHelp("Where keystores live (default ~/.defi/keystores).", valueName: "dir"),
            completion: .directory)
    var keystoreDir: String?

    @Option(help: ArgumentHelp("A file holding the new password; else DEFI_PASSWORD, else a prompt.",
                               valueName: "path"), completion: .file())
    var passwordFile: String?

    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi wallet new") }
}
