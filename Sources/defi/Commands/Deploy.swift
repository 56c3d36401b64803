import ArgumentParser
import Chain
import DeFiCore
import Execution

/// `defi deploy`: put the project's contracts on a chain.
struct DeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy", abstract: "Deploy the project's contracts.", subcommands: [DeployExecutor.self])
}

/// `defi deploy executor`: FlashLoans, Arbitrage and Liquidator from compiled artifacts, wired and registered.
struct DeployExecutor: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        commandName: "executor",
        abstract: "Deploy the executor (FlashLoans) and the Arbitrage and Liquidator strategies, wired and registered.",
        discussion: """
            Deploys <artifacts>/FlashLoans.json, Arbitrage.json and Liquidator.json (constructor-less Vyper \
            artifacts with abi and bytecode), points each strategy at the executor (setExecutor) and registers it \
            as keccak256("Arbitrage") / keccak256("Liquidator"). The signer becomes the owner of all three. Every \
            transaction is simulated first and journaled before broadcast; --dry-run simulates the deployments only. \
            The executor address is written into a config file only with --write-config.
            """)

    @Option(
        help: ArgumentHelp("The folder with the compiled artifacts.", valueName: "dir"),
        completion: .directory)
    var artifacts = "contracts/build"

    @Option(
        help: ArgumentHelp(
            "Write defi.execution.flash_loan.contract_address into this config file (created if absent; comments are not kept).",
            valueName: "path"), completion: .file(extensions: ["yaml", "yml"]))
    var writeConfig: String?

    @Flag(help: "Simulate the deployments; send nothing and record nothing.")
    var dryRun = false

    @OptionGroup var signer: SignerOptions
    @OptionGroup var rpc: RPCOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let loaded = try ConfigLoader.load(configOptions.request(rpc: rpc))
        let key = LocalSigner(key: try signer.privateKey(), source: "signer")
        let contracts = try ExecutorArtifacts.load(directory: artifacts)  // local input before any RPC
        let context = try await RegistryContext.make(config: loaded.config, signer: key, dryRun: dryRun)
        let report = try await StrategyRegistryService.deployExecutor(
            artifacts: contracts, configFile: writeConfig, context: context)
        if let written = report.configWritten { Diagnostics.shared.info("wrote the executor address into \(written)") }
        if dryRun { Diagnostics.shared.info("dry run: nothing was sent or recorded") }
        try Renderer(display: display).emit(RegistryReportView(report: report))
    }
}
