import Foundation
import Testing

/// `defi simulate` / `defi execute` outputs that need no node: bad input is one line and exit 2, `--private` is
/// exit 7, both before any network access. (Live golden outputs: IntegrationTests/ExecuteCLITests.)
@Suite struct ExecuteCommandTests {
    static let badPlan = """
        {"schema":"defi.plan/1","executor":"0x1429859428C0aBc9C2C47C8Ee9FBaf82cFA0F20f","strategy":{"name":"Arbitrage"},
         "flash":{"kind":"aave_v3_simple","lender":"0x524F04724632eED237cbA3c37272e018b3A7967e",
                  "asset":"0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512","amount":1000},
         "profit_token":"0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512","min_profit":"1",
         "payload":{"type":"arbitrage","hops":[]}}
        """

    @Test func malformedPlanFileIsOneLineWithTheSchemaHintAndExit2() throws {
        let dir = try TempDir()
        let plan = try dir.write("plan.json", Self.badPlan)
        for command in ["simulate", "execute"] {
            let r = try dir.run([command, plan])
            #expect(r.status == 2)
            #expect(r.stdout.isEmpty)
            #expect(r.stderr == """
                error: plan file: flash.amount: integers are decimal strings ("1000"), got 1000
                hint: see docs/plan.md for the defi.plan/1 schema

                """)
        }
        let j = try dir.run(["simulate", plan, "--json"])
        #expect(j.status == 2)
        #expect(j.stdout.contains("\"code\" : \"plan_invalid\""))
        #expect(j.stdout.contains("\"exit_code\" : 2"))
    }

    @Test func unreadableTargetsAreUsageErrors() throws {
        let dir = try TempDir()
        let r = try dir.run(["simulate", "0xzz"])
        #expect(r.status == 2)
        #expect(r.stderr == "error: 0xzz… is not hex transaction bytes\n")
        let m = try dir.run(["simulate", "missing.json"])
        #expect(m.status == 2)
        #expect(m.stderr
            == "error: cannot read the plan file missing.json (an opportunity id starts with opp_, a transaction with 0x)\n")
    }

    @Test func badStateOverrideFileNamesTheField() throws {
        let dir = try TempDir()
        let o = try dir.write("o.json", #"{"0x1429859428C0aBc9C2C47C8Ee9FBaf82cFA0F20f": {"balanse": "0x1"}}"#)
        let r = try dir.run(["simulate", "opp_1", "--state-override", o])
        #expect(r.status == 2)
        #expect(r.stderr == "error: state override: 0x1429859428C0aBc9C2C47C8Ee9FBaf82cFA0F20f.balanse: unknown key "
            + "(balance, nonce, code, state, stateDiff)\n")
    }

    @Test func privateSendingIsNotAvailableExit7() throws {
        let dir = try TempDir()
        let r = try dir.run(["execute", "opp_1", "--private"])
        #expect(r.status == 7)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "error: private sending (--private, Flashbots bundles) is not available in this build; "
            + "send publicly or wait for it\n")
    }

    @Test func noNodeConfiguredIsAUsageError() throws {
        let dir = try TempDir()
        let r = try dir.run(["simulate", "opp_1"])
        #expect(r.status == 2)
        #expect(r.stderr == "error: no RPC endpoint: set ETH_RPC_URL, pass --rpc-url or configure defi.rpc_url\n")
    }
}
