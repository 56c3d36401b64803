import DeFiCore
import Primitives
import Protocols

/// `defi quote`: one row per pool, best first and marked; JSON carries every amount as a decimal string.
struct QuoteReport: Report {
    let result: QuoteResult

    struct TokenView: Encodable {
        var symbol: String
        var address: String
        var decimals: Int
    }

    struct Row: Encodable {
        var best: Bool
        var venue: String
        var pool: String
        var kind: String
        var feeBps: String
        var amountIn: String
        var amountOut: String
        var price: String
        var priceImpactBps: String?
        var ticksCrossed: UInt32
        var gasEstimate: UInt64
        var route: String

        enum CodingKeys: String, CodingKey {
            case best, venue, pool, kind, price, route
            case feeBps = "fee_bps", amountIn = "amount_in", amountOut = "amount_out"
            case priceImpactBps = "price_impact_bps", ticksCrossed = "ticks_crossed", gasEstimate = "gas_estimate"
        }
    }

    struct Failure: Encodable {
        var venue: String
        var pool: String
        var reason: String
    }

    enum CodingKeys: String, CodingKey {
        case side, amount, tokenIn = "token_in", tokenOut = "token_out", blockNumber = "block_number"
        case blockHash = "block_hash", source, quotes, failures
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let o = result.outcome
        try c.encode(o.side.rawValue, forKey: .side)
        try c.encode(o.amount.decimalString, forKey: .amount)
        try c.encode(view(result.tokenIn), forKey: .tokenIn)
        try c.encode(view(result.tokenOut), forKey: .tokenOut)
        try c.encode(result.snapshot.blockNumber, forKey: .blockNumber)
        try c.encode(result.snapshot.blockHash.description, forKey: .blockHash)
        try c.encode(result.source, forKey: .source)
        try c.encode(views, forKey: .quotes)
        try c.encode(
            o.failures.map { Failure(venue: $0.venue, pool: $0.pool.checksummed, reason: "\($0.failure)") },
            forKey: .failures)
    }

    func view(_ t: SnapshotToken) -> TokenView {
        TokenView(symbol: t.symbol, address: t.address.checksummed, decimals: t.decimals)
    }

    var views: [Row] {
        let (a, b) = (result.tokenIn, result.tokenOut)
        return result.outcome.quotes.enumerated().map { i, q in
            Row(
                best: i == 0, venue: q.venue, pool: q.pool.checksummed, kind: q.kind,
                feeBps: Units.format(U256(UInt64(q.fee)), decimals: 2), amountIn: q.amountIn.decimalString,
                amountOut: q.amountOut.decimalString, price: QuoteFormat.price(q, a, b),
                priceImpactBps: QuoteFormat.impactBps(q), ticksCrossed: q.ticksCrossed, gasEstimate: q.gasEstimate,
                route: "\(a.symbol)>\(b.symbol)")
        }
    }

    var columns: [String] {
        ["best", "venue", "pool", "fee_bps", "amount_in", "amount_out", "price", "impact_bps", "gas", "ticks", "route"]
    }

    var rows: [[String]] {
        views.map { r in
            [
                r.best ? "*" : "", r.venue, r.pool, r.feeBps, r.amountIn, r.amountOut, r.price, r.priceImpactBps ?? "",
                String(r.gasEstimate), String(r.ticksCrossed), r.route,
            ]
        }
    }

    func humanText(style: TextStyle) -> String {
        let (a, b) = (result.tokenIn, result.tokenOut)
        let o = result.outcome
        let fixed =
            o.side == .exactIn
            ? "\(Units.format(o.amount, decimals: a.decimals)) \(a.symbol) -> \(b.symbol)"
            : "\(a.symbol) -> \(Units.format(o.amount, decimals: b.decimals)) \(b.symbol) (exact out)"
        var text =
            "quote \(fixed) at block \(result.snapshot.blockNumber) \(result.snapshot.blockHash) (\(result.source))\n"
        let showIn = o.side == .exactOut
        let cols = [
            "", "venue", "pool", "fee", showIn ? "amount in" : "amount out", "price (\(b.symbol)/\(a.symbol))",
            "impact", "gas", "ticks", "route",
        ]
        let rows = views.enumerated().map { i, r -> [String] in
            let q = o.quotes[i]
            let amount =
                showIn
                ? "\(r.amountIn) [\(Units.format(q.amountIn, decimals: a.decimals)) \(a.symbol)]"
                : "\(r.amountOut) [\(Units.format(q.amountOut, decimals: b.decimals)) \(b.symbol)]"
            return [
                r.best ? "*" : "", r.venue, QuoteFormat.short(q.pool), r.feeBps + "bp", amount, r.price,
                r.priceImpactBps.map { $0 + "bp" } ?? "-", String(r.gasEstimate), String(r.ticksCrossed), r.route,
            ]
        }
        text += Table(columns: cols, rows: rows).aligned(style: style)
        for f in o.failures { text += "  (\(f.venue) \(QuoteFormat.short(f.pool)): \(f.failure))\n" }
        return text
    }
}

/// Display rules for quote numbers.
enum QuoteFormat {
    /// tokenOut per tokenIn in human units, 1e-8 resolution, floored.
    static func price(_ q: PoolQuote, _ a: SnapshotToken, _ b: SnapshotToken) -> String {
        // out/10^dOut ÷ in/10^dIn = out·10^(dIn+8) / (in·10^dOut), then 8 decimals.
        guard let scaled = try? U256.mulDiv(q.amountOut, Units.powerOfTen(a.decimals + 8), q.amountIn) else {
            return "-"
        }
        return Units.format(scaled / Units.powerOfTen(b.decimals), decimals: 8)
    }

    /// (1 − execution/mid) in basis points, 4 decimals, from the engine's 1e18 ratio (fee included).
    static func impactBps(_ q: PoolQuote) -> String? {
        guard let r = q.executionToMidE18 else { return nil }
        let one = Units.powerOfTen(18)
        // 1e18 units → bps: divide by 1e14; keep 4 decimals → divide by 1e10.
        if r <= one { return Units.format((one &- r) / Units.powerOfTen(10), decimals: 4) }
        return "-" + Units.format((r &- one) / Units.powerOfTen(10), decimals: 4)
    }

    /// `0x2CC1…4eF1`.
    static func short(_ a: Address) -> String {
        let s = a.checksummed
        return String(s.prefix(6)) + "…" + String(s.suffix(4))
    }
}
