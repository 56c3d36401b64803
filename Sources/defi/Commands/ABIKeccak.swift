import ArgumentParser
import DeFiCore

/// `defi abi keccak <text|0xhex>`: Keccak-256 of UTF-8 text or of hex bytes.
struct ABIKeccak: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "keccak", abstract: "Keccak-256 of text or 0x-hex bytes.")

    @Argument(help: "UTF-8 text, or 0x-prefixed hex bytes.")
    var input: String

    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let digest = try Digests.keccak256(of: input)
        try Renderer(display: display).emit(HashReport(hash: digest.description))
    }
}

/// `defi keccak`: the pre-0.1 spelling of `defi abi keccak`, kept hidden for scripts.
struct KeccakAlias: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "keccak", abstract: "Alias of `defi abi keccak`.", shouldDisplay: false)

    @Argument(help: "UTF-8 text, or 0x-prefixed hex bytes.")
    var input: String

    @OptionGroup var display: DisplayOptions

    func run() async throws {
        try Renderer(display: display).emit(HashReport(hash: try Digests.keccak256(of: input).description))
    }
}
