import ArgumentParser
import DeFiCore
import Foundation

/// `defi wallet list`: the keystores in the keystore directory with their addresses.
struct WalletList: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List keystores and their addresses.")

    @Option(
        help: ArgumentHelp(
            "Where keystores live (default $XDG_DATA_HOME/defi/keystores, else ~/.local/share/defi/keystores).",
            valueName: "dir"), completion: .directory)
    var keystoreDir: String?

    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let directory = KeystoreDirectory(path: keystoreDir, environment: ProcessInfo.processInfo.environment)
        try Renderer(display: display).emit(KeystoreListReport(directory: directory.path, entries: directory.list()))
    }
}
