import ArgumentParser

/// `defi tx`: raw transaction utilities.
struct TxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx", abstract: "Decode and sign raw transactions.", subcommands: [TxDecode.self, TxSign.self])
}
