import DeFiCore
import Execution
import Primitives

/// Token symbols and decimals for human amounts (`97066843 [97.066843 USDC]`).
struct TokenNames {
    var names: [Address: (symbol: String, decimals: Int)]

    init(config: DefiConfig) {
        var n: [Address: (String, Int)] = [.zero: ("ETH", 18)]
        for (sym, t) in config.tokens { if let a = try? Address(parsing: t.address) { n[a] = (t.symbol ?? sym, t.decimals) } }
        names = n
    }

    func symbol(_ a: Address) -> String { names[a]?.symbol ?? a.checksummed }

    func amount(_ v: U256, _ token: Address) -> String {
        guard let (s, d) = names[token] else { return v.decimalString }
        return "\(v.decimalString) [\(Units.format(v, decimals: d)) \(s)]"
    }

    func signed(_ v: I256, _ token: Address) -> String {
        guard let (s, d) = names[token] else { return v.description }
        return "\(v.description) [\(v.isNegative ? "-" : "+")\(Units.format(v.magnitude, decimals: d)) \(s)]"
    }
}

/// One per-token change for JSON.
struct DeltaView: Encodable {
    var holder: String
    var token: String
    var before: String?
    var after: String?
    var delta: String
}

/// `defi simulate`: outcome, profit, gas and per-token deltas of the exact transaction at one block.
struct SimulationReport: Report {
    let result: SimulationResult
    let names: TokenNames

    struct CandidateView: Encodable {
        var engine: String
        var source: String
        var fee: String
        var success: Bool?
        var profit: String?
        var netProfit: String?
        var note: String?
        enum CodingKeys: String, CodingKey { case engine, source, fee, success, profit, note, netProfit = "net_profit" }
    }

    struct View: Encodable {
        var target: String
        var blockNumber: UInt64
        var from: String
        var to: String
        var success: Bool
        var revertReason: String?
        var profitable: Bool
        var profitToken: String?
        var profit: String?
        var gasEstimate: UInt64?
        var gasLimit: UInt64
        var gasPrice: String?
        var gasCostWei: String?
        var netProfit: String?
        var engine: String?
        var flashKind: String?
        var routeSize: String?
        var deltas: [DeltaView]
        var candidates: [CandidateView]
        var skipped: [String]
        var calldata: String?
        enum CodingKeys: String, CodingKey {
            case target, from, to, success, profitable, profit, engine, deltas, candidates, skipped, calldata
            case blockNumber = "block_number", revertReason = "revert_reason", profitToken = "profit_token"
            case gasEstimate = "gas_estimate", gasLimit = "gas_limit", gasPrice = "gas_price", gasCostWei = "gas_cost_wei"
            case netProfit = "net_profit", flashKind = "flash_kind", routeSize = "route_size"
        }
    }

    var simulation: Simulation? { result.plan?.simulation ?? result.raw }

    var view: View {
        let sim = simulation
        let plan = result.plan
        let chosen = result.candidates.first { c in plan.map { $0.plan.plan.flash == c.candidate.plan.flash } ?? false }
        return View(
            target: targetText, blockNumber: sim?.blockNumber ?? 0,
            from: (plan?.from ?? result.rawFrom)?.checksummed ?? "", to: plan?.plan.executor.checksummed ?? "",
            success: sim?.succeeded ?? false, revertReason: sim?.revertReason?.description, profitable: result.profitable,
            profitToken: plan?.plan.plan.profitToken.checksummed, profit: plan?.profit?.decimalString,
            gasEstimate: sim?.gasEstimate, gasLimit: sim?.gasLimit ?? 0, gasPrice: plan?.gasPrice.decimalString,
            gasCostWei: plan?.gasCost.decimalString, netProfit: plan?.netProfit?.description,
            engine: chosen?.candidate.engine.recordName, flashKind: plan?.plan.plan.flash.kind.name,
            routeSize: result.route?.size.decimalString,
            deltas: (sim?.deltas ?? []).filter { !$0.delta.isZero }.map {
                DeltaView(holder: $0.holder.checksummed, token: $0.token.checksummed, before: $0.before.decimalString,
                          after: $0.after.decimalString, delta: $0.delta.description)
            },
            candidates: result.candidates.map { c in
                CandidateView(engine: c.candidate.engine.recordName, source: c.candidate.source,
                              fee: c.candidate.fee.decimalString, success: c.simulation?.simulation.succeeded,
                              profit: c.simulation?.profit?.decimalString, netProfit: c.simulation?.netProfit?.description,
                              note: c.note)
            },
            skipped: result.skipped, calldata: plan.map { Hex.encode($0.calldata) })
    }

    var targetText: String {
        switch result.target {
        case .opportunity(let id): id
        case .planFile(let p): p
        case .transaction: "transaction"
        }
    }

    func encode(to encoder: any Encoder) throws { try view.encode(to: encoder) }

    var columns: [String] { ["holder", "token", "delta"] }
    var rows: [[String]] { view.deltas.map { [$0.holder, $0.token, $0.delta] } }

    func humanText(style: TextStyle) -> String {
        let v = view
        var t = "simulate \(v.target) at block \(v.blockNumber): "
        t += v.success ? (v.profitable ? "success, profitable\n" : "success, not profitable\n")
            : "reverts: \(v.revertReason ?? "no reason")\n"
        t += "  from \(v.from)\(v.to.isEmpty ? "" : " to \(v.to)")\n"
        if let plan = result.plan {
            let token = plan.plan.plan.profitToken
            if let e = v.engine { t += "  engine \(e): \(v.flashKind ?? "")\n" }
            if let p = plan.profit { t += "  profit \(names.amount(p, token))\n" }
            t += "  gas estimate \(v.gasEstimate.map(String.init) ?? "-"), limit \(v.gasLimit), price "
                + "\(Units.format(plan.gasPrice, decimals: 9)) gwei, cost \(names.amount(plan.gasCost, .zero))\n"
            if let n = plan.netProfit { t += "  net after gas \(names.signed(n, token))\n" }
            if let r = plan.refusal { t += "  refused: \(r)\n" }
        } else if let sim = result.raw, let g = sim.gasEstimate {
            t += "  gas estimate \(g), limit \(sim.gasLimit)\n"
        }
        if let sim = simulation {
            let rows = sim.deltas.filter { !$0.delta.isZero }.map { d in
                [d.holder == (result.plan?.from ?? result.rawFrom) ? "sender" : "executor", names.symbol(d.token),
                 names.signed(d.delta, d.token)]
            }
            if !rows.isEmpty { t += Table(columns: ["holder", "token", "change"], rows: rows).aligned(style: style) }
        }
        if !result.candidates.isEmpty {
            t += "funding options:\n"
            let rows = result.candidates.map { c -> [String] in
                [c.candidate.engine.recordName, c.candidate.source, c.simulation?.profit?.decimalString ?? "-",
                 c.simulation?.netProfit?.description ?? "-", c.note ?? "ok"]
            }
            t += Table(columns: ["engine", "source", "profit", "net", "result"], rows: rows).aligned(style: style)
        }
        for s in result.skipped { t += "  (skipped: \(s))\n" }
        return t
    }
}

/// `defi execute`: the realised result of one sent plan (or the dry run's simulation).
struct ExecutionReport: Report {
    let outcome: ExecutionOutcome
    let names: TokenNames
    let dryRun: Bool

    struct View: Encodable {
        var executionID: String?
        var state: String
        var dryRun: Bool
        var txHash: String?
        var nonce: UInt64?
        var blockNumber: UInt64?
        var gasUsed: UInt64?
        var effectiveGasPrice: String?
        var l1Fee: String?
        var profitToken: String
        var simulatedProfit: String?
        var simulatedBlock: UInt64
        var realisedProfit: String?
        var deltas: [DeltaView]
        var reconciled: [String]
        enum CodingKeys: String, CodingKey {
            case state, nonce, deltas, reconciled
            case executionID = "execution_id", dryRun = "dry_run", txHash = "tx_hash", blockNumber = "block_number"
            case gasUsed = "gas_used", effectiveGasPrice = "effective_gas_price", l1Fee = "l1_fee"
            case profitToken = "profit_token", simulatedProfit = "simulated_profit", simulatedBlock = "simulated_block"
            case realisedProfit = "realised_profit"
        }
    }

    var view: View {
        View(executionID: outcome.executionID, state: dryRun ? "dry_run" : outcome.state.rawValue, dryRun: dryRun,
             txHash: outcome.txHash?.description, nonce: outcome.nonce, blockNumber: outcome.blockNumber,
             gasUsed: outcome.gasUsed, effectiveGasPrice: outcome.effectiveGasPrice?.decimalString,
             l1Fee: outcome.l1Fee?.decimalString, profitToken: outcome.simulation.plan.plan.profitToken.checksummed,
             simulatedProfit: outcome.simulation.profit?.decimalString, simulatedBlock: outcome.simulation.simulation.blockNumber,
             realisedProfit: outcome.realisedProfit?.description,
             deltas: outcome.realisedDeltas.map {
                 DeltaView(holder: $0.holder.checksummed, token: $0.token.checksummed, before: nil, after: nil,
                           delta: $0.delta.description)
             },
             reconciled: outcome.reconciled.map { "\($0.hash) \($0.state.rawValue)" })
    }

    func encode(to encoder: any Encoder) throws { try view.encode(to: encoder) }

    var columns: [String] { ["execution_id", "state", "tx_hash", "block", "gas_used", "realised_profit"] }
    var rows: [[String]] {
        let v = view
        return [[v.executionID ?? "", v.state, v.txHash ?? "", v.blockNumber.map(String.init) ?? "",
                 v.gasUsed.map(String.init) ?? "", v.realisedProfit ?? ""]]
    }

    func humanText(style: TextStyle) -> String {
        let v = view
        let token = outcome.simulation.plan.plan.profitToken
        var t = ""
        for r in v.reconciled { t += "reconciled \(r)\n" }
        if dryRun {
            t += "dry run: simulated at block \(v.simulatedBlock), nothing sent\n"
            if let p = outcome.simulation.profit { t += "  profit \(names.amount(p, token))\n" }
            if let g = outcome.simulation.simulation.gasEstimate { t += "  gas estimate \(g)\n" }
            return t
        }
        t += "execution \(v.executionID ?? "-"): \(v.state)\n"
        if let h = v.txHash { t += "  tx \(h) nonce \(v.nonce.map(String.init) ?? "-")\n" }
        if let b = v.blockNumber { t += "  block \(b), gas used \(v.gasUsed.map(String.init) ?? "-") at "
            + "\(outcome.effectiveGasPrice.map { Units.format($0, decimals: 9) } ?? "-") gwei\n" }
        if let p = outcome.realisedProfit { t += "  realised profit \(names.signed(p, token))" }
        if let s = outcome.simulation.profit { t += " (simulated \(s.decimalString) at block \(v.simulatedBlock))\n" }
        let rows = outcome.realisedDeltas.map { d in
            [d.holder == outcome.simulation.from ? "sender" : "executor", names.symbol(d.token), names.signed(d.delta, d.token)]
        }
        if !rows.isEmpty { t += Table(columns: ["holder", "token", "change"], rows: rows).aligned(style: style) }
        return t
    }
}
