import ArgumentParser
import DeFiCore
import Dispatch
import Foundation
import Strategies

/// `defi scan`: look for opportunities at one block and record them.
struct Scan: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan venues for opportunities at one block.",
        discussion: """
            Reports arbitrage cycles (spatial: one pair on two venues; triangular: three or more tokens) sized to \
            their optimum and net of gas, L1 fee and flash fees, best net USD first, and records each one in the \
            history store for simulate/execute. Exits 0 when the scan ran (even with nothing found), 2 on a bad \
            option or config, 3 when the node is unreachable, 7 for a strategy not in this build.
            """)

    @Option(help: ArgumentHelp("Strategies to run, comma-separated (spatial,triangular,statistical).",
                               valueName: "names"))
    var strategies: NameList?

    @Option(help: ArgumentHelp("Minimum net profit to report, such as 10usd or 0.01ether.", valueName: "amount"))
    var minProfit: String?

    @Option(help: "Longest route to consider.")
    var maxHops = 3

    @Flag(help: "Keep scanning every new block until interrupted.")
    var watch = false

    @Option(
        help: ArgumentHelp("Scan a saved market state instead of the node.", valueName: "file"),
        completion: .file(extensions: ["json"]))
    var state: String?

    @Option(
        help: ArgumentHelp("Save the market state scanned.", valueName: "file"),
        completion: .file(extensions: ["json"]))
    var saveState: String?

    @Option(help: ArgumentHelp("Gas price for an offline scan, such as 30gwei (live scans project it).",
                               valueName: "price"))
    var gasPrice: String?

    @Flag(help: "Do not record the opportunities in the history store.")
    var noRecord = false

    @OptionGroup var rpc: RPCOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let loaded = try ConfigLoader.load(configOptions.request(rpc: rpc))
        let request = ScanRequest(
            strategies: strategies?.names, minProfit: minProfit, maxHops: maxHops, block: rpc.block,
            statePath: state, saveStatePath: saveState, gasPrice: gasPrice, record: !noRecord)
        let progress: @Sendable (String) -> Void = { Diagnostics.shared.info($0) }
        let renderer = Renderer(display: display)
        guard watch else {
            let result = try await ScanService.run(request, config: loaded.config, progress: progress)
            for n in result.notes { Diagnostics.shared.warning(n) }
            try renderer.emit(ScanReport(result: result))
            return
        }
        let config = loaded.config
        let task = Task {
            try await ScanService.watch(request, config: config, progress: progress) { result in
                try renderer.emit(ScanReport(result: result))
            }
        }
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { task.cancel() }
        interrupt.resume()
        defer { interrupt.cancel() }
        try await task.value
    }
}
