import ArgumentParser
import DeFiCore

/// `defi abi selector <sig>`: a function's or error's 4-byte selector, or an event's topic0 (`event Name(...)`).
struct ABISelector: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "selector",
        abstract: "Print the 4-byte selector of a function or error, or topic0 of \"event Name(...)\".")

    @Argument(
        help: "The signature, such as \"transfer(address,uint256)\" or \"event Transfer(address,address,uint256)\".")
    var signature: String

    @OptionGroup var display: DisplayOptions

    func run() async throws {
        try Renderer(display: display).emit(SignatureHashReport(hash: try ABIUtility.hash(of: signature)))
    }
}
