import Testing

@testable import DeFiCore

/// `defi.pricing.usd.<SYMBOL>` and `defi.strategies.arbitrage.base_tokens`.
@Suite struct ConfigScanKeysTests {
    func validate(_ yaml: String) throws -> DefiConfig {
        try ConfigValidator().validate(try ConfigYAML.parse(yaml, path: "t.yaml"))
    }

    static let tokens = """
          tokens:
            WETH: {address: "0x5FbDB2315678afecb367f032d93F642f64180aa3", decimals: 18}
            USDC: {address: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", decimals: 6}
        """

    @Test func absentKeysDefaultToEmpty() throws {
        let c = try validate("defi: {}")
        #expect(c.pricingUSD.isEmpty && c.arbitrage.baseTokens.isEmpty)
    }

    @Test func fixedPricesAndBaseTokensParse() throws {
        let c = try validate("""
            defi:
            \(Self.tokens)
              pricing:
                usd: {WETH: 2000.5, USDC: 1}
              strategies:
                arbitrage: {base_tokens: [weth, USDC]}
            """)
        #expect(c.pricingUSD["WETH"]?.description == "2000.5")
        #expect(c.pricingUSD["USDC"]?.description == "1")
        #expect(c.arbitrage.baseTokens == ["WETH", "USDC"])
    }

    @Test func unknownSymbolsAndBadValuesNameTheKeyPath() {
        #expect(throws: ConfigError.self) {
            try validate("defi:\n\(Self.tokens)\n  pricing:\n    usd: {WBTC: 60000}")
        }
        #expect(throws: ConfigError.invalidValue(path: "defi.pricing.usd.WETH", expected: "a non-negative decimal USD price", got: "\"-3\"", origin: nil)) {
            try validate("defi:\n\(Self.tokens)\n  pricing:\n    usd: {WETH: -3}")
        }
        #expect(throws: ConfigError.self) {
            try validate("defi:\n\(Self.tokens)\n  strategies:\n    arbitrage: {base_tokens: [DOGE]}")
        }
        #expect(throws: ConfigError.self) { try validate("defi:\n  pricing: {eur: {}}") }
    }
}
