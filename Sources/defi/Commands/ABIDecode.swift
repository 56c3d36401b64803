import ArgumentParser

/// `defi abi decode`: ABI-decode data.
struct ABIDecode: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode", abstract: "ABI-decode call data or return data.")

    @Argument(help: "The signature, such as \"balanceOf(address)(uint256)\".")
    var signature: String

    @Argument(help: "The 0x-hex data.")
    var data: String

    @Flag(help: "Decode as call input (with a 4-byte selector) instead of return data.")
    var input = false

    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi abi decode") }
}
