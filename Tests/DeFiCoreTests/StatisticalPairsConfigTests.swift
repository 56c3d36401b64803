import Testing

@testable import DeFiCore

/// `defi.strategies.statistical.pairs` (added for statistical arbitrage; optional, additive).
@Suite struct StatisticalPairsConfigTests {
    func validate(_ yaml: String) throws -> DefiConfig {
        try ConfigValidator().validate(try ConfigYAML.parse(yaml, path: "t.yaml"))
    }

    func message(_ yaml: String) -> String? {
        do {
            _ = try validate(yaml)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func pairsParseWithOptionalKind() throws {
        let c = try validate("""
            defi:
              strategies:
                statistical:
                  lookback_blocks: 100
                  entry_z_score: 2
                  exit_z_score: 0.5
                  pairs:
                    - {a: "0x57702E47f167177202d7C54E7602c1A2Dee9Ee9F", b: "0xF72E990dbd5c9902C0fFC6109369b70e32fbAac0", kind: cointegrated}
                    - {a: "0x57702E47f167177202d7C54E7602c1A2Dee9Ee9F", b: "0x2CC141d3F5151c5Cd457688E2422Ff39e0624eF1"}
            """)
        let s = try #require(c.statistical)
        #expect(s.lookbackBlocks == 100 && s.entryZScore?.description == "2")
        #expect(s.pairs == [
            StatisticalPairConfig(
                a: "0x57702E47f167177202d7C54E7602c1A2Dee9Ee9F", b: "0xF72E990dbd5c9902C0fFC6109369b70e32fbAac0",
                kind: "cointegrated"),
            StatisticalPairConfig(a: "0x57702E47f167177202d7C54E7602c1A2Dee9Ee9F", b: "0x2CC141d3F5151c5Cd457688E2422Ff39e0624eF1"),
        ])
        #expect(try validate("defi: {strategies: {statistical: {lookback_blocks: 5}}}").statistical?.pairs == [])
    }

    @Test func badPairsNameTheKeyPath() {
        let a = "0x57702E47f167177202d7C54E7602c1A2Dee9Ee9F"
        #expect(message("defi: {strategies: {statistical: {pairs: [{a: \"\(a)\", b: \"\(a)\", kind: spot}]}}}")?
            .contains("defi.strategies.statistical.pairs[0].kind: expected venues or cointegrated") == true)
        #expect(message("defi: {strategies: {statistical: {pairs: [{a: \"\(a)\"}]}}}")?
            .contains("defi.strategies.statistical.pairs[0].b") == true)
        #expect(message("defi: {strategies: {statistical: {pairs: [{a: \"\(a)\", b: \"0x1234\"}]}}}")?
            .contains("defi.strategies.statistical.pairs[0].b") == true)
        #expect(message("defi: {strategies: {statistical: {pairs: [{a: \"\(a)\", b: \"\(a)\", c: 1}]}}}")?
            .contains("pairs[0].c: unknown key") == true)
        #expect(message("defi: {strategies: {statistical: {pairs: 3}}}")?
            .contains("defi.strategies.statistical.pairs: expected a list") == true)
        #expect(message("defi: {strategies: {statistical: {pairs: [3]}}}")?
            .contains("defi.strategies.statistical.pairs[0]") == true)
    }
}
