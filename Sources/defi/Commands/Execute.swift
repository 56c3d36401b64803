import ArgumentParser

/// `defi execute`: simulate, risk-check, sign and send a plan.
struct Execute: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        abstract: "Execute an opportunity or plan: simulate, check risk caps, sign, send, and wait.",
        discussion: """
            Exits 4 when refused (reverted, unprofitable, or over a risk cap), 5 when another run holds the lock.
            """)

    @Argument(help: "An opportunity id from history, or a plan file.", completion: .file(extensions: ["json"]))
    var target: String

    @Flag(help: "Do everything except broadcast.")
    var dryRun = false

    @Option(help: "How to fund the trade.")
    var engine: EngineChoice = .auto

    @Flag(help: "Send privately (a bundle to a builder) instead of the public mempool.")
    var `private` = false

    @Option(help: "Blocks to wait for after inclusion.")
    var confirmations = 1

    @Option(help: ArgumentHelp("Give up if not included within this many seconds.", valueName: "seconds"))
    var deadline: Int?

    @OptionGroup var signer: SignerOptions
    @OptionGroup var rpc: RPCOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws { try NotAvailable.fail("defi execute") }
}
