import DeFiCore
import History
import Primitives

/// How `defi pnl` groups rows.
public enum PnLGrouping: String, Sendable, CaseIterable, Codable {
    /// UTC day (`2026-11-26`).
    case day
    /// ISO 8601 week (`2026-W48`).
    case week
    /// UTC month (`2026-11`).
    case month
    /// Strategy name.
    case strategy
    /// The route's venue label (`uniswap_v2_a+uniswap_v2_b`).
    case venue
    /// The execution's profit token.
    case token
    /// The chain id.
    case chain

    /// Whether groups are time periods (ordered chronologically, cumulative over time).
    public var isTime: Bool { self == .day || self == .week || self == .month }
}

/// One row of the P&L table: money in the quote's smallest unit.
public struct PnLLine: Sendable, Equatable {
    /// The group key (a period, a strategy, a venue…); `total` for the totals row.
    public var key: String
    /// Executions in the group (every state, valued or not).
    public var count: Int
    /// Valued executions with a positive net.
    public var wins: Int
    /// Value of balance changes before gas and flash fees.
    public var gross: I256
    /// Value of gas and L1 fees.
    public var gas: I256
    /// Value of flash-loan fees.
    public var fees: I256
    /// `gross − gas − fees`.
    public var net: I256
    /// Running sum of `net` over the rows up to this one.
    public var cumulative: I256

    /// An empty line.
    public init(key: String) {
        self.key = key
        count = 0
        wins = 0
        gross = .zero
        gas = .zero
        fees = .zero
        net = .zero
        cumulative = .zero
    }
}

/// The aggregated table.
public struct PnLTable: Sendable, Equatable {
    /// Grouped rows, in order (chronological for periods, by key otherwise).
    public var lines: [PnLLine]
    /// Every row together.
    public var total: PnLLine
    /// Mined executions (included or reverted) without a valuation in the report's quote.
    public var unvalued: Int
    /// Valued executions skipped because they were valued in another quote.
    public var otherQuote: Int
}

/// Parses decimal text quickly: up to 36 digits as two 18-digit halves, longer through I256's parser.
@inline(__always)
func parseAmount(_ text: String) -> I256? {
    var s = text
    return s.withUTF8 { u -> I256? in
        let negative = u.first == 0x2d
        let start = negative ? 1 : 0
        let n = u.count - start
        guard n >= 1 else { return nil }
        if n <= 36 {
            var hi: UInt64 = 0
            var lo: UInt64 = 0
            let split = u.count - min(n, 18)
            for i in start..<split {
                let c = u[i] &- 0x30
                guard c <= 9 else { return nil }
                hi = hi &* 10 &+ UInt64(c)
            }
            for i in split..<u.count {
                let c = u[i] &- 0x30
                guard c <= 9 else { return nil }
                lo = lo &* 10 &+ UInt64(c)
            }
            let magnitude = hi == 0 ? U256(lo) : U256(hi) * U256(1_000_000_000_000_000_000) + U256(lo)
            return I256(negative: negative, magnitude: magnitude)
        }
        return try? I256(parsing: String(decoding: u, as: UTF8.self))
    }
}

/// Folds streamed rows into groups: O(groups) memory, one pass, exact I256 sums.
public struct PnLAggregator: Sendable {
    /// The grouping.
    public let grouping: PnLGrouping
    /// The quote the money columns are in; rows valued in another quote count but add no money.
    public let quote: String

    private var groups: [String: PnLLine] = [:]
    private var total = PnLLine(key: "total")
    private var unvalued = 0
    private var otherQuote = 0
    private var lastDayPrefix: Substring = ""
    private var lastKey = ""

    /// An empty aggregator.
    public init(grouping: PnLGrouping, quote: String) {
        self.grouping = grouping
        self.quote = quote
    }

    /// The group key of a row.
    public func key(of row: PnLRow) -> String {
        switch grouping {
        case .day: String(row.createdAt.prefix(10))
        case .month: String(row.createdAt.prefix(7))
        case .week:
            CivilDay.parse(row.createdAt).map { CivilDay.isoWeek(year: $0.year, month: $0.month, day: $0.day) }
                ?? String(row.createdAt.prefix(10))
        case .strategy: row.strategy
        case .venue: row.venue ?? "unknown"
        case .token: row.profitToken?.lowercased() ?? "unknown"
        case .chain: String(row.chainID)
        }
    }

    /// The valued amounts of a row in this quote: (gross, gas, fees, net), or nil.
    public func amounts(of row: PnLRow) -> (gross: I256, gas: I256, fees: I256, net: I256)? {
        guard row.quote == quote, let g = row.gas.flatMap(parseAmount), let f = row.fees.flatMap(parseAmount),
            let n = row.net.flatMap(parseAmount)
        else { return nil }
        return (n + g + f, g, f, n)
    }

    /// Adds one row.
    public mutating func add(_ row: PnLRow) {
        // Periods repeat across consecutive rows (the stream is in time order): reuse the last key.
        let k: String
        let prefixLength = grouping == .month ? 7 : 10
        if grouping.isTime, row.createdAt.utf8.count >= prefixLength,
            row.createdAt.utf8.prefix(prefixLength).elementsEqual(lastDayPrefix.utf8), !lastKey.isEmpty
        {
            k = lastKey
        } else {
            k = key(of: row)
            if grouping.isTime {
                lastDayPrefix = Substring(row.createdAt.prefix(prefixLength))
                lastKey = k
            }
        }
        var line = groups[k] ?? PnLLine(key: k)
        line.count += 1
        total.count += 1
        if let a = amounts(of: row) {
            line.gross += a.gross
            line.gas += a.gas
            line.fees += a.fees
            line.net += a.net
            total.gross += a.gross
            total.gas += a.gas
            total.fees += a.fees
            total.net += a.net
            if a.net > .zero {
                line.wins += 1
                total.wins += 1
            }
        } else if row.quote != nil && row.quote != quote {
            otherQuote += 1
        } else if row.state == "included" || row.state == "reverted" {
            unvalued += 1
        }
        groups[k] = line
    }

    /// The table: rows in key order (chronological for periods) with running cumulative net.
    public func finish() -> PnLTable {
        var running = I256.zero
        let lines = groups.keys.sorted().map { k -> PnLLine in
            var line = groups[k] ?? PnLLine(key: k)
            running += line.net
            line.cumulative = running
            return line
        }
        var t = total
        t.cumulative = running
        return PnLTable(lines: lines, total: t, unvalued: unvalued, otherQuote: otherQuote)
    }
}

/// Test access to the amount parser.
enum AnalyticsProbe {
    static func parse(_ text: String) -> I256? { parseAmount(text) }
}
