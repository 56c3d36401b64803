import ArgumentParser
import Chain
import DeFiCore
import Execution
import Foundation
import Protocols

/// `defi liquidate`: find and liquidate unhealthy lending positions.
struct Liquidate: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find unhealthy lending positions and liquidate the profitable ones.",
        discussion: """
            Exits 0 when every liquidation attempted succeeded, 8 when there was nothing to do, 6 when some \
            succeeded and others failed, 1 when all failed, 5 when another run holds the lock.
            """)

    @Option(name: .customLong("protocol"), help: "Which lending protocols to watch.")
    var lendingProtocol: LendingProtocolChoice = .all

    @Flag(help: "Find and simulate, but do not send.")
    var dryRun = false

    @Option(help: "Stop after this many liquidations.")
    var maxLiquidations: Int?

    @Option(help: ArgumentHelp("Start no new liquidation this many seconds after the run began.",
                               valueName: "seconds"))
    var deadline: Int?

    @Option(help: ArgumentHelp("Minimum net profit per liquidation (10usd, 0.01ether).", valueName: "amount"))
    var minProfit: String?

    /// Benchmarks only: one `getUserAccountData` call per position instead of Multicall batches.
    @Flag(help: .hidden)
    var perPositionHealthChecks = false

    /// Benchmarks on a slow node only: seconds allowed for one HTTP exchange (default 10).
    @Option(help: .hidden)
    var rpcCallTimeout: Int?

    @OptionGroup var signer: SignerOptions
    @OptionGroup var rpc: RPCOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let loaded = try ConfigLoader.load(configOptions.request(rpc: rpc))
        let protocols: [LendingProtocol] =
            switch lendingProtocol {
            case .aave: [.aaveV3]
            case .compound: [.compoundV3]
            case .maker: [.maker]
            case .all: [.aaveV3, .compoundV3, .maker]
            }
        let key = dryRun ? nil : try signer.privateKey()
        let request = LiquidationRequest(
            protocols: protocols, explicit: lendingProtocol != .all, dryRun: dryRun, maxLiquidations: maxLiquidations,
            deadline: deadline.map { Date().addingTimeInterval(TimeInterval($0)) }, minProfit: minProfit,
            historyPath: try configOptions.historyPath(),
            signer: key.map { LocalSigner(key: $0, source: "defi liquidate") },
            batchedHealthChecks: !perPositionHealthChecks, rpcCallTimeout: rpcCallTimeout.map { .seconds($0) },
            checkpoint: CrashHook.fromEnvironment())
        let summary = try await LiquidationSweep.run(request, config: loaded.config)
        for w in summary.warnings { Diagnostics.shared.warning(w) }
        try Renderer(display: display).emit(LiquidateReport(summary: summary, names: TokenNames(config: loaded.config)))
        let code = LiquidateReport.exitCode(summary.outcome)
        if code != .success { throw ArgumentParser.ExitCode(code.rawValue) }
    }
}

extension LiquidationError: DefiError {
    public var code: String {
        switch self {
        case .lockHeld: "lock_held"
        case .usage: "usage"
        case .rpc: "network"
        case .failure: "failure"
        }
    }
    public var message: String { description }
}
