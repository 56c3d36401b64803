import Foundation
import Testing

/// `defi liquidate` errors before any network access: one line on stderr, the documented exit code.
@Suite struct LiquidateCommandTests {
    @Test func aLiveRunWithoutAKeyIsAUsageError() throws {
        let r = try DefiBinary.run(["liquidate", "--protocol", "aave"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: no signer"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func anUnconfiguredProtocolIsAUsageErrorWithJSON() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("defi-liq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cfg = dir.appendingPathComponent("defi.yaml")
        try "defi:\n  rpc_url: http://127.0.0.1:9\n".write(to: cfg, atomically: true, encoding: .utf8)
        let r = try DefiBinary.run(
            ["liquidate", "--protocol", "maker", "--dry-run", "--json", "--config", cfg.path, "--db",
             dir.appendingPathComponent("h.db").path])
        #expect(r.status == 2 || r.status == 3, "\(r.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(o["ok"] as? Bool == false)
    }

    /// The benchmark-only flags parse (the run then stops at the missing Aave config, exit 2, not at parsing) and
    /// stay out of the help.
    @Test func benchmarkFlagsAreHiddenButAccepted() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("defi-liq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cfg = dir.appendingPathComponent("defi.yaml")
        try "defi:\n  rpc_url: http://127.0.0.1:9\n".write(to: cfg, atomically: true, encoding: .utf8)
        let r = try DefiBinary.run(
            ["liquidate", "--protocol", "aave", "--dry-run", "--per-position-health-checks", "--rpc-call-timeout", "1",
             "--config", cfg.path, "--db", dir.appendingPathComponent("h.db").path])
        #expect(r.status == 2, "\(r.status) \(r.stderr)")
        #expect(r.stderr.hasPrefix("error: protocols.aave_v3 is not configured"), "\(r.stderr)")
        let help = try DefiBinary.run(["liquidate", "--help"])
        #expect(!help.stdout.contains("per-position"))
        #expect(!help.stdout.contains("rpc-call-timeout"))
    }
}
