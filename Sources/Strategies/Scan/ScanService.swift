// `defi scan`: reads the configured market at one pinned block (or loads a saved state), runs the arbitrage
// engine over it, validates every candidate (costs, thresholds, liquidity, min-outs), ranks the survivors by net
// USD and records them in the history store with the snapshot they came from. `watch` keeps the engine and, on
// each new block, re-reads the pools' top-level state, re-evaluates only the cycles through pools that changed.
import Chain
import DeFiCore
import Foundation
import History
import Primitives
import Protocols
import Validation

/// Runs `defi scan`.
public enum ScanService {
    /// One scan.
    public static func run(
        _ request: ScanRequest, config: DefiConfig, progress: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws(ScanError) -> ScanResult {
        var session = try await ScanSession.start(request, config: config, progress: progress)
        return try await session.evaluate(request, config: config, progress: progress)
    }

    /// Scans, then re-scans on every new block until the task is cancelled, handing each result to `onScan`.
    /// Polls `eth_blockNumber` every `interval`.
    public static func watch(
        _ request: ScanRequest, config: DefiConfig, interval: Duration = .seconds(1),
        progress: @escaping @Sendable (String) -> Void = { _ in },
        onScan: @Sendable (ScanResult) async throws -> Void
    ) async throws {
        guard request.statePath == nil else { throw ScanError.usage("--watch needs a node, not --state") }
        var session = try await ScanSession.start(request, config: config, progress: progress)
        try await onScan(try await session.evaluate(request, config: config, progress: progress))
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            if Task.isCancelled { break }
            guard let client = session.client else { break }
            let head: UInt64
            do { head = try await client.blockNumber() } catch {
                progress("eth_blockNumber failed: \(error); retrying")
                continue
            }
            guard head > session.snapshot.blockNumber else { continue }
            try await session.advance(to: head, config: config, progress: progress)
            try await onScan(try await session.evaluate(request, config: config, progress: progress))
        }
    }

    /// The strategies named (default spatial + triangular); `statistical` is not in this build.
    public static func strategies(_ names: [String]?) throws(ScanError) -> Set<RouteStrategy> {
        guard let names, !names.isEmpty else { return Set(RouteStrategy.allCases) }
        var out = Set<RouteStrategy>()
        for n in names {
            if let s = RouteStrategy(rawValue: n.lowercased()) {
                out.insert(s)
            } else if n.lowercased() == "statistical" {
                throw .notAvailable("strategy statistical is not in this build yet")
            } else {
                throw .usage("unknown strategy \"\(n)\" (known: spatial, triangular, statistical)")
            }
        }
        return out
    }

    /// `--min-profit`: `10usd` or `10` (USD), `0.01ether`/`0.01eth` (native token), `5USDC` / `5 USDC` (a token
    /// of the snapshot), valued in USD with `prices`.
    public static func minProfitUSD(
        _ text: String, snapshot: MarketSnapshot, prices: PriceBook, native: Address?
    ) throws(ScanError) -> USDValue {
        let t = text.trimmingCharacters(in: .whitespaces)
        var split = t.endIndex
        while split > t.startIndex, t[t.index(before: split)].isLetter { split = t.index(before: split) }
        let number = t[..<split].trimmingCharacters(in: .whitespaces)
        let unit = String(t[split...])
        let bad = ScanError.usage("--min-profit \"\(text)\": expected a USD amount (10usd), ether (0.01ether) or a token amount (5USDC)")
        guard !number.isEmpty else { throw bad }
        if unit.isEmpty || unit.lowercased() == "usd" {
            guard let d = ExactDecimal(number), let v = USDValue(decimal: d) else { throw bad }
            return v
        }
        let token: SnapshotToken?
        if ["ether", "eth"].contains(unit.lowercased()) {
            token = native.flatMap { snapshot.token($0) }
        } else {
            token = snapshot.token(symbol: unit)
        }
        guard let token else { throw .usage("--min-profit \"\(text)\": no token \(unit) in the market") }
        guard let amount = try? Units.parse(number, decimals: token.decimals) else { throw bad }
        guard let v = prices.value(amount, of: token.address) else {
            throw .usage("--min-profit \"\(text)\": no USD price for \(token.symbol)")
        }
        return v
    }

    /// The wrapped native token of a snapshot (symbol WETH).
    public static func nativeToken(_ snapshot: MarketSnapshot) -> Address? {
        snapshot.tokens.first { ["WETH", "WETH9"].contains($0.symbol.uppercased()) }?.address
    }

    /// Validates, de-duplicates (one rotation per directed cycle: the best net USD) and ranks the engine's routes.
    public static func assess(
        _ routes: [Route], snapshot: MarketSnapshot, policy: ValidationPolicy, inputs: CostInputs, prices: PriceBook
    ) -> (accepted: [ScanOpportunity], rejected: [ScanOpportunity]) {
        var best: [String: ScanOpportunity] = [:]
        for route in routes {
            guard let legs = try? RoutePricer.legs(of: route, in: snapshot) else { continue }
            let v = OpportunityValidator.validate(route.trade(legs: legs), policy: policy, inputs: inputs, prices: prices)
            let token = snapshot.token(route.tokenIn)
                ?? SnapshotToken(address: route.tokenIn, symbol: route.tokenIn.checksummed, decimals: 18)
            let o = ScanOpportunity(id: nil, route: route.withMinOuts(v.minOuts), validation: v, token: token)
            let key = route.cycleKey
            if let cur = best[key], !better(o, than: cur) { continue }
            best[key] = o
        }
        let all = best.values.sorted { a, b in
            let (x, y) = (a.validation.netProfitUSD ?? USDValue(e18: I256.min), b.validation.netProfitUSD ?? USDValue(e18: I256.min))
            return x != y ? x > y : a.route.key < b.route.key
        }
        return (all.filter(\.accepted), all.filter { !$0.accepted })
    }

    static func better(_ a: ScanOpportunity, than b: ScanOpportunity) -> Bool {
        if a.accepted != b.accepted { return a.accepted }
        let x = a.validation.netProfitUSD ?? USDValue(e18: I256.min)
        let y = b.validation.netProfitUSD ?? USDValue(e18: I256.min)
        return x != y ? x > y : a.route.key < b.route.key
    }

    /// The history record of an accepted opportunity.
    public static func record(_ o: ScanOpportunity, snapshot: MarketSnapshot, snapshotJSON: String?) -> OpportunityRecord {
        OpportunityRecord(
            createdAt: Date(), chainID: snapshot.chainID ?? 0, blockNumber: snapshot.blockNumber,
            blockHash: snapshot.blockHash.description, strategy: o.route.strategy.rawValue, route: o.route.jsonText(),
            size: o.route.size.decimalString, tokenIn: o.route.tokenIn.checksummed,
            grossProfit: o.route.grossProfit.decimalString, costs: (o.validation.costs?.total ?? .zero).decimalString,
            netProfit: o.validation.netProfit.decimalString,
            netProfitUSD: (o.validation.netProfitUSD ?? .zero).text(), snapshot: snapshotJSON, status: .detected)
    }
}
