import ArgumentParser
import DeFiCore

/// `defi abi encode <sig> <args...>`: call data (selector ‖ arguments), like `cast calldata` / `cast abi-encode`.
struct ABIEncode: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode", abstract: "ABI-encode a function call or arguments.",
        discussion: """
            Arguments take their types' natural forms: decimal or 0x integers, negative ints, amounts with units \
            (1.5ether, 30gwei), EIP-55 addresses, 0x bytes, [a,b] arrays and (a,b) tuples. A type list such as \
            "(uint256,address)" or --no-selector encodes the arguments alone.
            """)

    @Argument(help: "The signature, such as \"transfer(address,uint256)\", or a type list \"(uint256,bool)\".")
    var signature: String

    @Argument(parsing: .allUnrecognized, help: "The argument values (negative numbers are accepted).")
    var values: [String] = []

    @Flag(help: "Leave out the 4-byte selector (like cast abi-encode).")
    var noSelector = false

    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let request = ABIEncodeRequest(signature: signature, arguments: values, withSelector: !noSelector)
        try Renderer(display: display).emit(CalldataReport(result: try ABIUtility.encode(request)))
    }
}
