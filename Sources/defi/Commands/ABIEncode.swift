import ArgumentParser

/// `defi abi encode`: ABI-encode a call.
struct ABIEncode: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode", abstract: "ABI-encode a function call or arguments.")

    @Argument(help: "The signature, such as \"transfer(address,uint256)\".")
    var signature: String

    @Argument(help: "The argument values.")
    var values: [String] = []

    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi abi encode") }
}
