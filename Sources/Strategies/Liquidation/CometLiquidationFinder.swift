import DeFiCore
import Primitives
import Protocols

/// The sized purchase after absorbing one Comet account: which collateral to buy and for how much base.
public struct CometLiquidationSizing: Sendable, Equatable {
    /// The absorbed account.
    public var account: Address
    /// What `absorb` does to it (Comet.absorbInternal at the pinned market).
    public var absorb: CometAbsorbOutcome
    /// The collateral bought back from the protocol.
    public var collateralAsset: Address
    /// The protocol's reserves of `collateralAsset` after the absorb (held before + seized).
    public var collateralOnSale: U256
    /// Base reserves after the absorb (`getReserves() - basePaidOut`); buying is allowed while below target.
    public var reservesAfterAbsorb: I256
    /// `buyCollateral`'s `baseAmount`: the largest amount whose quote fits `collateralOnSale`.
    public var baseAmount: U256
    /// `quoteCollateral(collateralAsset, baseAmount)`: the collateral bought (also the `minAmount` sent).
    public var collateralBought: U256
}

/// A priced Comet liquidation: absorb, buy, sell along `route`, flash premium and gas.
public struct CometLiquidationCandidate: Sendable, Equatable {
    /// The sizing.
    public var sizing: CometLiquidationSizing
    /// Sale of the bought collateral for the base asset.
    public var route: SwapRoute
    /// Flash loan premium on `baseAmount` (base units).
    public var flashPremium: U256
    /// `route.amountOut − baseAmount − premium` (base units; may be negative).
    public var executorProfit: I256
    /// Gas in base units (rounded up).
    public var gasCostInBase: U256
    /// `executorProfit − gasCostInBase`.
    public var netProfit: I256
    /// `netProfit` in USD, 8 decimals (Comet's price scale).
    public var netProfitUSD: I256

    /// The executor plan: flash `baseAmount` of the base asset from `flash`, absorb + buy + sell via CometLiquidator.
    public func executorPlan(comet: Address, base: Address, flash: FlashSource, minProfit: U256) -> ExecutorPlan {
        ExecutorPlan(
            flash: flash, profitToken: base, minProfit: minProfit,
            payload: .cometLiquidation(
                comet: comet, collateral: sizing.collateralAsset, minAmount: sizing.collateralBought,
                baseAmount: sizing.baseAmount, accounts: [sizing.account], hops: route.hops))
    }
}

/// Why a liquidatable Comet account is not executed (beyond the common skips).
public enum CometSizingSkip: Error, Sendable, Equatable, CustomStringConvertible {
    /// Reserves would be at or above target after the absorb: `buyCollateral` reverts `NotForSale()`.
    case notForSale(reserves: I256, target: U256)
    /// No collateral to buy.
    case nothingToBuy
    /// Comet math failed.
    case math(String)

    /// One line.
    public var description: String {
        switch self {
        case .notForSale(let r, let t): "reserves \(r) would be at or above targetReserves \(t): collateral is not for sale"
        case .nothingToBuy: "the absorbed account holds no collateral to buy"
        case .math(let s): "Comet math: \(s)"
        }
    }
}

/// Sizing and pricing of Compound III liquidations (absorb, then buy the absorbed collateral at the store-front
/// discount and sell it), pure over a `CometMarket` read at one block.
public enum CometLiquidationFinder {
    /// Sizes the purchase after absorbing `account`: the collateral with the largest seized USD value; buys all
    /// of the protocol's reserves of it (held before plus seized).
    public static func size(_ user: Address, account: CometAccount, market m: CometMarket) throws(CometSizingSkip)
        -> CometLiquidationSizing
    {
        do {
            let outcome = try m.absorb(account)
            var best: (Address, U256)? = nil
            for a in m.assets.sorted(by: { $0.offset < $1.offset }) {
                guard let seized = outcome.seized[a.asset], !seized.isZero else { continue }
                let value = try CometMath.mulPrice(seized, a.price, a.scale)
                if best == nil || value > best!.1 { best = (a.asset, value) }
            }
            guard let (asset, _) = best else { throw CometSizingSkip.nothingToBuy }
            let paid = I256(bits: outcome.basePaidOut)
            let after = m.reserves &- paid
            if !after.isNegative && after.magnitude >= m.targetReserves {
                throw CometSizingSkip.notForSale(reserves: after, target: m.targetReserves)
            }
            let onSale = (m.collateralReserves[asset] ?? .zero) + (outcome.seized[asset] ?? .zero)
            let baseAmount = try m.baseAmountForCollateral(asset: asset, collateral: onSale)
            let bought = try m.quoteCollateral(asset: asset, baseAmount: baseAmount)
            if baseAmount.isZero || bought.isZero { throw CometSizingSkip.nothingToBuy }
            return CometLiquidationSizing(
                account: user, absorb: outcome, collateralAsset: asset, collateralOnSale: onSale,
                reservesAfterAbsorb: after, baseAmount: baseAmount, collateralBought: bought)
        } catch let e as CometSizingSkip {
            throw e
        } catch {
            throw .math("\(error)")
        }
    }

    /// Wei of gas in base units via the Comet's own prices (`native` is a listed collateral, e.g. WETH), rounded up.
    public static func weiInBase(_ wei: U256, native: Address?, market m: CometMarket) -> U256? {
        if wei.isZero { return .zero }
        guard let n = native, let a = try? m.asset(n) else { return nil }
        guard let usd = try? U256.mulDivRoundingUp(wei, a.price, U256(1_000_000_000_000_000_000)) else { return nil }
        return try? U256.mulDivRoundingUp(usd, m.baseScale, m.basePrice)
    }

    /// Prices a sizing with the sale `route`, the flash `premium` and `gasWei`.
    public static func price(
        _ s: CometLiquidationSizing, route: SwapRoute, premium: U256, gasWei: U256, native: Address?,
        market m: CometMarket
    ) -> CometLiquidationCandidate {
        let profit = I256(bits: route.amountOut) &- I256(bits: s.baseAmount) &- I256(bits: premium)
        let gas = weiInBase(gasWei, native: native, market: m)
        let net = gas.map { profit &- I256(bits: $0) } ?? I256.min
        let usdMagnitude = (try? U256.mulDiv(net.magnitude, m.basePrice, m.baseScale)) ?? .max
        let usd = net.isNegative ? I256.zero &- I256(bits: min(usdMagnitude, U256.one << 254)) : I256(bits: usdMagnitude)
        return CometLiquidationCandidate(
            sizing: s, route: route, flashPremium: premium, executorProfit: profit, gasCostInBase: gas ?? .max,
            netProfit: net, netProfitUSD: usd)
    }
}
