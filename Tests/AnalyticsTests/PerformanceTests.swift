import Analytics
import DeFiCore
import History
import Foundation
import Primitives
import Testing

@Suite struct PerformanceTests {
    typealias F = RowFixture

    /// Days 3 Jan +12 (16 − 4), 4 Jan −4 (reverted), 5 Jan +4; a failed and a refused attempt without money.
    static let rows: [PnLRow] = [
        F.row("2026-01-03 01:00:00", "spatial", "included", net: 16, gasUsed: 100),
        F.row("2026-01-03 02:00:00", "spatial", "included", net: -4, gasUsed: 100),
        F.row("2026-01-04 01:00:00", "spatial", "reverted", net: -4, gasUsed: 100),
        F.row("2026-01-04 02:00:00", "spatial", "failed"),
        F.row("2026-01-04 03:00:00", "spatial", "refused"),
        F.row("2026-01-05 01:00:00", "spatial", "included", net: 4, gasUsed: 100),
    ]

    @Test func metricsMatchHandComputedValues() throws {
        var acc = PerformanceAccumulator(quote: "USD")
        for r in Self.rows { acc.add(r) }
        let all = acc.finish(quoteDecimals: 0)
        #expect(all.map(\.strategy) == ["spatial", "all"])
        let p = all[0]
        #expect(p.count == 6 && p.valued == 4 && p.wins == 2 && p.winRate == 0.5)
        #expect(p.net == I256(12) && p.averageNet == I256(3) && p.medianNet == I256(-4))
        #expect(p.maxDrawdown == I256(8))  // cumulative 16, 12, 8, 12
        #expect(p.gasUsed == U256(400) && p.netPerGas == 0.03)
        #expect(p.failureRate == 0.4 && p.revertRate == 0.25 && p.days == 3)
        // daily 12, −4, 4: mean 4, sample sd 8 → 0.5·√365; downside √(16/3) → √3/... = √(3·365)/... checked below
        let sharpe = try #require(p.sharpe)
        #expect(abs(sharpe - 0.5 * 365.0.squareRoot()) < 1e-9)
        let sortino = try #require(p.sortino)
        #expect(abs(sortino - 4 / (16.0 / 3).squareRoot() * 365.0.squareRoot()) < 1e-9)
        #expect(all[1].net == p.net && all[1].count == 6)
    }

    @Test func ratiosNeedVarianceAndLosingDays() {
        #expect(Statistics.sharpe([1]) == nil)
        #expect(Statistics.sharpe([2, 2, 2]) == nil)
        #expect(Statistics.sortino([1, 2, 3]) == nil)
        #expect(Statistics.sortino([1, -1]) == 0)
    }

    @Test func historicalVaRTakesTheNearestRankLoss() {
        let nets = [-5, -3, 0, 2, 10, 1, -1, 4, 6, 7].map { I256(Int64($0)) }
        #expect(RiskLedger.historicalVaR(nets, confidence: ExactDecimal("0.9")!) == U256(5))
        #expect(RiskLedger.historicalVaR(nets, confidence: ExactDecimal("0.8")!) == U256(3))
        #expect(RiskLedger.historicalVaR(nets, confidence: ExactDecimal("0.7")!) == U256(1))
        #expect(RiskLedger.historicalVaR(nets, confidence: ExactDecimal("0.95")!) == U256(5))
        #expect(RiskLedger.historicalVaR([I256(3), I256(4)], confidence: ExactDecimal("0.95")!) == .zero)
        #expect(RiskLedger.historicalVaR([], confidence: ExactDecimal("0.95")!) == nil)
    }

    @Test func dailySeriesFillsEmptyDays() {
        var b = DailyPnL.Builder()
        b.add(createdAt: "2026-02-27 10:00:00.000", net: I256(5))
        b.add(createdAt: "2026-03-02 10:00:00.000", net: I256(-2))
        b.add(createdAt: "2026-02-27 11:00:00.000", net: I256(1))
        let s = b.build()
        #expect(s.days == ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"])
        #expect(s.nets == [I256(6), .zero, .zero, I256(-2)])
    }
}
