import DeFiCore
import Primitives
import Protocols

/// One Maker LIQ 2.0 auction take, sized by the Clipper's own rules (`MakerClipper.take`: slice, owe, the chost
/// trim) at the block's timestamp.
public struct MakerTakeSizing: Sendable, Equatable {
    /// The auction id.
    public var id: U256
    /// The vault owner whose collateral is sold.
    public var usr: Address
    /// The collateral token (`GemJoin.gem()`).
    public var gem: Address
    /// `amt` passed to `take`: the whole lot (the Clipper trims it to the tab and the chost rule).
    public var amt: U256
    /// `max` passed to `take`: the price at the priced block, ray (the price only falls with time).
    public var max: U256
    /// What `take` does at that price.
    public var take: MakerTake
    /// DAI joined to pay `owe`: ⌈owe / RAY⌉, wad (the flash amount; the sub-wei remainder stays in the Vat).
    public var daiIn: U256
}

/// A priced take: the sale of the slice back to DAI, the flash premium and gas.
public struct MakerTakeCandidate: Sendable, Equatable {
    /// The sizing.
    public var sizing: MakerTakeSizing
    /// The sale of the whole slice to DAI.
    public var route: SwapRoute
    /// The flash-loan premium, DAI wad.
    public var flashPremium: U256
    /// The executor's DAI gain before gas: sale output − daiIn − premium.
    public var executorProfit: I256
    /// Gas in DAI wad.
    public var gasCostInDai: U256
    /// `executorProfit − gasCostInDai`.
    public var netProfit: I256

    /// The executor plan: flash `flash` (DAI, amount `daiIn`), take, exit, sell.
    public func executorPlan(
        clipper: Address, daiJoin: Address, gemJoin: Address, dai: Address, flash: FlashSource, minProfit: U256
    ) -> ExecutorPlan {
        ExecutorPlan(
            flash: flash, profitToken: dai, minProfit: minProfit,
            payload: .makerTake(
                clipper: clipper, daiJoin: daiJoin, gemJoin: gemJoin, id: sizing.id, amt: sizing.amt, max: sizing.max,
                hops: route.hops))
    }
}

/// Sizing and pricing of Maker Clipper takes (pure).
public enum MakerTakeFinder {
    /// Sizes buying the whole lot of `sale` at `now`: throws `needsReset` when the auction must be redone first.
    public static func size(
        _ sale: MakerReader.ActiveSale, gem: Address, params: MakerClipperParams, now: U256
    ) throws(MakerError) -> MakerTakeSizing {
        let (done, price) = try MakerClipper.status(sale.sale, params: params, now: now)
        if done { throw .needsReset }
        let take = try MakerClipper.take(sale.sale, amt: sale.sale.lot, max: price, params: params, now: now)
        let daiIn = (try? U256.mulDivRoundingUp(take.owe, .one, MakerMath.ray)) ?? .max
        return MakerTakeSizing(
            id: sale.id, usr: sale.usr, gem: gem, amt: sale.sale.lot, max: price, take: take, daiIn: daiIn)
    }

    /// Prices a sizing: `route` sells the slice for DAI; `daiPerNative` (DAI wad per 10^18 wei) values the gas.
    public static func price(
        _ s: MakerTakeSizing, route: SwapRoute, premium: U256, gasWei: U256, daiPerNative: U256
    ) -> MakerTakeCandidate {
        let profit = I256(bits: route.amountOut) &- I256(bits: s.daiIn) &- I256(bits: premium)
        let gas = (try? U256.mulDivRoundingUp(gasWei, daiPerNative, U256(1_000_000_000_000_000_000))) ?? .max
        let net = gas > U256.one << 254 ? I256.min : profit &- I256(bits: gas)
        return MakerTakeCandidate(
            sizing: s, route: route, flashPremium: premium, executorProfit: profit, gasCostInDai: gas, netProfit: net)
    }
}
