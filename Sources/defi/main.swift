import ArgumentParser
import Analytics
import Primitives

/// The `defi` command. Subcommands land with their issues; for now it proves the build and the primitives work.
struct Defi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "defi",
        abstract: "Find, price, simulate, execute and account for on-chain trades on EVM chains.",
        version: "0.1.0",
        subcommands: [Keccak.self])
}

/// `defi keccak <text|0xhex>`: Keccak-256 of UTF-8 text or of hex bytes.
struct Keccak: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Keccak-256 of text or 0x-hex bytes.")

    @Argument(help: "UTF-8 text, or 0x-prefixed hex bytes.")
    var input: String

    func run() throws {
        if input.hasPrefix("0x") {
            print(Keccak256.hash(try Hex.decode(input)))
        } else {
            print(Keccak256.hash(utf8: input))
        }
    }
}

Defi.main()
