import ArgumentParser
import DeFiCore

/// `defi abi decode <sig-or-types> <hex>`: decode return data (or call data with `--input`), like `cast abi-decode`.
struct ABIDecode: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode", abstract: "ABI-decode call data or return data.",
        discussion: """
            Return data is decoded against the outputs of "f(..)(..)" (or its inputs when it names no outputs, or \
            a type list such as "(uint256,address)"). With --input the data starts with a selector, which must \
            match the function's.
            """)

    @Argument(help: "The signature, such as \"balanceOf(address)(uint256)\", or a type list.")
    var signature: String

    @Argument(help: "The 0x-hex data.")
    var data: String

    @Flag(help: "Decode as call input (with a 4-byte selector) instead of return data.")
    var input = false

    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let result = try ABIUtility.decode(ABIDecodeRequest(signature: signature, data: data, input: input))
        try Renderer(display: display).emit(ABIDecodeReport(result: result))
    }
}
