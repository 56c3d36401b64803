// `defi simulate` and `defi execute` as library calls: resolve the target (opportunity id, plan file, raw or
// unsigned transaction), re-read the route's pools at a fresh pinned block and re-size it (scan's RoutePricer),
// let the engines fund it, simulate every candidate exactly, apply the risk caps, and hand the chosen plan to
// PlanRunner.
import Chain
import DeFiCore
import Foundation
import History
import Primitives
import Protocols
import Strategies
import Validation

/// What `simulate` / `execute` act on.
public enum ExecutionTarget: Sendable, Equatable {
    /// An opportunity recorded by `defi scan` (`opp_…`).
    case opportunity(String)
    /// A plan file (`defi.plan/1`).
    case planFile(String)
    /// A raw signed or unsigned transaction (0x hex; simulate only).
    case transaction([UInt8])

    /// `opp_…` → opportunity, `0x…` → transaction, anything else a plan file path (read and validated now).
    public static func parse(_ text: String) throws(ExecutionError) -> ExecutionTarget {
        if text.hasPrefix("opp_") { return .opportunity(text) }
        if text.hasPrefix("0x") {
            guard let bytes = try? Hex.decode(text), !bytes.isEmpty else {
                throw .usage("\(text.prefix(20))… is not hex transaction bytes")
            }
            // Decoded again when simulated; checked here so garbled bytes never wait on the node.
            guard (try? SignedTransaction.decode(bytes)) != nil || UnsignedCall(payload: bytes) != nil else {
                throw .usage("not an RLP transaction (legacy, 2930 or 1559, signed or unsigned)")
            }
            return .transaction(bytes)
        }
        _ = try ExecutionService.loadPlan(text)  // refuse a bad plan before any network access
        return .planFile(text)
    }
}

/// The options of one `simulate` / `execute` run.
public struct ExecutionRequest: Sendable {
    /// The target.
    public var target: ExecutionTarget
    /// Which engines fund a route.
    public var engine: EngineChoice
    /// The block to simulate at (default: latest, pinned once).
    public var block: BlockRef
    /// State overrides for the simulation (`--state-override`).
    public var overrides: [Address: AccountOverride]
    /// Stop after the simulation and the caps.
    public var dryRun: Bool
    /// Send as a private bundle (not in this build).
    public var privateSend: Bool
    /// Blocks to wait after inclusion.
    public var confirmations: UInt64
    /// Seconds to wait for inclusion.
    public var deadlineSeconds: Int
    /// The sender when no signer is given (simulate): default the executor's owner.
    public var from: Address?

    /// A request value.
    public init(
        target: ExecutionTarget, engine: EngineChoice = .auto, block: BlockRef = .latest,
        overrides: [Address: AccountOverride] = [:], dryRun: Bool = false, privateSend: Bool = false,
        confirmations: UInt64 = 1, deadlineSeconds: Int = 120, from: Address? = nil
    ) {
        self.target = target
        self.engine = engine
        self.block = block
        self.overrides = overrides
        self.dryRun = dryRun
        self.privateSend = privateSend
        self.confirmations = confirmations
        self.deadlineSeconds = deadlineSeconds
        self.from = from
    }
}

/// One funding option and what its simulation said.
public struct CandidateReport: Sendable {
    /// The candidate.
    public var candidate: EngineCandidate
    /// Its simulation (nil when it could not be simulated).
    public var simulation: PlanSimulation?
    /// Why it was not chosen or could not run.
    public var note: String?
}

/// The result of a simulate run.
public struct SimulationResult: Sendable {
    /// What was simulated.
    public var target: ExecutionTarget
    /// The plan simulation (plans and opportunities).
    public var plan: PlanSimulation?
    /// The raw simulation (raw transactions).
    public var raw: Simulation?
    /// The raw transaction's sender, target, and gas price used for its cost.
    public var rawFrom: Address?
    /// Every funding option considered (opportunities).
    public var candidates: [CandidateReport]
    /// Options the engines could not offer, with the reason.
    public var skipped: [String]
    /// The re-priced route (opportunities).
    public var route: Route?

    /// Whether the target succeeds and pays.
    public var profitable: Bool {
        if let plan { return plan.profitable }
        return raw?.succeeded ?? false
    }
}

/// The configured pieces every run needs.
public struct ExecutionSetup: Sendable {
    /// The loaded config.
    public var config: DefiConfig
    /// The node.
    public var client: RPCClient
    /// Its chain id.
    public var chainID: UInt64
    /// The history store.
    public var history: HistoryStore
    /// The executor (execution.flash_loan.contract_address).
    public var executor: Address?
    /// WETH (the `WETH` token of the config), if configured.
    public var wrappedNative: Address?
    /// The Aave V3 Pool (protocols.aave_v3.pool), if configured.
    public var aavePool: Address?
    /// The Balancer Vault of a `balancer` venue, if configured.
    public var balancerVault: Address?
    /// The caps.
    public var limits: RiskLimits

    /// Reads the config's addresses, connects, and opens the history store at `historyPath`.
    public init(config: DefiConfig, historyPath: String) async throws(ExecutionError) {
        self.config = config
        let urls = config.rpcEndpoints
        guard !urls.isEmpty else {
            throw .usage("no RPC endpoint: set ETH_RPC_URL, pass --rpc-url or configure defi.rpc_url")
        }
        do { client = try RPCClient(urls: urls, configuration: config.rpcConfiguration()) } catch {
            throw .from(error)
        }
        do { chainID = try await client.chainID() } catch { throw .from(error) }
        do { history = try HistoryStore(path: historyPath) } catch { throw .from(error) }
        executor = config.flashLoan.contractAddress.flatMap { try? Address(parsing: $0) }
        wrappedNative = config.tokens["WETH"].flatMap { try? Address(parsing: $0.address) }
        aavePool = config.protocols["aave_v3"]?.addresses["pool"].flatMap { try? Address(parsing: $0) }
        balancerVault = config.venues.values.first { $0.kind == .balancer }?.vault.flatMap { try? Address(parsing: $0) }
        limits = RiskLimits(config: config)
    }

    /// The fee oracle with the configured gas price cap.
    public var fees: FeeOracle { FeeOracle(maxGasPrice: limits.maxGasPriceWei == .max ? nil : limits.maxGasPriceWei) }

    /// The snapshot tokens of `addresses` from the config (symbol, decimals); unknown tokens get 18 decimals.
    func tokens(_ addresses: [Address]) -> [SnapshotToken] {
        addresses.map { a in
            if let (sym, t) = config.tokens.first(where: { (try? Address(parsing: $0.value.address)) == a }) {
                return SnapshotToken(address: a, symbol: t.symbol ?? sym, decimals: t.decimals)
            }
            return SnapshotToken(address: a, symbol: a.checksummed, decimals: 18)
        }
    }
}

/// The simulate and execute services.
public enum ExecutionService {
    /// The realised-P&L valuation `execute` records with every receipt: AaveOracle prices at the inclusion block,
    /// in USD or in `defi.pnl.quote`'s token; ether is valued as the wrapped native token. nil without an oracle.
    static func pnlValuation(setup: ExecutionSetup)
        -> (@Sendable (UInt64, [Address]) async throws -> QuoteValuation)?
    {
        pnlValuation(config: setup.config, client: setup.client, wrappedNative: setup.wrappedNative)
    }

    /// The same valuation from its parts (the liquidation sweep has no `ExecutionSetup`).
    static func pnlValuation(config: DefiConfig, client: RPCClient, wrappedNative: Address?)
        -> (@Sendable (UInt64, [Address]) async throws -> QuoteValuation)?
    {
        guard let oracle = AaveReads.addresses(config).oracle else { return nil }
        var decimals: [Address: Int] = [:]
        var bySymbol: [String: Address] = [:]
        for (symbol, t) in config.tokens {
            guard let a = try? Address(parsing: t.address) else { continue }
            decimals[a] = t.decimals
            bySymbol[symbol.uppercased()] = a
        }
        var quote: AaveOraclePrices.Asset? = nil
        if let q = config.pnlQuote, q.uppercased() != "USD" {
            let a = bySymbol[q.uppercased()] ?? (try? Address(parsing: q))
            if let a, let d = decimals[a] { quote = AaveOraclePrices.Asset(token: a, decimals: d) }
        }
        let weth = wrappedNative
        let known = decimals
        let quoteAsset = quote
        return { block, tokens in
            var assets: [AaveOraclePrices.Asset] = []
            for t in tokens where t != ExecutionDeltas.native {
                guard let d = known[t] else {
                    throw PnLError.invalidPrice(reason: "token \(t) is not under defi.tokens (no decimals to value it)")
                }
                assets.append(AaveOraclePrices.Asset(token: t, decimals: d))
            }
            if let weth { assets.append(AaveOraclePrices.Asset(token: weth, decimals: 18, as: ExecutionDeltas.native)) }
            return try await AaveOraclePrices.valuation(
                client: client, oracle: oracle, assets: assets, block: block, quoteToken: quoteAsset)
        }
    }

    /// Simulates `request.target` without sending.
    public static func simulate(_ request: ExecutionRequest, setup: ExecutionSetup) async throws(ExecutionError)
        -> SimulationResult
    {
        switch request.target {
        case .transaction(let bytes):
            return try await simulateTransaction(bytes, request: request, setup: setup)
        case .planFile(let path):
            let file = try loadPlan(path)
            let from = try await sender(request, setup: setup, executor: file.executor)
            let ctx = try await context(request, setup: setup, tokens: PlanRunner.watchedTokens(file.plan))
            let sim = try await PlanRunner.simulate(file, from: from, context: ctx.run)
            return SimulationResult(target: request.target, plan: sim, candidates: [], skipped: [])
        case .opportunity(let id):
            let prepared = try await prepareOpportunity(id, request: request, setup: setup)
            return prepared.result
        }
    }

    /// Executes `request.target` with `signer` (opportunity or plan file).
    public static func execute(
        _ request: ExecutionRequest, setup: ExecutionSetup, signer: any Signer,
        checkpoint: (@Sendable (SendCheckpoint, JournalEntry) -> Void)? = nil
    )
        async throws(ExecutionError) -> ExecutionOutcome
    {
        // --private: one-transaction bundles to defi.execution.mev.builders (simulated by the relay first; a failed
        // bundle simulation is never sent). Checked before the lock so a missing builder or key is a usage error.
        var relay: (any RawTransactionBroadcaster)? = nil
        if request.privateSend && !request.dryRun {
            do {
                let bundles = try FlashbotsBroadcaster(config: setup.config.mev, replacementUUID: nil)
                relay = BundleTransactionBroadcaster(bundles: bundles, client: setup.client) { result in
                    switch result {
                    case .success(let b):
                        let refused = b.submissions.filter { if case .failure = $0.result { true } else { false } }
                        if !refused.isEmpty { PrivateBroadcast.log("\(refused.count) builder submission(s) refused") }
                    case .failure(let e):
                        PrivateBroadcast.log("bundle not sent: \(e)")
                    }
                }
            } catch { throw .usage("--private: \(error.message)") }
        }
        let lock: ExecutionLock? =
            request.dryRun
            ? nil
            : try ExecutionLock(path: ExecutionLock.path(forHistory: setup.history.path))
        defer { lock?.release() }
        // Reconcile first: a killed run's transaction is resolved before the pools are re-read, so its effect on
        // the market is part of what the re-sizing sees, and nothing new is signed before it is known.
        if !request.dryRun {
            let base = RunContext(
                client: setup.client, chainID: setup.chainID, history: setup.history, fees: setup.fees,
                wrappedNative: setup.wrappedNative)
            _ = try await PlanRunner.makePublic(signer: signer, context: base).reconcile()
            try await PlanRunner.reconcileHistory(context: base)
        }
        var file: PlanFile
        var engine = "plan"
        var tokens: [Address]
        var opportunity: String? = nil
        var strategy: String? = nil
        switch request.target {
        case .transaction:
            throw .usage("execute takes an opportunity id or a plan file; sign raw transactions with defi tx sign")
        case .planFile(let path):
            file = try loadPlan(path)
            tokens = PlanRunner.watchedTokens(file.plan)
        case .opportunity(let id):
            opportunity = id
            var req = request
            req.from = signer.address
            let prepared = try await prepareOpportunity(id, request: req, setup: setup)
            guard let best = prepared.chosen else {
                try? setup.history.setOpportunityStatus(id: id, to: .rejected)
                throw .refused(code: prepared.refusalCode, reason: prepared.refusal)
            }
            file = best
            engine = prepared.engine
            strategy = prepared.strategy
            tokens = PlanRunner.watchedTokens(file.plan)
        }
        var ctx = try await context(request, setup: setup, tokens: tokens)
        ctx.run.lockPath = nil  // held above for the whole run
        ctx.run.checkpoint = checkpoint
        ctx.run.confirmations = request.confirmations
        ctx.run.deadline = .seconds(request.deadlineSeconds)
        ctx.run.riskGate = riskGate(setup: setup, book: ctx.book)
        ctx.run.rawBroadcaster = relay
        ctx.run.valuation = pnlValuation(setup: setup)
        // A send is always simulated at a fresh block; a dry run may look at the block asked for.
        ctx.run.block = request.dryRun ? request.block : .latest
        if file.opportunityID == nil { file.opportunityID = opportunity }
        do {
            let out = try await PlanRunner.execute(
                plan: file, signer: signer, context: ctx.run, engine: engine,
                strategy: strategy, dryRun: request.dryRun)
            if let opportunity, !request.dryRun {
                try? setup.history.setOpportunityStatus(id: opportunity, to: .executed)
            }
            return out
        } catch {
            if let opportunity, case .refused = error {
                try? setup.history.setOpportunityStatus(id: opportunity, to: .rejected)
            }
            throw error
        }
    }

    /// The caps as a gate: gas price, position in USD, daily loss and open count from history.
    static func riskGate(setup: ExecutionSetup, book: PriceBook)
        -> @Sendable (PlanSimulation) async throws(ExecutionError) -> Void
    {
        let pricer = BookPricer(book: book, wrappedNative: setup.wrappedNative)
        return { sim throws(ExecutionError) in
            let plan = sim.plan.plan
            let size =
                plan.flash.kind == .none
                ? plan.flash.amount
                : (plan.payload.hops.first?.amountIn.isZero == false
                    ? plan.payload.hops[0].amountIn : plan.flash.amount)
            let exposure: RiskExposure
            do throws(HistoryError) {
                exposure = try RiskCaps.exposure(
                    history: setup.history, chainID: setup.chainID, gasPriceWei: sim.fee.maxPerGas,
                    positionUSD: pricer.usd(size, token: plan.flash.asset), pricer: pricer)
            } catch let e { throw ExecutionError.from(e) }
            if let refusal = RiskCaps.check(exposure, limits: setup.limits) {
                throw .refused(code: refusal.code, reason: refusal.description)
            }
        }
    }

    struct Context {
        var run: RunContext
        var book: PriceBook
    }

    static func context(
        _ request: ExecutionRequest, setup: ExecutionSetup, tokens: [Address], snapshot: MarketSnapshot? = nil
    )
        async throws(ExecutionError) -> Context
    {
        var run = RunContext(
            client: setup.client, chainID: setup.chainID, history: setup.history, fees: setup.fees,
            block: request.block, overrides: request.overrides, wrappedNative: setup.wrappedNative)
        let view: PinnedView
        do { view = try await setup.client.pinned(at: request.block) } catch { throw .from(error) }
        run.block = .number(view.block.number)
        let snap =
            snapshot
            ?? MarketSnapshot(
                chainID: setup.chainID, blockNumber: view.block.number,
                blockHash: view.block.hash,
                tokens: setup.tokens(tokens.filter { $0 != .zero }), pools: [])
        let book: PriceBook
        do { book = try await AaveReads.priceBook(config: setup.config, snapshot: snap, view: view) } catch {
            book = PriceBook.fixed(setup.config).merging(PriceBook.stablePools(snap))
        }
        let pricer = BookPricer(book: book, wrappedNative: setup.wrappedNative)
        run.gasInProfitToken = { wei, token in
            guard let usd = pricer.usd(wei, token: .zero) else { return nil }
            return book.amount(of: token, worth: USDValue(e18: I256(bits: usd)))
        }
        return Context(run: run, book: book)
    }

    static func loadPlan(_ path: String) throws(ExecutionError) -> PlanFile {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .usage(
                "cannot read the plan file \(path) (an opportunity id starts with opp_, a transaction with 0x)")
        }
        do { return try PlanFile(json: text) } catch { throw .plan(error) }
    }

    /// `--from`, else the executor's `owner()` (only the owner may call executeStrategy).
    static func sender(_ request: ExecutionRequest, setup: ExecutionSetup, executor: Address)
        async throws(ExecutionError)
        -> Address
    {
        if let f = request.from { return f }
        let outcome: CallOutcome
        do {
            outcome = try await setup.client.call(
                CallRequest(to: executor, data: [0x8d, 0xa5, 0xcb, 0x5b]), at: request.block)
        } catch {
            throw .from(error)
        }
        guard case .success(let d) = outcome, d.count == 32, let owner = try? Address(bytes: d.suffix(20)) else {
            throw .usage("\(executor) has no owner(): is it the executor? pass --from")
        }
        return owner
    }

    struct Prepared {
        var result: SimulationResult
        var chosen: PlanFile?
        var engine: String
        var refusal: String
        var refusalCode: String
        var strategy: String? = nil
    }

    /// Re-reads the opportunity's pools at a fresh block, re-sizes it, builds every engine's plans and simulates
    /// them; the best profitable one is chosen (highest net profit, then highest profit).
    static func prepareOpportunity(_ id: String, request: ExecutionRequest, setup: ExecutionSetup)
        async throws(ExecutionError) -> Prepared
    {
        let record: OpportunityRecord?
        do { record = try setup.history.opportunity(id: id) } catch { throw .from(error) }
        guard let record else { throw .usage("no opportunity \(id) in \(setup.history.path)") }
        let stored: Route
        do { stored = try Route(jsonText: record.route) } catch {
            throw .failure(code: "route", reason: error.description)
        }
        guard let executor = setup.executor else {
            throw .usage("no executor: set defi.execution.flash_loan.contract_address")
        }
        let from = try await sender(request, setup: setup, executor: executor)
        let view: PinnedView
        do { view = try await setup.client.pinned(at: request.block) } catch { throw .from(error) }
        let snapshot = try await readSnapshot(route: stored, view: view, setup: setup)
        let ctx = try await context(request, setup: setup, tokens: snapshot.tokens.map(\.address), snapshot: snapshot)
        // Size cap: max_position_usd in the route's token.
        var maxInput: U256? = nil
        if setup.limits.maxPositionUSD != .max {
            maxInput = ctx.book.amount(
                of: stored.tokenIn, worth: USDValue(e18: I256(bits: setup.limits.maxPositionUSD)))
        }
        var route: Route
        let legs: [Leg]
        do {
            route = try RoutePricer.reprice(stored, in: snapshot, maxInput: maxInput)
            legs = try RoutePricer.legs(of: route, in: snapshot)
        } catch {
            let why = "stale opportunity \(id) (found at block \(record.blockNumber)): \(error.description)"
            let result = SimulationResult(target: request.target, candidates: [], skipped: [why], route: nil)
            return Prepared(result: result, chosen: nil, engine: "", refusal: why, refusalCode: "stale")
        }
        // Validate as the scan did (thresholds, liquidity, costs) at this block; its min-outs guard every hop.
        let quote: FeeQuote
        do { quote = try await setup.fees.estimate(client: setup.client) } catch {
            if case .rpc(let r) = error { throw .from(r) }
            throw .refused(code: "gas_price_cap", reason: error.description)
        }
        let validated = OpportunityValidator.validate(
            route.trade(legs: legs), policy: ValidationPolicy(setup.config.arbitrage),
            inputs: CostInputs(gasPriceWei: CostInputs.projectedGasPrice(quote), nativeToken: setup.wrappedNative),
            prices: ctx.book)
        guard validated.accepted else {
            let why =
                "opportunity \(id) fails validation at block \(view.block.number): "
                + validated.rejections.map(\.description).joined(separator: "; ")
            let result = SimulationResult(target: request.target, candidates: [], skipped: [why], route: route)
            return Prepared(result: result, chosen: nil, engine: "", refusal: why, refusalCode: "validation")
        }
        route = route.withMinOuts(validated.minOuts)
        let env = EngineEnvironment(
            view: view, executor: executor, snapshot: snapshot, aavePool: setup.aavePool,
            balancerVault: setup.balancerVault)
        var reports: [CandidateReport] = []
        var skipped: [String] = []
        for kind in request.engine.kinds {
            let r = try await Engines.engine(kind).candidates(for: route, in: env)
            skipped += r.skipped
            for c in r.candidates {
                let file = PlanFile(
                    executor: executor, strategyName: "Arbitrage", plan: c.plan, chainID: setup.chainID,
                    opportunityID: id, pricedAtBlock: view.block.number)
                do {
                    let sim = try await PlanRunner.simulate(file, from: from, context: ctx.run)
                    reports.append(CandidateReport(candidate: c, simulation: sim, note: sim.refusal))
                } catch {
                    if case .network = error { throw error }
                    reports.append(CandidateReport(candidate: c, simulation: nil, note: error.message))
                }
            }
        }
        let best = best(reports)
        var chosen: PlanFile? = nil
        var chosenSim: PlanSimulation? = nil
        var engine = ""
        if let best, let sim = best.simulation {
            // The plan that is sent: minProfit raised to cover the gas (so a state change that eats the margin
            // reverts instead of paying less than the gas), re-simulated as sent.
            var file = sim.plan
            file.plan.minProfit = max(.one, min(sim.profit ?? .one, (sim.gasCostInProfitToken ?? .zero) + .one))
            file.expectedProfit = sim.profit
            chosenSim = try await PlanRunner.simulate(file, from: from, context: ctx.run)
            chosen = chosenSim?.profitable == true ? file : nil
            engine = best.candidate.engine.recordName
        }
        let refusal =
            reports.isEmpty
            ? "no engine can fund the route: " + skipped.joined(separator: "; ")
            : "no funding option is profitable: "
                + reports.map { "\($0.candidate.source): \($0.note ?? "not chosen")" }
                .joined(separator: "; ")
        let result = SimulationResult(
            target: request.target, plan: chosenSim, candidates: reports, skipped: skipped,
            route: route)
        if let chosenSim {
            let rec = SimulationRecord(
                opportunityID: id, createdAt: Date(), blockNumber: chosenSim.simulation.blockNumber,
                success: chosenSim.simulation.succeeded, revertReason: chosenSim.simulation.revertReason?.description,
                gasUsed: chosenSim.simulation.gasEstimate ?? chosenSim.simulation.gasLimit,
                deltas: deltasJSON(chosenSim.simulation.deltas),
                netProfit: (chosenSim.netProfit ?? I256(bits: chosenSim.profit ?? .zero)).description)
            try? setup.history.recordSimulation(rec)
            if record.status == .detected { try? setup.history.setOpportunityStatus(id: id, to: .simulated) }
        }
        return Prepared(
            result: result, chosen: chosen, engine: engine, refusal: refusal, refusalCode: "unprofitable",
            strategy: record.strategy)
    }

    /// `auto`'s choice: among candidates whose simulation succeeds and pays, the highest net profit after gas
    /// (then the highest profit, then the earlier candidate: engines list theirs cheapest first).
    public static func best(_ reports: [CandidateReport]) -> CandidateReport? {
        var chosen: CandidateReport? = nil
        for r in reports {
            guard let x = r.simulation, x.profitable else { continue }
            guard let c = chosen?.simulation else {
                chosen = r
                continue
            }
            if let nx = x.netProfit, let nc = c.netProfit, nx != nc {
                if nc < nx { chosen = r }
            } else if (c.profit ?? .zero) < (x.profit ?? .zero) {
                chosen = r
            }
        }
        return chosen
    }

    static func deltasJSON(_ deltas: [BalanceDelta]) -> String {
        JSONValue.array(
            deltas.filter { !$0.delta.isZero }.map {
                .object([
                    "holder": .string($0.holder.checksummed), "token": .string($0.token.checksummed),
                    "delta": .string($0.delta.description),
                ])
            }
        ).description
    }

    /// Every pool of each of the route's token pairs on the configured V2/V3 venues, at the pinned block.
    static func readSnapshot(route: Route, view: PinnedView, setup: ExecutionSetup) async throws(ExecutionError)
        -> MarketSnapshot
    {
        let specs: (v2: [V2VenueSpec], v3: [V3VenueSpec])
        do { specs = try QuoteService.specs(setup.config, only: nil) } catch { throw .usage(error.description) }
        let reader = PoolReader(view: view, multicall: setup.config.multicall3())
        var pools: [PoolEntry] = []
        var seenPairs: Set<String> = []
        var tokens: [Address] = []
        for h in route.hops {
            let (a, b) =
                h.hop.tokenIn < h.hop.tokenOut ? (h.hop.tokenIn, h.hop.tokenOut) : (h.hop.tokenOut, h.hop.tokenIn)
            for t in [a, b] where !tokens.contains(t) { tokens.append(t) }
            guard seenPairs.insert(a.lowercaseHex + b.lowercaseHex).inserted else { continue }
            do { pools += try await reader.read(tokenA: a, tokenB: b, v2: specs.v2, v3: specs.v3) } catch {
                if case .rpc(let r) = error { throw .from(r) }
                throw .failure(code: "read", reason: error.description)
            }
        }
        return MarketSnapshot(
            chainID: setup.chainID, blockNumber: view.block.number, blockHash: view.block.hash,
            tokens: setup.tokens(tokens), pools: pools)
    }

    /// A raw signed transaction (its sender recovered) or an unsigned one (sender from --from), simulated as is.
    static func simulateTransaction(_ bytes: [UInt8], request: ExecutionRequest, setup: ExecutionSetup)
        async throws(ExecutionError) -> SimulationResult
    {
        let from: Address
        let tx: UnsignedCall
        if let signed = try? SignedTransaction.decode(bytes) {
            let t = signed.transaction
            tx = UnsignedCall(to: t.to, value: t.value, data: t.data, gasLimit: t.gasLimit)
            guard let s = try? signed.sender() else { throw .usage("cannot recover the transaction's sender") }
            from = s
        } else if let unsigned = UnsignedCall(payload: bytes) {
            tx = unsigned
            guard let f = request.from else { throw .usage("an unsigned transaction needs --from") }
            from = f
        } else {
            throw .usage("not an RLP transaction (legacy, 2930 or 1559, signed or unsigned)")
        }
        if let f = request.from, f != from { throw .usage("--from \(f) differs from the signer \(from)") }
        guard let to = tx.to else { throw .usage("contract creation is not simulated") }
        let sim: Simulation
        do {
            sim = try await Simulator(client: setup.client).simulate(
                SimulationRequest(
                    from: from, to: to, data: tx.data, value: tx.value, gasLimit: tx.gasLimit, block: request.block,
                    overrides: request.overrides, tokens: [.zero], holders: [to]))
        } catch { throw .from(error) }
        return SimulationResult(target: request.target, raw: sim, rawFrom: from, candidates: [], skipped: [])
    }
}

/// PriceBook as a USDPricer (the zero address priced as the wrapped native token).
public struct BookPricer: USDPricer {
    /// The book.
    public var book: PriceBook
    /// WETH.
    public var wrappedNative: Address?

    /// A pricer over `book`.
    public init(book: PriceBook, wrappedNative: Address?) {
        self.book = book
        self.wrappedNative = wrappedNative
    }

    /// The book's USD value (18 decimals), never negative.
    public func usd(_ amount: U256, token: Address) -> U256? {
        let t = token == .zero ? (wrappedNative ?? .zero) : token
        guard let v = book.value(amount, of: t), !v.e18.isNegative else { return nil }
        return v.e18.magnitude
    }
}
