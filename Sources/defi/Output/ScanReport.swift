import DeFiCore
import Primitives
import Protocols
import Strategies
import Validation

/// `defi scan`: ranked opportunities with route, size, gross, costs and net (token and USD).
struct ScanReport: Report {
    let result: ScanResult

    struct HopView: Encodable {
        var kind: String
        var venue: String
        var pool: String
        var tokenIn: String
        var tokenOut: String
        var extra: String
        var amountIn: String
        var amountOut: String
        var minOut: String

        enum CodingKeys: String, CodingKey {
            case kind, venue, pool, extra
            case tokenIn = "token_in", tokenOut = "token_out", amountIn = "amount_in", amountOut = "amount_out"
            case minOut = "min_out"
        }
    }

    struct CostView: Encodable {
        var gasUnits: UInt64
        var gasWei: String
        var l1FeeWei: String
        var flashFee: String
        var total: String
        var totalUSD: String

        enum CodingKeys: String, CodingKey {
            case total
            case gasUnits = "gas_units", gasWei = "gas_wei", l1FeeWei = "l1_fee_wei", flashFee = "flash_fee"
            case totalUSD = "total_usd"
        }
    }

    struct Row: Encodable {
        var rank: Int
        var id: String?
        var strategy: String
        var path: String
        var token: String
        var tokenAddress: String
        var decimals: Int
        var size: String
        var amountOut: String
        var grossProfit: String
        var grossProfitUSD: String?
        var costs: CostView?
        var netProfit: String
        var netProfitUSD: String?
        var spreadBps: Int
        var blockNumber: UInt64
        var hops: [HopView]
        var rejections: [String]

        enum CodingKeys: String, CodingKey {
            case rank, id, strategy, path, token, decimals, size, costs, hops, rejections
            case tokenAddress = "token_address", amountOut = "amount_out", grossProfit = "gross_profit"
            case grossProfitUSD = "gross_profit_usd", netProfit = "net_profit", netProfitUSD = "net_profit_usd"
            case spreadBps = "spread_bps", blockNumber = "block_number"
        }
    }

    enum CodingKeys: String, CodingKey {
        case blockNumber = "block_number", blockHash = "block_hash", source, opportunities, rejected
        case cycles, evaluated, sized, gasPriceWei = "gas_price_wei", flashSource = "flash_source"
        case minProfitUSD = "min_profit_usd", minSpreadBps = "min_spread_bps", maxPositionUSD = "max_position_usd"
        case slippageBps = "slippage_bps"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let s = result.snapshot
        try c.encode(s.blockNumber, forKey: .blockNumber)
        try c.encode(s.blockHash.description, forKey: .blockHash)
        try c.encode(result.source, forKey: .source)
        try c.encode(views(result.opportunities), forKey: .opportunities)
        try c.encode(result.rejected.count, forKey: .rejected)
        try c.encode(result.cycles, forKey: .cycles)
        try c.encode(result.evaluated, forKey: .evaluated)
        try c.encode(result.sized, forKey: .sized)
        try c.encode(result.gasPriceWei.decimalString, forKey: .gasPriceWei)
        try c.encode(result.flash.name, forKey: .flashSource)
        try c.encode(result.policy.minProfitUSD.text(), forKey: .minProfitUSD)
        try c.encode(result.policy.minSpreadBps, forKey: .minSpreadBps)
        try c.encode(result.policy.maxPositionUSD.text(), forKey: .maxPositionUSD)
        try c.encode(result.policy.slippageBps, forKey: .slippageBps)
    }

    func symbol(_ a: Address) -> String { result.snapshot.token(a)?.symbol ?? a.checksummed }

    func views(_ list: [ScanOpportunity]) -> [Row] {
        list.enumerated().map { i, o in
            let r = o.route
            let v = o.validation
            return Row(
                rank: i + 1, id: o.id, strategy: r.strategy.rawValue,
                path: r.path.map(symbol).joined(separator: ">"), token: o.token.symbol,
                tokenAddress: o.token.address.checksummed, decimals: o.token.decimals, size: r.size.decimalString,
                amountOut: r.amountOut.decimalString, grossProfit: r.grossProfit.decimalString,
                grossProfitUSD: v.grossProfitUSD?.text(),
                costs: v.costs.map {
                    CostView(
                        gasUnits: $0.gasUnits, gasWei: $0.gasWei.decimalString, l1FeeWei: $0.l1FeeWei.decimalString,
                        flashFee: $0.flashFee.decimalString, total: $0.total.decimalString, totalUSD: $0.totalUSD.text())
                },
                netProfit: v.netProfit.decimalString, netProfitUSD: v.netProfitUSD?.text(),
                spreadBps: v.trade.marginBps, blockNumber: r.blockNumber ?? result.snapshot.blockNumber,
                hops: r.hops.map {
                    HopView(
                        kind: $0.hop.kind.name, venue: $0.venue, pool: $0.hop.pool.checksummed,
                        tokenIn: $0.hop.tokenIn.checksummed, tokenOut: $0.hop.tokenOut.checksummed,
                        extra: $0.hop.extra.decimalString, amountIn: $0.amountIn.decimalString,
                        amountOut: $0.amountOut.decimalString, minOut: $0.minOut.decimalString)
                },
                rejections: v.rejections.map(\.description))
        }
    }

    var columns: [String] {
        ["rank", "id", "strategy", "path", "venues", "token", "size", "gross_profit", "costs", "net_profit",
         "net_profit_usd", "spread_bps", "block"]
    }

    var rows: [[String]] {
        views(result.opportunities).map { r in
            [String(r.rank), r.id ?? "", r.strategy, r.path, r.hops.map(\.venue).joined(separator: ","), r.token,
             r.size, r.grossProfit, r.costs?.total ?? "", r.netProfit, r.netProfitUSD ?? "", String(r.spreadBps),
             String(r.blockNumber)]
        }
    }

    func humanText(style: TextStyle) -> String {
        let s = result.snapshot
        let n = result.opportunities.count
        var text = "scan at block \(s.blockNumber) \(s.blockHash) (\(result.source)): \(n) opportunit\(n == 1 ? "y" : "ies"), "
            + "\(result.rejected.count) rejected, \(result.cycles) cycles\n"
        guard n > 0 else { return text + "nothing above min profit $\(result.policy.minProfitUSD.text(decimals: 2))\n" }
        let cols = ["#", "id", "strategy", "route", "size", "gross", "costs", "net", "net usd"]
        let rows = zip(views(result.opportunities), result.opportunities).map { r, o -> [String] in
            let d = o.token.decimals
            func amt(_ t: String) -> String {
                let neg = t.hasPrefix("-")
                let mag = (try? U256(decimalDigits: neg ? String(t.dropFirst()) : t)) ?? .zero
                return (neg ? "-" : "") + Units.format(mag, decimals: d)
            }
            let venues = r.hops.map(\.venue).joined(separator: ",")
            return [
                String(r.rank), r.id ?? "-", r.strategy, "\(r.path) (\(venues))", "\(amt(r.size)) \(r.token)",
                amt(r.grossProfit), amt(r.costs?.total ?? "0"), amt(r.netProfit), r.netProfitUSD.map { "$" + $0 } ?? "-",
            ]
        }
        text += Table(columns: cols, rows: rows).aligned(style: style)
        return text
    }
}
