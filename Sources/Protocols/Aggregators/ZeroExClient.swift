// 0x Swap API v2, AllowanceHolder flavour (0x.org/docs/api, upgrading_to_swap_v2): GET
// /swap/allowance-holder/price (indicative) and /quote (firm, with a transaction) on one host with `chainId` in the
// query, headers `0x-api-key` and `0x-version: v2`. v1 field names (`to`/`data` at the top level, `gas` vs
// `estimatedGas`, `allowanceTarget`) are accepted where they differ.
import Chain
import Primitives

/// A 0x Swap API v2 client. Every answer is validated before it is returned.
public struct ZeroExClient: Sendable {
    let http: AggregatorHTTP
    let json: AggregatorJSON

    /// A client with `settings` (kind `.zeroEx`) over `transport`.
    public init(settings: AggregatorSettings, transport: any HTTPGetTransport = CurlTransport()) {
        http = AggregatorHTTP(settings: settings, transport: transport)
        json = AggregatorJSON(name: settings.kind.displayName)
    }

    var settings: AggregatorSettings { http.settings }
    var headers: [(String, String)] { [("0x-api-key", settings.apiKey), ("0x-version", "v2")] }

    func query(_ r: AggregatorRequest, firm: Bool) -> [(String, String)] {
        var q: [(String, String)] = [
            ("chainId", String(settings.chainID)), ("sellToken", r.sellToken.checksummed),
            ("buyToken", r.buyToken.checksummed), ("sellAmount", r.sellAmount.decimalString),
        ]
        if let t = r.taker { q.append(("taker", t.checksummed)) }
        if firm { q.append(("slippageBps", String(r.slippageBps))) }
        return q
    }

    /// `GET /swap/allowance-holder/price`: indicative amounts and gas.
    public func price(_ r: AggregatorRequest) async throws(AggregatorError) -> AggregatorQuote {
        let body = try await http.get("/swap/allowance-holder/price", query(r, firm: false), headers: headers)
        let q = try parse(body, request: r, withTransaction: false)
        try q.validate(against: r, settings: settings)
        return q
    }

    /// `GET /swap/allowance-holder/quote`: a firm quote with the transaction for `r.taker` (required).
    public func quote(_ r: AggregatorRequest) async throws(AggregatorError) -> AggregatorQuote {
        guard r.taker != nil else {
            throw .badConfig(aggregator: json.name, reason: "a firm quote needs the taker address")
        }
        let body = try await http.get("/swap/allowance-holder/quote", query(r, firm: true), headers: headers)
        let q = try parse(body, request: r, withTransaction: true)
        try q.validate(against: r, settings: settings)
        // AllowanceHolder flow: the taker approves AllowanceHolder and calls it; tx.to must be that same contract.
        if let tx = q.transaction, let a = q.allowanceTarget, tx.to != a {
            throw .invalidQuote(aggregator: json.name, reason: "tx.to \(tx.to) is not the allowance target \(a)")
        }
        return q
    }

    /// Reads a price/quote body. `liquidityAvailable: false` is ``AggregatorError/noLiquidity(aggregator:)``.
    func parse(_ b: JSONValue, request r: AggregatorRequest, withTransaction: Bool) throws(AggregatorError)
        -> AggregatorQuote
    {
        guard case .object = b else { throw .malformed(aggregator: json.name, what: "the body is not an object") }
        if case .bool(false)? = b["liquidityAvailable"] { throw .noLiquidity(aggregator: json.name) }
        let target = try
            (b["allowanceTarget"].flatMap { $0 == .null ? nil : $0 }
            ?? b["issues"]?["allowance"]?["spender"].flatMap { $0 == .null ? nil : $0 })
            .map { (v) throws(AggregatorError) in try json.address(v, "allowanceTarget") }
        var tx: AggregatorTransaction?
        if withTransaction {
            let t = b["transaction"] ?? b  // v1 put to/data/value/gas at the top level
            tx = AggregatorTransaction(
                from: nil, to: try json.address(t["to"], "transaction.to"),
                data: try json.bytes(t["data"], "transaction.data"),
                value: try json.quantity(t["value"] ?? .string("0"), "transaction.value"),
                gas: try json.gas(t["gas"], "transaction.gas"),
                gasPrice: try t["gasPrice"].map { (v) throws(AggregatorError) in
                    try json.quantity(v, "transaction.gasPrice")
                })
        }
        var chain: UInt64?
        if let c = b["chainId"], c != .null {
            let n = try json.amount(c, "chainId")
            chain = UInt64(truncatingIfNeeded: n)
        }
        return AggregatorQuote(
            aggregator: json.name, sellToken: try json.address(b["sellToken"], "sellToken"),
            buyToken: try json.address(b["buyToken"], "buyToken"),
            sellAmount: try json.amount(b["sellAmount"], "sellAmount"),
            buyAmount: try json.amount(b["buyAmount"], "buyAmount"),
            minBuyAmount: try json.optionalAmount(b["minBuyAmount"], "minBuyAmount"),
            gas: try json.gas(b["gas"] ?? b["estimatedGas"], "gas") ?? tx?.gas,
            route: Self.route(b["route"] ?? b["sources"]),
            allowanceTarget: target, transaction: tx, chainID: chain)
    }

    /// v2 `route.fills[{source, proportionBps}]` → `Uniswap_V2 100%`; v1 `sources[{name, proportion}]` likewise.
    static func route(_ v: JSONValue?) -> String {
        var parts: [String] = []
        if case .array(let fills)? = v?["fills"] {
            for f in fills {
                guard case .string(let s)? = f["source"] else { continue }
                if case .string(let bps)? = f["proportionBps"], let n = Int(bps) {
                    let frac = n % 100 == 0 ? "" : (n % 100 < 10 ? ".0" : ".") + String(n % 100)
                    parts.append("\(s) \(n / 100)\(frac)%")
                } else {
                    parts.append(s)
                }
            }
        } else if case .array(let sources)? = v {
            for s in sources {
                guard case .string(let n)? = s["name"], case .string(let p)? = s["proportion"], p != "0" else {
                    continue
                }
                parts.append("\(n) \(p)")
            }
        }
        return parts.isEmpty ? "-" : parts.joined(separator: "+")
    }
}
