// The library entry point that simulates and sends any ExecutorPlan: `defi simulate`, `defi execute` and the
// liquidate stream all go through `PlanRunner.simulate` / `PlanRunner.execute`.
import Chain
import DeFiCore
import Foundation
import History
import Primitives
import Validation

/// Everything a run needs besides the plan: node, chain, fees, history, and the policies of the caller.
public struct RunContext: Sendable {
    /// The node.
    public var client: RPCClient
    /// The chain id transactions are signed for (the node's is checked by the client).
    public var chainID: UInt64
    /// The history store (executions, deltas, journal); nil only for `simulate` without recording.
    public var history: HistoryStore?
    /// The fee oracle (its `maxGasPrice` is the configured cap).
    public var fees: FeeOracle
    /// The block simulations run on (resolved to a number once per run).
    public var block: BlockRef
    /// State overrides for simulations (never used when sending).
    public var overrides: [Address: AccountOverride]
    /// Whether the chain charges an OP-stack L1 data fee.
    public var opStack: Bool
    /// The wrapped native token (WETH): profit in it converts gas one to one.
    public var wrappedNative: Address?
    /// Converts a wei amount into profit-token units (USD pricing from the caller); nil: only WETH profit is netted.
    public var gasInProfitToken: (@Sendable (_ wei: U256, _ token: Address) -> U256?)?
    /// Blocks to wait after inclusion.
    public var confirmations: UInt64
    /// How long to wait for inclusion.
    public var deadline: Duration
    /// Receipt poll interval.
    public var pollInterval: Duration
    /// The lock file taken around sending (nil: no lock; the CLI sets `<history>.execute.lock`).
    public var lockPath: String?
    /// Risk caps checked after the simulation and before signing; throws `.refused` to stop.
    public var riskGate: (@Sendable (PlanSimulation) async throws(ExecutionError) -> Void)?
    /// Crash-relevant points of sending (tests kill the process here).
    public var checkpoint: (@Sendable (SendCheckpoint, JournalEntry) -> Void)?
    /// Where signed transactions are handed over instead of the public mempool (`--private`: bundle relays).
    public var rawBroadcaster: (any RawTransactionBroadcaster)? = nil
    /// Prices every token at a block for the realised P&L (`defi pnl`): given the block and the tokens that moved,
    /// a valuation whose source is recorded. nil: executions are recorded unvalued (pnl warns about them).
    public var valuation: (@Sendable (_ block: UInt64, _ tokens: [Address]) async throws -> QuoteValuation)? = nil

    /// A context with defaults for everything but the node and chain.
    public init(
        client: RPCClient, chainID: UInt64, history: HistoryStore? = nil, fees: FeeOracle = FeeOracle(),
        block: BlockRef = .latest, overrides: [Address: AccountOverride] = [:], opStack: Bool? = nil,
        wrappedNative: Address? = nil, confirmations: UInt64 = 1, deadline: Duration = .seconds(120),
        pollInterval: Duration = .milliseconds(200), lockPath: String? = nil
    ) {
        self.client = client
        self.chainID = chainID
        self.history = history
        self.fees = fees
        self.block = block
        self.overrides = overrides
        // OP-stack chains charge an L1 data fee on top of execution gas: priced and checked unless told otherwise.
        self.opStack = opStack ?? OPStackChains.ids.contains(chainID)
        self.wrappedNative = wrappedNative
        self.confirmations = confirmations
        self.deadline = deadline
        self.pollInterval = pollInterval
        self.lockPath = lockPath
    }
}

/// The simulation of one plan as it would be sent.
public struct PlanSimulation: Sendable {
    /// The plan file simulated.
    public var plan: PlanFile
    /// The sender (the executor's owner).
    public var from: Address
    /// The exact calldata.
    public var calldata: [UInt8]
    /// The raw simulation (outcome, gas, lens deltas).
    public var simulation: Simulation
    /// `executeStrategy`'s return value: the profit paid to the owner.
    public var profit: U256?
    /// The fee quote the transaction would carry.
    public var fee: FeeQuote
    /// The expected effective gas price: min(maxFee, next base fee + tip).
    public var gasPrice: U256
    /// The L1 data fee (OP-stack), else zero.
    public var l1Fee: U256
    /// Expected gas cost in wei: estimate × expected price + L1 fee.
    public var gasCost: U256
    /// Gas cost in profit-token units, when it can be converted.
    public var gasCostInProfitToken: U256?
    /// Profit minus gas in profit-token units, when gas can be converted.
    public var netProfit: I256?
    /// Why the plan would not be sent (nil: it reverts not and pays).
    public var refusal: String?

    /// The sender's change of the profit token measured by the lens.
    public var senderProfitDelta: I256 { simulation.delta(of: plan.plan.profitToken, holder: from) }
    /// Whether it succeeds and pays after gas.
    public var profitable: Bool { refusal == nil }
}

/// What happened to one execute.
public struct ExecutionOutcome: Sendable {
    /// The history id (`exe_…`), when recorded.
    public var executionID: String?
    /// Final state: included, reverted, pending (deadline passed), refused, or built (dry run).
    public var state: ExecutionState
    /// The simulation it was sent on.
    public var simulation: PlanSimulation
    /// The transaction hash once signed.
    public var txHash: Hash32?
    /// The nonce used.
    public var nonce: UInt64?
    /// The inclusion block.
    public var blockNumber: UInt64?
    /// Gas used by the receipt.
    public var gasUsed: UInt64?
    /// The receipt's effective gas price.
    public var effectiveGasPrice: U256?
    /// L1 data fee paid (OP-stack).
    public var l1Fee: U256?
    /// Realised per-token changes of the executor and the sender (Transfer logs; gas and L1 fee for ETH).
    public var realisedDeltas: [TokenDelta]
    /// The sender's realised change of the profit token.
    public var realisedProfit: I256?
    /// Transactions resolved by the start-up reconciliation.
    public var reconciled: [TxOutcome]
}

/// Simulates and executes ExecutorPlans.
public enum PlanRunner {
    /// The tokens a plan touches: flash asset, profit token, every hop's tokens, and native ETH.
    public static func watchedTokens(_ plan: ExecutorPlan) -> [Address] {
        var out: [Address] = [plan.flash.asset, plan.profitToken]
        if case .liquidation(_, let collateral, _, _, _) = plan.payload { out.append(collateral) }
        if case .cometLiquidation(_, let collateral, _, _, _, _) = plan.payload { out.append(collateral) }
        for h in plan.payload.hops {
            out.append(h.tokenIn)
            out.append(h.tokenOut)
        }
        out.append(.zero)
        var seen: [Address] = []
        for t in out where !seen.contains(t) { seen.append(t) }
        return seen
    }

    /// Simulates `file` sent by `from` exactly as `execute` would send it, at `context.block`.
    public static func simulate(_ file: PlanFile, from: Address, context: RunContext) async throws(ExecutionError)
        -> PlanSimulation
    {
        let calldata: [UInt8]
        do { calldata = try file.plan.calldata() } catch { throw .usage("plan: \(error.description)") }
        let simulator = Simulator(client: context.client)
        let request = SimulationRequest(
            from: from, to: file.executor, data: calldata, block: context.block, overrides: context.overrides,
            tokens: watchedTokens(file.plan), holders: [file.executor])
        let sim: Simulation
        do { sim = try await simulator.simulate(request) } catch { throw .from(error) }
        let quote: FeeQuote
        do { quote = try await context.fees.estimate(client: context.client) } catch {
            if case .capExceeded = error { throw .refused(code: "gas_price_cap", reason: error.description) }
            if case .rpc(let r) = error { throw .from(r) }
            throw .failure(code: error.code, reason: error.description)
        }
        let price: U256
        switch quote {
        case .eip1559(let maxFee, let tip, let next): price = min(maxFee, next + tip)
        case .legacy(let p): price = p
        }
        var l1: U256 = .zero
        if context.opStack {
            let tx = Transaction.dynamicFee(
                chainID: context.chainID, nonce: 0, maxPriorityFeePerGas: .zero,
                maxFeePerGas: quote.maxPerGas, gasLimit: sim.gasLimit, to: file.executor,
                value: .zero, data: calldata)
            do { l1 = try await OPStack.l1Fee(of: tx, client: context.client, at: .number(sim.blockNumber)) } catch {
                throw .from(error)
            }
        }
        let gasCost = U256(sim.gasEstimate ?? sim.gasLimit) * price + l1
        let profit = sim.outcome.returnData.flatMap { ERC20.decodeUInt($0) }
        var gasInToken: U256? = nil
        if let w = context.wrappedNative, w == file.plan.profitToken {
            gasInToken = gasCost
        } else if let f = context.gasInProfitToken {
            gasInToken = f(gasCost, file.plan.profitToken)
        }
        var net: I256? = nil
        if let p = profit, let g = gasInToken {
            net = p >= g ? I256(negative: false, magnitude: p - g) : I256(negative: true, magnitude: g - p)
        }
        var refusal: String? = nil
        if let r = sim.revertReason {
            refusal = "the simulation reverts: \(r)"
        } else if profit == nil {
            refusal = "executeStrategy returned no profit value"
        } else if let net, net.isNegative || net.isZero {
            refusal = "unprofitable after gas: profit \(profit!) - gas \(gasInToken!) = \(net) (profit token units)"
        } else if profit!.isZero {
            refusal = "unprofitable: the plan pays nothing"
        }
        return PlanSimulation(
            plan: file, from: from, calldata: calldata, simulation: sim, profit: profit, fee: quote,
            gasPrice: price, l1Fee: l1, gasCost: gasCost, gasCostInProfitToken: gasInToken,
            netProfit: net, refusal: refusal)
    }

    /// The idempotency key of a plan: one plan (chain, executor, calldata) is sent at most once.
    public static func intentKey(_ file: PlanFile, chainID: UInt64, calldata: [UInt8]) -> String {
        var bytes = Array(String(chainID).utf8)
        bytes += file.executor.bytes
        bytes += calldata
        return "plan:" + Keccak256.hash(bytes).description
    }

    /// Simulates, checks caps, signs, journals, broadcasts, waits and records one plan (as `strategy` in history,
    /// default the plan's registered strategy name; `engine` names the funding). Before anything is sent,
    /// every journaled transaction with an unknown outcome is reconciled (a killed run never double-sends), under
    /// the execute lock when `context.lockPath` is set. `dryRun` stops after the simulation and the caps.
    public static func execute(
        plan file: PlanFile, signer: any Signer, context: RunContext, broadcaster given: (any Broadcaster)? = nil,
        engine: String = "plan", strategy: String? = nil, dryRun: Bool = false
    ) async throws(ExecutionError) -> ExecutionOutcome {
        let strategyName = strategy ?? file.strategyName
        if let c = file.chainID, c != context.chainID {
            throw .usage("the plan is for chain \(c), the node is chain \(context.chainID)")
        }
        var lock: ExecutionLock? = nil
        if !dryRun, let p = context.lockPath { lock = try ExecutionLock(path: p) }
        defer { lock?.release() }
        let broadcaster: any Broadcaster
        if let given { broadcaster = given } else { broadcaster = try makePublic(signer: signer, context: context) }
        var reconciled: [TxOutcome] = []
        if !dryRun {
            reconciled = try await broadcaster.reconcile()
            try await reconcileHistory(context: context)
        }
        let sim = try await simulate(file, from: signer.address, context: context)
        let history = context.history
        func refuse(_ code: String, _ reason: String) throws(ExecutionError) -> Never {
            if let history, !dryRun {
                let rec = ExecutionRecord(
                    opportunityID: file.opportunityID, strategy: strategyName, engine: engine,
                    createdAt: Date(), state: .refused, chainID: context.chainID,
                    sender: signer.address.checksummed, profitToken: file.plan.profitToken.checksummed,
                    errorCode: code, errorMessage: reason)
                do { try history.upsertExecution(rec) } catch { throw .from(error) }
            }
            throw .refused(code: code, reason: reason)
        }
        if let r = sim.refusal { try refuse(sim.simulation.succeeded ? "unprofitable" : "simulation_reverted", r) }
        if let gate = context.riskGate {
            do { try await gate(sim) } catch {
                if case .refused(let c, let r) = error { try refuse(c, r) }
                throw error
            }
        }
        if dryRun {
            return ExecutionOutcome(
                executionID: nil, state: .built, simulation: sim, realisedDeltas: [], reconciled: [])
        }
        guard let history else { throw .usage("execute needs the history store") }

        var record = ExecutionRecord(
            opportunityID: file.opportunityID, strategy: strategyName, engine: engine,
            createdAt: Date(), chainID: context.chainID, sender: signer.address.checksummed,
            profitToken: file.plan.profitToken.checksummed)
        do { try history.upsertExecution(record) } catch { throw .from(error) }
        try storeDeltas(
            history, id: record.id, source: "simulated",
            sim.simulation.deltas.map { TokenDelta(holder: $0.holder, token: $0.token, delta: $0.delta) }
                .filter { !$0.delta.isZero })
        let intent = TxIntent(
            key: intentKey(file, chainID: context.chainID, calldata: sim.calldata), to: file.executor,
            data: sim.calldata, gasLimit: sim.simulation.gasLimit)
        let outcome: TxOutcome
        do { outcome = try await broadcaster.send(intent) } catch {
            let id = record.id
            _ = try? history.transitionExecution(id: id, from: .built, to: .failed) { r in
                r.errorCode = error.code
                r.errorMessage = error.message
            }
            throw error
        }
        record.txHash = outcome.hash.description
        record.nonce = outcome.nonce
        return try await finish(
            record: record, outcome: outcome, file: file, sim: sim, context: context,
            reconciled: reconciled)
    }

    /// The public-mempool broadcaster for `signer` journaling into the context's history.
    static func makePublic(signer: any Signer, context: RunContext) throws(ExecutionError) -> any Broadcaster {
        guard let history = context.history else { throw .usage("sending needs the history store (journal)") }
        let sender = TransactionSender(
            client: context.client, signer: signer, journal: HistoryJournal(store: history), chainID: context.chainID,
            fees: context.fees, confirmations: context.confirmations, receiptTimeout: context.deadline,
            pollInterval: context.pollInterval,
            checkpoint: checkpointRecorder(history: history, next: context.checkpoint),
            rawBroadcaster: context.rawBroadcaster)
        return PublicBroadcaster(sender: sender)
    }

    /// Marks the newest `built` execution of the sender as journaled with its hash the moment the signed
    /// transaction is journaled, so a run killed after this point is found and finished by the next one.
    static func checkpointRecorder(history: HistoryStore, next: (@Sendable (SendCheckpoint, JournalEntry) -> Void)?)
        -> @Sendable (SendCheckpoint, JournalEntry) -> Void
    {
        { point, entry in
            if point == .journaled,
                let rec = try? history.listExecutions(filter: ExecutionFilter(states: [.built], chainID: entry.chainID))
                    .first(where: { $0.sender?.lowercased() == entry.from.lowercased() })
            {
                _ = try? history.transitionExecution(id: rec.id, from: .built, to: .journaled) { r in
                    r.txHash = entry.hash
                    r.nonce = entry.nonce
                }
            }
            next?(point, entry)
        }
    }

    /// Records the receipt's realised result (or the non-final state) on the execution row.
    static func finish(
        record: ExecutionRecord, outcome: TxOutcome, file: PlanFile, sim: PlanSimulation?,
        context: RunContext, reconciled: [TxOutcome]
    ) async throws(ExecutionError) -> ExecutionOutcome {
        guard let history = context.history else { throw .usage("execute needs the history store") }
        let sender = (try? Address(parsing: record.sender ?? "")) ?? .zero
        var state: ExecutionState
        switch outcome.state {
        case .included: state = .included
        case .reverted: state = .reverted
        case .replaced: state = .replaced
        case .dropped: state = .dropped
        case .failed: state = .failed
        case .pending: state = .pending
        default: state = .broadcast
        }
        var deltas: [TokenDelta] = []
        var l1: U256? = nil
        var realisedProfit: I256? = nil
        if let r = outcome.receipt {
            if context.opStack { l1 = try await l1FeePaid(outcome.hash, context: context, block: r.blockNumber) }
            // A token emitting a malformed Transfer makes the realised figures unknown, not zero.
            if let realised = try? TokenDelta.realised(receipt: r, executor: file.executor, l1Fee: l1) {
                deltas = realised
                realisedProfit =
                    deltas.first { $0.holder == sender && $0.token == file.plan.profitToken }?.delta ?? I256(0)
            }
        }
        let current = (try? history.execution(id: record.id))?.state ?? .built
        let fees = outcome.receipt.map { ($0.fee + (l1 ?? .zero)).description }
        var net: String? = nil
        if let p = realisedProfit, let r = outcome.receipt {
            let feeWei = r.fee + (l1 ?? .zero)
            var feeInToken: U256? = nil
            if let w = context.wrappedNative, w == file.plan.profitToken {
                feeInToken = feeWei
            } else if let f = context.gasInProfitToken {
                feeInToken = f(feeWei, file.plan.profitToken)
            }
            if let g = feeInToken, let gi = I256(negative: false, magnitude: g) { net = (p &- gi).description }
        }
        do {
            let receipt = outcome.receipt
            let profitText = realisedProfit?.description
            let netText = net
            let hash = outcome.hash.description
            let nonce = outcome.nonce
            let l1Text = l1?.description
            try history.transitionExecution(id: record.id, from: current, to: state) { r in
                r.txHash = hash
                r.nonce = nonce
                if let receipt {
                    r.gasUsed = receipt.gasUsed
                    r.effectiveGasPrice = receipt.effectiveGasPrice.description
                    r.blockNumber = receipt.blockNumber
                    r.fees = fees
                    r.l1Fee = l1Text
                    r.grossProfit = profitText
                    r.netProfit = netText
                    if !receipt.succeeded {
                        r.errorCode = "reverted"
                        r.errorMessage = "the transaction reverted on-chain"
                    }
                }
            }
        } catch { throw .from(error) }
        if outcome.receipt != nil { try storeDeltas(history, id: record.id, source: "realised", deltas) }
        if let receipt = outcome.receipt, let value = context.valuation {
            // The realised P&L from the receipt (Transfer/Deposit/Withdrawal logs, gas x price, L1 fee, flash
            // fees), valued at the inclusion block. A failure here loses no money and no record: the execution
            // row above is already final; pnl reports it unvalued with a warning.
            do {
                guard let info = try await context.client.transaction(outcome.hash) else {
                    throw ExecutionError.usage("the node does not know transaction \(outcome.hash)")
                }
                let d = try ExecutionDeltas.compute(
                    receipt: receipt, transaction: info, executor: file.executor, wrappedNative: context.wrappedNative,
                    l1Fee: l1)
                let valuation = try await value(receipt.blockNumber, d.tokens)
                let venue = file.opportunityID.flatMap { try? history.opportunity(id: $0) }
                    .flatMap { PnLRecorder.venueLabel(routeJSON: $0.route) }
                if let current = try history.execution(id: record.id) {
                    try PnLRecorder.record(
                        store: history, execution: current, deltas: d, valuation: valuation, venue: venue)
                }
            } catch {
                FileHandle.standardError.write(Data("warning: realised P&L not valued: \(error)\n".utf8))
            }
        }
        return ExecutionOutcome(
            executionID: record.id, state: state, simulation: sim ?? placeholder(file), txHash: outcome.hash,
            nonce: outcome.nonce, blockNumber: outcome.receipt?.blockNumber, gasUsed: outcome.receipt?.gasUsed,
            effectiveGasPrice: outcome.receipt?.effectiveGasPrice, l1Fee: l1, realisedDeltas: deltas,
            realisedProfit: realisedProfit, reconciled: reconciled)
    }

    /// The OP-stack L1 data fee of an included transaction: GasPriceOracle.getL1Fee over its unsigned envelope,
    /// read at the parent of its block (the L1 fee parameters it was charged with).
    static func l1FeePaid(_ hash: Hash32, context: RunContext, block: UInt64) async throws(ExecutionError) -> U256 {
        let info: TransactionInfo?
        do { info = try await context.client.transaction(hash) } catch { throw .from(error) }
        guard let t = info else { return .zero }
        let tx = Transaction.dynamicFee(
            chainID: context.chainID, nonce: t.nonce,
            maxPriorityFeePerGas: t.maxPriorityFeePerGas ?? .zero,
            maxFeePerGas: t.maxFeePerGas ?? t.gasPrice ?? .zero, gasLimit: t.gas, to: t.to,
            value: t.value, data: t.input)
        do {
            return try await OPStack.l1Fee(of: tx, client: context.client, at: .number(block > 0 ? block - 1 : 0))
        } catch {
            throw .from(error)
        }
    }

    static func placeholder(_ file: PlanFile) -> PlanSimulation {
        PlanSimulation(
            plan: file, from: .zero, calldata: [],
            simulation: Simulation(
                blockNumber: 0, outcome: .success([]), gasEstimate: nil, gasLimit: 0, executionGas: 0, deltas: []),
            profit: nil, fee: .legacy(gasPrice: .zero), gasPrice: .zero, l1Fee: .zero, gasCost: .zero,
            gasCostInProfitToken: nil, netProfit: nil, refusal: nil)
    }

    static func storeDeltas(_ history: HistoryStore, id: String, source: String, _ deltas: [TokenDelta])
        throws(ExecutionError)
    {
        let rows = deltas.map {
            ExecutionDeltaRecord(
                executionID: id, source: source, holder: $0.holder.checksummed,
                token: $0.token.checksummed, delta: $0.delta.description)
        }
        do { try history.recordExecutionDeltas(rows) } catch { throw .from(error) }
    }

    /// Finishes executions a killed run left journaled/broadcast/pending: their receipts (by hash) decide.
    static func reconcileHistory(context: RunContext) async throws(ExecutionError) {
        guard let history = context.history else { return }
        let open: [ExecutionRecord]
        do {
            open = try history.listExecutions(
                filter: ExecutionFilter(
                    states: [.journaled, .broadcast, .pending], chainID: context.chainID))
        } catch { throw .from(error) }
        for rec in open {
            guard let h = rec.txHash, let hash = try? Hash32(hex: h) else { continue }
            let receipt: Receipt?
            do { receipt = try await context.client.receipt(hash) } catch { throw .from(error) }
            guard let receipt else { continue }
            let executor = receipt.to ?? .zero
            let sender = receipt.from
            // A malformed Transfer log leaves the realised profit unknown (nil), never a silent zero.
            let realised = try? TokenDelta.realised(receipt: receipt, executor: executor, l1Fee: nil)
            let deltas = realised ?? []
            let token = (try? Address(parsing: rec.profitToken ?? "")) ?? .zero
            let profit: I256? = realised.map { d in d.first { $0.holder == sender && $0.token == token }?.delta ?? I256(0) }
            do {
                try history.transitionExecution(
                    id: rec.id, from: rec.state, to: receipt.succeeded ? .included : .reverted
                ) { r in
                    r.gasUsed = receipt.gasUsed
                    r.effectiveGasPrice = receipt.effectiveGasPrice.description
                    r.blockNumber = receipt.blockNumber
                    r.fees = receipt.fee.description
                    r.grossProfit = profit?.description
                    if context.wrappedNative == token, let profit, let f = I256(negative: false, magnitude: receipt.fee) {
                        r.netProfit = (profit &- f).description
                    }
                }
            } catch { throw .from(error) }
            try storeDeltas(history, id: rec.id, source: "realised", deltas)
        }
    }
}
