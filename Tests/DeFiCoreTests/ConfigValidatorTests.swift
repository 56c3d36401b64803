import Testing

@testable import DeFiCore

@Suite struct ConfigValidatorTests {
    func validate(_ yaml: String) throws -> DefiConfig {
        try ConfigValidator().validate(try ConfigYAML.parse(yaml, path: "t.yaml"))
    }

    func error(_ yaml: String) -> ConfigError? {
        do {
            _ = try validate(yaml)
            return nil
        } catch let e as ConfigError {
            return e
        } catch {
            return nil
        }
    }

    @Test func emptyDocumentGivesDefaults() throws {
        let c = try validate("")
        #expect(c.risk.varConfidence.description == "0.95")
        #expect(c.risk.maxPositionCount == 10)
        #expect(c.arbitrage.minProfitUSD.description == "10")
        #expect(c.chains.isEmpty)
    }

    @Test func devnetShapeParses() throws {
        let c = try validate("""
            defi:
              chains:
                devnet: {chain_id: 31337, rpc_urls: ["http://127.0.0.1:8545"]}
              tokens:
                WETH: {address: "0x5FbDB2315678afecb367f032d93F642f64180aa3", decimals: 18}
              venues:
                v3: {kind: uniswap_v3, factory: "0x5FbDB2315678afecb367f032d93F642f64180aa3", position_manager: "0x5FbDB2315678afecb367f032d93F642f64180aa3"}
              protocols:
                aave_v3: {pool: "0x5FbDB2315678afecb367f032d93F642f64180aa3", version: "3.3"}
              execution:
                flash_loan: {contract_address: null, max_gas_price_gwei: 100}
              risk: {max_daily_loss_usd: 1000.50, var_confidence: 0.95}
            """)
        #expect(c.chains["devnet"]?.chainID == 31337)
        #expect(c.chains["devnet"]?.rpcURLs == ["http://127.0.0.1:8545"])
        #expect(c.tokens["WETH"]?.decimals == 18)
        #expect(c.venues["v3"]?.kind == .uniswapV3)
        #expect(c.protocols["aave_v3"]?.version == "3.3")
        #expect(c.protocols["aave_v3"]?.addresses["pool"] == "0x5FbDB2315678afecb367f032d93F642f64180aa3")
        #expect(c.flashLoan.contractAddress == nil)
        #expect(c.risk.maxDailyLossUSD.description == "1000.5")
    }

    @Test func unknownKeySuggestsTheNearestKey() {
        #expect(error("defi:\n  risk: {max_daily_los_usd: 1}\n")
            == .unknownKey(path: "defi.risk.max_daily_los_usd", suggestion: "max_daily_loss_usd"))
        #expect(error("defi:\n  wibble: 1\n") == .unknownKey(path: "defi.wibble", suggestion: nil))
        #expect(error("other: 1\n") == .unknownKey(path: "(root).other", suggestion: nil))
    }

    @Test func varConfidenceMustBeBetweenZeroAndOne() {
        let e = error("defi: {risk: {var_confidence: high}}")
        #expect(e?.message == "defi.risk.var_confidence: expected a number between 0 and 1, got \"high\"")
        #expect(error("defi: {risk: {var_confidence: 1.5}}") != nil)
        #expect(error("defi: {risk: {var_confidence: 1.000}}") == nil)
    }

    @Test func addressesMustBe40Hex() {
        let e = error("defi: {multicall: \"0x1234\"}")
        #expect(e?.message == "defi.multicall: expected a 0x-prefixed 20-byte hex address (EIP-55 if mixed-case), got \"0x1234\"")
        #expect(error("defi: {multicall: 0xca11bde05977b3631167028862be2a173976ca11}") == nil)
    }

    @Test func mixedCaseAddressWithBadChecksumNamesKeyPathAndExpectedForm() {
        let e = error("defi: {multicall: \"0xCA11bde05977b3631167028862bE2a173976CA11\"}")
        #expect(e?.message == "defi.multicall: expected the EIP-55 checksummed address "
            + "0xcA11bde05977b3631167028862bE2a173976CA11, got \"0xCA11bde05977b3631167028862bE2a173976CA11\"")
        #expect(e?.exitCode == .usage)
        #expect(error("defi: {multicall: \"0xcA11bde05977b3631167028862bE2a173976CA11\"}") == nil)
        #expect(error("defi: {multicall: \"0xCA11BDE05977B3631167028862BE2A173976CA11\"}") == nil)
    }

    @Test func addressRuleIsPluggable() throws {
        let strict = ConfigValidator(addressRule: AddressRule(expected: "an EIP-55 address") { $0.hasPrefix("0xCA") })
        let node = try ConfigYAML.parse("defi: {multicall: \"0xca11bde05977b3631167028862be2a173976ca11\"}", path: "t")
        #expect(throws: ConfigError.self) { try strict.validate(node) }
    }

    @Test func venueKindIsAnEnum() {
        #expect(error("defi: {venues: {x: {kind: sushi}}}")?.message
            == "defi.venues.x.kind: expected one of uniswap_v2, uniswap_v3, curve, balancer, got \"sushi\"")
        #expect(error("defi: {venues: {x: {kind: curve, color: red}}}")?.message == "defi.venues.x.color: unknown key")
    }

    @Test func tokensNeedAddressAndDecimals() {
        #expect(error("defi: {tokens: {USDC: {decimals: 6}}}")?.message
            == "defi.tokens.USDC.address: expected a 0x-prefixed 20-byte hex address (EIP-55 if mixed-case), got nothing")
        #expect(error("defi: {tokens: {USDC: {address: \"0x5FbDB2315678afecb367f032d93F642f64180aa3\", decimals: 78}}}")?
            .message == "defi.tokens.USDC.decimals: expected a whole number from 0 to 77, got \"78\"")
    }

    @Test func rpcURLsMustBeURLsAndErrorsRedactKeys() {
        let e = error("defi: {chains: {m: {chain_id: 1, rpc_urls: [\"ftp://x/v2/abcdefghijklmnop1234\"]}}}")
        #expect(e?.message.hasPrefix("defi.chains.m.rpc_urls[0]: expected a URL starting with http://") == true)
        #expect(e?.message.contains("abcdefghijklmnop1234") == false)
    }

    @Test func moneyIsNeverAFloat() throws {
        let c = try validate("defi: {strategies: {arbitrage: {min_profit_usd: 0.1000000000000000055511151231257827}}}")
        #expect(c.arbitrage.minProfitUSD.description == "0.1000000000000000055511151231257827")
        #expect(error("defi: {strategies: {arbitrage: {min_profit_usd: 1e3}}}") != nil)
        #expect(error("defi: {strategies: {arbitrage: {min_profit_usd: -1}}}") != nil)
    }

    @Test func malformedYAMLNamesTheFileAndLine() {
        #expect(throws: ConfigError.self) { try ConfigYAML.parse("defi:\n  a: [1, 2\n", path: "t.yaml") }
        do {
            _ = try ConfigYAML.parse("defi:\n  a: 1\n  a: 2\n", path: "t.yaml")
            Issue.record("duplicate keys accepted")
        } catch {
            #expect(error.code == "config_malformed")
        }
    }

    @Test func errorsAreUsageErrors() {
        #expect(ConfigError.unknownKey(path: "defi.x", suggestion: nil).exitCode == .usage)
        #expect(ConfigError.unknownKey(path: "defi.x", suggestion: nil).description == "config error: defi.x: unknown key")
    }
}

@Suite struct AggregatorConfigTests {
    func validate(_ yaml: String) throws -> DefiConfig {
        try ConfigValidator().validate(try ConfigYAML.parse(yaml, path: "t.yaml"))
    }

    @Test func allowedTargetsParseAsAddresses() throws {
        let c = try validate("""
            defi:
              aggregators:
                zerox: {api_key: k, base_url: "http://127.0.0.1:9", allowed_targets: ["0x5FbDB2315678afecb367f032d93F642f64180aa3"]}
            """)
        #expect(c.aggregators["zerox"]?.allowedTargets == ["0x5FbDB2315678afecb367f032d93F642f64180aa3"])
        #expect(c.aggregators["zerox"]?.baseURL == "http://127.0.0.1:9")
    }

    @Test func aBadAllowedTargetIsRefusedNamingTheEntry() throws {
        #expect {
            _ = try validate("""
                defi:
                  aggregators:
                    oneinch: {allowed_targets: ["0x1234"]}
                """)
        } throws: { e in
            "\(e)".contains("aggregators.oneinch.allowed_targets[0]")
        }
    }
}
