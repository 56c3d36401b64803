import ArgumentParser
import DeFiCore

/// `defi tx decode <raw>`: the fields, hashes and recovered sender of a raw signed transaction.
struct TxDecode: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode", abstract: "Decode a raw signed transaction (legacy, EIP-2930 or EIP-1559).")

    @Argument(help: "The 0x-hex raw transaction, as eth_sendRawTransaction takes it.")
    var raw: String

    @OptionGroup var display: DisplayOptions

    func run() async throws {
        try Renderer(display: display).emit(
            TransactionReport(decoded: try TransactionUtility.decode(raw: raw), signing: false))
    }
}
