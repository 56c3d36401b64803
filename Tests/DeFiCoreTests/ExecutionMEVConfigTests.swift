import Testing

@testable import DeFiCore

/// `defi.execution.mev` and `defi.execution.tenderly`: builders, the relay auth key reference, Tenderly credentials.
@Suite struct ExecutionMEVConfigTests {
    func validate(_ yaml: String) throws -> DefiConfig {
        try ConfigValidator().validate(try ConfigYAML.parse(yaml, path: "t.yaml"))
    }

    @Test func absentMeansNoBuildersAndNoTenderly() throws {
        let c = try validate("defi: {}")
        #expect(c.mev == MEVConfig())
        #expect(c.tenderly == nil)
    }

    @Test func buildersAuthKeyAndTenderlyParse() throws {
        let c = try validate(
            """
            defi:
              execution:
                mev:
                  builders: ["https://relay.flashbots.net", "https://rpc.titanbuilder.xyz"]
                  auth_key: "env:FLASHBOTS_AUTH_KEY"
                tenderly: {account: acme, project: arb, access_key: "tk_123", base_url: "http://127.0.0.1:9000"}
            """)
        #expect(c.mev.builders == ["https://relay.flashbots.net", "https://rpc.titanbuilder.xyz"])
        #expect(c.mev.authKey == "env:FLASHBOTS_AUTH_KEY")
        #expect(
            c.tenderly
                == TenderlyConfig(
                    account: "acme", project: "arb", accessKey: "tk_123",
                    baseURL: "http://127.0.0.1:9000"))
        #expect(
            try validate("defi: {execution: {mev: {auth_key: \"keystore:relay\"}}}").mev.authKey == "keystore:relay")
    }

    @Test(arguments: [
        (
            "defi: {execution: {mev: {auth_key: \"0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80\"}}}",
            "defi.execution.mev.auth_key"
        ),
        ("defi: {execution: {mev: {auth_key: \"env:\"}}}", "defi.execution.mev.auth_key"),
        ("defi: {execution: {mev: {builders: [\"ws://x\"]}}}", "defi.execution.mev.builders[0]"),
        ("defi: {execution: {mev: {builder: [\"https://x\"]}}}", "defi.execution.mev.builder"),
        ("defi: {execution: {tenderly: {acount: a}}}", "defi.execution.tenderly.acount"),
        ("defi: {execution: {tenderly: {base_url: \"ftp://x\"}}}", "defi.execution.tenderly.base_url"),
    ])
    func badValuesNameTheKey(yaml: String, path: String) throws {
        do {
            _ = try validate(yaml)
            Issue.record("accepted \(yaml)")
        } catch let e as ConfigError {
            #expect(e.description.contains(path), "\(e)")
            // A raw key written where the reference belongs is never echoed back.
            #expect(!e.description.contains("ac0974bec39a17e3"))
        }
    }

    @Test func accessKeyFromTheEnvironmentAndRedacted() throws {
        #expect(
            EnvironmentOverride.all.contains {
                $0.variable == "DEFI_TENDERLY_ACCESS_KEY" && $0.keyPath == ["execution", "tenderly", "access_key"]
            })
        #expect(Redactor.isSecretKey("access_key") && Redactor.isSecretKey("auth_key"))
    }
}
