import ArgumentParser
import DeFiCore
import Protocols

/// `defi quote`: price a swap across venues at one block.
struct Quote: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(abstract: "Quote a swap across the configured venues.")

    @Argument(help: "The amount in human units of the token sold (of the token bought with --exact-out): 10, 1.5.")
    var amount: String

    @Argument(help: "The token sold: a symbol from the config or an address.")
    var tokenIn: String

    @Argument(help: "The token bought: a symbol from the config or an address.")
    var tokenOut: String

    @Flag(help: "Treat the amount as the exact output wanted.")
    var exactOut = false

    @Option(
        help: ArgumentHelp(
            "Venues to ask, comma-separated (default: all configured; 1inch and 0x when their API keys are set).",
            valueName: "names"))
    var venues: NameList?

    @Option(
        help: ArgumentHelp("Quote from a saved market state instead of the node.", valueName: "file"),
        completion: .file(extensions: ["json"]))
    var state: String?

    @Option(
        help: ArgumentHelp("Save the market state read for this quote.", valueName: "file"),
        completion: .file(extensions: ["json"]))
    var saveState: String?

    @OptionGroup var rpc: RPCOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let loaded = try ConfigLoader.load(configOptions.request(rpc: rpc))
        let request = QuoteRequest(
            amount: amount, tokenIn: tokenIn, tokenOut: tokenOut, exactOut: exactOut, venues: venues?.names,
            block: rpc.block, statePath: state, saveStatePath: saveState)
        let result = try await QuoteService.run(request, config: loaded.config)
        for w in result.warnings { Diagnostics.shared.warning(w) }
        if let saveState { Diagnostics.shared.info("saved the market state to \(saveState)") }
        Diagnostics.shared.info("block \(result.snapshot.blockNumber), \(result.roundTrips) RPC round trips")
        try Renderer(display: display).emit(QuoteReport(result: result))
    }
}
