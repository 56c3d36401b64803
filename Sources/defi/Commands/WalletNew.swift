import ArgumentParser
import DeFiCore
import Primitives

/// `defi wallet new [name]`: a fresh key in a new keystore (0600, directory 0700); prints the address.
struct WalletNew: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a new key in an encrypted keystore and print its address.",
        discussion: "The password comes from --password-file or DEFI_PASSWORD, else a no-echo prompt (asked twice).")

    @Argument(help: "The keystore name (default: the checksummed address).")
    var name: String?

    @OptionGroup var keystore: KeystoreOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let password = try keystore.input.password(file: keystore.passwordFile, confirm: true)
        let saved = try WalletUtility.save(
            PrivateKey.random(), name: name, password: password, cost: keystore.cost, in: keystore.directory)
        try Renderer(display: display).emit(
            AddressReport(address: saved.address.checksummed, name: saved.name, path: saved.path))
    }
}
