import ArgumentParser

/// `defi scan`: look for opportunities at one block and record them.
struct Scan: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan venues for opportunities at one block.",
        discussion: "Exits 0 when the scan ran (even with nothing found), 3 when the node is unreachable.")

    @Option(help: ArgumentHelp("Strategies to run, comma-separated (spatial,triangular,statistical).",
                               valueName: "names"))
    var strategies: NameList?

    @Option(help: ArgumentHelp("Minimum net profit to report, such as 10usd or 0.01ether.", valueName: "amount"))
    var minProfit: String?

    @Option(help: "Longest route to consider.")
    var maxHops = 3

    @Flag(help: "Keep scanning every new block until interrupted.")
    var watch = false

    @OptionGroup var rpc: RPCOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi scan") }
}
