import ArgumentParser

/// `defi abi`: ABI encoding, decoding, selectors and hashing.
struct ABICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abi", abstract: "Encode and decode ABI data, compute selectors and Keccak-256.",
        subcommands: [ABIEncode.self, ABIDecode.self, ABISelector.self, ABIKeccak.self])
}
