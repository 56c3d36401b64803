import Foundation
import Testing

/// `defi pnl` on the built binary: golden outputs of every format over a store created by `defi` (migrations,
/// v4-pnl included) and filled by the sqlite3 shell. Money in the fixture is USD with 18 decimals.
@Suite struct PnLCommandTests {
    static let rows = """
        INSERT INTO opportunities VALUES ('opp_01', '2026-01-02 03:04:05.000', 1, 100, '0xabababababababababababababababababababababababababababababababab',
          'spatial', '{"hops":[{"venue":"a"},{"venue":"b"}]}', '1000000000', '0x5fbdb2315678afecb367f032d93f642f64180aa3', '5000000', '1000000', '4000000', '4', NULL, 'executed');
        INSERT INTO opportunities VALUES ('opp_02', '2026-01-03 00:00:00.000', 1, 200, '0xcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd',
          'triangular', '{"hops":[{"venue":"a"},{"venue":"b"},{"venue":"c"}]}', '2000000000', '0x5fbdb2315678afecb367f032d93f642f64180aa3', '3000000', '2000000', '1000000', '1', NULL, 'rejected');
        INSERT INTO executions (id, opportunity_id, strategy, engine, created_at, updated_at, state, chain_id, gas_used, profit_token, block_number)
          VALUES ('exe_01', 'opp_01', 'spatial', 'flash_loan', '2026-01-02 03:05:00.000', '2026-01-02 03:06:00.000', 'included', 31337, 200000, '0x5fbdb2315678afecb367f032d93f642f64180aa3', 101),
                 ('exe_02', NULL, 'spatial', 'flash_loan', '2026-01-02 05:00:00.000', '2026-01-02 05:00:00.000', 'reverted', 31337, 50000, '0x5fbdb2315678afecb367f032d93f642f64180aa3', 102),
                 ('exe_03', NULL, 'triangular', 'capital', '2026-01-04 10:00:00.000', '2026-01-04 10:00:00.000', 'included', 31337, 300000, '0x5fbdb2315678afecb367f032d93f642f64180aa3', 150),
                 ('exe_04', NULL, 'triangular', 'capital', '2026-01-05 10:00:00.000', '2026-01-05 10:00:00.000', 'refused', 31337, NULL, NULL, NULL),
                 ('exe_05', 'opp_02', 'triangular', 'capital', '2026-01-05 11:00:00.000', '2026-01-05 11:00:00.000', 'pending', 31337, NULL, NULL, NULL);
        INSERT INTO execution_pnl VALUES
          ('exe_01', 101, 'USD', 18, '5000000000000000000', '1200000000000000000', '500000000000000000', '3300000000000000000', '400000000000000', '0', 'aave_oracle:0x00@101', 'a+b', '{}', '2026-01-02 03:06:00.000'),
          ('exe_02', 102, 'USD', 18, '0', '300000000000000000', '0', '-300000000000000000', '100000000000000', '0', 'aave_oracle:0x00@102', 'a+b', '{}', '2026-01-02 05:00:00.000'),
          ('exe_03', 150, 'USD', 18, '-1000000000000000000', '1800000000000000000', '0', '-2800000000000000000', '600000000000000', '0', 'aave_oracle:0x00@150', 'a+b+c', '{}', '2026-01-04 10:00:00.000');
        """

    /// A temp dir with a filled store, or nil when the sqlite3 shell is absent.
    static func filledStore() throws -> (TempDir, String)? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return nil }
        let dir = try TempDir()
        let db = try dir.write("history.sqlite", "")
        #expect(try dir.run(["history", "list", "--db", db]).status == 0)  // applies the migrations
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [db, rows]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return (dir, db)
    }

    @Test func missingStoreIsEmptyExit0() throws {
        let dir = try TempDir()
        let none = dir.url.appendingPathComponent("none.sqlite").path
        let r = try dir.run(["pnl", "--db", none])
        #expect(r.status == 0 && r.stdout == "no executions in \(none)\n")
        let csv = try dir.run(["pnl", "--db", none, "--csv"])
        #expect(csv.stdout == "group,label,count,wins,gross,gas,fees,net,cumulative,quote\ntotal,total,0,0,0,0,0,0,0,USD\n")
        #expect(!FileManager.default.fileExists(atPath: none))
    }

    @Test func humanTableByDay() throws {
        guard let (dir, db) = try Self.filledStore() else { return }
        let r = try dir.run(["pnl", "--db", db])
        #expect(r.status == 0)
        #expect(r.stdout == """
            P&L in USD by day
            GROUP       COUNT  WINS  GROSS  GAS  FEES  NET   CUMULATIVE
            2026-01-02  2      1     5      1.5  0.5   3     3
            2026-01-04  1      0     -1     1.8  0     -2.8  0.2
            2026-01-05  2      0     0      0    0     0     0.2
            total       5      1     4      3.3  0.5   0.2   0.2

            """)
    }

    @Test func csvIsGoldenAndStableAcrossRuns() throws {
        guard let (dir, db) = try Self.filledStore() else { return }
        let args = ["pnl", "--db", db, "--csv", "--by", "strategy"]
        let first = try dir.run(args)
        #expect(first.stdout == """
            group,label,count,wins,gross,gas,fees,net,cumulative,quote
            spatial,spatial,2,1,5,1.5,0.5,3,3,USD
            triangular,triangular,3,0,-1,1.8,0,-2.8,0.2,USD
            total,total,5,1,4,3.3,0.5,0.2,0.2,USD

            """)
        #expect(try dir.run(args).stdout == first.stdout)
        #expect(try dir.run(["pnl", "--db", db, "--csv", "--by", "week", "--since", "2026-01-03"]).stdout == """
            group,label,count,wins,gross,gas,fees,net,cumulative,quote
            2026-W01,2026-W01,1,0,-1,1.8,0,-2.8,-2.8,USD
            2026-W02,2026-W02,2,0,0,0,0,0,-2.8,USD
            total,total,3,0,-1,1.8,0,-2.8,-2.8,USD

            """)
        #expect(try dir.run(["pnl", "--db", db, "--csv", "--by", "venue", "--since", "102", "--until", "151"]).stdout == """
            group,label,count,wins,gross,gas,fees,net,cumulative,quote
            a+b,a+b,1,0,0,0.3,0,-0.3,-0.3,USD
            a+b+c,a+b+c,1,0,-1,1.8,0,-2.8,-3.1,USD
            total,total,2,0,-1,2.1,0,-3.1,-3.1,USD

            """)
        #expect(try dir.run(["pnl", "--db", db, "--csv", "--status", "reverted", "--by", "month"]).stdout == """
            group,label,count,wins,gross,gas,fees,net,cumulative,quote
            2026-01,2026-01,1,0,0,0.3,0,-0.3,-0.3,USD
            total,total,1,0,0,0.3,0,-0.3,-0.3,USD

            """)
    }

    @Test func jsonIsStableAndCarriesExactDecimals() throws {
        guard let (dir, db) = try Self.filledStore() else { return }
        let args = ["pnl", "--db", db, "--json", "--performance", "--risk", "--optimize", "min_spread_bps=0..50/2"]
        let first = try dir.run(args)
        #expect(first.status == 0)
        #expect(try dir.run(args).stdout == first.stdout)
        let d = try TestKeys.data(first.stdout)
        #expect(d["quote"] as? String == "USD" && d["quote_decimals"] as? Int == 18 && d["group_by"] as? String == "day")
        let rows = try #require(d["rows"] as? [[String: Any]])
        #expect(rows.map { $0["net"] as? String } == ["3", "-2.8", "0"])
        #expect(rows.map { $0["cumulative"] as? String } == ["3", "0.2", "0.2"])
        let total = try #require(d["total"] as? [String: Any])
        #expect(total["gross"] as? String == "4" && total["gas"] as? String == "3.3" && total["fees"] as? String == "0.5")
        let perf = try #require(d["performance"] as? [[String: Any]])
        #expect(perf.map { $0["strategy"] as? String } == ["spatial", "triangular", "all"])
        #expect(perf[2]["max_drawdown"] as? String == "3.1" && perf[2]["sharpe"] as? String == "0.4391")
        #expect(perf[0]["sharpe"] is NSNull)
        let risk = try #require(d["risk"] as? [String: Any])
        #expect(risk["position_count"] as? Int == 1 && risk["var_usd"] as? String == "2.8")
        let backtest = try #require(d["backtest"] as? [String: Any])
        #expect(backtest["label"] as? String == "backtest" && backtest["opportunities"] as? Int == 2)
        let best = try #require((backtest["results"] as? [[String: Any]])?.first)
        #expect(best["net_usd"] as? String == "5" && (best["settings"] as? [String: String]) == ["min_spread_bps": "0"])
    }

    @Test func performanceRiskAndBacktestCSV() throws {
        guard let (dir, db) = try Self.filledStore() else { return }
        #expect(try dir.run(["pnl", "--db", db, "--csv", "--performance"]).stdout == """
            strategy,count,valued,wins,win_rate,avg_net,median_net,sharpe,sortino,max_drawdown,gas_used,net_per_gas,failure_rate,revert_rate,days,quote
            spatial,2,2,1,0.5000,1.5,-0.3,,,0.3,250000,1.200000e-05,0.5000,0.5000,1,USD
            triangular,3,1,0,0.0000,-2.8,-2.8,,,2.8,300000,-9.333333e-06,0.0000,0.0000,1,USD
            all,5,3,1,0.3333,0.066666666666666666,-0.3,0.4391,0.7879,3.1,550000,3.636364e-07,0.3333,0.3333,3,USD

            """)
        #expect(try dir.run(["pnl", "--db", db, "--csv", "--risk"]).stdout == """
            metric,token,value,limit
            exposure,0x5fbdb2315678afecb367f032d93f642f64180aa3,2000000000,
            position_count,,1,10
            unlinked_positions,,0,
            today_net_usd,,0,
            daily_loss_usd,,0,1000
            var_usd,,2.8,0.95
            var_days,,3,

            """)
        let grid = ["--optimize", "min_spread_bps=0..100/3", "--optimize", "gas_bid=1..2/2"]
        #expect(try dir.run(["pnl", "--db", db, "--csv"] + grid).stdout == """
            rank,min_spread_bps,gas_bid,trades,wins,net,quote
            1,0,1,2,2,5,USD
            2,50,1,1,1,4,USD
            3,50,2,1,1,3,USD
            4,0,2,2,1,2,USD
            5,100,1,0,0,0,USD
            6,100,2,0,0,0,USD

            """)
        let human = try dir.run(["pnl", "--db", db] + grid).stdout
        #expect(human.contains("BACKTEST (hypothetical): replay of 2 recorded opportunities"))
    }

    @Test func chartFitsTheWidthOnStdout() throws {
        guard let (dir, db) = try Self.filledStore() else { return }
        let r = try dir.run(["pnl", "--db", db, "--chart"], environment: ["COLUMNS": "60"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "cumulative net P&L (USD), 3 valued executions")
        #expect(lines.last == "net 0.2 USD over 5 executions")
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(r.stdout.contains("3.3 USD │") && r.stdout.contains("2026-01-02") && r.stdout.contains("█"))
    }

    @Test func badInputIsOneLineExit2() throws {
        let dir = try TempDir()
        for args in [["--status", "bogus"], ["--since", "yesterday-ish"], ["--optimize", "spread=1..2"],
                     ["--optimize", "max_hops=5..1"]] {
            let r = try dir.run(["pnl"] + args)
            #expect(r.status == 2, "\(args)")
            #expect(r.stdout.isEmpty, "\(args)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
        #expect(try dir.run(["pnl", "--by", "year"]).status == 2)
    }
}
