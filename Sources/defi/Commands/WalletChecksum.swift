import ArgumentParser
import DeFiCore

/// `defi wallet checksum <address>`: the EIP-55 form; a wrong mixed-case checksum is an error (exit 2).
struct WalletChecksum: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "checksum", abstract: "Print an address with its EIP-55 checksum.",
        discussion: "Single-case input is checksummed; mixed case must already be right, else the error names the form."
    )

    @Argument(help: "The address, 0x + 40 hex digits.")
    var address: String

    @OptionGroup var display: DisplayOptions

    func run() async throws {
        try Renderer(display: display).emit(AddressReport(address: try WalletUtility.checksum(address).checksummed))
    }
}
