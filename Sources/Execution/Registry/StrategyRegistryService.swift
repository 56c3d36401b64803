import Chain
import DeFiCore
import Foundation
import History
import Primitives

/// What every registry action needs: the node, the chain, the history store, and (for owner transactions) the
/// signer and its sender.
public struct RegistryContext: Sendable {
    /// The node.
    public var client: RPCClient
    /// The chain id (from the node).
    public var chainID: UInt64
    /// The history store (journal and strategy records).
    public var history: HistoryStore
    /// The owner key's signer, for actions that send.
    public var signer: (any Signer)?
    /// Simulate every owner transaction but send none and record nothing.
    public var dryRun: Bool
    /// Confirmations to wait for.
    public var confirmations: UInt64
    /// How long to wait for each receipt.
    public var receiptTimeout: Duration
    /// Receipt polling interval.
    public var pollInterval: Duration
    /// The highest gas price (wei) an owner transaction may pay (`execution.flash_loan.max_gas_price_gwei`).
    public var maxGasPrice: U256?

    /// A context value.
    public init(
        client: RPCClient, chainID: UInt64, history: HistoryStore, signer: (any Signer)?, dryRun: Bool,
        confirmations: UInt64 = 1, receiptTimeout: Duration = .seconds(120),
        pollInterval: Duration = .milliseconds(500), maxGasPrice: U256? = nil
    ) {
        self.maxGasPrice = maxGasPrice
        self.client = client
        self.chainID = chainID
        self.history = history
        self.signer = signer
        self.dryRun = dryRun
        self.confirmations = confirmations
        self.receiptTimeout = receiptTimeout
        self.pollInterval = pollInterval
    }

    /// Builds the node client from the config (`rpc_url`, else the chain's `rpc_urls`), reads the chain id and
    /// opens the history store at `defi.history.db`.
    public static func make(config: DefiConfig, signer: (any Signer)?, dryRun: Bool) async throws(RegistryError)
        -> RegistryContext
    {
        let urls = config.rpcEndpoints
        guard !urls.isEmpty else { throw .usage("no rpc endpoint configured (set ETH_RPC_URL or pass --rpc-url)") }
        let client: RPCClient
        let chainID: UInt64
        do {
            client = try RPCClient(urls: urls, configuration: config.rpcConfiguration())
            chainID = try await client.chainID()
        } catch { throw .rpc(error) }
        guard let path = config.historyDB else { throw .usage("no history store path (defi.history.db)") }
        let history: HistoryStore
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            history = try HistoryStore(path: path)
        } catch { throw .history("cannot open the history store \(path): \(error)") }
        let cap = try? Units.parse(config.flashLoan.maxGasPriceGwei.description, decimals: 9)
        return RegistryContext(
            client: client, chainID: chainID, history: history, signer: signer, dryRun: dryRun,
            maxGasPrice: cap)
    }
}

/// One owner transaction (or deployment) of a registry action.
public struct RegistryStep: Sendable, Equatable {
    /// What it does: `deploy Arbitrage`, `setExecutor`, `registerStrategy`, `removeStrategy`.
    public var action: String
    /// The contract called (nil for a deployment).
    public var to: Address?
    /// The contract deployed, or the strategy concerned.
    public var contract: Address?
    /// `simulated` (dry run), `included`, or `skipped` (already in the wanted state).
    public var status: String
    /// The transaction hash when sent.
    public var txHash: Hash32?
    /// Gas used (from the receipt) or estimated (dry run).
    public var gas: UInt64?
    /// Why it was skipped, or what a dry run could not simulate.
    public var note: String?
    /// A simulated deployment's runtime code (dry runs simulate later steps against it).
    var runtime: [UInt8]? = nil
}

/// One strategy as the executor and the history store see it.
public struct RegistryEntry: Sendable, Equatable {
    /// The name, when history (or the caller) knows it.
    public var name: String?
    /// keccak256(name).
    public var id: Hash32
    /// The address the executor runs for `id` now (nil: none).
    public var onChain: Address?
    /// The address recorded in history, if any.
    public var recorded: String?
    /// Whether the history record is active.
    public var recordedActive: Bool?
    /// The last block with a registry event for `id`.
    public var lastEventBlock: UInt64?

    /// `registered`, `removed`, `not in history`, `history only`, `differs`.
    public var status: String {
        switch (onChain, recorded) {
        case (let a?, let r?):
            if recordedActive == true, r.lowercased() == a.lowercaseHex { return "registered" }
            return recordedActive == true ? "differs" : "not in history"
        case (_?, nil): return "not in history"
        case (nil, _?): return recordedActive == true ? "history only" : "removed"
        case (nil, nil): return "removed"
        }
    }
}

/// What a registry command did or found.
public struct RegistryReport: Sendable, Equatable {
    /// `register`, `remove`, `list`, `deploy-executor`.
    public var action: String
    /// The executor.
    public var executor: Address
    /// The chain.
    public var chainID: UInt64
    /// Whether nothing was sent.
    public var dryRun: Bool
    /// The owner transactions, in order.
    public var steps: [RegistryStep]
    /// The registry (for `list`, and after register/remove/deploy).
    public var entries: [RegistryEntry]
    /// Deployed contracts by name (deploy).
    public var deployed: [String: Address]
    /// The config file written, when asked.
    public var configWritten: String?
}

/// `defi register-strategy` and `defi deploy executor`: owner transactions on the executor's registry, each
/// simulated first and sent through `TransactionSender` (journaled before broadcast), recorded in history.
public enum StrategyRegistryService {
    /// Names whose ids `list` recognises without a history record: the project's strategy contracts.
    public static let wellKnownNames = ["Arbitrage", "Liquidator"]

    // MARK: reads

    /// The executor's owner.
    public static func owner(of contract: Address, client: RPCClient) async throws(RegistryError) -> Address? {
        let out: CallOutcome
        do { out = try await client.call(CallRequest(to: contract, data: RegistryCalls.owner)) } catch {
            throw .rpc(error)
        }
        guard case .success(let w) = out else { return nil }
        return RegistryCalls.address(word: w)
    }

    /// The strategy registered for `id` (nil when none).
    public static func strategy(_ id: Hash32, executor: Address, client: RPCClient) async throws(RegistryError)
        -> Address?
    {
        let out: CallOutcome
        do { out = try await client.call(CallRequest(to: executor, data: RegistryCalls.strategies(id))) } catch {
            throw .rpc(error)
        }
        guard case .success(let w) = out, let a = RegistryCalls.address(word: w) else {
            throw .usage("\(executor) does not answer strategies(bytes32); is it the FlashLoans executor?")
        }
        return a.isZero ? nil : a
    }

    /// The registry: every id that appeared in a StrategyRegistered/StrategyRemoved event of the executor, with
    /// its current on-chain strategy, next to the history store's records for this chain and executor.
    public static func list(executor: Address, context: RegistryContext, names: [String] = [])
        async throws(RegistryError)
        -> [RegistryEntry]
    {
        let client = context.client
        try await requireCode(executor, client: client, what: "executor")
        let head: UInt64
        let logs: [Log]
        do {
            head = try await client.blockNumber()
            let filter = LogFilter(
                addresses: [executor], topics: [[RegistryCalls.registeredTopic, RegistryCalls.removedTopic]])
            logs = try await LogFetcher().fetch(filter, from: 0, to: head, source: client).logs
        } catch { throw .rpc(error) }
        var lastBlock: [Hash32: UInt64] = [:]
        var order: [Hash32] = []
        for l in logs where l.topics.count >= 2 {
            if lastBlock[l.topics[1]] == nil { order.append(l.topics[1]) }
            lastBlock[l.topics[1]] = l.blockNumber ?? 0
        }
        let records: [StrategyRecord]
        do { records = try context.history.listStrategies(chainID: context.chainID) } catch {
            throw .history(error.description)
        }
        let mine = records.filter { $0.executor.lowercased() == executor.lowercaseHex }
        var nameOf: [Hash32: String] = [:]
        for n in wellKnownNames + names + mine.map(\.name) { nameOf[RegistryCalls.strategyID(n)] = n }
        for r in mine where lastBlock[RegistryCalls.strategyID(r.name)] == nil {
            order.append(RegistryCalls.strategyID(r.name))
        }
        var out: [RegistryEntry] = []
        for id in order {
            let record = mine.first { RegistryCalls.strategyID($0.name) == id }
            out.append(
                RegistryEntry(
                    name: nameOf[id], id: id, onChain: try await strategy(id, executor: executor, client: client),
                    recorded: record?.address, recordedActive: record?.active, lastEventBlock: lastBlock[id]))
        }
        return out
    }

    /// `list` as a report.
    public static func listReport(executor: Address, context: RegistryContext, names: [String] = [])
        async throws(RegistryError) -> RegistryReport
    {
        RegistryReport(
            action: "list", executor: executor, chainID: context.chainID, dryRun: false, steps: [],
            entries: try await list(executor: executor, context: context, names: names), deployed: [:],
            configWritten: nil)
    }

    // MARK: actions

    /// Registers `name` → `address` (deploying it from `artifact` first when given) on `executor`: points the
    /// strategy at the executor when it has `setExecutor`, then `registerStrategy(keccak256(name), address)`;
    /// records it in history.
    public static func register(
        name: String, address given: Address?, artifact: ContractArtifact?, executor: Address,
        context: RegistryContext
    ) async throws(RegistryError) -> RegistryReport {
        guard !name.isEmpty else { throw .usage("the strategy name is empty") }
        let signer = try requireOwner(of: executor, context: context)
        try await checkOwner(executor, signer: signer, context: context)
        var steps: [RegistryStep] = []
        var deployed: [String: Address] = [:]
        var address: Address
        var pending: [Address: AccountOverride] = [:]
        if let artifact {
            let (a, step) = try await deploy(artifact, context: context, signer: signer)
            steps.append(step)
            address = a
            deployed[artifact.name] = a
            // A dry run simulates the registration against the would-be contract's runtime code.
            if context.dryRun, let runtime = step.runtime { pending[a] = AccountOverride(code: runtime) }
        } else if let given {
            address = given
            try await requireCode(address, client: context.client, what: "strategy")
        } else {
            throw .usage("give the strategy address or --deploy <artifact>")
        }
        if let step = try await pointAtExecutor(
            address, executor: executor, artifact: artifact, context: context,
            signer: signer)
        {
            steps.append(step)
        }
        let id = RegistryCalls.strategyID(name)
        let current =
            context.dryRun && artifact != nil ? nil : try await strategy(id, executor: executor, client: context.client)
        if current == address {
            steps.append(
                RegistryStep(
                    action: "registerStrategy", to: executor, contract: address, status: "skipped",
                    note: "already registered"))
        } else {
            steps.append(
                try await ownerTransaction(
                    "registerStrategy", to: executor, data: RegistryCalls.registerStrategy(id: id, strategy: address),
                    contract: address, key: "register:\(executor.lowercaseHex):\(id):\(address.lowercaseHex)",
                    context: context, signer: signer, overrides: pending))
        }
        let txHash = steps.last?.txHash
        if !context.dryRun {
            do {
                try context.history.upsertStrategy(
                    StrategyRecord(
                        name: name, chainID: context.chainID, address: address.checksummed,
                        executor: executor.checksummed, registeredAt: Date(), txHash: txHash?.description,
                        active: true))
            } catch { throw .history(error.description) }
        }
        let entries = context.dryRun ? [] : try await list(executor: executor, context: context, names: [name])
        return RegistryReport(
            action: "register", executor: executor, chainID: context.chainID, dryRun: context.dryRun,
            steps: steps, entries: entries, deployed: deployed, configWritten: nil)
    }

    /// `removeStrategy(keccak256(name))` on `executor`; marks the history record inactive.
    public static func remove(name: String, executor: Address, context: RegistryContext) async throws(RegistryError)
        -> RegistryReport
    {
        let signer = try requireOwner(of: executor, context: context)
        try await checkOwner(executor, signer: signer, context: context)
        let id = RegistryCalls.strategyID(name)
        let current = try await strategy(id, executor: executor, client: context.client)
        guard let current else {
            throw .refused("no strategy \(name) (id \(id)) is registered on \(executor); nothing was sent")
        }
        let step = try await ownerTransaction(
            "removeStrategy", to: executor, data: RegistryCalls.removeStrategy(id: id), contract: current,
            key: "remove:\(executor.lowercaseHex):\(id):\(current.lowercaseHex)", context: context, signer: signer)
        if !context.dryRun {
            do { try context.history.deactivateStrategy(name: name, chainID: context.chainID) } catch {
                if case .notFound = error {} else { throw .history(error.description) }
            }
        }
        let entries = context.dryRun ? [] : try await list(executor: executor, context: context, names: [name])
        return RegistryReport(
            action: "remove", executor: executor, chainID: context.chainID, dryRun: context.dryRun,
            steps: [step], entries: entries, deployed: [:], configWritten: nil)
    }

    /// Deploys FlashLoans, Arbitrage and Liquidator from `artifactsDir` (`<Name>.json`), points both strategies at
    /// the executor and registers them as `Arbitrage` and `Liquidator`; writes the executor address into
    /// `configFile` (`defi.execution.flash_loan.contract_address`) only when one is given.
    public static func deployExecutor(artifactsDir: String, configFile: String?, context: RegistryContext)
        async throws(RegistryError) -> RegistryReport
    {
        try await deployExecutor(
            artifacts: ExecutorArtifacts.load(directory: artifactsDir), configFile: configFile, context: context)
    }

    /// Deploys already loaded executor artifacts (see ``ExecutorArtifacts/load(directory:)``, which a command runs
    /// before it touches the node so a bad folder is a usage error with no network).
    public static func deployExecutor(artifacts: ExecutorArtifacts, configFile: String?, context: RegistryContext)
        async throws(RegistryError) -> RegistryReport
    {
        guard let signer = context.signer else {
            throw .usage("deploying needs a signer (--keystore, --private-key-file or DEFI_PRIVATE_KEY)")
        }
        let executorArtifact = artifacts.executor
        let strategies = artifacts.strategies
        var steps: [RegistryStep] = []
        var deployed: [String: Address] = [:]
        let (executor, step) = try await deploy(executorArtifact, context: context, signer: signer)
        steps.append(step)
        deployed["FlashLoans"] = executor
        for artifact in strategies {
            let (address, d) = try await deploy(artifact, context: context, signer: signer)
            steps.append(d)
            deployed[artifact.name] = address
            if context.dryRun {
                for action in ["setExecutor", "registerStrategy"] {
                    steps.append(
                        RegistryStep(
                            action: action, to: action == "setExecutor" ? address : executor,
                            contract: action == "setExecutor" ? executor : address,
                            status: "planned", note: "needs the deployed contracts"))
                }
            } else {
                if let s = try await pointAtExecutor(
                    address, executor: executor, artifact: artifact, context: context,
                    signer: signer)
                {
                    steps.append(s)
                }
                let id = RegistryCalls.strategyID(artifact.name)
                let reg = try await ownerTransaction(
                    "registerStrategy", to: executor, data: RegistryCalls.registerStrategy(id: id, strategy: address),
                    contract: address, key: "register:\(executor.lowercaseHex):\(id):\(address.lowercaseHex)",
                    context: context, signer: signer)
                steps.append(reg)
                do {
                    try context.history.upsertStrategy(
                        StrategyRecord(
                            name: artifact.name, chainID: context.chainID, address: address.checksummed,
                            executor: executor.checksummed, registeredAt: Date(),
                            txHash: reg.txHash?.description, active: true))
                } catch { throw .history(error.description) }
            }
        }
        var written: String?
        if let configFile, !context.dryRun {
            try ConfigFileWriter.setExecutor(executor, in: configFile)
            written = configFile
        }
        let entries = context.dryRun ? [] : try await list(executor: executor, context: context)
        return RegistryReport(
            action: "deploy-executor", executor: executor, chainID: context.chainID,
            dryRun: context.dryRun, steps: steps, entries: entries, deployed: deployed,
            configWritten: written)
    }

    // MARK: steps

    static func requireOwner(of executor: Address, context: RegistryContext) throws(RegistryError) -> any Signer {
        guard let signer = context.signer else {
            throw .usage(
                "registering needs the executor owner's key (--keystore, --private-key-file or DEFI_PRIVATE_KEY)")
        }
        return signer
    }

    static func checkOwner(_ executor: Address, signer: any Signer, context: RegistryContext)
        async throws(RegistryError)
    {
        try await requireCode(executor, client: context.client, what: "executor")
        guard let owner = try await owner(of: executor, client: context.client) else {
            throw .usage("\(executor) has no owner(); is it the FlashLoans executor?")
        }
        guard owner == signer.address else {
            throw .refused(
                "the signer \(signer.address) is not the owner of the executor \(executor) (owner \(owner)); nothing was sent"
            )
        }
    }

    static func requireCode(_ a: Address, client: RPCClient, what: String) async throws(RegistryError) {
        let code: [UInt8]
        do { code = try await client.code(at: a) } catch { throw .rpc(error) }
        guard !code.isEmpty else { throw .usage("no contract at the \(what) address \(a)") }
    }

    /// `setExecutor(executor)` when the strategy has it (from its artifact, or an `executor()` view) and is not
    /// already pointed there.
    static func pointAtExecutor(
        _ strategy: Address, executor: Address, artifact: ContractArtifact?,
        context: RegistryContext, signer: any Signer
    ) async throws(RegistryError) -> RegistryStep? {
        if let artifact, !artifact.has("setExecutor") { return nil }
        if context.dryRun && artifact != nil {
            return RegistryStep(
                action: "setExecutor", to: strategy, contract: executor, status: "planned",
                note: "needs the deployed contract")
        }
        let out: CallOutcome
        do { out = try await context.client.call(CallRequest(to: strategy, data: RegistryCalls.executor)) } catch {
            throw .rpc(error)
        }
        guard case .success(let w) = out, let current = RegistryCalls.address(word: w) else { return nil }
        if current == executor {
            return RegistryStep(
                action: "setExecutor", to: strategy, contract: executor, status: "skipped",
                note: "already pointed at the executor")
        }
        return try await ownerTransaction(
            "setExecutor", to: strategy, data: RegistryCalls.setExecutor(executor), contract: executor,
            key: "set-executor:\(strategy.lowercaseHex):\(executor.lowercaseHex)", context: context, signer: signer)
    }

    static func deploy(_ artifact: ContractArtifact, context: RegistryContext, signer: any Signer)
        async throws(RegistryError)
        -> (Address, RegistryStep)
    {
        guard !artifact.constructorTakesArguments else {
            throw .usage(
                "\(artifact.name)'s constructor takes arguments; deploy it with another tool and register the address")
        }
        let client = context.client
        let nonce: UInt64
        let sim: CallOutcome
        let gas: GasEstimate
        do {
            nonce = try await client.transactionCount(of: signer.address, at: .pending)
            sim = try await client.call(CallRequest(from: signer.address, to: nil, data: artifact.bytecode))
            gas = try await client.estimateGas(CallRequest(from: signer.address, to: nil, data: artifact.bytecode))
        } catch { throw .rpc(error) }
        guard case .success(let runtime) = sim, !runtime.isEmpty, case .gas(let g) = gas else {
            throw .refused("deploying \(artifact.name) would fail in simulation (\(sim)); nothing was sent")
        }
        let predicted = Address.create(sender: signer.address, nonce: nonce)
        if context.dryRun {
            return (
                predicted,
                RegistryStep(
                    action: "deploy \(artifact.name)", to: nil, contract: predicted,
                    status: "simulated", gas: g, runtime: runtime)
            )
        }
        let key =
            "deploy:\(context.chainID):\(artifact.name):\(Keccak256.hash(artifact.bytecode)):\(signer.address.lowercaseHex):\(nonce)"
        let outcome = try await send(
            TxIntent(key: key, to: nil, data: artifact.bytecode, gasLimit: g + g / 5),
            context: context, signer: signer)
        guard let receipt = outcome.receipt, receipt.succeeded, let address = receipt.contractAddress else {
            throw RegistryError(
                code: "registry.deploy_failed", exitCode: .failure,
                message: "deploying \(artifact.name) failed in \(outcome.hash)")
        }
        return (
            address,
            RegistryStep(
                action: "deploy \(artifact.name)", to: nil, contract: address, status: "included",
                txHash: outcome.hash, gas: receipt.gasUsed)
        )
    }

    /// Simulates `data` to `to` from the signer (a revert refuses, exit 4, nothing sent), then sends it once.
    static func ownerTransaction(
        _ action: String, to: Address, data: [UInt8], contract: Address?, key: String,
        context: RegistryContext, signer: any Signer,
        overrides: [Address: AccountOverride] = [:]
    ) async throws(RegistryError) -> RegistryStep {
        let request = CallRequest(from: signer.address, to: to, data: data)
        let sim: CallOutcome
        let gas: GasEstimate
        let nonce: UInt64
        do {
            sim = try await context.client.call(request, overrides: overrides)
            gas = try await context.client.estimateGas(request, overrides: overrides)
            nonce = try await context.client.transactionCount(of: signer.address, at: .pending)
        } catch { throw .rpc(error) }
        if case .revert(let reason, _) = sim {
            throw .refused("\(action) would revert: \(reason); nothing was sent")
        }
        guard case .gas(let g) = gas else {
            throw .refused("\(action) would revert in gas estimation; nothing was sent")
        }
        if context.dryRun {
            return RegistryStep(action: action, to: to, contract: contract, status: "simulated", gas: g)
        }
        let outcome = try await send(
            TxIntent(key: "\(key):\(context.chainID):\(nonce)", to: to, data: data, gasLimit: g + g / 5),
            context: context, signer: signer)
        guard let receipt = outcome.receipt, receipt.succeeded else {
            throw RegistryError(
                code: "registry.tx_failed", exitCode: .failure,
                message: "\(action) was mined but reverted in \(outcome.hash)")
        }
        return RegistryStep(
            action: action, to: to, contract: contract, status: "included", txHash: outcome.hash,
            gas: receipt.gasUsed)
    }

    static func send(_ intent: TxIntent, context: RegistryContext, signer: any Signer) async throws(RegistryError)
        -> TxOutcome
    {
        let sender = TransactionSender(
            client: context.client, signer: signer, journal: HistoryJournal(store: context.history),
            chainID: context.chainID, fees: FeeOracle(maxGasPrice: context.maxGasPrice),
            confirmations: context.confirmations, receiptTimeout: context.receiptTimeout,
            pollInterval: context.pollInterval)
        do { return try await sender.send(intent) } catch { throw .send(error) }
    }
}
