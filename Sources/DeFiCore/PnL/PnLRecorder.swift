import Chain
import Foundation
import History
import Primitives

/// Writes an execution's realised result and its valuation: the one recording function `execute` and the tests use.
public enum PnLRecorder {
    /// The execution row updated with what the receipt says, and its `execution_pnl` row.
    public struct Recorded: Sendable, Equatable {
        /// The execution as stored.
        public var execution: ExecutionRecord
        /// The valuation as stored.
        public var pnl: ExecutionPnLRecord
        /// The values.
        public var valued: ValuedPnL
    }

    /// Builds both rows without touching a store (pure): state from the receipt, gas, L1 fee, block, and the
    /// result columns in the profit token when the execution names one and has none yet.
    public static func rows(
        execution: ExecutionRecord, deltas: ExecutionDeltas, valuation: QuoteValuation, venue: String?,
        at time: Date
    ) throws(PnLError) -> Recorded {
        if let hash = execution.txHash, hash.lowercased() != deltas.transactionHash.description.lowercased() {
            throw .mismatch("execution \(execution.id) is transaction \(hash), the receipt is \(deltas.transactionHash)")
        }
        let valued = try PnLValuer.value(deltas, in: valuation)
        var e = execution
        e.txHash = deltas.transactionHash.description
        e.sender = e.sender ?? deltas.sender.lowercaseHex
        e.state = deltas.succeeded ? .included : .reverted
        e.updatedAt = time
        e.gasUsed = deltas.gasUsed
        e.effectiveGasPrice = deltas.effectiveGasPrice.description
        e.l1Fee = deltas.l1Fee.description
        e.blockNumber = deltas.blockNumber
        if e.fees == nil { e.fees = deltas.totalGasCost.description }
        if let text = e.profitToken, let token = try? Address(parsing: text.lowercased()) {
            let net = deltas.combined(token: token)
            let flash = deltas.flashFees.filter { $0.token == token }.reduce(U256.zero) { $0 + $1.amount }
            if e.netProfit == nil { e.netProfit = net.description }
            if e.grossProfit == nil, let f = I256(negative: false, magnitude: flash) {
                let (g, o) = net.addingReportingOverflow(f)
                if !o { e.grossProfit = g.description }
            }
        }
        let pnl = ExecutionPnLRecord(
            executionID: e.id, blockNumber: valuation.blockNumber, quote: valuation.quote,
            quoteDecimals: valuation.quoteDecimals, gross: valued.gross.description, gas: valued.gas.description,
            fees: valued.fees.description, net: valued.net.description, gasWei: deltas.totalGasCost.description,
            l1FeeWei: deltas.l1Fee.description, valuationSource: valuation.source, venue: venue,
            deltas: deltasJSON(deltas, valuation: valuation), recordedAt: time)
        return Recorded(execution: e, pnl: pnl, valued: valued)
    }

    /// Computes the rows and writes both in one transaction.
    @discardableResult
    public static func record(
        store: HistoryStore, execution: ExecutionRecord, deltas: ExecutionDeltas, valuation: QuoteValuation,
        venue: String? = nil, at time: Date = Date()
    ) throws -> Recorded {
        let recorded = try rows(execution: execution, deltas: deltas, valuation: valuation, venue: venue, at: time)
        try store.recordExecution(recorded.execution, pnl: recorded.pnl)
        return recorded
    }

    /// The venue label of a `defi.route/1` route: its hops' distinct venues in order, joined by `+`.
    public static func venueLabel(routeJSON: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(routeJSON.utf8)) as? [String: Any],
            let hops = object["hops"] as? [[String: Any]]
        else { return nil }
        var seen: [String] = []
        for hop in hops {
            if let v = hop["venue"] as? String, !v.isEmpty, !seen.contains(v) { seen.append(v) }
        }
        return seen.isEmpty ? nil : seen.joined(separator: "+")
    }

    /// The evidence kept with a valuation: raw deltas, flash fees, gas and the prices used (sorted keys).
    static func deltasJSON(_ d: ExecutionDeltas, valuation: QuoteValuation) -> String {
        var prices: [String: String] = [:]
        for token in d.tokens + [ExecutionDeltas.native] {
            if let p = valuation.prices[token] { prices[token.lowercaseHex] = "\(p.num)/\(p.den)" }
        }
        let object: [String: Any] = [
            "succeeded": d.succeeded,
            "sender": d.sender.lowercaseHex,
            "executor": d.executor?.lowercaseHex ?? NSNull(),
            "gas_used": d.gasUsed,
            "effective_gas_price": d.effectiveGasPrice.description,
            "gas_fee": d.gasFee.description,
            "l1_fee": d.l1Fee.description,
            "deltas": d.deltas.map {
                ["account": $0.account.lowercaseHex, "token": $0.token.lowercaseHex, "amount": $0.amount.description]
            },
            "flash_fees": d.flashFees.map {
                ["lender": $0.lender.lowercaseHex, "token": $0.token.lowercaseHex, "amount": $0.amount.description,
                 "source": $0.source.rawValue]
            },
            "prices": prices,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
