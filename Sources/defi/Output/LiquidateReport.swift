import DeFiCore
import Execution
import Primitives
import Protocols
import Strategies

/// `defi liquidate`: one summary (positions checked, liquidatable, executed with tx hashes and profit, skipped
/// with reasons); JSON carries every amount as a decimal string.
struct LiquidateReport: Report {
    let summary: LiquidationSummary
    /// Symbols and decimals for the human table's profit (`2730540916 [2730.540916 USDC]`); JSON/CSV stay raw.
    var names: TokenNames? = nil

    /// The documented exit code of an outcome.
    static func exitCode(_ o: LiquidationSummary.Outcome) -> ExitCode {
        switch o {
        case .nothingToDo: .nothingToDo
        case .allDone: .success
        case .partialFailure: .partialFailure
        case .failed: .failure
        }
    }

    struct ProtocolView: Encodable {
        var lendingProtocol: String
        var configured: Bool
        var block: UInt64?
        var version: String?
        var indexedFrom: UInt64?
        var indexedTo: UInt64?
        var indexCursor: UInt64?
        var newBorrowers: Int?
        var checked: Int
        var liquidatable: Int
        var healthCheckSeconds: Double
        var healthCheckRoundTrips: Int

        enum CodingKeys: String, CodingKey {
            case configured, block, version, checked, liquidatable
            case lendingProtocol = "protocol", indexedFrom = "indexed_from", indexedTo = "indexed_to"
            case indexCursor = "index_cursor", newBorrowers = "new_borrowers"
            case healthCheckSeconds = "health_check_seconds", healthCheckRoundTrips = "health_check_round_trips"
        }
    }

    struct ExecutedView: Encodable {
        var lendingProtocol: String
        var user: String
        var collateral: String
        var debt: String
        var debtToCover: String
        var predictedDebtRepaid: String
        var predictedCollateral: String
        var predictedProtocolFee: String
        var predictedProfit: String
        var simulatedProfit: String?
        var netProfitUSD: String
        var txHash: String?
        var succeeded: Bool?
        var realizedProfit: String?
        var actualDebtRepaid: String?
        var actualCollateral: String?
        var gasUsed: UInt64?
        var failure: String?

        enum CodingKeys: String, CodingKey {
            case user, collateral, debt, succeeded, failure
            case lendingProtocol = "protocol", predictedDebtRepaid = "predicted_debt_repaid", debtToCover = "debt_to_cover"
            case predictedCollateral = "predicted_collateral", predictedProtocolFee = "predicted_protocol_fee"
            case predictedProfit = "predicted_profit", simulatedProfit = "simulated_profit"
            case netProfitUSD = "net_profit_usd", txHash = "tx_hash", realizedProfit = "realized_profit"
            case actualDebtRepaid = "actual_debt_repaid", actualCollateral = "actual_collateral", gasUsed = "gas_used"
        }
    }

    struct SkippedView: Encodable {
        var lendingProtocol: String
        var user: String
        var reason: String
        var detail: String

        enum CodingKeys: String, CodingKey {
            case user, reason, detail
            case lendingProtocol = "protocol"
        }
    }

    enum CodingKeys: String, CodingKey {
        case outcome, dryRun = "dry_run", minProfitUSD = "min_profit_usd", protocols, executed, skipped
        case checked, liquidatable
    }

    static func usd(_ base: I256) -> String {
        (base.isNegative ? "-" : "") + Units.format(base.magnitude, decimals: 8)
    }

    var protocolViews: [ProtocolView] {
        summary.protocols.map { p in
            ProtocolView(
                lendingProtocol: p.lendingProtocol.rawValue, configured: p.configured, block: p.block, version: p.version,
                indexedFrom: p.index?.fromBlock, indexedTo: p.index?.toBlock, indexCursor: p.index?.cursor,
                newBorrowers: p.index?.added, checked: p.checked, liquidatable: p.liquidatable,
                healthCheckSeconds: p.healthCheckSeconds, healthCheckRoundTrips: p.healthCheckRoundTrips)
        }
    }

    var executedViews: [ExecutedView] {
        summary.executed.map { e in
            ExecutedView(
                lendingProtocol: e.lendingProtocol.rawValue, user: e.user.checksummed,
                collateral: e.collateralAsset.checksummed, debt: e.debtAsset.checksummed,
                debtToCover: e.debtToCoverArgument == .max ? "max" : e.debtToCoverArgument.decimalString,
                predictedDebtRepaid: e.predictedDebtRepaid.decimalString,
                predictedCollateral: e.predictedCollateral.decimalString,
                predictedProtocolFee: e.predictedProtocolFee.decimalString,
                predictedProfit: e.predictedProfit.description, simulatedProfit: e.simulatedProfit?.decimalString,
                netProfitUSD: Self.usd(e.netProfitBase), txHash: e.txHash?.description, succeeded: e.succeeded,
                realizedProfit: e.realizedProfit?.decimalString, actualDebtRepaid: e.actualDebtRepaid?.decimalString,
                actualCollateral: e.actualCollateral?.decimalString, gasUsed: e.gasUsed, failure: e.failure)
        }
    }

    var skippedViews: [SkippedView] {
        summary.skipped.map {
            SkippedView(
                lendingProtocol: $0.lendingProtocol.rawValue, user: $0.user.checksummed, reason: $0.reason.code,
                detail: $0.reason.description)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(summary.outcome.rawValue, forKey: .outcome)
        try c.encode(summary.dryRun, forKey: .dryRun)
        try c.encode(Units.format(summary.minProfitBase, decimals: 8), forKey: .minProfitUSD)
        try c.encode(summary.protocols.reduce(0) { $0 + $1.checked }, forKey: .checked)
        try c.encode(summary.protocols.reduce(0) { $0 + $1.liquidatable }, forKey: .liquidatable)
        try c.encode(protocolViews, forKey: .protocols)
        try c.encode(executedViews, forKey: .executed)
        try c.encode(skippedViews, forKey: .skipped)
    }

    var columns: [String] { ["kind", "protocol", "user", "tx_hash", "profit", "net_profit_usd", "reason"] }

    var rows: [[String]] {
        executedViews.map {
            ["executed", $0.lendingProtocol, $0.user, $0.txHash ?? "", $0.realizedProfit ?? $0.simulatedProfit ?? "",
             $0.netProfitUSD, $0.failure ?? ""]
        } + skippedViews.map { ["skipped", $0.lendingProtocol, $0.user, "", "", "", $0.detail] }
    }

    /// The human table: the profit also in whole units of the debt token when the config names it.
    var humanRows: [[String]] {
        guard let names else { return rows }
        return zip(summary.executed, executedViews).map { e, v in
            let raw = e.realizedProfit ?? e.simulatedProfit
            return ["executed", v.lendingProtocol, v.user, v.txHash ?? "", raw.map { names.amount($0, e.debtAsset) } ?? "",
                    v.netProfitUSD, v.failure ?? ""]
        } + rows.dropFirst(executedViews.count)
    }

    func humanText(style: TextStyle) -> String {
        var t = ""
        for p in protocolViews {
            if !p.configured {
                t += "\(p.lendingProtocol): not configured\n"
                continue
            }
            t += "\(p.lendingProtocol)\(p.version.map { " \($0)" } ?? ""): block \(p.block ?? 0), \(p.checked) positions checked, "
                + "\(p.liquidatable) liquidatable"
            if let n = p.newBorrowers { t += ", \(n) new borrowers indexed" }
            t += "\n"
        }
        t += "outcome: \(summary.outcome.rawValue)\(summary.dryRun ? " (dry run)" : "")\n"
        if !rows.isEmpty { t += Table(columns: columns, rows: humanRows).aligned(style: style) }
        return t
    }
}
