import Foundation
import Primitives
import Testing
import TestSupport

@testable import DeFiCore

@Suite struct ExecutorPlanTests {
    static func addr(_ s: Any?) throws -> Address { try Address(parsing: s as! String) }
    static func u(_ s: Any?) throws -> U256 { try U256(parsing: s as! String) }

    static func plan(_ c: [String: Any]) throws -> ExecutorPlan {
        let f = c["flash"] as! [Any]
        let flash = FlashSource(kind: FlashKind(rawValue: UInt8(f[0] as! Int))!, lender: try addr(f[1]),
                                asset: try addr(f[2]), amount: try u(f[3]), extra: try u(f[4]))
        let p = c["payload"] as! [String: Any]
        let hops = try (p["hops"] as! [[Any]]).map { h in
            PlanHop(kind: HopKind(rawValue: UInt8(h[0] as! Int))!, pool: try addr(h[1]), tokenIn: try addr(h[2]),
                    tokenOut: try addr(h[3]), amountIn: try u(h[4]), minOut: try u(h[5]), extra: try u(h[6]))
        }
        let payload: StrategyPayload = p["kind"] as! String == "liquidation"
            ? .liquidation(pool: try addr(p["pool"]), collateral: try addr(p["collateral"]), user: try addr(p["user"]),
                           debtToCover: try u(p["debt_to_cover"]), hops: hops)
            : .arbitrage(hops: hops)
        return ExecutorPlan(flash: flash, profitToken: try addr(c["profit_token"]), minProfit: try u(c["min_profit"]),
                            payload: payload)
    }

    @Test(.enabled(if: Fixtures.hasOracle("executor_plan"), "run Tests/oracles/generate.py --out .oracles"))
    func encodesLikeEthABI() throws {
        let cases = try Fixtures.oracle("executor_plan")["cases"] as! [[String: Any]]
        #expect(cases.count >= 50)
        for c in cases {
            let plan = try Self.plan(c)
            #expect(Hex.encode(plan.strategyID.bytes) == c["strategy_id"] as! String)
            #expect(Hex.encode(try plan.params()) == c["params"] as! String)
            #expect(Hex.encode(try plan.calldata()) == c["calldata"] as! String)
        }
    }

    static let a = try! Address(parsing: "0x1000000000000000000000000000000000000001")
    static let b = try! Address(parsing: "0x2000000000000000000000000000000000000002")
    static let c = try! Address(parsing: "0x3000000000000000000000000000000000000003")

    @Test func strategyIDsMatchTheDevnetRegistry() {
        #expect(Hex.encode(ExecutorPlan.strategyID(named: "Arbitrage").bytes)
                == "0x79ecca47559729bccdbc8e165e6d45d20e5588f5fa95f89a3f5d14b79b7a007b")
        #expect(Hex.encode(ExecutorPlan.strategyID(named: "Liquidator").bytes)
                == "0x1e9cb14d7560734a61fa5ff9273953e971ff3cd9283c03d8346e3264617933d4")
    }

    @Test func flashSwapExtraPacksRepayTokenFeeAndSide() {
        let f = FlashSource.uniswapV2(pair: Self.a, asset: Self.b, amount: 5, assetIsToken1: true, repayToken: Self.c,
                                      feeBps: 25)
        let expected = (U256.one << 255) | (U256(25) << 160) | (try! U256(bigEndian: Self.c.bytes))
        #expect(f.extra == expected)
        #expect(FlashSource.uniswapV2(pair: Self.a, asset: Self.b, amount: 5, assetIsToken1: false, repayToken: nil)
                .extra == U256(30) << 160)
        #expect(FlashSource.uniswapV3(pool: Self.a, asset: Self.b, amount: 1, assetIsToken1: false).extra == .zero)
    }

    @Test func refusesWhatTheContractWouldRevert() {
        let flash = FlashSource(kind: .aaveSimple, lender: Self.a, asset: Self.b, amount: 100)
        func arb(_ hops: [PlanHop]) -> ExecutorPlan {
            ExecutorPlan(flash: flash, profitToken: Self.b, minProfit: 0, payload: .arbitrage(hops: hops))
        }
        let h1 = PlanHop(kind: .uniswapV2, pool: Self.a, tokenIn: Self.b, tokenOut: Self.c)
        let h2 = PlanHop(kind: .uniswapV2, pool: Self.a, tokenIn: Self.c, tokenOut: Self.b)
        #expect(throws: ExecutorPlanError.hopCount(0)) { try arb([]).params() }
        #expect(throws: ExecutorPlanError.hopCount(7)) { try arb(Array(repeating: h1, count: 7)).params() }
        #expect(throws: ExecutorPlanError.brokenRoute(index: 1)) { try arb([h1, h1]).params() }
        var late = h2
        late.amountIn = 1
        #expect(throws: ExecutorPlanError.amountInOnLaterHop(index: 1)) { try arb([h1, late]).params() }
        var big = h1
        big.amountIn = 101
        #expect(throws: ExecutorPlanError.firstHopExceedsLoan) { try arb([big, h2]).params() }
        #expect(throws: ExecutorPlanError.self) { try arb([h2, h1]).params() }  // starts with the wrong token
        #expect(throws: Never.self) { try arb([h1, h2]).calldata() }
        let liq = ExecutorPlan(flash: flash, profitToken: Self.b, minProfit: 0,
                               payload: .liquidation(pool: Self.a, collateral: Self.c, user: Self.a,
                                                     debtToCover: .max, hops: [h2]))
        #expect(throws: Never.self) { try liq.calldata() }
        var zero = flash
        zero.amount = 0
        #expect(throws: ExecutorPlanError.zeroAmount) {
            try ExecutorPlan(flash: zero, profitToken: Self.b, minProfit: 0, payload: .arbitrage(hops: [h1, h2]))
                .params()
        }
    }
}
