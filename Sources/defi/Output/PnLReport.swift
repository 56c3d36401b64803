import Analytics
import DeFiCore
import Primitives

/// `defi pnl`: the P&L table (or, with --performance / --risk / --optimize, that section as the CSV table).
///
/// Money is exact decimal text in whole quote units (`-0.000063`); JSON keys and CSV columns are stable and
/// documented in docs/pnl.md.
struct PnLReport: Report {
    var result: PnLResult
    var chart: Bool
    var width: Int

    /// Exact decimal text of a quote amount.
    func money(_ v: I256, maxFraction: Int? = nil) -> String {
        let text = Units.format(v.magnitude, decimals: result.quoteDecimals, maxFractionDigits: maxFraction)
        return v.isNegative && text != "0" ? "-" + text : text
    }

    func label(_ key: String) -> String { result.labels[key] ?? key }

    var quoteLabel: String { result.quote == "USD" ? "USD" : label(result.quote) }

    // MARK: CSV / table

    var columns: [String] {
        if result.backtest != nil { return ["rank"] + backtestParameters + ["trades", "wins", "net", "quote"] }
        if result.risk != nil { return ["metric", "token", "value", "limit"] }
        if result.performance != nil {
            return ["strategy", "count", "valued", "wins", "win_rate", "avg_net", "median_net", "sharpe", "sortino",
                    "max_drawdown", "gas_used", "net_per_gas", "failure_rate", "revert_rate", "days", "quote"]
        }
        return ["group", "label", "count", "wins", "gross", "gas", "fees", "net", "cumulative", "quote"]
    }

    var rows: [[String]] {
        if let b = result.backtest {
            return b.results.enumerated().map { i, r in
                [String(i + 1)] + r.settings.map(\.1.description)
                    + [String(r.trades), String(r.wins), usd(r.netUSD), "USD"]
            }
        }
        if let r = result.risk { return riskRows(r, exact: true) }
        if let p = result.performance { return p.map { performanceRow($0, exact: true) } }
        return (result.table.lines + [result.table.total]).map { lineRow($0, exact: true) }
    }

    var backtestParameters: [String] { result.backtest?.results.first?.settings.map(\.0.rawValue) ?? [] }

    func lineRow(_ l: PnLLine, exact: Bool) -> [String] {
        let f = exact ? nil : 6
        var row = [l.key, label(l.key), String(l.count), String(l.wins), money(l.gross, maxFraction: f),
                   money(l.gas, maxFraction: f), money(l.fees, maxFraction: f), money(l.net, maxFraction: f),
                   money(l.cumulative, maxFraction: f)]
        if exact { row.append(quoteLabel) } else { row.remove(at: 1) }
        return row
    }

    func performanceRow(_ p: StrategyPerformance, exact: Bool) -> [String] {
        let f = exact ? nil : 6
        func ratio(_ d: Double?) -> String { d.map { fixed($0, 4) } ?? "" }
        var row = [p.strategy, String(p.count), String(p.valued), String(p.wins), ratio(p.winRate),
                   p.averageNet.map { money($0, maxFraction: f) } ?? "", p.medianNet.map { money($0, maxFraction: f) } ?? "",
                   ratio(p.sharpe), ratio(p.sortino), money(p.maxDrawdown, maxFraction: f), p.gasUsed.description,
                   p.netPerGas.map { String(format: "%.6e", $0) } ?? "", ratio(p.failureRate), ratio(p.revertRate),
                   String(p.days)]
        if exact { row.append(quoteLabel) }
        return row
    }

    func riskRows(_ r: RiskSnapshot, exact: Bool) -> [[String]] {
        var rows: [[String]] = r.exposure.map { ["exposure", label($0.token), $0.amount.description, ""] }
        rows.append(["position_count", "", String(r.positionCount), String(r.maxPositionCount)])
        rows.append(["unlinked_positions", "", String(r.unlinkedPositions), ""])
        rows.append(["today_net_usd", "", usd(r.todayNetUSD), ""])
        rows.append(["daily_loss_usd", "", usd(I256(bits: r.dailyLossUSD)), usd(I256(bits: r.maxDailyLossUSD))])
        rows.append(["var_usd", "", r.valueAtRiskUSD.map { usd(I256(bits: $0)) } ?? "", r.varConfidence.description])
        rows.append(["var_days", "", String(r.varDays), ""])
        return rows
    }

    func usd(_ v: I256) -> String {
        let text = Units.format(v.magnitude, decimals: 18)
        return v.isNegative && text != "0" ? "-" + text : text
    }

    func fixed(_ d: Double, _ digits: Int) -> String { d.isFinite ? String(format: "%.\(digits)f", d) : "" }

    // MARK: human

    func humanText(style: TextStyle) -> String {
        var out = ""
        let t = result.table
        if chart {
            out += style.bold("cumulative net P&L (\(quoteLabel)), \(result.series.count) valued executions") + "\n"
            out += CumulativeChart.render(
                values: result.series, width: width, unit: quoteLabel, from: result.seriesSpan?.from ?? "",
                to: result.seriesSpan?.to ?? "")
            out += "net \(money(t.total.net, maxFraction: 6)) \(quoteLabel) over \(t.total.count) executions\n"
        } else if t.lines.isEmpty {
            out += "no executions in \(result.path)\n"
        } else {
            out += style.bold("P&L in \(quoteLabel) by \(result.grouping.rawValue)") + "\n"
            let human = ["group", "count", "wins", "gross", "gas", "fees", "net", "cumulative"]
            out += Table(columns: human, rows: (t.lines + [t.total]).map {
                var row = lineRow($0, exact: false)
                row[0] = label($0.key)
                return row
            }).aligned(style: style)
        }
        if let p = result.performance {
            out += "\n" + style.bold("performance (\(quoteLabel); Sharpe and Sortino on daily net, annualised √365)") + "\n"
            let cols = ["strategy", "count", "valued", "wins", "win_rate", "avg_net", "median_net", "sharpe", "sortino",
                        "max_drawdown", "gas_used", "net_per_gas", "failure_rate", "revert_rate", "days"]
            out += Table(columns: cols, rows: p.map { performanceRow($0, exact: false) }).aligned(style: style)
        }
        if let r = result.risk {
            out += "\n" + style.bold("risk (USD)") + "\n"
            out += Table(columns: ["metric", "token", "value", "limit"], rows: riskRows(r, exact: false))
                .aligned(style: style)
            for v in RiskLedger.violations(r) { out += "cap reached: \(v)\n" }
        }
        if let b = result.backtest {
            out += "\n" + style.bold(
                "BACKTEST (hypothetical): replay of \(b.opportunities) recorded opportunities with their \(b.method) "
                    + "numbers; inclusion and competition are not modelled") + "\n"
            if b.skipped > 0 { out += "\(b.skipped) opportunities skipped (no USD value recorded)\n" }
            let cols = ["rank"] + backtestParameters + ["trades", "wins", "net_usd"]
            out += Table(columns: cols, rows: b.results.prefix(10).enumerated().map { i, r in
                [String(i + 1)] + r.settings.map(\.1.description) + [String(r.trades), String(r.wins),
                    Units.format(r.netUSD.magnitude, decimals: 18, maxFractionDigits: 6)
                        .withSign(r.netUSD.isNegative)]
            }).aligned(style: style)
        }
        return out
    }

    // MARK: JSON

    enum CodingKeys: String, CodingKey {
        case db, quote, quoteDecimals = "quote_decimals", groupBy = "group_by", rows, total, unvalued
        case otherQuote = "other_quote", performance, risk, backtest
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(result.path, forKey: .db)
        try c.encode(result.quote, forKey: .quote)
        try c.encode(result.quoteDecimals, forKey: .quoteDecimals)
        try c.encode(result.grouping.rawValue, forKey: .groupBy)
        try c.encode(result.table.lines.map { lineView($0) }, forKey: .rows)
        try c.encode(lineView(result.table.total), forKey: .total)
        try c.encode(result.table.unvalued, forKey: .unvalued)
        try c.encode(result.table.otherQuote, forKey: .otherQuote)
        if let p = result.performance {
            try c.encode(p.map(performanceView), forKey: .performance)
        }
        if let r = result.risk {
            try c.encode(RiskView(
                exposure: r.exposure.map { ["token": $0.token, "label": label($0.token), "amount": $0.amount.description] },
                positionCount: r.positionCount, maxPositionCount: r.maxPositionCount,
                unlinkedPositions: r.unlinkedPositions, todayNetUSD: usd(r.todayNetUSD),
                dailyLossUSD: usd(I256(bits: r.dailyLossUSD)), maxDailyLossUSD: usd(I256(bits: r.maxDailyLossUSD)),
                varConfidence: r.varConfidence.description, varUSD: r.valueAtRiskUSD.map { usd(I256(bits: $0)) },
                varDays: r.varDays, violations: RiskLedger.violations(r).map(\.description)), forKey: .risk)
        }
        if let b = result.backtest {
            try c.encode(BacktestView(
                label: "backtest", method: b.method, opportunities: b.opportunities, skipped: b.skipped,
                results: b.results.map { r in
                    BacktestView.Point(
                        settings: Dictionary(uniqueKeysWithValues: r.settings.map { ($0.0.rawValue, $0.1.description) }),
                        trades: r.trades, wins: r.wins, netUSD: usd(r.netUSD))
                }), forKey: .backtest)
        }
    }

    func performanceView(_ p: StrategyPerformance) -> PerformanceView {
        func ratio(_ d: Double?) -> String? { d.flatMap { $0.isFinite ? fixed($0, 4) : nil } }
        return PerformanceView(
            strategy: p.strategy, count: p.count, valued: p.valued, wins: p.wins, winRate: ratio(p.winRate),
            avgNet: p.averageNet.map { money($0) }, medianNet: p.medianNet.map { money($0) }, sharpe: ratio(p.sharpe),
            sortino: ratio(p.sortino), maxDrawdown: money(p.maxDrawdown), gasUsed: p.gasUsed.description,
            netPerGas: p.netPerGas.map { String(format: "%.6e", $0) }, failureRate: ratio(p.failureRate),
            revertRate: ratio(p.revertRate), days: p.days)
    }

    /// Ratios as fixed-point strings (stable text), null when undefined; money as exact decimals.
    struct PerformanceView: Encodable {
        var strategy: String
        var count, valued, wins: Int
        var winRate, avgNet, medianNet, sharpe, sortino: String?
        var maxDrawdown, gasUsed: String
        var netPerGas, failureRate, revertRate: String?
        var days: Int

        enum CodingKeys: String, CodingKey {
            case strategy, count, valued, wins, sharpe, sortino, days
            case winRate = "win_rate", avgNet = "avg_net", medianNet = "median_net", maxDrawdown = "max_drawdown"
            case gasUsed = "gas_used", netPerGas = "net_per_gas", failureRate = "failure_rate"
            case revertRate = "revert_rate"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(strategy, forKey: .strategy)
            try c.encode(count, forKey: .count)
            try c.encode(valued, forKey: .valued)
            try c.encode(wins, forKey: .wins)
            try c.encode(days, forKey: .days)
            try c.encode(maxDrawdown, forKey: .maxDrawdown)
            try c.encode(gasUsed, forKey: .gasUsed)
            for (key, value) in [(CodingKeys.winRate, winRate), (.avgNet, avgNet), (.medianNet, medianNet),
                                 (.sharpe, sharpe), (.sortino, sortino), (.netPerGas, netPerGas),
                                 (.failureRate, failureRate), (.revertRate, revertRate)] {
                if let value { try c.encode(value, forKey: key) } else { try c.encodeNil(forKey: key) }
            }
        }
    }

    func lineView(_ l: PnLLine) -> LineView {
        LineView(group: l.key, label: label(l.key), count: l.count, wins: l.wins, gross: money(l.gross),
                 gas: money(l.gas), fees: money(l.fees), net: money(l.net), cumulative: money(l.cumulative))
    }

    struct LineView: Encodable {
        var group, label: String
        var count, wins: Int
        var gross, gas, fees, net, cumulative: String
    }

    struct RiskView: Encodable {
        var exposure: [[String: String]]
        var positionCount, maxPositionCount, unlinkedPositions: Int
        var todayNetUSD, dailyLossUSD, maxDailyLossUSD, varConfidence: String
        var varUSD: String?
        var varDays: Int
        var violations: [String]

        enum CodingKeys: String, CodingKey {
            case exposure, violations
            case positionCount = "position_count", maxPositionCount = "max_position_count"
            case unlinkedPositions = "unlinked_positions", todayNetUSD = "today_net_usd"
            case dailyLossUSD = "daily_loss_usd", maxDailyLossUSD = "max_daily_loss_usd"
            case varConfidence = "var_confidence", varUSD = "var_usd", varDays = "var_days"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(exposure, forKey: .exposure)
            try c.encode(positionCount, forKey: .positionCount)
            try c.encode(maxPositionCount, forKey: .maxPositionCount)
            try c.encode(unlinkedPositions, forKey: .unlinkedPositions)
            try c.encode(todayNetUSD, forKey: .todayNetUSD)
            try c.encode(dailyLossUSD, forKey: .dailyLossUSD)
            try c.encode(maxDailyLossUSD, forKey: .maxDailyLossUSD)
            try c.encode(varConfidence, forKey: .varConfidence)
            if let varUSD { try c.encode(varUSD, forKey: .varUSD) } else { try c.encodeNil(forKey: .varUSD) }
            try c.encode(varDays, forKey: .varDays)
            try c.encode(violations, forKey: .violations)
        }
    }

    struct BacktestView: Encodable {
        struct Point: Encodable {
            var settings: [String: String]
            var trades, wins: Int
            var netUSD: String
            enum CodingKeys: String, CodingKey { case settings, trades, wins, netUSD = "net_usd" }
        }
        var label, method: String
        var opportunities, skipped: Int
        var results: [Point]
    }
}

extension String {
    fileprivate func withSign(_ negative: Bool) -> String { negative && self != "0" ? "-" + self : self }
}
