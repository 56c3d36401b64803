import ArgumentParser
import Chain
import DeFiCore
import Execution
import Primitives

/// `defi register-strategy`: register, deploy, list or remove on-chain strategy contracts.
struct RegisterStrategy: AsyncParsableCommand, DisplayingCommand {
    static let configuration = CommandConfiguration(
        abstract: "Register a strategy contract, deploy one from an artifact, or list and remove them.",
        discussion: """
            Registers keccak256(<name>) -> <address> on the executor (registerStrategy, owner only), after pointing \
            the strategy at the executor (setExecutor) when it has that function. Every owner transaction is \
            simulated first (a revert or a signer that is not the owner exits 4 and sends nothing) and journaled \
            before broadcast; the result is recorded in the history store. The executor comes from --executor or \
            defi.execution.flash_loan.contract_address.
            """)

    @Argument(help: "The strategy name (its id on the executor is keccak256 of it).")
    var name: String?

    @Argument(help: "The deployed contract address.")
    var address: String?

    @Option(
        help: ArgumentHelp("Deploy from a compiled artifact (abi + bytecode JSON).", valueName: "artifact"),
        completion: .file(extensions: ["json"]))
    var deploy: String?

    @Flag(help: "List registered strategies.")
    var list = false

    @Flag(help: "Remove the named strategy.")
    var remove = false

    @Option(
        help: ArgumentHelp(
            "The executor (FlashLoans) address; falls back to defi.execution.flash_loan.contract_address.",
            valueName: "address"))
    var executor: String?

    @Flag(help: "Simulate every owner transaction; send nothing and record nothing.")
    var dryRun = false

    @OptionGroup var signer: SignerOptions
    @OptionGroup var rpc: RPCOptions
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var display: DisplayOptions

    func validate() throws {
        if list && remove { throw ValidationError("--list and --remove exclude each other") }
        if list && (address != nil || deploy != nil) { throw ValidationError("--list takes no address or --deploy") }
        if remove && (address != nil || deploy != nil) { throw ValidationError("--remove takes only the name") }
        if !list && name == nil { throw ValidationError("missing the strategy name") }
        if !list && !remove && (address == nil) == (deploy == nil) {
            throw ValidationError("give either the strategy address or --deploy <artifact>")
        }
    }

    func run() async throws {
        let loaded = try ConfigLoader.load(configOptions.request(rpc: rpc))
        let exec = try StrategyRegistryCLI.executor(executor, config: loaded.config)
        let needsKey = !list
        let key: (any Signer)? = needsKey ? LocalSigner(key: try signer.privateKey(), source: "signer") : nil
        let context = try await RegistryContext.make(config: loaded.config, signer: key, dryRun: dryRun)
        let report: RegistryReport
        if list {
            report = try await StrategyRegistryService.listReport(
                executor: exec, context: context, names: name.map { [$0] } ?? [])
        } else if remove, let name {
            report = try await StrategyRegistryService.remove(name: name, executor: exec, context: context)
        } else if let name {
            let artifact = try deploy.map { p throws(RegistryError) in try ContractArtifact.load(path: p) }
            let target = try address.map { a throws(UtilityError) in try WalletUtility.checksum(a) }
            report = try await StrategyRegistryService.register(
                name: name, address: target, artifact: artifact, executor: exec, context: context)
        } else {
            throw ValidationError("missing the strategy name")
        }
        if dryRun { Diagnostics.shared.info("dry run: nothing was sent or recorded") }
        try Renderer(display: display).emit(RegistryReportView(report: report))
    }
}

/// Shared option handling of the registry commands.
enum StrategyRegistryCLI {
    /// `--executor`, else `defi.execution.flash_loan.contract_address`.
    static func executor(_ flag: String?, config: DefiConfig) throws -> Address {
        if let flag { return try WalletUtility.checksum(flag) }
        guard let configured = config.flashLoan.contractAddress else {
            throw RegistryError.usage(
                "no executor address", hint: "pass --executor or set defi.execution.flash_loan.contract_address")
        }
        return try WalletUtility.checksum(configured)
    }
}
