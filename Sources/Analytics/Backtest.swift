import DeFiCore
import Foundation
import History
import Primitives

/// A parameter the backtest can sweep.
public enum BacktestParameter: String, Sendable, CaseIterable, Codable {
    /// Take an opportunity only if its net (after the other adjustments) is at least this many USD.
    case minProfitUSD = "min_profit_usd"
    /// Take it only if gross / size is at least this many basis points.
    case minSpreadBPS = "min_spread_bps"
    /// Take it only if the route has at most this many hops.
    case maxHops = "max_hops"
    /// Assume the worst fill the slippage tolerance allows: gross minus size × bps / 10 000.
    case slippageBPS = "slippage_bps"
    /// Pay this multiple of the recorded gas cost (a higher bid costs more; inclusion is not modelled).
    case gasBid = "gas_bid"
}

/// One swept parameter: its values in order.
public struct ParameterGrid: Sendable, Equatable {
    /// The parameter.
    public var parameter: BacktestParameter
    /// The values tried, as exact decimals.
    public var values: [ExactDecimal]

    /// Parses `lo..hi` (5 evenly spaced values), `lo..hi:step`, or `lo..hi/n` (n values) for `name`.
    public init(name: String, range: String) throws(UtilityError) {
        guard let p = BacktestParameter(rawValue: name) else {
            throw UtilityError(
                code: "invalid_parameter",
                message: "--optimize: unknown parameter \"\(InputError.shorten(name))\" (expected one of "
                    + BacktestParameter.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        parameter = p
        let bad = UtilityError(
            code: "invalid_range",
            message: "--optimize \(name): expected lo..hi, lo..hi:step or lo..hi/count with lo ≤ hi, got \"\(InputError.shorten(range))\"")
        var body = Substring(range)
        var step: Double?
        var count = 5
        if let i = body.firstIndex(of: ":") {
            guard let s = Double(body[body.index(after: i)...]), s > 0 else { throw bad }
            step = s
            body = body[..<i]
        } else if let i = body.firstIndex(of: "/") {
            guard let n = Int(body[body.index(after: i)...]), (1...1000).contains(n) else { throw bad }
            count = n
            body = body[..<i]
        }
        let parts = body.components(separatedBy: "..")
        guard parts.count == 2, let lo = Double(parts[0]), let hi = Double(parts[1]), lo >= 0, lo <= hi,
            lo.isFinite, hi.isFinite
        else { throw bad }
        var raw: [Double] = []
        if let step {
            var v = lo
            while v <= hi + step * 1e-9, raw.count <= 1000 {
                raw.append(v)
                v += step
            }
        } else if count == 1 || lo == hi {
            raw = [lo]
        } else {
            raw = (0..<count).map { lo + (hi - lo) * Double($0) / Double(count - 1) }
        }
        let integer = p == .minSpreadBPS || p == .maxHops || p == .slippageBPS
        var seen: [ExactDecimal] = []
        for v in raw {
            let text = integer ? String(Int(v.rounded())) : String(format: "%.6f", v)
            guard let d = ExactDecimal(Self.trim(text)), !seen.contains(d) else { continue }
            seen.append(d)
        }
        guard raw.count <= 1000 else { throw bad }
        values = seen
    }

    static func trim(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }
}

/// One recorded opportunity reduced to what the replay needs (exact integers).
public struct ReplayCase: Sendable, Equatable {
    /// Input size (token_in units).
    public var size: U256
    /// Predicted gross profit (token_in units).
    public var gross: I256
    /// Recorded costs: gas, L1 fee, flash fees (token_in units).
    public var costs: U256
    /// USD (18 decimals) per token_in unit, as num/den; nil when it cannot be derived.
    public var usd: PriceRatio?
    /// Route hop count.
    public var hops: Int

    /// A case.
    public init(size: U256, gross: I256, costs: U256, usd: PriceRatio?, hops: Int) {
        self.size = size
        self.gross = gross
        self.costs = costs
        self.usd = usd
        self.hops = hops
    }

    /// Builds a case from a stored opportunity; nil when its numbers cannot be read.
    public static func from(_ o: OpportunityRecord) -> ReplayCase? {
        guard let size = try? U256(decimalDigits: o.size), let gross = try? I256(parsing: o.grossProfit),
            let costs = try? U256(decimalDigits: o.costs), let net = try? I256(parsing: o.netProfit)
        else { return nil }
        var usd: PriceRatio?
        if !net.isZero, let d = ExactDecimal(o.netProfitUSD.hasPrefix("-") ? String(o.netProfitUSD.dropFirst()) : o.netProfitUSD),
            let usd18 = try? Units.parse(d.description, decimals: 18)
        {
            usd = PriceRatio(num: usd18, den: net.magnitude)
        }
        let hops = ((try? JSONSerialization.jsonObject(with: Data(o.route.utf8))) as? [String: Any])
            .flatMap { $0["hops"] as? [Any] }?.count ?? 1
        return ReplayCase(size: size, gross: gross, costs: costs, usd: usd, hops: hops)
    }
}

/// The result of one grid point.
public struct BacktestResult: Sendable, Equatable {
    /// Parameter values, in the order given.
    public var settings: [(BacktestParameter, ExactDecimal)]
    /// Opportunities taken.
    public var trades: Int
    /// Taken with a positive net.
    public var wins: Int
    /// Total modelled net in USD (18 decimals).
    public var netUSD: I256

    public static func == (a: BacktestResult, b: BacktestResult) -> Bool {
        a.settings.map(\.0) == b.settings.map(\.0) && a.settings.map(\.1) == b.settings.map(\.1)
            && a.trades == b.trades && a.wins == b.wins && a.netUSD == b.netUSD
    }
}

/// Replays recorded opportunities under a parameter grid (recorded numbers; a backtest, not a forecast).
public enum Backtest {
    /// The most grid points × cases evaluated in one run.
    public static let maxWork = 50_000_000

    /// Evaluates every grid point; results sorted by net (desc), then trades (asc), then settings order.
    public static func run(cases: [ReplayCase], grids: [ParameterGrid]) throws(UtilityError) -> [BacktestResult] {
        var points: [[(BacktestParameter, ExactDecimal)]] = [[]]
        for g in grids {
            points = points.flatMap { p in g.values.map { p + [(g.parameter, $0)] } }
        }
        guard points.count * max(1, cases.count) <= maxWork else {
            throw UtilityError(
                code: "grid_too_large",
                message: "--optimize: \(points.count) settings × \(cases.count) opportunities is more than \(maxWork) replays",
                hint: "narrow the ranges or use lo..hi/count with fewer values")
        }
        var results = points.map { evaluate(cases, $0) }
        results.sort { a, b in
            if a.netUSD != b.netUSD { return a.netUSD > b.netUSD }
            if a.trades != b.trades { return a.trades < b.trades }
            return a.settings.map(\.1.description).joined(separator: ",") < b.settings.map(\.1.description).joined(separator: ",")
        }
        return results
    }

    /// The modelled net (USD, 18 decimals) of one case under one setting, or nil when it would not be taken.
    public static func modelledNet(_ c: ReplayCase, _ settings: [(BacktestParameter, ExactDecimal)]) -> I256? {
        var gross = c.gross
        var costs = I256(bits: c.costs)
        var minProfit: U256?
        for (p, v) in settings {
            switch p {
            case .maxHops:
                if c.hops > Int(v.integerDigits) ?? Int.max { return nil }
            case .minSpreadBPS:
                // gross × 10 000 ≥ bps × size
                let bps = U256(UInt64(v.integerDigits) ?? 0)
                if gross.isNegative { return nil }
                guard let lhs = try? U256.mulDiv(gross.magnitude, U256(10_000), .one),
                    let rhs = try? U256.mulDiv(bps, c.size, .one)
                else { return nil }
                if lhs < rhs { return nil }
            case .slippageBPS:
                let bps = U256(UInt64(v.integerDigits) ?? 0)
                let cut = (try? U256.mulDiv(c.size, bps, U256(10_000))) ?? .max
                gross = gross - (I256(negative: false, magnitude: cut) ?? .max)
            case .gasBid:
                let scaled = (try? Units.parse(v.description, decimals: 6)) ?? .zero
                let cost = (try? U256.mulDiv(c.costs, scaled, U256(1_000_000))) ?? .max
                costs = I256(negative: false, magnitude: cost) ?? .max
            case .minProfitUSD:
                minProfit = RiskLedger.usd18(v)
            }
        }
        guard let usd = c.usd, let net = try? usd.value(gross - costs) else { return nil }
        if let minProfit, net < (I256(negative: false, magnitude: minProfit) ?? .max) { return nil }
        return net
    }

    static func evaluate(_ cases: [ReplayCase], _ settings: [(BacktestParameter, ExactDecimal)]) -> BacktestResult {
        var r = BacktestResult(settings: settings, trades: 0, wins: 0, netUSD: .zero)
        for c in cases {
            guard let net = modelledNet(c, settings) else { continue }
            r.trades += 1
            if net > .zero { r.wins += 1 }
            r.netUSD += net
        }
        return r
    }
}
