import ArgumentParser

/// `defi liquidate`: find and liquidate unhealthy lending positions.
struct Liquidate: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find unhealthy lending positions and liquidate the profitable ones.",
        discussion: "Exits 6 when some liquidations succeeded and others failed.")

    @Option(name: .customLong("protocol"), help: "Which lending protocols to watch.")
    var lendingProtocol: LendingProtocolChoice = .all

    @Flag(help: "Find and simulate, but do not send.")
    var dryRun = false

    @Option(help: "Stop after this many liquidations.")
    var maxLiquidations: Int?

    @Option(help: ArgumentHelp("Give up on a transaction not included within this many seconds.",
                               valueName: "seconds"))
    var deadline: Int?

    @Option(help: ArgumentHelp("Minimum net profit per liquidation (10usd, 0.01ether).", valueName: "amount"))
    var minProfit: String?

    @OptionGroup var signer: SignerOptions
    @OptionGroup var rpc: RPCOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi liquidate") }
}
