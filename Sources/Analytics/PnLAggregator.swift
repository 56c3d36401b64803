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
        case .day, .month, .week: Self.timeKey(createdAt: row.createdAt, grouping: grouping)
        case .strategy: row.strategy
        case .venue: row.venue ?? "unknown"
        case .token: row.profitToken?.lowercased() ?? "unknown"
        case .chain: String(row.chainID)
        }
    }

    /// The period key of a `created_at` text for a time grouping.
    static func timeKey(createdAt: String, grouping: PnLGrouping) -> String {
        switch grouping {
        case .month: String(createdAt.prefix(7))
        case .week:
            CivilDay.parse(createdAt).map { CivilDay.isoWeek(year: $0.year, month: $0.month, day: $0.day) }
                ?? String(createdAt.prefix(10))
        default: String(createdAt.prefix(10))
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

/// An exact sum kept in `Int128` until it would overflow, then carried into an `I256`.
struct ExactSum: Sendable {
    private var wide = I256.zero
    private var narrow: Int128 = 0

    @inline(__always)
    mutating func add(_ x: Int128) {
        let (r, o) = narrow.addingReportingOverflow(x)
        if o {
            wide += Self.i256(narrow)
            narrow = x
        } else {
            narrow = r
        }
    }

    mutating func add(_ x: I256) { wide += x }

    mutating func add(_ other: ExactSum) {
        wide += other.wide
        add(other.narrow)
    }

    var value: I256 { wide + Self.i256(narrow) }

    static func i256(_ x: Int128) -> I256 {
        let m = x.magnitude
        let u = U256(limbs: (UInt64(truncatingIfNeeded: m), UInt64(truncatingIfNeeded: m >> 64), 0, 0))
        return I256(negative: x < 0, magnitude: u) ?? .zero  // |x| <= 2^127 always fits
    }
}

/// The `defi pnl` table fold over `HistoryStore.forEachPnLAmount`: Int128 sums carried exactly into I256; time
/// groupings in integer day buckets whose keys are formatted once per day at the end, the others keyed by the
/// attribute the scan reads (`attribute`). Gives the same table as `PnLAggregator`.
public struct PnLSummaryAggregator: Sendable {
    /// The grouping.
    public let grouping: PnLGrouping

    /// The column a non-time grouping needs from the scan (nil for time groupings).
    public var attribute: PnLAttribute? {
        switch grouping {
        case .day, .week, .month: nil
        case .strategy: .strategy
        case .venue: .venue
        case .token: .profitToken
        case .chain: .chainID
        }
    }

    struct Bucket: Sendable {
        var count = 0
        var wins = 0
        var gas = ExactSum()
        var fees = ExactSum()
        var net = ExactSum()

        mutating func add(_ b: Bucket) {
            count += b.count
            wins += b.wins
            gas.add(b.gas)
            fees.add(b.fees)
            net.add(b.net)
        }
    }

    private var buckets: [Bucket] = []
    private var index: [Int64: Int] = [:]
    private var days: [Int64] = []
    private var lastDay: Int64 = .min
    private var lastIndex = -1
    /// Rows of non-time groupings, and time rows whose created_at has no date prefix, keyed as `PnLAggregator`
    /// keys them.
    private var keyed: [String: Bucket] = [:]
    private var unvalued = 0
    private var otherQuote = 0
    /// Decimals of the first row valued in the asked quote.
    public private(set) var quoteDecimals: Int?

    /// An empty aggregator.
    public init(grouping: PnLGrouping) {
        self.grouping = grouping
    }

    /// The key of a non-time row, as `PnLAggregator.key(of:)` gives it.
    func attributeKey(_ row: PnLAmountRow) -> String {
        switch grouping {
        case .strategy: row.attribute ?? ""
        case .venue: row.attribute ?? "unknown"
        case .token: row.attribute?.lowercased() ?? "unknown"
        case .chain: row.attribute ?? "0"
        case .day, .week, .month: ""
        }
    }

    /// Adds one row.
    @inline(__always)
    public mutating func add(_ row: PnLAmountRow) {
        var b = Bucket()
        b.count = 1
        switch row.quote {
        case .same:
            if quoteDecimals == nil { quoteDecimals = row.quoteDecimals }
            if let wide = row.wide {
                // Canonical I256 texts (CHECKed by the schema); past 36 digits only.
                let g = parseAmount(wide.gas) ?? .zero
                let f = parseAmount(wide.fees) ?? .zero
                let n = parseAmount(wide.net) ?? .zero
                b.gas.add(g)
                b.fees.add(f)
                b.net.add(n)
                if n > .zero { b.wins = 1 }
            } else {
                b.gas.add(row.gas)
                b.fees.add(row.fees)
                b.net.add(row.net)
                if row.net > 0 { b.wins = 1 }
            }
        case .other: otherQuote += 1
        case .unvalued: if row.mined { unvalued += 1 }
        }
        guard grouping.isTime else {
            keyed[attributeKey(row), default: Bucket()].add(b)
            return
        }
        guard let day = row.day else {
            let text = row.createdAt ?? ""
            let key = PnLAggregator.timeKey(createdAt: text, grouping: grouping)
            keyed[key, default: Bucket()].add(b)
            return
        }
        if day != lastDay {
            if let i = index[day] {
                lastIndex = i
            } else {
                lastIndex = buckets.count
                index[day] = lastIndex
                buckets.append(Bucket())
                days.append(day)
            }
            lastDay = day
        }
        buckets[lastIndex].count += 1
        buckets[lastIndex].wins += b.wins
        if row.quote == .same {
            if row.wide == nil {
                buckets[lastIndex].gas.add(row.gas)
                buckets[lastIndex].fees.add(row.fees)
                buckets[lastIndex].net.add(row.net)
            } else {
                buckets[lastIndex].gas.add(b.gas)
                buckets[lastIndex].fees.add(b.fees)
                buckets[lastIndex].net.add(b.net)
            }
        }
    }

    /// The table: rows in key order with running cumulative net, as `PnLAggregator.finish()` gives it.
    public func finish() -> PnLTable {
        var grouped = keyed
        for (i, day) in days.enumerated() {
            grouped[Self.key(day: day, grouping: grouping), default: Bucket()].add(buckets[i])
        }
        var running = I256.zero
        var total = PnLLine(key: "total")
        let lines = grouped.keys.sorted().map { k -> PnLLine in
            let b = grouped[k] ?? Bucket()
            var line = PnLLine(key: k)
            line.count = b.count
            line.wins = b.wins
            line.gas = b.gas.value
            line.fees = b.fees.value
            line.net = b.net.value
            line.gross = line.net + line.gas + line.fees
            running += line.net
            line.cumulative = running
            total.count += line.count
            total.wins += line.wins
            total.gas += line.gas
            total.fees += line.fees
            total.net += line.net
            total.gross += line.gross
            return line
        }
        total.cumulative = running
        return PnLTable(lines: lines, total: total, unvalued: unvalued, otherQuote: otherQuote)
    }

    /// The key of a day ordinal: `2026-11-26`, `2026-W48` or `2026-11`.
    static func key(day: Int64, grouping: PnLGrouping) -> String {
        let c = CivilDay.civil(Int(day))
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
        }
        switch grouping {
        case .week: return CivilDay.isoWeek(year: c.year, month: c.month, day: c.day)
        case .month: return pad(c.year, 4) + "-" + pad(c.month, 2)
        default: return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2)
        }
    }
}
