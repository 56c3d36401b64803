import Foundation
import Testing

/// `defi history list|show` on the built binary, against a store created by `defi` (migrations) and filled
/// with rows by the sqlite3 shell.
@Suite struct HistoryCommandTests {
    static let rows = """
        INSERT INTO opportunities VALUES ('opp_01', '2026-01-02 03:04:05.000', 1, 100, '0x\(String(repeating: "ab", count: 32))',
          'spatial', '[]', '1000', '0x5fbdb2315678afecb367f032d93f642f64180aa3', '10', '3', '7', '0.5', NULL, 'detected');
        INSERT INTO opportunities VALUES ('opp_02', '2026-01-03 00:00:00.000', 1, 200, '0x\(String(repeating: "cd", count: 32))',
          'triangular', '[]', '5', '0x5fbdb2315678afecb367f032d93f642f64180aa3', '-1', '2', '-3', '-0.25', NULL, 'rejected');
        INSERT INTO executions (id, opportunity_id, strategy, engine, created_at, updated_at, state, chain_id, block_number)
          VALUES ('exe_01', 'opp_01', 'spatial', 'capital', '2026-01-02 03:05:00.000', '2026-01-02 03:06:00.000',
          'included', 1, 101);
        """

    /// A temp dir with a filled store at `history.sqlite`, or nil when the sqlite3 shell is absent.
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

    @Test func missingStoreIsAnEmptyResultExit0() throws {
        let dir = try TempDir()
        let r = try dir.run(["history", "list"])
        #expect(r.status == 0)
        let path = dir.url.appendingPathComponent("data/defi/history.sqlite").path
        #expect(r.stdout == "no records in \(path)\n")
        #expect(!FileManager.default.fileExists(atPath: path))
        let j = try TestKeys.data(try dir.run(["history", "list", "--json"]).stdout)
        #expect((j["records"] as? [Any])?.isEmpty == true)
        let csv = try dir.run(["history", "list", "--csv"], environment: ["DEFI_DB": dir.url.path + "/none.sqlite"])
        #expect(csv.stdout == "kind,id,created_at,strategy,status,chain_id,block_number,net_profit,tx_hash\n")
    }

    @Test func listHumanJSONAndFilters() throws {
        guard let (dir, db) = try Self.filledStore() else { return }
        let r = try dir.run(["history", "list", "--db", db])
        #expect(r.status == 0)
        #expect(
            r.stdout == """
                KIND         ID      CREATED_AT            STRATEGY    STATUS    CHAIN_ID  BLOCK_NUMBER  NET_PROFIT  TX_HASH
                opportunity  opp_02  2026-01-03T00:00:00Z  triangular  rejected  1         200           -3          -
                execution    exe_01  2026-01-02T03:05:00Z  spatial     included  1         101           -           -
                opportunity  opp_01  2026-01-02T03:04:05Z  spatial     detected  1         100           7           -

                """)
        let j = try TestKeys.data(
            try dir.run(["history", "list", "--db", db, "--json", "--strategy", "spatial"]).stdout)
        let ids = (j["records"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ["exe_01", "opp_01"])
        let status = try dir.run(["history", "list", "--db", db, "--status", "included", "--csv"])
        #expect(status.stdout.split(separator: "\n").count == 2)
        let since = try dir.run(["history", "list", "--db", db, "--since", "2026-01-03", "--csv"])
        #expect(since.stdout.contains("opp_02") && !since.stdout.contains("opp_01"))
        let blocks = try dir.run(["history", "list", "--db", db, "--since", "101", "--until", "200", "--csv"])
        #expect(blocks.stdout.contains("exe_01") && !blocks.stdout.contains("opp_"))
        #expect(try dir.run(["history", "list", "--db", db, "--limit", "1", "--csv"]).stdout.contains("opp_02"))
    }

    @Test func showHumanAndJSON() throws {
        guard let (dir, db) = try Self.filledStore() else { return }
        let r = try dir.run(["history", "show", "exe_01", "--db", db])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("kind                 execution\nid                   exe_01\n"))
        #expect(r.stdout.contains("\nstatus               included\n"))
        let j = try TestKeys.data(try dir.run(["history", "show", "opp_02", "--db", db, "--json"]).stdout)
        #expect(j["net_profit_usd"] as? String == "-0.25")
        #expect(j["created_at"] as? String == "2026-01-03T00:00:00Z")
        #expect(j["block_number"] as? Int == 200)
        let missing = try dir.run(["history", "show", "opp_ff", "--db", db])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: no opportunity or execution with id opp_ff in "))
    }

    @Test func badBoundsAndStatusesAreUsageErrors() throws {
        let dir = try TempDir()
        let bound = try dir.run(["history", "list", "--since", "yesterday"])
        #expect(bound.status == 2)
        #expect(bound.stderr.hasPrefix("error: --since: expected a date (2026-01-01)"))
    }
}

extension HistoryCommandTests {
    @Test func unknownStatusIsAUsageErrorEvenWithoutAStore() throws {
        let r = try TempDir().run(["history", "list", "--status", "bogus"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: --status: unknown status \"bogus\" (expected one of detected, "))
    }
}
