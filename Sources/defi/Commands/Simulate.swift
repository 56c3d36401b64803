import ArgumentParser

/// `defi simulate`: run a plan or transaction against one block without sending it.
struct Simulate: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        abstract: "Simulate an opportunity, a plan file, or a raw or unsigned transaction.",
        discussion: "Exits 4 when the simulation reverts or the result is unprofitable.")

    @Argument(help: "An opportunity id from history, a plan file, or a raw/unsigned transaction (0x…).",
              completion: .file(extensions: ["json"]))
    var target: String

    @Option(help: ArgumentHelp("State overrides to apply (eth_call format).", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var stateOverride: String?

    @OptionGroup var rpc: RPCOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi simulate") }
}
