import History
import Primitives

/// Net P&L per UTC day in one quote currency, with empty days between the first and the last filled with zero.
public struct DailyPnL: Sendable, Equatable {
    /// Days (`YYYY-MM-DD`) in order.
    public var days: [String]
    /// Net per day, same order.
    public var nets: [I256]

    /// A series.
    public init(days: [String], nets: [I256]) {
        self.days = days
        self.nets = nets
    }

    /// Accumulates rows into per-day sums (any order), then fills the gaps.
    public struct Builder: Sendable {
        var sums: [String: I256] = [:]

        /// An empty builder.
        public init() {}

        /// Adds `net` on the day of `createdAt` (stored text `YYYY-MM-DD …`).
        public mutating func add(createdAt: String, net: I256) {
            let day = String(createdAt.prefix(10))
            sums[day, default: .zero] += net
        }

        /// The series, gaps filled with zero days.
        public func build() -> DailyPnL {
            guard let first = sums.keys.min(), let last = sums.keys.max() else { return DailyPnL(days: [], nets: []) }
            var days: [String] = []
            var day = first
            while day <= last {
                days.append(day)
                guard let next = CivilDay.next(day) else { break }
                day = next
            }
            return DailyPnL(days: days, nets: days.map { sums[$0] ?? .zero })
        }
    }
}

/// Proleptic Gregorian UTC day arithmetic on `YYYY-MM-DD` text (no Foundation calendars on the hot path).
public enum CivilDay {
    /// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
    public static func ordinal(year y0: Int, month m: Int, day d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day ordinal (`civil_from_days`).
    public static func civil(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Parses the leading `YYYY-MM-DD` of `text`.
    public static func parse(_ text: some StringProtocol) -> (year: Int, month: Int, day: Int)? {
        let u = Array(text.utf8.prefix(10))
        guard u.count == 10, u[4] == 0x2d, u[7] == 0x2d else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard u[i] >= 0x30, u[i] <= 0x39 else { return nil }
                v = v * 10 + Int(u[i] - 0x30)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        return (y, m, d)
    }

    /// `YYYY-MM-DD` of an ordinal.
    public static func text(_ ordinal: Int) -> String {
        let c = civil(ordinal)
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2)
    }

    /// The day after `day`.
    public static func next(_ day: String) -> String? {
        guard let c = parse(day) else { return nil }
        return text(ordinal(year: c.year, month: c.month, day: c.day) + 1)
    }

    /// ISO 8601 week label (`2026-W48`) of a date.
    public static func isoWeek(year: Int, month: Int, day: Int) -> String {
        let n = ordinal(year: year, month: month, day: day)
        let weekday = ((n % 7) + 7 + 3) % 7  // 0 = Monday (1970-01-01 was a Thursday)
        let thursday = n - weekday + 3
        let ty = civil(thursday).year
        let week = (thursday - ordinal(year: ty, month: 1, day: 1)) / 7 + 1
        return pad(ty, 4) + "-W" + pad(week, 2)
    }

    static func pad(_ v: Int, _ n: Int) -> String {
        let s = String(v)
        return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
    }
}
