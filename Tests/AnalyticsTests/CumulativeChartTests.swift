import Analytics
import Testing

@Suite struct CumulativeChartTests {
    @Test func fitsTheWidthAndLabelsTheRange() {
        let text = CumulativeChart.render(
            values: (0..<500).map { Double($0) / 10 }, width: 40, height: 5, unit: "USD", from: "2026-01-01",
            to: "2026-01-31")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 7)
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines[0].hasPrefix("49.9 USD │"))
        #expect(lines[4].hasPrefix("   0 USD │"))
        #expect(lines[0].hasSuffix("█") || lines[0].last.map { "▁▂▃▄▅▆▇".contains($0) } == true)
        #expect(lines[6].contains("2026-01-01") && lines[6].hasSuffix("2026-01-31"))
    }

    @Test func marksZeroWhenTheSeriesGoesNegative() {
        let text = CumulativeChart.render(values: [-4, -2, 2, 4], width: 30, height: 4, unit: "USD", from: "a", to: "b")
        #expect(text.contains("┈"))
        #expect(text.contains("-4 USD │"))
        #expect(CumulativeChart.render(values: [], width: 30, unit: "USD", from: "", to: "")
            == "no valued executions to chart\n")
    }
}
