// 1inch Classic Swap API v6.0 (business.1inch.com portal docs, "Classic Swap"): GET
// /swap/v6.0/{chain}/quote, /swap, /approve/spender with `Authorization: Bearer <key>`; amounts as decimal strings.
// v6 answers `dstAmount`; v5 answered `toAmount` (and `toTokenAmount` before that): all three are accepted.
import Chain
import Primitives

/// A 1inch Swap API client. Every answer is validated before it is returned.
public struct OneInchClient: Sendable {
    let http: AggregatorHTTP
    let json: AggregatorJSON

    /// A client with `settings` (kind `.oneInch`) over `transport`.
    public init(settings: AggregatorSettings, transport: any HTTPGetTransport = CurlTransport()) {
        http = AggregatorHTTP(settings: settings, transport: transport)
        json = AggregatorJSON(name: settings.kind.displayName)
    }

    var settings: AggregatorSettings { http.settings }
    var prefix: String { "/swap/v6.0/\(settings.chainID)" }
    var headers: [(String, String)] { [("Authorization", "Bearer \(settings.apiKey)")] }

    /// `GET /quote`: the expected output and gas, no transaction.
    public func quote(_ r: AggregatorRequest) async throws(AggregatorError) -> AggregatorQuote {
        let body = try await http.get(
            prefix + "/quote",
            [
                ("src", r.sellToken.checksummed), ("dst", r.buyToken.checksummed),
                ("amount", r.sellAmount.decimalString),
                ("includeTokensInfo", "true"), ("includeProtocols", "true"), ("includeGas", "true"),
            ], headers: headers)
        let q = try parse(body, request: r, withTransaction: false)
        try q.validate(against: r, settings: settings)
        return q
    }

    /// `GET /swap`: a firm swap transaction for `r.taker` (required) with `r.slippageBps`; the router it calls
    /// is checked against `/approve/spender` and the allowlist.
    public func swap(_ r: AggregatorRequest) async throws(AggregatorError) -> AggregatorQuote {
        guard let taker = r.taker else {
            throw .badConfig(aggregator: json.name, reason: "a swap needs the taker address")
        }
        let body = try await http.get(
            prefix + "/swap",
            [
                ("src", r.sellToken.checksummed), ("dst", r.buyToken.checksummed),
                ("amount", r.sellAmount.decimalString),
                ("from", taker.checksummed), ("origin", taker.checksummed),
                ("slippage", Self.percent(bps: r.slippageBps)), ("includeTokensInfo", "true"),
                ("includeProtocols", "true"), ("includeGas", "true"),
            ], headers: headers)
        var q = try parse(body, request: r, withTransaction: true)
        q.allowanceTarget = try await spender()
        try q.validate(against: r, settings: settings)
        if let tx = q.transaction, let s = q.allowanceTarget, tx.to != s {
            throw .invalidQuote(aggregator: json.name, reason: "tx.to \(tx.to) is not the spender \(s)")
        }
        return q
    }

    /// `GET /approve/spender`: the router to approve; refused unless in the allowlist.
    public func spender() async throws(AggregatorError) -> Address {
        let body = try await http.get(prefix + "/approve/spender", [], headers: headers)
        let a = try json.address(body["address"], "address")
        guard settings.allowedTargets.contains(a) else {
            throw .invalidQuote(
                aggregator: json.name, reason: "spender \(a) is not a known router for chain \(settings.chainID)")
        }
        return a
    }

    /// `100` bps → `"1"`, `50` → `"0.5"`, `5` → `"0.05"`: the API's slippage is a percentage.
    static func percent(bps: UInt32) -> String {
        let whole = bps / 100
        let frac = bps % 100
        if frac == 0 { return String(whole) }
        var f = frac < 10 ? "0\(frac)" : String(frac)
        while f.hasSuffix("0") { f.removeLast() }
        return "\(whole).\(f)"
    }

    /// Reads a quote or swap body: `dstAmount` (v6) | `toAmount` (v5) | `toTokenAmount` (v4); tokens from
    /// `srcToken`/`dstToken` (v6) or `fromToken`/`toToken` (v5) when given, else the request's; `gas` or
    /// `estimatedGas` (v5) or `tx.gas`; protocols summarised.
    func parse(_ b: JSONValue, request r: AggregatorRequest, withTransaction: Bool) throws(AggregatorError)
        -> AggregatorQuote
    {
        guard case .object = b else { throw .malformed(aggregator: json.name, what: "the body is not an object") }
        guard let amountField = b["dstAmount"] ?? b["toAmount"] ?? b["toTokenAmount"] else {
            throw .malformed(aggregator: json.name, what: "dstAmount missing")
        }
        let buy = try json.amount(amountField, "dstAmount")
        let sellField = b["srcAmount"] ?? b["fromTokenAmount"]
        let sell = try json.optionalAmount(sellField, "srcAmount") ?? r.sellAmount
        let src =
            try (b["srcToken"] ?? b["fromToken"]).map { (v) throws(AggregatorError) in
                try json.address(v["address"], "srcToken.address")
            } ?? r.sellToken
        let dst =
            try (b["dstToken"] ?? b["toToken"]).map { (v) throws(AggregatorError) in
                try json.address(v["address"], "dstToken.address")
            } ?? r.buyToken
        var tx: AggregatorTransaction?
        if withTransaction {
            guard let t = b["tx"], case .object = t else { throw .malformed(aggregator: json.name, what: "tx missing") }
            tx = AggregatorTransaction(
                from: try t["from"].map { (v) throws(AggregatorError) in try json.address(v, "tx.from") },
                to: try json.address(t["to"], "tx.to"), data: try json.bytes(t["data"], "tx.data"),
                value: try json.quantity(t["value"] ?? .string("0"), "tx.value"), gas: try json.gas(t["gas"], "tx.gas"),
                gasPrice: try t["gasPrice"].map { (v) throws(AggregatorError) in try json.quantity(v, "tx.gasPrice") })
        }
        let gas = try json.gas(b["gas"] ?? b["estimatedGas"], "gas") ?? tx?.gas
        return AggregatorQuote(
            aggregator: json.name, sellToken: src, buyToken: dst, sellAmount: sell, buyAmount: buy, minBuyAmount: nil,
            gas: gas, route: Self.route(b["protocols"]), allowanceTarget: nil, transaction: tx, chainID: nil)
    }

    /// `protocols` is routes → hops → splits of `{name, part}`: `UNISWAP_V2 100%` for a single-hop single-pool
    /// route, hops joined by `>`, splits by `+`.
    static func route(_ v: JSONValue?) -> String {
        guard case .array(let routes)? = v else { return "-" }
        var out: [String] = []
        for route in routes {
            guard case .array(let hops) = route else { continue }
            let hopText = hops.compactMap { hop -> String? in
                guard case .array(let splits) = hop else { return nil }
                return splits.compactMap { s -> String? in
                    guard case .string(let n)? = s["name"] else { return nil }
                    if case .number(let p)? = s["part"] { return "\(n) \(p)%" }
                    return n
                }.joined(separator: "+")
            }
            out.append(hopText.joined(separator: ">"))
        }
        return out.isEmpty ? "-" : out.joined(separator: " | ")
    }
}
