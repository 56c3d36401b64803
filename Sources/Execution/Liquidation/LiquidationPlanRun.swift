import Chain
import DeFiCore
import Foundation
import History
import Primitives
import Strategies

extension LiquidationSweep {
    /// What running one sized liquidation plan did.
    enum PlanRunResult {
        /// Simulated (dry-run) or sent; failures are in `failure`.
        case executed(LiquidationExecution)
        /// Not executed, with the reason (simulation refused, reverted or failed).
        case skipped(LiquidationSkip)
    }

    /// The simulate/execute step shared by every protocol's sweep. Dry-run: simulate from `sender` exactly as it
    /// would be sent (`PlanRunner.simulate`). Live: `PlanRunner.execute` (simulate, caps, sign, journal, broadcast,
    /// wait, record valued P&L), then `readReceipt` fills the protocol's amounts from the receipt. `sent` is set
    /// when a transaction may have moved the pools (the caller re-quotes the next sale).
    static func runPlan(
        _ file: PlanFile, exec start: LiquidationExecution, request: LiquidationRequest, sender: Address,
        context: RunContext, client: RPCClient, sent: inout Bool,
        readReceipt: (Receipt, inout LiquidationExecution) -> Void
    ) async throws -> PlanRunResult {
        var exec = start
        if request.dryRun {
            let sim: PlanSimulation
            do { sim = try await PlanRunner.simulate(file, from: sender, context: context) } catch {
                if case .network(let m) = error { throw LiquidationError.failure(m) }
                return .skipped(.error(error.description))
            }
            if let r = sim.refusal { return .skipped(.simulationReverted(r)) }
            exec.simulatedProfit = sim.profit
            exec.gasUsed = sim.simulation.gasEstimate
            return .executed(exec)
        }
        guard let signer = request.signer else { throw LiquidationError.usage("a live run needs a signer") }
        sent = true
        do {
            let outcome = try await PlanRunner.execute(plan: file, signer: signer, context: context, engine: "liquidate")
            exec.simulatedProfit = outcome.simulation.profit
            exec.txHash = outcome.txHash
            exec.gasUsed = outcome.gasUsed
            exec.succeeded = outcome.state == .included
            if let p = outcome.realisedProfit, !p.isNegative { exec.realizedProfit = p.magnitude }
            if let h = outcome.txHash, let r = try? await client.receipt(h) { readReceipt(r, &exec) }
            if outcome.state != .included { exec.failure = "not included (\(outcome.state.rawValue))" }
        } catch {
            if case .refused(let code, let reason) = error {
                sent = false
                return .skipped(.simulationReverted("\(code): \(reason)"))
            }
            exec.failure = error.description
        }
        return .executed(exec)
    }

    /// The executor (`execution.flash_loan.contract_address`); exit 2 when unset.
    static func executorAddress(_ config: DefiConfig) throws(LiquidationError) -> Address {
        guard let text = config.flashLoan.contractAddress, let executor = try? Address(parsing: text) else {
            throw .usage("execution.flash_loan.contract_address (the executor) is not set")
        }
        return executor
    }

    /// Live runs: a signer is required, and a killed earlier run's journaled transactions are resolved before
    /// anything new is sent (dry runs: nothing).
    static func reconcileBeforeSending(
        _ request: LiquidationRequest, config: DefiConfig, client: RPCClient, store: HistoryStore, chainID: UInt64
    ) async throws {
        guard !request.dryRun else { return }
        guard let signer = request.signer else {
            throw LiquidationError.usage("a live run needs the executor owner's key (--keystore, --private-key-file or DEFI_PRIVATE_KEY); or use --dry-run")
        }
        let maxGas = try? Units.parse(config.flashLoan.maxGasPriceGwei.description, decimals: 9)
        let s = TransactionSender(
            client: client, signer: signer, journal: HistoryJournal(store: store), chainID: chainID,
            fees: FeeOracle(maxGasPrice: maxGas))
        do { _ = try await s.reconcile() } catch { Diagnostics.warn("could not reconcile the journal: \(error)") }
    }

    /// The context every sweep sends with: the gas-price cap, the checkpoint hook, and realised P&L valued like
    /// `execute`'s (Aave oracle prices at the inclusion block).
    static func sweepContext(
        _ request: LiquidationRequest, config: DefiConfig, client: RPCClient, store: HistoryStore, chainID: UInt64,
        native: Address?
    ) -> RunContext {
        let maxGas = try? Units.parse(config.flashLoan.maxGasPriceGwei.description, decimals: 9)
        var context = RunContext(
            client: client, chainID: chainID, history: store, fees: FeeOracle(maxGasPrice: maxGas), block: .latest,
            wrappedNative: native, lockPath: nil)
        context.checkpoint = request.checkpoint
        context.valuation = ExecutionService.pnlValuation(config: config, client: client, wrappedNative: native)
        return context
    }

    /// Journaled, not yet final transactions of `sender` whose calldata `decode` recognises, by account.
    static func inFlight(
        store: HistoryStore, chainID: UInt64, sender: Address, decode: ([UInt8]) -> [Address]
    ) -> [Address: String] {
        let final: [TransactionState] = [.included, .reverted, .replaced, .dropped, .failed]
        guard let rows = try? store.transactions(chainID: chainID, sender: sender.checksummed) else { return [:] }
        var out: [Address: String] = [:]
        for r in rows where !final.contains(r.state) {
            guard let tx = try? SignedTransaction.decode(hex: r.raw) else { continue }
            for user in decode(tx.transaction.data) { out[user] = r.hash }
        }
        return out
    }
}
