import DeFiCore
import Execution
import Primitives
import Testing

@Suite struct PlanFileTests {
    static let weth = try! Address(parsing: "0x5FbDB2315678afecb367f032d93F642f64180aa3")
    static let usdc = try! Address(parsing: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512")
    static let pairA = try! Address(parsing: "0x57702E47f167177202d7C54E7602c1A2Dee9Ee9F")
    static let pairB = try! Address(parsing: "0x2CC141d3F5151c5Cd457688E2422Ff39e0624eF1")
    static let executor = try! Address(parsing: "0x1429859428C0aBc9C2C47C8Ee9FBaf82cFA0F20f")

    static func sample() -> PlanFile {
        let plan = ExecutorPlan(
            flash: .uniswapV2(pair: pairA, asset: weth, amount: U256(10) * U256(1_000_000_000_000_000_000),
                              assetIsToken1: false, repayToken: usdc),
            profitToken: usdc, minProfit: U256(1),
            payload: .arbitrage(hops: [PlanHop(kind: .uniswapV2, pool: pairB, tokenIn: weth, tokenOut: usdc, extra: U256(30))]))
        return PlanFile(executor: executor, strategyName: "Arbitrage", plan: plan, chainID: 31337,
                        opportunityID: "opp_1", pricedAtBlock: 160, expectedProfit: U256(97))
    }

    static let minimal = """
        {"schema":"defi.plan/1","executor":"0x1429859428C0aBc9C2C47C8Ee9FBaf82cFA0F20f",
         "strategy":{"name":"Arbitrage"},
         "flash":{"kind":"uniswap_v2_flash_swap","lender":"0x57702E47f167177202d7C54E7602c1A2Dee9Ee9F",
                  "asset":"0x5FbDB2315678afecb367f032d93F642f64180aa3","amount":"10000000000000000000",
                  "repay_token":"0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"},
         "profit_token":"0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512","min_profit":"1",
         "payload":{"type":"arbitrage","hops":[{"kind":"uniswap_v2","pool":"0x2CC141d3F5151c5Cd457688E2422Ff39e0624eF1",
           "token_in":"0x5FbDB2315678afecb367f032d93F642f64180aa3","token_out":"0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
           "extra":"30"}]}}
        """

    @Test func writtenFileReadsBackToTheSameCalldata() throws {
        let file = Self.sample()
        let back = try PlanFile(json: file.json)
        #expect(back == file)
        #expect(try back.plan.calldata() == file.plan.calldata())
    }

    @Test func minimalFileUsesDefaultsAndStructuredFlashFields() throws {
        let f = try PlanFile(json: Self.minimal)
        #expect(f.plan.strategyID == ExecutorPlan.strategyID(named: "Arbitrage"))
        #expect(f.plan.flash == FlashSource.uniswapV2(pair: Self.pairA, asset: Self.weth,
                                                      amount: U256(10) * U256(1_000_000_000_000_000_000),
                                                      assetIsToken1: false, repayToken: Self.usdc))
        #expect(try f.plan.calldata() == Self.sample().plan.calldata())
        #expect(f.chainID == nil && f.opportunityID == nil)
    }

    func rejects(_ edit: (String) -> String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try PlanFile(json: edit(Self.minimal))
            Issue.record("accepted a bad plan; expected \(expected)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.message == expected, sourceLocation: sourceLocation)
            #expect(error.exitCode == .usage, sourceLocation: sourceLocation)
        }
    }

    @Test func numbersMustBeDecimalStrings() {
        rejects({ $0.replacingOccurrences(of: "\"min_profit\":\"1\"", with: "\"min_profit\":1") },
                "plan file: min_profit: integers are decimal strings (\"1000\"), got 1")
        rejects({ $0.replacingOccurrences(of: "\"min_profit\":\"1\"", with: "\"min_profit\":\"0x1\"") },
                "plan file: min_profit: \"0x1\" is not a decimal integer without leading zeros")
        rejects({ $0.replacingOccurrences(of: "\"min_profit\":\"1\"", with: "\"min_profit\":\"01\"") },
                "plan file: min_profit: \"01\" is not a decimal integer without leading zeros")
        rejects({ $0.replacingOccurrences(of: "\"min_profit\":\"1\"",
                                          with: "\"min_profit\":\"\(String(repeating: "9", count: 80))\"") },
                "plan file: min_profit: \"\(String(repeating: "9", count: 80))\" does not fit in 256 bits")
    }

    @Test func unknownKeysAndKindsAreRefusedWithTheirPath() {
        rejects({ $0.replacingOccurrences(of: "\"extra\":\"30\"", with: "\"extra\":\"30\",\"fee\":\"1\"") },
                "plan file: payload.hops[0].fee: unknown key")
        rejects({ $0.replacingOccurrences(of: "\"kind\":\"uniswap_v2\"", with: "\"kind\":\"sushi\"") },
                "plan file: payload.hops[0].kind: unknown hop kind \"sushi\" (one of uniswap_v2, uniswap_v3, curve, curve_ng, balancer_v2)")
        rejects({ $0.replacingOccurrences(of: "defi.plan/1", with: "defi.plan/2") },
                "plan file: schema: expected \"defi.plan/1\", got \"defi.plan/2\"")
        rejects({ $0.replacingOccurrences(of: "\"strategy\":{\"name\":\"Arbitrage\"},", with: "") },
                "plan file: strategy: missing")
    }

    @Test func badChecksumIsRefused() {
        do {
            _ = try PlanFile(json: Self.minimal.replacingOccurrences(
                of: "0x1429859428C0aBc9C2C47C8Ee9FBaf82cFA0F20f", with: "0x1429859428c0aBc9C2C47C8Ee9FBaf82cFA0F20f"))
            Issue.record("accepted a bad checksum")
        } catch {
            #expect(error.field == "executor")
            #expect(error.problem.contains("checksum"))
        }
    }

    @Test func rawExtraAndStructuredFieldsAreExclusive() {
        rejects({ $0.replacingOccurrences(of: "\"amount\":\"10000000000000000000\"",
                                          with: "\"amount\":\"10000000000000000000\",\"extra\":\"5\"") },
                "plan file: flash.extra: give either extra or repay_token, not both")
    }

    @Test func executorRulesAreCheckedAfterParsing() {
        rejects({ $0.replacingOccurrences(of: "\"token_in\":\"0x5FbDB2315678afecb367f032d93F642f64180aa3\"",
                                          with: "\"token_in\":\"0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512\"") },
                "plan file: an arbitrage route must start with the flash asset")
        rejects({ $0.replacingOccurrences(of: "\"amount\":\"10000000000000000000\"", with: "\"amount\":\"0\"") },
                "plan file: the flash amount is zero")
    }

    @Test func malformedJSONIsOneLine() {
        rejects({ _ in "{\"schema\": " }, "plan file: invalid json at offset 11: unexpected end")
    }
}
