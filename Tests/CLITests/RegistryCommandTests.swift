import Foundation
import Testing

/// `defi register-strategy` and `defi deploy executor` without a node: usage and configuration errors are one
/// line and exit 2 before anything is read or sent (the devnet runs are in IntegrationTests/RegistryDevnetTests).
@Suite struct RegistryCommandTests {
    @Test(arguments: [
        (["register-strategy"], "error: missing the strategy name\n"),
        (["register-strategy", "--list", "--remove"], "error: --list and --remove exclude each other\n"),
        (["register-strategy", "Arb"], "error: give either the strategy address or --deploy <artifact>\n"),
        (
            ["register-strategy", "Arb", "0x0000000000000000000000000000000000000001", "--deploy", "x.json"],
            "error: give either the strategy address or --deploy <artifact>\n"
        ),
        (
            ["register-strategy", "Arb", "0x0000000000000000000000000000000000000001", "--remove"],
            "error: --remove takes only the name\n"
        ),
    ])
    func usageErrorsExit2(arguments: [String], stderr: String) throws {
        let dir = try TempDir()
        let r = try dir.run(arguments)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix(stderr), "\(r.stderr)")
    }

    @Test func noExecutorConfiguredIsAConfigError() throws {
        let dir = try TempDir()
        let r = try dir.run(["register-strategy", "--list"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: no executor address\n"), "\(r.stderr)")
        #expect(r.stderr.contains("defi.execution.flash_loan.contract_address"))
        let j = try dir.run(["register-strategy", "--list", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["code"] as? String == "registry.usage")
        #expect(error["exit_code"] as? Int == 2)
    }

    @Test func registeringWithoutAKeySendsNothingAndExits2() throws {
        let dir = try TempDir()
        let r = try dir.run([
            "register-strategy", "Arb", "0x0000000000000000000000000000000000000001", "--executor",
            "0x0000000000000000000000000000000000000002",
        ])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("DEFI_PRIVATE_KEY"), "\(r.stderr)")
    }

    @Test func badExecutorChecksumIsRefusedAsInput() throws {
        let dir = try TempDir()
        let r = try dir.run(["register-strategy", "--list", "--executor", "0x1429859428C0aBc9C2C47C8Ee9FBaf82cFA0F20F"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("checksum"), "\(r.stderr)")
    }

    @Test func deployExecutorWithAMissingArtifactsFolderIsAUsageError() throws {
        let dir = try TempDir()
        let r = try dir.run(
            ["deploy", "executor", "--artifacts", dir.url.path + "/none", "--rpc-url", "http://127.0.0.1:1"],
            environment: ["DEFI_PRIVATE_KEY": "0x" + String(repeating: "11", count: 32)])
        // Local input is checked before the node is touched: exit 2 although the node is unreachable too.
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("cannot read artifact"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(!r.stderr.contains(String(repeating: "11", count: 32)))
    }
}
