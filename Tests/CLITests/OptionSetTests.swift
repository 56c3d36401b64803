import Testing

/// Every subcommand exposes its full option set now, so completions and man pages are complete.
@Suite struct OptionSetTests {
    static let display = ["--json", "--csv", "--quiet", "--verbose", "--color"]
    static let rpc = ["--rpc-url", "--chain", "--block"]
    static let signer = ["--keystore", "--password-file", "--private-key-file", "--from"]
    static let config = ["--config", "--db"]

    @Test(arguments: [
        (["scan"], ["--strategies", "--min-profit", "--max-hops", "--watch"] + rpc + config + display),
        (["quote"], ["<amount>", "<token-in>", "<token-out>", "--exact-out", "--venues", "--state", "--save-state"]
            + rpc + display),
        (["simulate"], ["<target>", "--state-override"] + rpc + display),
        (["execute"], ["<target>", "--dry-run", "--engine", "--private", "--confirmations", "--deadline"] + signer
            + rpc + display),
        (["liquidate"], ["--protocol", "--dry-run", "--max-liquidations", "--deadline", "--min-profit"] + signer
            + rpc + display),
        (["pnl"], ["--by", "--since", "--until", "--strategy", "--status", "--chart", "--performance", "--risk", "--optimize"]
            + config + display),
        (["register-strategy"], ["<name>", "<address>", "--deploy", "--list", "--remove", "--executor", "--dry-run"]
            + signer + rpc + config + display),
        (["deploy", "executor"], ["--artifacts", "--write-config", "--dry-run"] + signer + rpc + config + display),
        (["history", "list"], ["--since", "--until", "--strategy", "--status", "--limit"] + config + display),
        (["history", "show"], ["<id>"] + display),
        (["config", "show"], rpc + config + display),
        (["abi", "keccak"], ["<input>"] + display),
    ])
    func helpListsTheFullOptionSet(command: [String], options: [String]) throws {
        let r = try DefiBinary.run(command + ["--help"])
        #expect(r.status == 0)
        for option in options { #expect(r.stdout.contains(option), "\(command) lacks \(option)") }
    }

    @Test func engineAndProtocolAreClosedChoices() throws {
        let r = try DefiBinary.run(["execute", "--help"])
        #expect(r.stdout.contains("capital"))
        #expect(r.stdout.contains("flash-loan"))
        #expect(try DefiBinary.run(["liquidate", "--protocol", "euler"]).status == 2)
        #expect(try DefiBinary.run(["pnl", "--by", "year"]).status == 2)
    }
}
