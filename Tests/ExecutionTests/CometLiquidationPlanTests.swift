import DeFiCore
import Execution
import Primitives
import Protocols
import Testing

@testable import Strategies

/// Sizing of a Compound III liquidation (pure, hand-computed from Comet.sol's formulas) and the CometLiquidator
/// plan encoding, decoded back from the executor calldata.
@Suite struct CometLiquidationPlanTests {
    static let weth = try! Address(parsing: "0x5FbDB2315678afecb367f032d93F642f64180aa3")
    static let usdc = try! Address(parsing: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512")
    static let comet = try! Address(parsing: "0x51A1ceB83B83F1985a81C295d1fF28Afef186E02")
    static let pair = try! Address(parsing: "0x57702E47f167177202d7C54E7602c1A2Dee9Ee9F")
    static let pool = try! Address(parsing: "0x2CC141d3F5151c5Cd457688E2422Ff39e0624eF1")
    static let user = try! Address(parsing: "0xd9a03dF4541585B6E622E7994Baa5D6449B0A597")
    static func e(_ n: UInt64, _ d: Int) -> U256 { U256(n) * Units.powerOfTen(d) }

    static func market(reserves: I256 = I256(50_000_000_000), target: U256 = e(5_000_000, 6), wethPrice: UInt64 = 1600)
        -> CometMarket
    {
        CometMarket(
            baseScale: e(1, 6), basePrice: e(1, 8), baseSupplyIndex: e(1, 15), baseBorrowIndex: e(1, 15),
            storeFrontPriceFactor: e(6, 17), targetReserves: target, reserves: reserves,
            assets: [
                CometAsset(
                    offset: 0, asset: weth, scale: e(1, 18), borrowCollateralFactor: e(825, 15),
                    liquidateCollateralFactor: e(895, 15), liquidationFactor: e(95, 16), price: e(wethPrice, 8))
            ], collateralReserves: [weth: .zero])
    }

    /// 10 WETH, 16,000 USDC debt at WETH 1600: credit 10·1600·0.95 = 15,200 < 16,000, so the balance floors at 0
    /// and reserves pay all 16,000; the 10 WETH go on sale at 1600·(1 − 0.6·0.05) = 1552 per WETH.
    @Test func sizesAbsorbAndPurchaseAsComet() throws {
        let account = CometAccount(principal: -I256(16_000_000_000), assetsIn: 1, collateral: [Self.weth: Self.e(10, 18)])
        let s = try CometLiquidationFinder.size(Self.user, account: account, market: Self.market())
        #expect(s.absorb.basePaidOut == Self.e(16_000, 6))
        #expect(s.absorb.newBalance == .zero)
        #expect(s.reservesAfterAbsorb == I256(50_000_000_000) &- I256(16_000_000_000))
        #expect(s.collateralOnSale == Self.e(10, 18))
        // quote(b) = 1e8 · b · 1e18 / 155_200_000_000 / 1e6; the largest b with quote ≤ 10 WETH is 15,520 USDC.
        #expect(s.baseAmount == Self.e(15_520, 6))
        #expect(s.collateralBought == Self.e(10, 18))
        #expect(try Self.market().quoteCollateral(asset: Self.weth, baseAmount: s.baseAmount + .one) > Self.e(10, 18))
    }

    @Test func reservesAtTargetAfterAbsorbAreNotForSale() throws {
        let account = CometAccount(principal: -I256(16_000_000_000), assetsIn: 1, collateral: [Self.weth: Self.e(10, 18)])
        #expect(throws: CometSizingSkip.self) {
            try CometLiquidationFinder.size(
                Self.user, account: account, market: Self.market(reserves: I256(100_000_000_000), target: Self.e(1, 6)))
        }
        let healthy = CometAccount(principal: -I256(1_000_000_000), assetsIn: 1, collateral: [Self.weth: Self.e(10, 18)])
        #expect(throws: CometSizingSkip.self) { try CometLiquidationFinder.size(Self.user, account: healthy, market: Self.market()) }
    }

    @Test func pricesNetOfPremiumAndGas() throws {
        let account = CometAccount(principal: -I256(16_000_000_000), assetsIn: 1, collateral: [Self.weth: Self.e(10, 18)])
        let m = Self.market()
        let s = try CometLiquidationFinder.size(Self.user, account: account, market: m)
        let route = SwapRoute(
            hops: [PlanHop(kind: .uniswapV2, pool: Self.pair, tokenIn: Self.weth, tokenOut: Self.usdc)],
            amountOut: Self.e(19_000, 6), gasEstimate: 100_000, venues: ["uniswap_v2_a"])
        // 0.01 ETH of gas at 1600 USD = 16 USDC; premium 5 bps of 15,520 = 7.76 USDC.
        let c = CometLiquidationFinder.price(
            s, route: route, premium: U256(7_760_000), gasWei: Self.e(1, 16), native: Self.weth, market: m)
        #expect(c.executorProfit == I256(19_000_000_000 - 15_520_000_000 - 7_760_000))
        #expect(c.gasCostInBase == U256(16_000_000))
        #expect(c.netProfit == I256(19_000_000_000 - 15_520_000_000 - 7_760_000 - 16_000_000))
        #expect(c.netProfitUSD == I256((19_000_000_000 - 15_520_000_000 - 7_760_000 - 16_000_000) * 100))
    }

    static func plan(accounts: [Address] = [user]) throws -> ExecutorPlan {
        let hops = [PlanHop(kind: .uniswapV2, pool: pair, tokenIn: weth, tokenOut: usdc)]
        return ExecutorPlan(
            flash: FlashSource(kind: .aaveSimple, lender: pool, asset: usdc, amount: e(15_520, 6)), profitToken: usdc,
            minProfit: e(26, 6),
            payload: .cometLiquidation(
                comet: comet, collateral: weth, minAmount: e(10, 18), baseAmount: e(15_520, 6), accounts: accounts,
                hops: hops))
    }

    @Test func planEncodesTheCometLiquidatorDataAndDecodesBack() throws {
        let p = try Self.plan()
        #expect(p.strategyID == ExecutorPlan.strategyID(named: "CometLiquidator"))
        let data = try p.strategyData()
        let v = try ABI.decode(
            types: [.address, .address, .uint256, .uint256, .array(.address),
                .array(.tuple([.uint(8), .address, .address, .address, .uint256, .uint256, .uint256]))],
            data: data)
        #expect(v[0].addressValue == Self.comet && v[1].addressValue == Self.weth)
        #expect(v[2].uintValue == Self.e(10, 18) && v[3].uintValue == Self.e(15_520, 6))
        #expect(LiquidationSweep.cometLiquidationAccounts(try p.calldata()) == [Self.user])
        // The Aave decoder does not mistake it for a Liquidator call, and vice versa.
        #expect(LiquidationSweep.liquidationUser(try p.calldata()) == nil)
        let aave = ExecutorPlan(
            flash: FlashSource(kind: .aaveSimple, lender: Self.pool, asset: Self.usdc, amount: Self.e(1, 6)),
            profitToken: Self.usdc, minProfit: .one,
            payload: .liquidation(
                pool: Self.pool, collateral: Self.weth, user: Self.user, debtToCover: .max,
                hops: [PlanHop(kind: .uniswapV2, pool: Self.pair, tokenIn: Self.weth, tokenOut: Self.usdc)]))
        #expect(LiquidationSweep.cometLiquidationAccounts(try aave.calldata()).isEmpty)
        // The plan file round-trips.
        let file = PlanFile(executor: Self.pool, strategyName: "CometLiquidator", plan: p, chainID: 31337)
        let back = try PlanFile(json: file.json)
        #expect(back == file)
        #expect(try back.plan.calldata() == p.calldata())
    }

    @Test func planLimitsFollowTheContract() throws {
        let six = (0..<6).map { _ in Self.user }
        #expect(throws: ExecutorPlanError.self) { try Self.plan(accounts: six).calldata() }
        var p = try Self.plan()
        p.flash.amount = Self.e(1, 6)  // baseAmount above the loan
        #expect(throws: ExecutorPlanError.self) { try p.calldata() }
    }
}
