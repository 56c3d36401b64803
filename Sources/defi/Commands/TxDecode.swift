import ArgumentParser

/// `defi tx decode`: decode a raw transaction.
struct TxDecode: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode", abstract: "Decode a raw signed or unsigned transaction.")

    @Argument(help: "The 0x-hex raw transaction.")
    var raw: String

    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi tx decode") }
}
