import ArgumentParser

/// `defi abi selector`: a function selector.
struct ABISelector: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "selector", abstract: "Print the 4-byte selector of a function signature.")

    @Argument(help: "The signature, such as \"transfer(address,uint256)\".")
    var signature: String

    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi abi selector") }
}
