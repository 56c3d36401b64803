import Foundation
import Testing

/// The README's exit codes for the node, the same in every command: no endpoint configured is a configuration
/// error (2), a configured node that cannot be reached is the network (3), and bad local input is a usage error
/// (2) found before any RPC access, so an unreachable node cannot hide it.
@Suite struct ExitCodeTests {
    /// Nothing listens on port 1.
    static let deadNode = "http://127.0.0.1:1"
    static let weth = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"
    static let usdc = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"
    /// WETH with one letter's case flipped: a failed EIP-55 checksum.
    static let badChecksum = "0xc02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"

    @Test func noEndpointConfiguredExitsTwoInEveryCommand() throws {
        let dir = try TempDir()
        for args in [["quote", "1", Self.weth, Self.usdc], ["scan"], ["simulate", "opp_1"]] {
            let r = try dir.run(args)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(args)")
            #expect(r.stderr.lowercased().contains("no rpc endpoint"), "\(args): \(r.stderr)")
        }
        let j = try dir.run(["quote", "1", Self.weth, Self.usdc, "--json"])
        #expect(j.stdout.contains("\"exit_code\" : 2"), "\(j.stdout)")
    }

    @Test func unreachableNodeExitsThreeInEveryCommand() throws {
        let dir = try TempDir()
        for args in [["quote", "1", Self.weth, Self.usdc], ["simulate", "opp_1"]] {
            let r = try dir.run(args + ["--rpc-url", Self.deadNode])
            #expect(r.status == 3, "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(args)")
        }
    }

    @Test func badLocalInputIsAUsageErrorBeforeTheNodeIsTried() throws {
        let dir = try TempDir()
        let plan = try dir.write("plan.json", ExecuteCommandTests.badPlan)
        let garbled = try dir.write("garbled.json", "{\"schema\": ")
        let cases: [[String]] = [
            ["quote", "1", Self.badChecksum, Self.usdc],
            ["quote", "abc", Self.weth, Self.usdc],
            ["simulate", plan], ["execute", plan], ["simulate", garbled], ["execute", garbled],
            ["simulate", "opp_1", "--from", Self.badChecksum], ["simulate", "0x02f8"],
            ["liquidate", "--dry-run", "--min-profit", "lots"],
        ]
        for args in cases {
            let r = try dir.run(
                args + ["--rpc-url", Self.deadNode],
                environment: ["DEFI_PRIVATE_KEY": "0x" + String(repeating: "11", count: 32)])
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("cannot reach"), "\(args): \(r.stderr)")
            #expect(!r.stderr.contains(String(repeating: "11", count: 32)))
        }
    }
}
