import Chain
import DeFiCore
import Foundation
import History
import Primitives
import Protocols
import Strategies

/// One `defi liquidate` run, as options.
public struct LiquidationRequest: Sendable {
    /// Protocols to sweep.
    public var protocols: [LendingProtocol]
    /// Whether `--protocol` named them explicitly (an unconfigured explicit protocol is a usage error).
    public var explicit: Bool
    /// Find and simulate only.
    public var dryRun: Bool
    /// Stop after this many liquidations.
    public var maxLiquidations: Int?
    /// Start no new liquidation after this moment.
    public var deadline: Date?
    /// `--min-profit` text (`10usd`, `10`, `0.01ether`); nil uses `strategies.liquidation.min_profit_usd`.
    public var minProfit: String?
    /// The history store (the lock file is `<db>.liquidate.lock` beside it).
    public var historyPath: String
    /// The executor owner's signer (nil in dry-run).
    public var signer: (any Signer)?
    /// Health checks through Multicall (true) or one `eth_call` per position (the benchmark's peer).
    public var batchedHealthChecks: Bool
    /// Time allowed for one HTTP exchange with the node (nil: the client's default, 10 s). A slow node (the
    /// py-evm devnet answers 1,000 `getUserAccountData` in ~100 s) needs more for the batched health checks.
    public var rpcCallTimeout: Duration?
    /// Crash-relevant points of sending (tests end the process here).
    public var checkpoint: (@Sendable (SendCheckpoint, JournalEntry) -> Void)?

    /// A request.
    public init(
        protocols: [LendingProtocol], explicit: Bool, dryRun: Bool, maxLiquidations: Int? = nil, deadline: Date? = nil,
        minProfit: String? = nil, historyPath: String, signer: (any Signer)? = nil, batchedHealthChecks: Bool = true,
        rpcCallTimeout: Duration? = nil, checkpoint: (@Sendable (SendCheckpoint, JournalEntry) -> Void)? = nil
    ) {
        self.checkpoint = checkpoint
        self.protocols = protocols
        self.explicit = explicit
        self.dryRun = dryRun
        self.maxLiquidations = maxLiquidations
        self.deadline = deadline
        self.minProfit = minProfit
        self.historyPath = historyPath
        self.signer = signer
        self.batchedHealthChecks = batchedHealthChecks
        self.rpcCallTimeout = rpcCallTimeout
    }
}

/// A liquidation sent (or, in dry-run, simulated successfully).
public struct LiquidationExecution: Sendable, Equatable {
    /// Protocol.
    public var lendingProtocol: LendingProtocol
    /// Borrower.
    public var user: Address
    /// Collateral seized.
    public var collateralAsset: Address
    /// Debt repaid (and profit token).
    public var debtAsset: Address
    /// The `debtToCover` argument sent (`U256.max` or the exact amount).
    public var debtToCoverArgument: U256
    /// Predicted debt repaid at the pinned block.
    public var predictedDebtRepaid: U256
    /// Predicted collateral to the liquidator.
    public var predictedCollateral: U256
    /// Predicted protocol fee (collateral to the treasury).
    public var predictedProtocolFee: U256
    /// Predicted executor profit (debt asset units).
    public var predictedProfit: I256
    /// The simulation's `executeStrategy` return value.
    public var simulatedProfit: U256?
    /// Net profit after gas in the oracle base currency (USD, 8 decimals).
    public var netProfitBase: I256
    /// The transaction (nil in dry-run).
    public var txHash: Hash32?
    /// Whether it was mined successfully (nil in dry-run).
    public var succeeded: Bool?
    /// The executor's gain transferred to the owner, from the receipt's Transfer log (debt asset units).
    public var realizedProfit: U256?
    /// `LiquidationCall.debtToCover` from the receipt.
    public var actualDebtRepaid: U256?
    /// `LiquidationCall.liquidatedCollateralAmount` from the receipt.
    public var actualCollateral: U256?
    /// Gas used.
    public var gasUsed: UInt64?
    /// Why it failed, if it did.
    public var failure: String?
}

/// A position not executed, with the reason.
public struct LiquidationSkipped: Sendable, Equatable {
    /// Protocol.
    public var lendingProtocol: LendingProtocol
    /// Borrower.
    public var user: Address
    /// Why.
    public var reason: LiquidationSkip
}

/// Per-protocol counters.
public struct LiquidationProtocolSummary: Sendable, Equatable {
    /// Protocol.
    public var lendingProtocol: LendingProtocol
    /// Whether the config names a deployment.
    public var configured: Bool
    /// Pinned block of the health check.
    public var block: UInt64?
    /// The version whose rules sized the liquidations (Aave).
    public var version: String?
    /// The index update.
    public var index: BorrowerIndexUpdate?
    /// Positions checked.
    public var checked: Int
    /// Positions the protocol would liquidate now.
    public var liquidatable: Int
    /// Health-check wall time, seconds.
    public var healthCheckSeconds: Double
    /// RPC round trips of the health check.
    public var healthCheckRoundTrips: Int
}

/// What a run did.
public struct LiquidationSummary: Sendable, Equatable {
    /// How the run ended, which decides the exit code.
    public enum Outcome: String, Sendable, Equatable {
        /// Nothing liquidatable above the threshold (exit 8).
        case nothingToDo = "nothing_to_do"
        /// Every liquidation attempted succeeded (exit 0).
        case allDone = "all_done"
        /// Some succeeded, some failed (exit 6).
        case partialFailure = "partial_failure"
        /// Every attempt failed (exit 1).
        case failed
    }

    /// Dry run?
    public var dryRun: Bool
    /// Per protocol.
    public var protocols: [LiquidationProtocolSummary]
    /// Executed (or simulated in dry-run).
    public var executed: [LiquidationExecution]
    /// Skipped with reasons.
    public var skipped: [LiquidationSkipped]
    /// Minimum profit applied, base currency (USD, 8 decimals).
    public var minProfitBase: U256
    /// Things the operator should know (also printed on stderr).
    public var warnings: [String] = []

    /// The run's outcome.
    public var outcome: Outcome {
        let ok = executed.filter { $0.failure == nil }.count
        let bad = executed.count - ok
        if executed.isEmpty { return .nothingToDo }
        if bad == 0 { return .allDone }
        return ok == 0 ? .failed : .partialFailure
    }
}

/// Why a sweep could not run.
public enum LiquidationError: Error, Sendable, CustomStringConvertible {
    /// Another run holds the lock (exit 5).
    case lockHeld(String)
    /// Config or options are unusable (exit 2).
    case usage(String)
    /// The node failed (exit 3).
    case rpc(RPCError)
    /// Anything else (exit 1).
    case failure(String)

    /// One line.
    public var description: String {
        switch self {
        case .lockHeld(let p): "lock held: another defi liquidate run holds \(p)"
        case .usage(let s): s
        case .rpc(let e): "\(e)"
        case .failure(let s): s
        }
    }

    /// The process exit code.
    public var exitCode: ExitCode {
        switch self {
        case .lockHeld: .lockHeld
        case .usage: .usage
        case .rpc: .networkUnavailable
        case .failure: .failure
        }
    }
}

/// Runs liquidation sweeps: lock, reconcile the journal, index borrowers, health-check every indexed position at one
/// pinned block, size and price, simulate, send through the executor's Liquidator strategy, record.
public enum LiquidationSweep {
    /// The lock file of a history store.
    public static func lockPath(historyPath: String) -> String { historyPath + ".liquidate.lock" }

    /// `10usd`, `10` (USD), `0.01ether`/`0.01eth` → base currency units (8 decimals) using the oracle's native price.
    public static func minProfitBase(_ text: String, nativePriceBase: U256?) throws(LiquidationError) -> U256 {
        let t = text.lowercased().trimmingCharacters(in: .whitespaces)
        func parse(_ s: String, _ decimals: Int) throws(LiquidationError) -> U256 {
            do { return try Units.parse(s, decimals: decimals) } catch {
                throw .usage("--min-profit: '\(text)' is not an amount (10usd, 0.01ether)")
            }
        }
        if t.hasSuffix("usd") { return try parse(String(t.dropLast(3)), 8) }
        for suffix in ["ether", "eth"] where t.hasSuffix(suffix) {
            let wei = try parse(String(t.dropLast(suffix.count)), 18)
            guard let p = nativePriceBase else { throw .usage("--min-profit in ether needs a WETH price in the oracle") }
            do { return try U256.mulDiv(wei, p, U256(1_000_000_000_000_000_000)) } catch {
                throw .usage("--min-profit: too large")
            }
        }
        return try parse(t, 8)
    }

    static func client(_ config: DefiConfig, callTimeout: Duration? = nil) throws(LiquidationError) -> RPCClient {
        let urls = config.rpcEndpoints
        guard !urls.isEmpty else { throw .usage("no RPC URL: set defi.rpc_url, ETH_RPC_URL or --rpc-url") }
        do { return try RPCClient(urls: urls, configuration: config.rpcConfiguration(callTimeout: callTimeout)) } catch {
            throw .rpc(error)
        }
    }

    static func multicall(_ config: DefiConfig) -> Multicall { config.multicall3() }

    static func address(_ config: ProtocolConfig, _ role: String, _ name: String) throws(LiquidationError) -> Address {
        guard let s = config.addresses[role], let a = try? Address(parsing: s) else {
            throw .usage("protocols.\(name).\(role) is not set")
        }
        return a
    }

    /// Runs one sweep. Throws only for what stops the whole run (lock, config, node); per-position failures are
    /// in the summary.
    public static func run(_ request: LiquidationRequest, config: DefiConfig) async throws(LiquidationError)
        -> LiquidationSummary
    {
        // Local input first (exit 2 wins over an unreachable node): the threshold's syntax, with a stand-in price
        // for an "eth" amount (the real one is read per protocol).
        _ = try minProfitBase(
            request.minProfit ?? "\(config.liquidation.minProfitUSD.description)usd", nativePriceBase: .one)
        let lock: FileLock
        do { lock = try FileLock.acquire(lockPath(historyPath: request.historyPath)) } catch {
            switch error {
            case .held(let p): throw .lockHeld(p)
            case .cannotOpen(let p, let e): throw .failure("cannot open the lock file \(p) (errno \(e))")
            }
        }
        defer { lock.release() }
        let store: HistoryStore
        do { store = try HistoryStore(path: request.historyPath) } catch { throw .failure("history store: \(error)") }
        defer { try? store.close() }
        let client = try client(config, callTimeout: request.rpcCallTimeout)
        var summary = LiquidationSummary(dryRun: request.dryRun, protocols: [], executed: [], skipped: [], minProfitBase: .zero)
        do {
            for p in request.protocols {
                switch p {
                case .aaveV3:
                    try await sweepAave(request, config: config, client: client, store: store, summary: &summary)
                case .compoundV3, .maker:
                    let name = p == .maker ? "maker" : "compound_v3"
                    guard config.protocols[name] != nil else {
                        if request.explicit { throw LiquidationError.usage("protocols.\(name) is not configured") }
                        summary.protocols.append(
                            LiquidationProtocolSummary(
                                lendingProtocol: p, configured: false, checked: 0, liquidatable: 0,
                                healthCheckSeconds: 0, healthCheckRoundTrips: 0))
                        continue
                    }
                    if p == .compoundV3 {
                        try await sweepComet(request, config: config, client: client, store: store, summary: &summary)
                    } else {
                        try await sweepMaker(request, config: config, client: client, store: store, summary: &summary)
                    }
                }
            }
        } catch let e as LiquidationError {
            throw e
        } catch let e as RPCError {
            throw .rpc(e)
        } catch let e as AaveReadError {
            if case .rpc(let r) = e { throw .rpc(r) }
            throw .failure(e.description)
        } catch {
            throw .failure("\(error)")
        }
        return summary
    }

    static func chainID(_ client: RPCClient) async throws(LiquidationError) -> UInt64 {
        do { return try await client.chainID() } catch { throw .rpc(error) }
    }

    static func status(_ a: AaveAccountData) -> LiquidationStatus {
        if a.totalDebtBase.isZero { return .closed }
        if a.isLiquidatable { return .liquidatable }
        if a.healthFactor < U256(1_100_000_000_000_000_000) { return .atRisk }
        return .healthy
    }

    /// Intent keys of liquidations: `liquidate:<protocol>:<chain>:<borrower>:<block>`.
    static func intentPrefix(_ p: LendingProtocol, chainID: UInt64, user: Address) -> String {
        "liquidate:\(p.rawValue):\(chainID):\(user.lowercaseHex):"
    }

    static func sweepAave(
        _ request: LiquidationRequest, config: DefiConfig, client: RPCClient, store: HistoryStore,
        summary: inout LiquidationSummary
    ) async throws {
        guard let aave = config.protocols["aave_v3"] else {
            if request.explicit { throw LiquidationError.usage("protocols.aave_v3 is not configured") }
            summary.protocols.append(
                LiquidationProtocolSummary(
                    lendingProtocol: .aaveV3, configured: false, checked: 0, liquidatable: 0, healthCheckSeconds: 0,
                    healthCheckRoundTrips: 0))
            return
        }
        let pool = try address(aave, "pool", "aave_v3")
        let oracle = try address(aave, "oracle", "aave_v3")
        let executor = try executorAddress(config)
        let chainID = try await chainID(client)
        let mc = multicall(config)

        // 1. A killed earlier run: resolve its journaled transactions before anything else (live runs only).
        try await reconcileBeforeSending(request, config: config, client: client, store: store, chainID: chainID)

        // 2. Index borrowers up to the head.
        let head = try await client.blockNumber()
        let index = BorrowerIndex(
            lendingProtocol: .aaveV3, contracts: [pool], deploymentBlock: aave.deploymentBlock ?? 0,
            finality: config.liquidation.finalityBlocks, chainID: chainID)
        let update = try await index.update(head: head, source: client, store: store)

        // 3. Health check at one pinned block.
        let view = try await client.pinned(at: .number(head))
        let reader = AaveReader(view: view, multicall: mc, pool: pool, oracle: oracle)
        let state = try await reader.readDeployment(configuredVersion: aave.version)
        if let c = state.configuredVersion, let d = state.detectedVersion, c != d {
            summary.warnings.append(
                "protocols.aave_v3.version is \(c.rawValue) but the pool's bytecode answers as \(d.rawValue) "
                    + "(getReserveDeficit, getEModeCategoryCollateralBitmap, getLiquidationGracePeriod probes); "
                    + "sizing with the \(d.rawValue) rules")
        }
        let records = try store.liquidationPositions(protocolName: LendingProtocol.aaveV3.rawValue, chainID: chainID)
        let users = records.compactMap { try? Address(parsing: $0.borrower) }
        let trips0 = client.roundTrips
        let t0 = ContinuousClock.now
        let accounts: [AaveAccountData]
        if request.batchedHealthChecks {
            accounts = try await reader.accountData(of: users)
        } else {
            accounts = try await reader.accountDataOneCallEach(users)
        }
        let elapsed = ContinuousClock.now - t0
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var updated: [LiquidationPositionRecord] = []
        var liquidatableUsers: [Address] = []
        for (r, (u, a)) in zip(records, zip(users, accounts)) {
            var rec = r
            rec.healthFactor = a.healthFactor.decimalString
            rec.debt = "{\"total_base\":\"\(a.totalDebtBase.decimalString)\"}"
            rec.collateral = "{\"total_base\":\"\(a.totalCollateralBase.decimalString)\"}"
            rec.lastCheckedBlock = head
            rec.status = status(a)
            rec.updatedAt = Date()
            updated.append(rec)
            if a.isLiquidatable { liquidatableUsers.append(u) }
        }
        try store.recordLiquidationChecks(updated)
        summary.protocols.append(
            LiquidationProtocolSummary(
                lendingProtocol: .aaveV3, configured: true, block: head, version: state.version.rawValue, index: update,
                checked: users.count, liquidatable: liquidatableUsers.count, healthCheckSeconds: seconds,
                healthCheckRoundTrips: client.roundTrips - trips0))
        // The threshold in force, reported even when nothing is liquidatable.
        let native = config.tokens["WETH"].flatMap { try? Address(parsing: $0.address) }
        let nativePrice = native.flatMap { state.market.reserves[$0]?.price }
        let minBase = try minProfitBase(
            request.minProfit ?? "\(config.liquidation.minProfitUSD.description)usd", nativePriceBase: nativePrice)
        summary.minProfitBase = minBase
        if liquidatableUsers.isEmpty { return }

        // 4. Size and price every liquidatable position.
        let gasPrice = try await client.gasPrice()
        let (v2, v3) = try QuoteService.specs(config, only: nil)
        let intermediates = config.tokens.values.compactMap { try? Address(parsing: $0.address) }
            .filter { state.market.reserves[$0] != nil }.sorted()
        var router = SwapRouter(view: view, multicall: mc, v2: v2, v3: v3, intermediates: intermediates)
        let borrowers = try await reader.borrowers(liquidatableUsers, state: state)
        let costs = LiquidationCosts(gasPrice: gasPrice, l1FeeWei: .zero, nativeAsset: native)
        let checks = await AaveLiquidationFinder.check(
            borrowers, state: state, costs: costs, minProfitBase: minBase, router: router)

        // 5. In-flight transactions of earlier runs: the journal's non-final transactions, decoded.
        let owner = try await executorOwner(executor, client: client)
        let sender = request.signer?.address ?? owner
        let inFlight = inFlightLiquidations(store: store, chainID: chainID, sender: sender)

        var candidates: [AaveLiquidationCandidate] = []
        for c in checks where c.isLiquidatable {
            if let skip = c.skip {
                summary.skipped.append(LiquidationSkipped(lendingProtocol: .aaveV3, user: c.borrower.position.user, reason: skip))
            } else if let cand = c.candidate {
                candidates.append(cand)
            }
        }
        candidates.sort { $0.netProfitBase > $1.netProfitBase }
        let market = state.market
        var context = sweepContext(request, config: config, client: client, store: store, chainID: chainID, native: native)
        context.gasInProfitToken = { wei, token in
            try? AaveLiquidationFinder.weiInDebt(wei, nativeAsset: native, debt: token, market: market)
        }
        var done = 0
        var sent = false
        for var cand in candidates {
            if sent {
                // An earlier liquidation of this run moved the pools: quote the sale again at the new head.
                let fresh = try await client.pinned(at: .latest)
                router = SwapRouter(view: fresh, multicall: mc, v2: v2, v3: v3, intermediates: intermediates)
                if let route = try await router.route(
                    sell: cand.plan.outcome.collateralToLiquidator, of: cand.plan.collateralAsset,
                    for: cand.plan.debtAsset)
                {
                    cand = try AaveLiquidationFinder.price(
                        user: cand.user, plan: cand.plan, route: route, state: state, costs: costs)
                }
                sent = false
            }
            if let hash = inFlight[cand.user] {
                summary.skipped.append(LiquidationSkipped(lendingProtocol: .aaveV3, user: cand.user, reason: .inFlight(hash)))
                continue
            }
            if let d = request.deadline, Date() >= d {
                summary.skipped.append(LiquidationSkipped(lendingProtocol: .aaveV3, user: cand.user, reason: .deadline))
                continue
            }
            if let m = request.maxLiquidations, done >= m {
                summary.skipped.append(
                    LiquidationSkipped(lendingProtocol: .aaveV3, user: cand.user, reason: .maxLiquidations))
                continue
            }
            // The executor must gain at least the threshold plus the gas cost (debt-asset units), else it reverts.
            let d = try state.market.reserve(cand.plan.debtAsset)
            let minDebt = try U256.mulDivRoundingUp(minBase, try d.unit(), d.price)
            let plan = cand.executorPlan(pool: pool, minProfit: max(.one, minDebt + cand.gasCostInDebt))
            let file = PlanFile(
                executor: executor, strategyName: "Liquidator", plan: plan, chainID: chainID, pricedAtBlock: head,
                expectedProfit: cand.executorProfit.isNegative ? nil : cand.executorProfit.magnitude)
            let exec = LiquidationExecution(
                lendingProtocol: .aaveV3, user: cand.user, collateralAsset: cand.plan.collateralAsset,
                debtAsset: cand.plan.debtAsset, debtToCoverArgument: cand.plan.debtToCoverArgument,
                predictedDebtRepaid: cand.plan.outcome.debtRepaid,
                predictedCollateral: cand.plan.outcome.collateralToLiquidator,
                predictedProtocolFee: cand.plan.outcome.protocolFee, predictedProfit: cand.executorProfit,
                simulatedProfit: nil, netProfitBase: cand.netProfitBase, txHash: nil, succeeded: nil,
                realizedProfit: nil, actualDebtRepaid: nil, actualCollateral: nil, gasUsed: nil, failure: nil)
            // 6–7. Dry-run: simulate from the owner exactly as it would be sent; live: PlanRunner.execute.
            let result = try await runPlan(
                file, exec: exec, request: request, sender: sender, context: context, client: client, sent: &sent
            ) { r, e in readReceipt(r, exec: &e, owner: owner, executor: executor, pool: pool) }
            switch result {
            case .skipped(let reason):
                summary.skipped.append(LiquidationSkipped(lendingProtocol: .aaveV3, user: cand.user, reason: reason))
            case .executed(let e):
                summary.executed.append(e)
                done += 1
            }
        }
    }

    /// Borrowers with a journaled, not yet final Liquidator transaction of `sender`: the executeStrategy calldata
    /// of each such transaction is decoded down to the Liquidator's `user`.
    static func inFlightLiquidations(store: HistoryStore, chainID: UInt64, sender: Address) -> [Address: String] {
        inFlight(store: store, chainID: chainID, sender: sender) { liquidationUser($0).map { [$0] } ?? [] }
    }

    /// The strategy id and strategy data of an `executeStrategy(id, params)` call, else nil.
    static func strategyCall(_ calldata: [UInt8]) -> (id: [UInt8], data: [UInt8])? {
        guard calldata.count > 4, Array(calldata.prefix(4)) == ExecutorPlan.executeStrategySelector,
            let call = try? ABI.decode(types: [.bytes32, .bytes], data: Array(calldata.dropFirst(4))),
            call.count == 2, case .fixedBytes(let id) = call[0], case .bytes(let params) = call[1],
            let p = try? ABI.decode(
                types: [.tuple([.uint(8), .address, .address, .uint256, .uint256]), .address, .uint256, .bytes],
                data: params),
            p.count == 4, case .bytes(let data) = p[3]
        else { return nil }
        return (id, data)
    }

    /// The executor's gain in `token`: the amount of the receipt's `Transfer(executor → owner)` of `token`.
    static func ownerGain(_ r: Receipt, token: Address, owner: Address, executor: Address) -> U256? {
        var gain: U256?
        for log in r.logs where log.address == token && log.topics.count == 3 && log.topics[0] == transferTopic {
            if log.topics[1].bytes.suffix(20).elementsEqual(executor.bytes),
                log.topics[2].bytes.suffix(20).elementsEqual(owner.bytes), log.data.count == 32
            {
                gain = try? U256(bigEndian: log.data)
            }
        }
        return gain
    }

    /// The `user` of an `executeStrategy(id, params)` call whose strategy data is the Liquidator's, else nil.
    public static func liquidationUser(_ calldata: [UInt8]) -> Address? {
        guard let (_, data) = strategyCall(calldata),
            let l = try? ABI.decode(
                types: [.address, .address, .address, .uint256,
                    .array(.tuple([.uint(8), .address, .address, .address, .uint256, .uint256, .uint256]))],
                data: data),
            l.count == 5
        else { return nil }
        return l[2].addressValue
    }

    static let transferTopic = Keccak256.hash(utf8: "Transfer(address,address,uint256)")
    static let liquidationTopic = Keccak256.hash(utf8: "LiquidationCall(address,address,address,uint256,uint256,address,bool)")

    /// The executor's gain (Transfer debt asset executor → owner) and the pool's LiquidationCall amounts.
    static func readReceipt(
        _ r: Receipt, exec: inout LiquidationExecution, owner: Address, executor: Address, pool: Address
    ) {
        if let g = ownerGain(r, token: exec.debtAsset, owner: owner, executor: executor) { exec.realizedProfit = g }
        for log in r.logs {
            guard let t0 = log.topics.first else { continue }
            if t0 == liquidationTopic, log.address == pool, log.data.count >= 64 {
                exec.actualDebtRepaid = try? U256(bigEndian: Array(log.data[0..<32]))
                exec.actualCollateral = try? U256(bigEndian: Array(log.data[32..<64]))
            }
        }
    }

    static let ownerFunction = ABIFunction(
        name: "owner", inputs: [], outputs: [ABIParameter(name: "", type: .address)], stateMutability: "view")

    static func executorOwner(_ executor: Address, client: RPCClient) async throws -> Address {
        let out = try await client.call(CallRequest(to: executor, data: try ownerFunction.encodeCall([])))
        guard case .success(let d) = out, let a = try ownerFunction.decodeOutput(d).first?.addressValue else {
            throw LiquidationError.usage("the executor at \(executor) has no owner(): is it the FlashLoans contract?")
        }
        return a
    }
}

/// Warnings to stderr from the library (the CLI's Diagnostics lives above this layer).
enum Diagnostics {
    static func warn(_ s: String) {
        FileHandle.standardError.write(Data("warning: \(s)\n".utf8))
    }
}
