import Primitives

/// What `absorb` does to one account (Comet.absorbInternal).
public struct CometAbsorbOutcome: Hashable, Sendable {
    /// Collateral moved to the protocol, by asset (the `AbsorbCollateral` amounts).
    public var seized: [Address: U256]
    /// Σ mulFactor(value, liquidationFactor), 8-decimal USD.
    public var deltaValue: U256
    /// Present value before (negative).
    public var oldBalance: I256
    /// Present value after, floored at zero (excess debt is eaten by reserves).
    public var newBalance: I256
    /// The new principal.
    public var newPrincipal: I256
    /// `newBalance - oldBalance` in base (the `AbsorbDebt` basePaidOut).
    public var basePaidOut: U256
    /// `basePaidOut` in USD (8 decimals).
    public var valueOfBasePaidOut: U256
}

extension CometMarket {
    /// Σ over held collateral of `mulFactor(mulPrice(balance, price, scale), factor)` added to the signed base
    /// liquidity, stopping early once it is ≥ 0 (Comet.isLiquidatable / isBorrowCollateralized loop).
    func liquidity(_ account: CometAccount, factor: (CometAsset) -> U256) throws(CometError) -> I256 {
        let pv = try CometMath.presentValue(
            principal: account.principal, baseSupplyIndex: baseSupplyIndex, baseBorrowIndex: baseBorrowIndex)
        // signedMulPrice truncates toward zero: the magnitude is floored.
        let m = try CometMath.mulPrice(pv.magnitude, basePrice, baseScale)
        guard var liquidity = I256(negative: pv.isNegative, magnitude: m) else {
            throw .overflow(operation: "liquidity")
        }
        for a in assets.sorted(by: { $0.offset < $1.offset }) where account.isIn(a.offset) {
            if !liquidity.isNegative { return liquidity }
            let value = try CometMath.mulPrice(account.collateral[a.asset] ?? .zero, a.price, a.scale)
            let credit = try CometMath.mulFactor(value, factor(a))
            let r = liquidity.addingReportingOverflow(I256(bits: credit))
            if r.overflow || credit.bit(255) { throw .overflow(operation: "liquidity") }
            liquidity = r.partialValue
        }
        return liquidity
    }

    /// Comet.isLiquidatable: false for principal ≥ 0, else liquidity with `liquidateCollateralFactor` < 0.
    public func isLiquidatable(_ account: CometAccount) throws(CometError) -> Bool {
        if !account.principal.isNegative { return false }
        return try liquidity(account) { $0.liquidateCollateralFactor }.isNegative
    }

    /// Comet.isBorrowCollateralized: true for principal ≥ 0, else liquidity with `borrowCollateralFactor` ≥ 0.
    public func isBorrowCollateralized(_ account: CometAccount) throws(CometError) -> Bool {
        if !account.principal.isNegative { return true }
        return try !liquidity(account) { $0.borrowCollateralFactor }.isNegative
    }

    /// Comet.absorbInternal: requires `isLiquidatable` (else `NotLiquidatable()`), seizes ALL collateral, credits
    /// `divPrice(Σ mulFactor(value, liquidationFactor), basePrice, baseScale)` and floors the balance at zero.
    /// The absorber is paid nothing but liquidator points.
    public func absorb(_ account: CometAccount) throws(CometError) -> CometAbsorbOutcome {
        guard try isLiquidatable(account) else { throw .notLiquidatable }
        let oldBalance = try CometMath.presentValue(
            principal: account.principal, baseSupplyIndex: baseSupplyIndex, baseBorrowIndex: baseBorrowIndex)
        var seized: [Address: U256] = [:]
        var deltaValue = U256.zero
        for a in assets.sorted(by: { $0.offset < $1.offset }) where account.isIn(a.offset) {
            let amount = account.collateral[a.asset] ?? .zero
            seized[a.asset] = amount
            let value = try CometMath.mulPrice(amount, a.price, a.scale)
            let r = deltaValue.addingReportingOverflow(try CometMath.mulFactor(value, a.liquidationFactor))
            if r.overflow { throw .overflow(operation: "deltaValue") }
            deltaValue = r.partialValue
        }
        let deltaBalance = try CometMath.divPrice(deltaValue, basePrice, baseScale)
        let sum = oldBalance.addingReportingOverflow(I256(bits: deltaBalance))
        if sum.overflow || deltaBalance.bit(255) { throw .overflow(operation: "newBalance") }
        let newBalance = sum.partialValue.isNegative ? I256.zero : sum.partialValue
        let newPrincipal = try CometMath.principalValue(
            presentValue: newBalance, baseSupplyIndex: baseSupplyIndex, baseBorrowIndex: baseBorrowIndex)
        let paid = (newBalance &- oldBalance).magnitude
        return CometAbsorbOutcome(
            seized: seized, deltaValue: deltaValue, oldBalance: oldBalance, newBalance: newBalance,
            newPrincipal: newPrincipal, basePaidOut: paid,
            valueOfBasePaidOut: try CometMath.mulPrice(paid, basePrice, baseScale))
    }

    /// Comet.quoteCollateral: `discount = mulFactor(storeFrontPriceFactor, 1e18 - liquidationFactor)`,
    /// `discounted = mulFactor(assetPrice, 1e18 - discount)`, then
    /// `basePrice * baseAmount * assetScale / discounted / baseScale` (two floors, in this order).
    public func quoteCollateral(asset: Address, baseAmount: U256) throws(CometError) -> U256 {
        let a = try self.asset(asset)
        let one = CometMath.factorScale
        guard a.liquidationFactor <= one else { throw .overflow(operation: "FACTOR_SCALE - liquidationFactor") }
        let discount = try CometMath.mulFactor(storeFrontPriceFactor, one - a.liquidationFactor)
        guard discount <= one else { throw .overflow(operation: "FACTOR_SCALE - discountFactor") }
        let discounted = try CometMath.mulFactor(a.price, one - discount)
        let num = try CometMath.mul(
            try CometMath.mul(basePrice, baseAmount, "quoteCollateral"), a.scale, "quoteCollateral")
        return try CometMath.div(try CometMath.div(num, discounted, "quoteCollateral"), baseScale, "quoteCollateral")
    }

    /// Comet.buyCollateral's checks and result: `NotForSale()` when reserves ≥ 0 and ≥ targetReserves,
    /// `TooMuchSlippage()` below `minAmount`, `InsufficientReserves()` above the collateral reserves.
    /// `baseAmount` is what actually arrives (fee-on-transfer base tokens deliver less).
    public func buyCollateral(asset: Address, minAmount: U256, baseAmount: U256) throws(CometError) -> U256 {
        if !reserves.isNegative && reserves.magnitude >= targetReserves { throw .notForSale }
        let amount = try quoteCollateral(asset: asset, baseAmount: baseAmount)
        if amount < minAmount { throw .tooMuchSlippage }
        if amount > (collateralReserves[asset] ?? .zero) { throw .insufficientReserves }
        return amount
    }

    /// The base amount whose quote buys at most `collateral` of `asset` (largest such amount, by bisection over the
    /// exact `quoteCollateral`); sizes a `buyCollateral` to the reserves on offer.
    public func baseAmountForCollateral(asset: Address, collateral: U256) throws(CometError) -> U256 {
        var lo = U256.zero
        var hi = U256.one
        while try quoteCollateral(asset: asset, baseAmount: hi) <= collateral {
            lo = hi
            guard hi < (U256.one << 200) else { return hi }
            hi = hi << 1
        }
        while hi - lo > .one {
            let mid = lo + (hi - lo) / U256(2)
            if try quoteCollateral(asset: asset, baseAmount: mid) <= collateral { lo = mid } else { hi = mid }
        }
        return lo
    }
}
