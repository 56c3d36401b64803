import DeFiCore
import Foundation
import History

/// The stable JSON and text form of a history record (dates ISO 8601 UTC, amounts decimal strings).
enum HistoryRecordView {
    static func date(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: d)
    }

    /// The summary row `defi history list` shows.
    static func summary(_ record: HistoryRecord) -> Fields {
        switch record {
        case .opportunity(let o):
            return Fields([
                ("kind", .string("opportunity")), ("id", .string(o.id)), ("created_at", .string(date(o.createdAt))),
                ("strategy", .string(o.strategy)), ("status", .string(o.status.rawValue)),
                ("chain_id", .number(o.chainID)), ("block_number", .number(o.blockNumber)),
                ("net_profit", .string(o.netProfit)), ("tx_hash", .null),
            ])
        case .execution(let e):
            return Fields([
                ("kind", .string("execution")), ("id", .string(e.id)), ("created_at", .string(date(e.createdAt))),
                ("strategy", .string(e.strategy)), ("status", .string(e.state.rawValue)),
                ("chain_id", .number(e.chainID)), ("block_number", .int(e.blockNumber)),
                ("net_profit", .text(e.netProfit)), ("tx_hash", .text(e.txHash)),
            ])
        }
    }

    /// Every column `defi history show` shows.
    static func detail(_ record: HistoryRecord) -> Fields {
        switch record {
        case .opportunity(let o):
            return Fields([
                ("kind", .string("opportunity")), ("id", .string(o.id)), ("created_at", .string(date(o.createdAt))),
                ("chain_id", .number(o.chainID)), ("block_number", .number(o.blockNumber)),
                ("block_hash", .string(o.blockHash)), ("strategy", .string(o.strategy)),
                ("status", .string(o.status.rawValue)), ("route", .string(o.route)), ("size", .string(o.size)),
                ("token_in", .string(o.tokenIn)), ("gross_profit", .string(o.grossProfit)),
                ("costs", .string(o.costs)), ("net_profit", .string(o.netProfit)),
                ("net_profit_usd", .string(o.netProfitUSD)),
            ])
        case .execution(let e):
            return Fields([
                ("kind", .string("execution")), ("id", .string(e.id)), ("opportunity_id", .text(e.opportunityID)),
                ("strategy", .string(e.strategy)), ("engine", .string(e.engine)),
                ("created_at", .string(date(e.createdAt))), ("updated_at", .string(date(e.updatedAt))),
                ("status", .string(e.state.rawValue)), ("chain_id", .number(e.chainID)),
                ("tx_hash", .text(e.txHash)), ("nonce", .int(e.nonce)), ("sender", .text(e.sender)),
                ("gas_used", .int(e.gasUsed)), ("effective_gas_price", .text(e.effectiveGasPrice)),
                ("l1_fee", .text(e.l1Fee)), ("gross_profit", .text(e.grossProfit)), ("fees", .text(e.fees)),
                ("net_profit", .text(e.netProfit)), ("profit_token", .text(e.profitToken)),
                ("block_number", .int(e.blockNumber)), ("error_code", .text(e.errorCode)),
                ("error_message", .text(e.errorMessage)),
            ])
        }
    }
}
