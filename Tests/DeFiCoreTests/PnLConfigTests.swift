import Testing

@testable import DeFiCore

/// `defi.pnl.quote`: USD, a configured token symbol, or an address; anything else names the key.
@Suite struct PnLConfigTests {
    func validate(_ yaml: String) throws -> DefiConfig {
        try ConfigValidator().validate(try ConfigYAML.parse(yaml, path: "t.yaml"))
    }

    @Test func quoteAcceptsUSDSymbolsAndAddresses() throws {
        #expect(try validate("").pnlQuote == nil)
        #expect(try validate("defi: {pnl: {quote: USD}}").pnlQuote == "USD")
        let usdc = "defi:\n  tokens:\n    USDC: {address: \"0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48\", decimals: 6}\n"
            + "  pnl: {quote: USDC}\n"
        #expect(try validate(usdc).pnlQuote == "USDC")
        #expect(try validate("defi: {pnl: {quote: \"0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48\"}}").pnlQuote != nil)
    }

    @Test func unknownQuoteAndKeysAreErrors() {
        #expect(throws: ConfigError.self) { try validate("defi: {pnl: {quote: EUR}}") }
        #expect(throws: ConfigError.self) { try validate("defi: {pnl: {currency: USD}}") }
    }
}
