import Testing

@testable import DeFiCore

/// `strategies.liquidation.{min_profit_usd, finality_blocks}` and `protocols.<name>.deployment_block`.
@Suite struct ConfigLiquidationKeysTests {
    func validate(_ yaml: String) throws -> DefiConfig {
        try ConfigValidator().validate(try ConfigYAML.parse(yaml, path: "t.yaml"))
    }

    @Test func defaultsApplyWhenAbsent() throws {
        let c = try validate("")
        #expect(c.liquidation.minProfitUSD.description == "10")
        #expect(c.liquidation.finalityBlocks == 64)
    }

    @Test func keysParse() throws {
        let c = try validate("""
            defi:
              strategies:
                liquidation: {min_profit_usd: 2.5, finality_blocks: 12}
              protocols:
                aave_v3: {pool: "0x5FbDB2315678afecb367f032d93F642f64180aa3", version: "3.3", deployment_block: 16291127}
            """)
        #expect(c.liquidation.minProfitUSD.description == "2.5")
        #expect(c.liquidation.finalityBlocks == 12)
        #expect(c.protocols["aave_v3"]?.deploymentBlock == 16_291_127)
        #expect(c.protocols["aave_v3"]?.addresses["deployment_block"] == nil)
        #expect(c.protocols["aave_v3"]?.addresses["pool"] != nil)
    }

    @Test(arguments: [
        "defi:\n  strategies:\n    liquidation: {finality_blocks: -1}\n",
        "defi:\n  strategies:\n    liquidation: {min_profit_usd: lots}\n",
        "defi:\n  strategies:\n    liquidation: {unknown: 1}\n",
        "defi:\n  protocols:\n    aave_v3: {deployment_block: soon}\n",
    ])
    func badValuesAreErrorsNamingTheKey(_ yaml: String) {
        #expect(throws: ConfigError.self) { _ = try validate(yaml) }
    }
}
