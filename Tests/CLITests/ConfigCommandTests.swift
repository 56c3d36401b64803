import Foundation
import Testing

/// `defi config check` and `defi config show` on the built binary.
@Suite struct ConfigCommandTests {
    static let devnetConfig = """
        defi:
          chains:
            devnet: {chain_id: 31337, rpc_urls: ["http://127.0.0.1:8545"]}
          tokens:
            WETH: {address: "0x5FbDB2315678afecb367f032d93F642f64180aa3", decimals: 18}
          venues:
            uniswap_v2_a: {kind: uniswap_v2, factory: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", router: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", init_code_hash: "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f", fee_bps: 30}
          protocols:
            aave_v3: {pool: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9", oracle: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9", version: "3.3"}
          multicall: "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707"
          strategies:
            arbitrage: {min_profit_usd: 1, min_spread_bps: 10, max_position_usd: 100000}
          execution:
            flash_loan: {contract_address: null, max_gas_price_gwei: 100}
            capital: {max_allocation_pct: 50}
          risk: {max_daily_loss_usd: 1000, max_position_count: 10, var_confidence: 0.95}

        """

    @Test func checkAcceptsTheDevnetConfig() throws {
        let dir = try TempDir()
        let path = try dir.write("defi.yaml", Self.devnetConfig)
        let r = try dir.run(["config", "check"])
        #expect(r.status == 0)
        #expect(r.stdout == "config ok: \(path) (1 chains, 1 tokens, 1 venues, 1 protocols)\n")
        #expect(r.stderr.isEmpty)
        let json = try dir.run(["config", "check", "--json"])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"valid\" : true"))
    }

    @Test func checkWithoutAnyFileUsesDefaults() throws {
        let r = try TempDir().run(["config", "check"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("config ok: no file, defaults"))
    }

    @Test func checkFindsTheXDGConfig() throws {
        let dir = try TempDir()
        let path = try dir.write("xdg/defi/defi.yaml", "defi: {risk: {max_position_count: 3}}\n")
        #expect(try dir.run(["config", "check"]).stdout.hasPrefix("config ok: \(path)"))
    }

    @Test func checkRejectsAnUnknownKeyWithItsPath() throws {
        let dir = try TempDir()
        try dir.write("defi.yaml", "defi:\n  risk:\n    max_daily_los_usd: 5\n")
        let r = try dir.run(["config", "check"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        let first = r.stderr.split(separator: "\n").first.map(String.init)
        #expect(first == "config error: defi.risk.max_daily_los_usd: unknown key (did you mean max_daily_loss_usd?)")
    }

    @Test func checkRejectsABadValueWithItsPathAndExpectedForm() throws {
        let dir = try TempDir()
        try dir.write("defi.yaml", "defi:\n  risk: {var_confidence: high}\n")
        let r = try dir.run(["config", "check"])
        #expect(r.status == 2)
        #expect(r.stderr == "config error: defi.risk.var_confidence: expected a number between 0 and 1, got \"high\"\n")
        let json = try dir.run(["config", "check", "--json"])
        #expect(json.status == 2)
        #expect(json.stdout.contains("\"code\" : \"config_invalid\""))
        #expect(json.stderr.hasPrefix("config error: defi.risk.var_confidence"))
    }

    @Test func checkRejectsAMixedCaseAddressWithABadChecksum() throws {
        let dir = try TempDir()
        try dir.write("defi.yaml", "defi:\n  multicall: \"0x5FBDB2315678afecb367f032d93F642f64180aa3\"\n")
        let r = try dir.run(["config", "check"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "config error: defi.multicall: expected the EIP-55 checksummed address "
            + "0x5FbDB2315678afecb367f032d93F642f64180aa3, got \"0x5FBDB2315678afecb367f032d93F642f64180aa3\"\n")
    }

    @Test func checkRejectsMalformedYAML() throws {
        let dir = try TempDir()
        let path = try dir.write("defi.yaml", "defi:\n  risk: {var_confidence: 0.9\n")
        let r = try dir.run(["config", "check"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("config error: \(path):"))
        #expect(r.stderr.contains("malformed yaml"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func checkOfAMissingExplicitFileIsExit2() throws {
        let r = try TempDir().run(["config", "check", "--config", "/nonexistent/defi.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("config error: /nonexistent/defi.yaml: no such file\n"))
    }

    @Test func badEnvValueNamesTheVariable() throws {
        let r = try TempDir().run(["config", "check"], environment: ["DEFI_MAX_GAS_PRICE_GWEI": "lots"])
        #expect(r.status == 2)
        #expect(r.stderr == "config error: defi.execution.flash_loan.max_gas_price_gwei (from DEFI_MAX_GAS_PRICE_GWEI): "
            + "expected a non-negative decimal number, got \"lots\"\n")
    }

    @Test func showRedactsAnAPIKeyInAnRPCURL() throws {
        let dir = try TempDir()
        let key = "k3yAbCdEfGhIjKlMnOpQrStUv123456"
        try dir.write("defi.yaml", """
            defi:
              chains:
                mainnet: {chain_id: 1, rpc_urls: ["https://eth-mainnet.g.alchemy.com/v2/\(key)"]}
              aggregators:
                oneinch: {api_key: "secret-1inch-key"}

            """)
        for format in [[], ["--json"], ["--csv"]] {
            let r = try dir.run(["config", "show"] + format)
            #expect(r.status == 0)
            #expect(!r.stdout.contains(key), "key leaked in \(format)")
            #expect(!r.stdout.contains("secret-1inch-key"), "api key leaked in \(format)")
            #expect(r.stdout.contains("https://eth-mainnet.g.alchemy.com/v2/<redacted>"))
        }
    }

    @Test func flagsOverrideEnvOverrideFile() throws {
        let dir = try TempDir()
        try dir.write("defi.yaml", "defi:\n  rpc_url: \"http://file:8545\"\n  history: {db: /file.db}\n")
        let fileOnly = try dir.run(["config", "show", "--json"])
        #expect(fileOnly.stdout.contains("\"rpc_url\" : \"http://file:8545\""))
        #expect(fileOnly.stdout.contains("\"defi.rpc_url\" : \"file\""))

        let env = ["ETH_RPC_URL": "http://env:8545", "DEFI_DB": "/env.db"]
        let withEnv = try dir.run(["config", "show", "--json"], environment: env)
        #expect(withEnv.stdout.contains("\"rpc_url\" : \"http://env:8545\""))
        #expect(withEnv.stdout.contains("\"defi.rpc_url\" : \"env:ETH_RPC_URL\""))
        #expect(withEnv.stdout.contains("\"db\" : \"/env.db\""))

        let withFlag = try dir.run(
            ["config", "show", "--json", "--rpc-url", "http://flag:8545", "--db", "/flag.db"], environment: env)
        #expect(withFlag.stdout.contains("\"rpc_url\" : \"http://flag:8545\""))
        #expect(withFlag.stdout.contains("\"defi.rpc_url\" : \"flag:--rpc-url\""))
        #expect(withFlag.stdout.contains("\"defi.history.db\" : \"flag:--db\""))

        let human = try dir.run(["config", "show", "--rpc-url", "http://flag:8545"], environment: env)
        #expect(human.stdout.contains("rpc_url: \"http://flag:8545\"  # flag:--rpc-url\n"))
        #expect(human.stdout.contains("var_confidence: 0.95  # default\n"))
    }

    @Test func resultsOnStdoutLogsOnStderr() throws {
        let r = try TempDir().run(["config", "check", "-v"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("config ok:"))
        #expect(r.stderr == "info: no defi.yaml found; using defaults\n")
        let quiet = try TempDir().run(["config", "check", "-q"])
        #expect(quiet.stderr.isEmpty)
    }
}
