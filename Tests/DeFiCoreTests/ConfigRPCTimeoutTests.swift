import Chain
import Testing

@testable import DeFiCore

/// `defi.rpc_timeout_seconds` and the client settings every command builds from the config.
@Suite struct ConfigRPCTimeoutTests {
    func validate(_ yaml: String) throws -> DefiConfig {
        try ConfigValidator().validate(try ConfigYAML.parse(yaml, path: "t.yaml"))
    }

    @Test func absentKeepsTheClientDefaults() throws {
        let c = try validate("defi:\n  rpc_url: \"http://127.0.0.1:8545\"\n")
        #expect(c.rpcTimeoutSeconds == nil)
        let s = c.rpcConfiguration()
        let d = RPCConfiguration()
        #expect(s.callTimeout == d.callTimeout && s.totalTimeout == d.totalTimeout)
    }

    @Test func theKeySetsTheCallTimeoutAndTripleForRetries() throws {
        let c = try validate("defi:\n  rpc_timeout_seconds: 45\n")
        #expect(c.rpcTimeoutSeconds == 45)
        let s = c.rpcConfiguration()
        #expect(s.callTimeout == .seconds(45))
        #expect(s.totalTimeout == .seconds(135))
        // A short per-call timeout keeps the default total budget for retries and failover.
        let short = try validate("defi:\n  rpc_timeout_seconds: 2\n").rpcConfiguration()
        #expect(short.callTimeout == .seconds(2) && short.totalTimeout == RPCConfiguration().totalTimeout)
    }

    @Test func aCommandFlagWinsOverTheKey() throws {
        let c = try validate("defi:\n  rpc_timeout_seconds: 45\n")
        #expect(c.rpcConfiguration(callTimeout: .seconds(90)).callTimeout == .seconds(90))
    }

    @Test func theChainIDStillComesFromTheSelectedChain() throws {
        let c = try validate("""
            defi:
              chain: devnet
              rpc_timeout_seconds: 5
              chains:
                devnet: {chain_id: 31337, rpc_urls: ["http://127.0.0.1:8545"]}
            """)
        #expect(c.rpcConfiguration().expectedChainID == 31337)
    }

    @Test(arguments: ["0", "601", "-3", "soon", "1.5"])
    func badValuesAreErrorsNamingTheKey(_ v: String) {
        do {
            _ = try validate("defi:\n  rpc_timeout_seconds: \(v)\n")
            Issue.record("accepted \(v)")
        } catch {
            #expect("\(error)".contains("defi.rpc_timeout_seconds"))
        }
    }
}
