import DeFiCore
import Execution
import Primitives
import Protocols
import Testing

@testable import Strategies

/// Sizing of a Maker Clipper take (pure, hand-computed from clip.sol and abaci.sol) and the MakerLiquidator plan
/// encoding, decoded back from the executor calldata.
@Suite struct MakerTakePlanTests {
    static let weth = try! Address(parsing: "0x5FbDB2315678afecb367f032d93F642f64180aa3")
    static let dai = try! Address(parsing: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0")
    static let clipper = try! Address(parsing: "0xBEc49fA140aCaA83533fB00A2BB19bDdd0290f25")
    static let daiJoin = try! Address(parsing: "0x22753E4264FDDc6181dc7cce468904A80a363E44")
    static let gemJoin = try! Address(parsing: "0x2B0d36FACD61B71CC05ab8F3D2355ec3631C0dd5")
    static let pair = try! Address(parsing: "0x57702E47f167177202d7C54E7602c1A2Dee9Ee9F")
    static let pool = try! Address(parsing: "0x2CC141d3F5151c5Cd457688E2422Ff39e0624eF1")
    static let usr = try! Address(parsing: "0xA0Aec6A9b72441683b9C5d5B86598fF6d21eCdb7")
    static let wad = MakerMath.wad, ray = MakerMath.ray, rad = MakerMath.rad

    /// LinearDecrease over 7,200 s, tail 8,400 s, cusp 0.4, chost 5,650 DAI (dust 5,000 × chop 1.13).
    static let params = MakerClipperParams(
        calc: .linearDecrease(tau: U256(7_200)), buf: U256(12) * ray / U256(10), tail: U256(8_400),
        cusp: U256(4) * ray / U256(10), chip: wad / U256(1_000), tip: U256(300) * rad, chost: U256(5_650) * rad)

    /// 10 WETH for a 15,000 DAI tab, top 2,160 DAI (1,800 × buf 1.2), kicked at t = 1,000.
    static func sale(tab: UInt64 = 15_000) -> MakerReader.ActiveSale {
        MakerReader.ActiveSale(
            id: U256(1), sale: MakerSale(tab: U256(tab) * rad, lot: U256(10) * wad, tic: U256(1_000), top: U256(2_160) * ray),
            usr: usr, needsRedo: false, price: .zero)
    }

    /// LinearDecrease.price at 2,400 s: rmul(top, rdiv(tau − dur, tau)) = top × ⌊4,800·RAY / 7,200⌋ / RAY, a hair
    /// under 1,440 DAI (abaci.sol rounds the ratio down).
    static let price = U256(2_160) * ray * (U256(4_800) * ray / U256(7_200)) / ray

    /// At t = 3,400: 10 WETH owe 10 × price ≈ 14,400 DAI < tab 15,000, and 15,000 − 14,400 < chost, but slice ==
    /// lot so there is no trim: buy all 10 WETH; the DAI joined is the rad owe rounded up to a whole wad.
    @Test func buysTheWholeLotAtTheLinearPrice() throws {
        #expect(Self.price == (try U256(parsing: "1439999999999999999999999998560")) && Self.price < U256(1_440) * Self.ray)
        let s = try MakerTakeFinder.size(Self.sale(), gem: Self.weth, params: Self.params, now: U256(3_400))
        #expect(s.max == Self.price)
        #expect(s.take.slice == U256(10) * Self.wad)
        #expect(s.take.owe == U256(10) * Self.wad * Self.price)
        #expect(s.daiIn == U256(14_400) * Self.wad)
        #expect(s.amt == U256(10) * Self.wad)
    }

    /// A tab below the lot's value: owe is capped at the tab and slice = tab / price (floored), the rest of the lot
    /// returns to the vault; DAI joined rounds the rad owe up to a whole wad.
    @Test func capsAtTheTabAndRoundsTheJoinUp() throws {
        let s = try MakerTakeFinder.size(Self.sale(tab: 10_000), gem: Self.weth, params: Self.params, now: U256(3_400))
        #expect(s.take.owe == U256(10_000) * Self.rad)
        #expect(s.take.slice == U256(10_000) * Self.rad / Self.price)
        #expect(s.daiIn == U256(10_000) * Self.wad)
        #expect(s.take.tabLeft.isZero && s.take.returnedToUsr == U256(10) * Self.wad - s.take.slice)
    }

    @Test func anAuctionPastTailNeedsAReset() {
        #expect(throws: MakerError.needsReset) {
            try MakerTakeFinder.size(Self.sale(), gem: Self.weth, params: Self.params, now: U256(9_401))
        }
    }

    @Test func pricesNetOfPremiumAndGas() throws {
        let s = try MakerTakeFinder.size(Self.sale(), gem: Self.weth, params: Self.params, now: U256(3_400))
        let route = SwapRoute(
            hops: [PlanHop(kind: .uniswapV2, pool: Self.pair, tokenIn: Self.weth, tokenOut: Self.dai)],
            amountOut: U256(17_900) * Self.wad, gasEstimate: 100_000, venues: ["uniswap_v2_a"])
        // Premium 5 bps of 14,400 = 7.2 DAI; 0.01 ETH of gas at 1,790 DAI/ETH = 17.9 DAI.
        let premium = U256(72) * Self.wad / U256(10)
        let c = MakerTakeFinder.price(
            s, route: route, premium: premium, gasWei: U256(10_000_000_000_000_000), daiPerNative: U256(1_790) * Self.wad)
        #expect(c.executorProfit == I256(bits: U256(17_900) * Self.wad) - I256(bits: U256(14_400) * Self.wad) - I256(bits: premium))
        #expect(c.gasCostInDai == U256(179) * Self.wad / U256(10))
        #expect(c.netProfit == c.executorProfit - I256(bits: c.gasCostInDai))
    }

    static func plan() throws -> ExecutorPlan {
        let s = try MakerTakeFinder.size(sale(), gem: weth, params: params, now: U256(3_400))
        let route = SwapRoute(
            hops: [PlanHop(kind: .uniswapV2, pool: pair, tokenIn: weth, tokenOut: dai)],
            amountOut: U256(17_900) * wad, gasEstimate: 100_000, venues: ["uniswap_v2_a"])
        let c = MakerTakeFinder.price(s, route: route, premium: .zero, gasWei: .zero, daiPerNative: .zero)
        return c.executorPlan(
            clipper: clipper, daiJoin: daiJoin, gemJoin: gemJoin, dai: dai,
            flash: FlashSource(kind: .aaveSimple, lender: pool, asset: dai, amount: s.daiIn), minProfit: .one)
    }

    @Test func planEncodesTheMakerLiquidatorDataAndDecodesBack() throws {
        let p = try Self.plan()
        #expect(p.strategyID == ExecutorPlan.strategyID(named: "MakerLiquidator"))
        let v = try ABI.decode(
            types: [.address, .address, .address, .uint256, .uint256, .uint256,
                .array(.tuple([.uint(8), .address, .address, .address, .uint256, .uint256, .uint256]))],
            data: try p.strategyData())
        #expect(v[0].addressValue == Self.clipper && v[1].addressValue == Self.daiJoin && v[2].addressValue == Self.gemJoin)
        #expect(v[3].uintValue == U256(1) && v[4].uintValue == U256(10) * Self.wad && v[5].uintValue == Self.price)
        let auction = try #require(LiquidationSweep.makerTakeAuction(try p.calldata()))
        #expect(auction.clipper == Self.clipper && auction.id == U256(1))
        // Neither the Aave nor the Comet decoder mistakes it for theirs.
        #expect(LiquidationSweep.liquidationUser(try p.calldata()) == nil)
        #expect(LiquidationSweep.cometLiquidationAccounts(try p.calldata()).isEmpty)
        let file = PlanFile(executor: Self.pool, strategyName: "MakerLiquidator", plan: p, chainID: 31337)
        let back = try PlanFile(json: file.json)
        #expect(back == file)
        #expect(try back.plan.calldata() == p.calldata())
    }

    @Test func aRouteThatDoesNotEndInDaiIsRefused() throws {
        var p = try Self.plan()
        p.payload = .makerTake(
            clipper: Self.clipper, daiJoin: Self.daiJoin, gemJoin: Self.gemJoin, id: .one, amt: Self.wad, max: Self.ray,
            hops: [PlanHop(kind: .uniswapV2, pool: Self.pair, tokenIn: Self.dai, tokenOut: Self.weth)])
        #expect(throws: ExecutorPlanError.self) { try p.calldata() }
    }
}
