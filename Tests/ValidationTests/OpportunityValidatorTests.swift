import DeFiCore
import Primitives
import Protocols
import Testing

@testable import Validation

/// Validation rules: costs, thresholds, liquidity and min-outs.
@Suite struct OpportunityValidatorTests {
    static let e18 = U256(1_000_000_000_000_000_000)
    static let e6 = U256(1_000_000)
    static let weth = PriceBookTests.weth
    static let usdc = PriceBookTests.usdc

    static func prices() -> PriceBook {
        PriceBook(
            prices: [weth: USDPrice(e18: U256(2_000) &* e18, source: .config), usdc: USDPrice(e18: e18, source: .stablecoin)],
            decimals: [weth: 18, usdc: 6])
    }

    /// USDC → WETH on a cheap pool (2000) → USDC on a rich one (2020 × scale): a real two-hop trade at size `x`.
    static func trade(_ x: U256, rich: U256 = U256(2_020), depth: U256 = U256(20_000)) throws -> TradeCandidate {
        let a = try PriceBookTests.v2(weth, usdc, depth &* e18, depth &* U256(2_000) &* e6, at: 1)
        let b = try PriceBookTests.v2(weth, usdc, depth &* e18, depth &* rich &* e6, at: 2)
        let legs = [Leg(pool: a, tokenIn: usdc)!, Leg(pool: b, tokenIn: weth)!]
        let y = legs[0].amountOut(x)!
        let z = legs[1].amountOut(y)!
        // Margin: 2020/2000 · 0.997² − 1.
        let margin = Int((Double(rich.uint64!) / 2000 * 0.997 * 0.997 - 1) * 10_000)
        return TradeCandidate(tokenIn: usdc, size: x, legs: legs, amountsIn: [x, y], amountsOut: [y, z], marginBps: margin)
    }

    static let policy = ValidationPolicy(
        minProfitUSD: USDValue(decimal: ExactDecimal("1")!)!, minSpreadBps: 10,
        maxPositionUSD: USDValue(decimal: ExactDecimal("1000000")!)!, slippageBps: 50)

    @Test func acceptedTradeNetsGasAndSetsMinOuts() throws {
        let t = try Self.trade(U256(39_000) &* Self.e6)
        let inputs = CostInputs(gasPriceWei: U256(1_000_000_000), nativeToken: Self.weth)
        let v = OpportunityValidator.validate(t, policy: Self.policy, inputs: inputs, prices: Self.prices())
        #expect(v.accepted, "\(v.rejections)")
        let c = try #require(v.costs)
        #expect(c.gasUnits == GasTable.executorBase + 2 * GasTable.v2Hop)
        #expect(c.gasWei == U256(c.gasUnits) &* U256(1_000_000_000))
        // Gas in USDC: wei · 2000 / 1e18 · 1e6, rounded up.
        #expect(c.total == (try U256.mulDivRoundingUp(c.gasWei, U256(2_000) &* Self.e6, Self.e18)))
        #expect(v.netProfit == t.grossProfit &- I256(bits: c.total))
        #expect(v.minOuts == t.amountsOut.map { $0 &* U256(9_950) / U256(10_000) })
    }

    @Test func profitEatenByGas() throws {
        let t = try Self.trade(U256(39_000) &* Self.e6)
        // 10,000 gwei: ~166k gas costs ~$3,300, far above the ~$78 gross.
        let inputs = CostInputs(gasPriceWei: U256(10_000_000_000_000), nativeToken: Self.weth)
        let v = OpportunityValidator.validate(t, policy: Self.policy, inputs: inputs, prices: Self.prices())
        #expect(v.rejections.map(\.code) == ["unprofitable_after_costs"])
        #expect(v.netProfit < .zero)
    }

    @Test func aaveFlashPremiumIsACost() throws {
        let t = try Self.trade(U256(39_000) &* Self.e6)
        let inputs = CostInputs(gasPriceWei: .zero, flash: .aave(premiumBps: U256(5)), nativeToken: Self.weth)
        let v = OpportunityValidator.validate(t, policy: Self.policy, inputs: inputs, prices: Self.prices())
        // percentMul half up: (39000e6 · 5 + 5000) / 10000 = 19.5 USDC.
        #expect(v.costs?.flashFee == U256(19_500_000) && v.costs?.total == U256(19_500_000))
        #expect(v.costs?.gasUnits == GasTable.executorBase + GasTable.aaveFlashLoan + 2 * GasTable.v2Hop)
        #expect(FlashCost.v2FlashSwap(feeBps: 30).fee(on: U256(997)) == U256(3))
    }

    @Test func tooLargeForThePool() throws {
        // Shallow pools 10 % apart: at 400 USDC the hops move prices by percents, beyond the 50 bps budget.
        let t = try Self.trade(U256(400) &* Self.e6, rich: U256(2_200), depth: U256(10))
        let v = OpportunityValidator.validate(
            t, policy: Self.policy, inputs: CostInputs(gasPriceWei: .zero, nativeToken: Self.weth), prices: Self.prices())
        #expect(v.rejections.contains { $0.code == "too_large_for_pool" })
        #expect(t.grossProfit > .zero)
        // The same route at 10 USDC is absorbed.
        let small = try Self.trade(U256(10) &* Self.e6, rich: U256(2_200), depth: U256(10))
        let ok = OpportunityValidator.validate(
            small, policy: Self.policy, inputs: CostInputs(gasPriceWei: .zero, nativeToken: Self.weth), prices: Self.prices())
        #expect(!ok.rejections.contains { $0.code == "too_large_for_pool" })
    }

    @Test func belowMinSpreadAndMinProfitAndAboveMaxPosition() throws {
        let t = try Self.trade(U256(1_000) &* Self.e6, rich: U256(2_013))  // 2013/2000·0.997² − 1 ≈ 5 bps
        var p = Self.policy
        p.minSpreadBps = 10
        let inputs = CostInputs(gasPriceWei: .zero, nativeToken: Self.weth)
        let v = OpportunityValidator.validate(t, policy: p, inputs: inputs, prices: Self.prices())
        #expect(v.rejections.contains(.belowMinSpread(bps: t.marginBps, min: 10)))
        let big = try Self.trade(U256(39_000) &* Self.e6)
        p.minProfitUSD = USDValue(decimal: ExactDecimal("500")!)!
        p.maxPositionUSD = USDValue(decimal: ExactDecimal("10000")!)!
        let codes = OpportunityValidator.validate(big, policy: p, inputs: inputs, prices: Self.prices()).rejections.map(\.code)
        #expect(codes == ["below_min_profit", "above_max_position"])
    }

    @Test func missingPriceIsARejectionNotAZero() throws {
        let t = try Self.trade(U256(39_000) &* Self.e6)
        let v = OpportunityValidator.validate(
            t, policy: Self.policy, inputs: CostInputs(gasPriceWei: U256(1), nativeToken: Self.weth), prices: PriceBook())
        #expect(v.rejections.map(\.code) == ["no_price"])
    }
}
