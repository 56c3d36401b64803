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
        var gasEstimate: UInt64?
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

    /// Pool rows then aggregator rows, best first by output (pools first on a tie), the first marked best.
    var views: [Row] {
        lines.enumerated().map { i, l in
            var r = l.row
            r.best = i == 0
            return r
        }
    }

    /// One table line: the row and its amounts (for the human table).
    struct Line {
        var row: Row
        var amountIn: U256
        var amountOut: U256
    }

    var lines: [Line] {
        let (a, b) = (result.tokenIn, result.tokenOut)
        var out: [Line] = result.outcome.quotes.map { q in
            Line(
                row: Row(
                    best: false, venue: q.venue, pool: q.pool.checksummed, kind: q.kind,
                    feeBps: Units.format(U256(UInt64(q.fee)), decimals: 2), amountIn: q.amountIn.decimalString,
                    amountOut: q.amountOut.decimalString, price: QuoteFormat.price(q.amountIn, q.amountOut, a, b),
                    priceImpactBps: QuoteFormat.impactBps(q), ticksCrossed: q.ticksCrossed,
                    gasEstimate: q.gasEstimate, route: "\(a.symbol)>\(b.symbol)"),
                amountIn: q.amountIn, amountOut: q.amountOut)
        }
        for q in result.aggregatorQuotes {
            out.append(
                Line(
                    row: Row(
                        best: false, venue: q.aggregator, pool: q.allowanceTarget?.checksummed ?? "-",
                        kind: "aggregator",
                        feeBps: "-", amountIn: q.sellAmount.decimalString, amountOut: q.buyAmount.decimalString,
                        price: QuoteFormat.price(q.sellAmount, q.buyAmount, a, b), priceImpactBps: nil, ticksCrossed: 0,
                        gasEstimate: q.gas, route: q.route),
                    amountIn: q.sellAmount, amountOut: q.buyAmount))
        }
        guard !result.aggregatorQuotes.isEmpty else { return out }
        return out.enumerated().sorted { x, y in
            x.element.amountOut != y.element.amountOut ? x.element.amountOut > y.element.amountOut : x.offset < y.offset
        }.map(\.element)
    }

    var columns: [String] {
        ["best", "venue", "pool", "fee_bps", "amount_in", "amount_out", "price", "impact_bps", "gas", "ticks", "route"]
    }

    var rows: [[String]] {
        views.map { r in
            [
                r.best ? "*" : "", r.venue, r.pool, r.feeBps, r.amountIn, r.amountOut, r.price, r.priceImpactBps ?? "",
                r.gasEstimate.map(String.init) ?? "", String(r.ticksCrossed), r.route,
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
        let ls = lines
        let rows = views.enumerated().map { i, r -> [String] in
            let l = ls[i]
            let amount =
                showIn
                ? "\(r.amountIn) [\(Units.format(l.amountIn, decimals: a.decimals)) \(a.symbol)]"
                : "\(r.amountOut) [\(Units.format(l.amountOut, decimals: b.decimals)) \(b.symbol)]"
            let pool = (try? Address(parsing: r.pool)).map(QuoteFormat.short) ?? r.pool
            return [
                r.best ? "*" : "", r.venue, pool, r.kind == "aggregator" ? "-" : r.feeBps + "bp", amount, r.price,
                r.priceImpactBps.map { $0 + "bp" } ?? "-", r.gasEstimate.map(String.init) ?? "-",
                String(r.ticksCrossed), r.route,
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
    static func price(_ amountIn: U256, _ amountOut: U256, _ a: SnapshotToken, _ b: SnapshotToken) -> String {
        // out/10^dOut ÷ in/10^dIn = out·10^(dIn+8) / (in·10^dOut), then 8 decimals.
        guard let scaled = try? U256.mulDiv(amountOut, Units.powerOfTen(a.decimals + 8), amountIn) else {
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
