import ArgumentParser
import DeFiCore

/// `defi wallet address`: the address of the key the signer options select.
struct WalletAddress: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "address", abstract: "Show the address of the selected signer.")

    @OptionGroup var signer: SignerOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        try Renderer(display: display).emit(AddressReport(address: try signer.privateKey().address.checksummed))
    }
}
