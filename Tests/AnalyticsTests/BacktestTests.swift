import Analytics
import DeFiCore
import Primitives
import Testing

@Suite struct BacktestTests {
    /// 1 token unit = 1 USD (1e18 USD-wei).
    static let usd = PriceRatio(num: U256(1_000_000_000_000_000_000), den: .one)
    static let cases = [
        ReplayCase(size: U256(1000), gross: I256(50), costs: U256(10), usd: usd, hops: 2),  // 500 bps, net 40
        ReplayCase(size: U256(1000), gross: I256(5), costs: U256(10), usd: usd, hops: 3),  // 50 bps, net −5
        ReplayCase(size: U256(100), gross: I256(30), costs: U256(5), usd: usd, hops: 4),  // 3000 bps, net 25
    ]

    static func usd(_ whole: Int64) -> I256 { I256(whole) * I256(1_000_000_000_000_000_000) }

    @Test func spreadGridRanksSettingsByNet() throws {
        let grid = try ParameterGrid(name: "min_spread_bps", range: "0..1000/3")
        #expect(grid.values.map(\.description) == ["0", "500", "1000"])
        let r = try Backtest.run(cases: Self.cases, grids: [grid])
        #expect(r.map { $0.settings[0].1.description } == ["500", "0", "1000"])
        #expect(r.map(\.netUSD) == [Self.usd(65), Self.usd(60), Self.usd(25)])
        #expect(r.map(\.trades) == [2, 3, 1] && r[1].wins == 2)
    }

    @Test func slippageGasBidMinProfitAndHops() throws {
        func net(_ p: String, _ range: String) throws -> I256 {
            try Backtest.run(cases: Self.cases, grids: [ParameterGrid(name: p, range: range)])[0].netUSD
        }
        #expect(try net("slippage_bps", "100..100") == Self.usd(39))  // 40−10, −5−10, 25−1
        #expect(try net("gas_bid", "2..2") == Self.usd(35))  // 30, −15, 20
        #expect(try net("min_profit_usd", "10..10") == Self.usd(65))
        #expect(try net("max_hops", "3..3") == Self.usd(35))
    }

    @Test func gridsCombineAndParse() throws {
        let a = try ParameterGrid(name: "max_hops", range: "2..4:1")
        let b = try ParameterGrid(name: "gas_bid", range: "0.5..1:0.25")
        #expect(b.values.map(\.description) == ["0.5", "0.75", "1"])
        #expect(try ParameterGrid(name: "min_spread_bps", range: "5..50").values.map(\.description)
            == ["5", "16", "28", "39", "50"])
        #expect(try Backtest.run(cases: Self.cases, grids: [a, b]).count == 9)
        #expect(throws: UtilityError.self) { try ParameterGrid(name: "min_spread_bps", range: "50..5") }
        #expect(throws: UtilityError.self) { try ParameterGrid(name: "min_spread_bps", range: "a..b") }
        #expect(throws: UtilityError.self) { try ParameterGrid(name: "spread", range: "1..2") }
    }
}
