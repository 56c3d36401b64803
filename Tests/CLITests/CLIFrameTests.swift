import Foundation
import Testing

/// The command frame: help, exit codes, the JSON envelope, stdout/stderr separation, the signer rules.
@Suite struct CLIFrameTests {
    static let subcommands = [
        "scan", "quote", "simulate", "execute", "liquidate", "pnl", "register-strategy", "deploy", "wallet", "abi",
        "tx", "config", "history",
    ]

    @Test func rootHelpListsEverySubcommand() throws {
        let r = try DefiBinary.run(["--help"])
        #expect(r.status == 0)
        for name in Self.subcommands { #expect(r.stdout.contains("  \(name)"), "missing \(name)") }
        #expect(!r.stdout.contains("  keccak "), "the alias stays hidden")
        #expect(r.stdout.contains("EXIT CODES:"))
        #expect(r.stderr.isEmpty)
    }

    @Test func versionComesFromOneConstant() throws {
        let r = try DefiBinary.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout == "0.1.0\n")
    }

    @Test func failureJSONEnvelopeOnStdoutAndLineOnStderr() throws {
        let r = try DefiBinary.run(["scan", "--strategies", "foo", "--json"])
        #expect(r.status == 2)
        #expect(r.stderr == "error: unknown strategy \"foo\" (known: spatial, triangular, statistical)\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == 1)
        #expect(object["ok"] as? Bool == false)
        #expect(object["data"] is NSNull)
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["message"] as? String == "unknown strategy \"foo\" (known: spatial, triangular, statistical)")
        #expect(error["exit_code"] as? Int == 2)
        #expect((object["warnings"] as? [Any])?.isEmpty == true)
    }

    @Test func unknownOptionIsUsageErrorExit2() throws {
        let r = try DefiBinary.run(["scan", "--bogus"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: Unknown option '--bogus'"))
    }

    @Test func badOptionValueIsUsageErrorExit2() throws {
        #expect(try DefiBinary.run(["scan", "--max-hops", "three"]).status == 2)
        #expect(try DefiBinary.run(["execute", "1", "--engine", "magic"]).status == 2)
        #expect(try DefiBinary.run(["pnl", "--optimize", "nonsense"]).status == 2)
    }

    @Test func usageErrorWithJSONStillPrintsEnvelope() throws {
        let r = try DefiBinary.run(["scan", "--json", "--bogus"])
        #expect(r.status == 2)
        #expect(r.stdout.contains("\"code\" : \"usage\""))
        #expect(r.stdout.contains("\"ok\" : false"))
        #expect(r.stderr.hasPrefix("error: "))
    }

    @Test func jsonAndCSVTogetherAreRejected() throws {
        let r = try DefiBinary.run(["abi", "keccak", "abc", "--json", "--csv"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--json and --csv cannot be combined"))
    }

    @Test func plainPrivateKeyFlagIsRejected() throws {
        let secret = "0x" + String(repeating: "ab", count: 32)
        for args in [["execute", "1", "--private-key", secret], ["wallet", "address", "--private-key", secret]] {
            let r = try DefiBinary.run(args)
            #expect(r.status == 2)
            #expect(r.stderr.contains("--private-key is not accepted"))
            #expect(!r.stderr.contains(secret), "the key must never be echoed")
            #expect(!r.stdout.contains(secret))
        }
        let help = try DefiBinary.run(["execute", "--help"])
        #expect(!help.stdout.contains("--private-key "))
        #expect(help.stdout.contains("--private-key-file"))
    }

    @Test func quietSuppressesInfoButNotErrors() throws {
        let r = try DefiBinary.run(["scan", "-q"])
        #expect(r.status == 2)
        #expect(r.stderr == "error: no RPC endpoint configured\nhint: set ETH_RPC_URL, pass --rpc-url, or scan offline with --state FILE\n")
    }

    @Test func colorAlwaysColoursTheErrorLabel() throws {
        let r = try DefiBinary.run(["scan", "--color", "always"])
        #expect(r.stderr.hasPrefix("\u{1B}[31merror\u{1B}[0m: "))
        let never = try DefiBinary.run(["scan", "--color", "never"])
        #expect(never.stderr.hasPrefix("error: "))
    }
}
