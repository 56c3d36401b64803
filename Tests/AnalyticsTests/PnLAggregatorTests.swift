@testable import Analytics
import DeFiCore
import History
import History
import Primitives
import Testing

/// Rows as the store streams them; money in quote units with 0 decimals so expectations read plainly.
enum RowFixture {
    static func row(
        _ at: String, _ strategy: String, _ state: String, net: Int64? = nil, gas: Int64 = 0, fees: Int64 = 0,
        quote: String = "USD", gasUsed: Int64? = nil, venue: String? = nil, token: String? = nil, chain: Int64 = 1
    ) -> PnLRow {
        PnLRow(
            createdAt: at + ".000", strategy: strategy, state: state, chainID: chain, engine: "flash_loan",
            gasUsed: gasUsed, profitToken: token, blockNumber: net == nil ? nil : 1, quote: net == nil ? nil : quote,
            quoteDecimals: net == nil ? nil : 0, gross: net.map { String($0 + gas + fees) },
            gas: net == nil ? nil : String(gas), fees: net == nil ? nil : String(fees), net: net.map(String.init),
            venue: venue)
    }

    static let rows: [PnLRow] = [
        row("2026-01-05 10:00:00", "spatial", "included", net: 100, gas: 10, fees: 5, venue: "v2a+v2b", token: "0xAA"),
        row("2026-01-05 12:00:00", "triangular", "reverted", net: -10, gas: 10, venue: "v2a+v3", token: "0xaa"),
        row("2026-01-06 09:00:00", "spatial", "included", net: -20, gas: 10, venue: "v2a+v2b", token: "0xbb"),
        row("2026-01-12 09:00:00", "spatial", "refused"),
        row("2026-02-01 09:00:00", "spatial", "included", net: 50, gas: 5, fees: 5, venue: "v2a+v2b", token: "0xaa",
            chain: 10),
        row("2026-02-01 10:00:00", "spatial", "included"),
        row("2026-02-01 11:00:00", "triangular", "included", net: 1000, quote: "0xcc"),
    ]

    static func table(_ g: PnLGrouping) -> PnLTable {
        var a = PnLAggregator(grouping: g, quote: "USD")
        for r in rows { a.add(r) }
        return a.finish()
    }

    static func summary(_ l: PnLLine) -> [String] {
        [l.key, "\(l.count)", "\(l.wins)", "\(l.gross)", "\(l.gas)", "\(l.fees)", "\(l.net)", "\(l.cumulative)"]
    }
}

@Suite struct PnLAggregatorTests {
    typealias F = RowFixture

    @Test func byDaySumsExactlyWithRunningCumulative() {
        let t = F.table(.day)
        #expect(t.lines.map(F.summary) == [
            ["2026-01-05", "2", "1", "115", "20", "5", "90", "90"],
            ["2026-01-06", "1", "0", "-10", "10", "0", "-20", "70"],
            ["2026-01-12", "1", "0", "0", "0", "0", "0", "70"],
            ["2026-02-01", "3", "1", "60", "5", "5", "50", "120"],
        ])
        #expect(F.summary(t.total) == ["total", "7", "2", "165", "35", "10", "120", "120"])
        #expect(t.unvalued == 1 && t.otherQuote == 1)
    }

    @Test func byWeekUsesISOWeeks() {
        #expect(F.table(.week).lines.map { [$0.key, "\($0.count)", "\($0.net)"] } == [
            ["2026-W02", "3", "70"], ["2026-W03", "1", "0"], ["2026-W05", "3", "50"],
        ])
    }

    @Test func byMonthStrategyVenueTokenAndChain() {
        #expect(F.table(.month).lines.map { [$0.key, "\($0.count)", "\($0.net)", "\($0.cumulative)"] } == [
            ["2026-01", "4", "70", "70"], ["2026-02", "3", "50", "120"],
        ])
        #expect(F.table(.strategy).lines.map { [$0.key, "\($0.count)", "\($0.wins)", "\($0.net)", "\($0.cumulative)"] } == [
            ["spatial", "5", "2", "130", "130"], ["triangular", "2", "0", "-10", "120"],
        ])
        #expect(F.table(.venue).lines.map { [$0.key, "\($0.count)", "\($0.net)"] } == [
            ["unknown", "3", "0"], ["v2a+v2b", "3", "130"], ["v2a+v3", "1", "-10"],
        ])
        #expect(F.table(.token).lines.map { [$0.key, "\($0.count)", "\($0.net)"] } == [
            ["0xaa", "3", "140"], ["0xbb", "1", "-20"], ["unknown", "3", "0"],
        ])
        #expect(F.table(.chain).lines.map { [$0.key, "\($0.count)", "\($0.net)"] } == [
            ["1", "6", "70"], ["10", "1", "50"],
        ])
    }

    @Test func weiSizedValuesDoNotOverflow() {
        var a = PnLAggregator(grouping: .day, quote: "USD")
        let big = "57896044618658097711785492504343953926634992332820282019728792003956564"  // ~5.8e70
        for _ in 0..<1000 {
            a.add(PnLRow(
                createdAt: "2026-01-01 00:00:00.000", strategy: "s", state: "included", chainID: 1, engine: "e",
                gasUsed: 1, profitToken: nil, blockNumber: 1, quote: "USD", quoteDecimals: 18, gross: big, gas: "0",
                fees: "0", net: big, venue: nil))
        }
        let expected = (try? I256(parsing: big)).map { $0 * I256(1000) }
        #expect(a.finish().total.net == expected)
    }

    @Test func civilDaysAndISOWeeks() {
        #expect(CivilDay.ordinal(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDay.text(CivilDay.ordinal(year: 2024, month: 2, day: 29)) == "2024-02-29")
        #expect(CivilDay.next("2024-02-28") == "2024-02-29")
        #expect(CivilDay.next("2023-12-31") == "2024-01-01")
        #expect(CivilDay.isoWeek(year: 2021, month: 1, day: 3) == "2020-W53")
        #expect(CivilDay.isoWeek(year: 2024, month: 12, day: 30) == "2025-W01")
        #expect(CivilDay.isoWeek(year: 2026, month: 1, day: 5) == "2026-W02")
        #expect(CivilDay.parse("2026-13-01") == nil)
    }
}

@Suite struct ParseAmountTests {
    @Test func fastPathAgreesWithTheI256Parser() throws {
        let cases = ["0", "7", "-5", "999999999999999999", "1000000000000000000", "-12345678901234567890",
                     "123456789012345678901234567890123456", "-1234567890123456789012345678901234567",
                     "57896044618658097711785492504343953926634992332820282019728792003956564819967"]
        for text in cases {
            #expect(AnalyticsProbe.parse(text) == (try I256(parsing: text)), "\(text)")
        }
        for bad in ["", "-", "12a", "1.5", " 1"] { #expect(AnalyticsProbe.parse(bad) == nil, "\(bad)") }
    }
}
