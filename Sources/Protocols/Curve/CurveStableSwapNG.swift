import Primitives

/// A Curve stableswap-ng pool (2-8 coins): CurveStableSwapNG.vy math with stored rates, A_PRECISION = 100 and the
/// off-peg dynamic fee; quotes follow CurveStableSwapNGViews.vy. Kept apart from the classic pools on purpose:
/// get_D divides by N^N once per round instead of per coin, so the two round differently.
public struct CurveStableSwapNG: Sendable, Hashable {
    /// CurveStableSwapNG.vy A_PRECISION.
    public static let ampPrecision = U256(100)
    /// CurveStableSwapNG.vy FEE_DENOMINATOR: fees are parts of 10^10.
    public static let feeDenominator = U256(10_000_000_000)
    /// CurveStableSwapNG.vy PRECISION: 10^18.
    public static let precision = U256(1_000_000_000_000_000_000)
    /// CurveStableSwapNG.vy `admin_fee`: a constant 50 % of the fee.
    public static let adminFee = U256(5_000_000_000)

    /// `get_balances()`: balances net of admin balances, in each coin's own units.
    public let balances: [U256]
    /// `stored_rates()`: rate_multipliers[i] (10^(36 - decimals)) times the oracle / ERC-4626 rate / 10^18.
    public let rates: [U256]
    /// `_A()` in A_PRECISION units (`A_precise()`); CurveStableSwapNGViews.vy quotes with `A() * 100` instead.
    public let amp: U256
    /// `fee()`: base swap fee in parts of 10^10.
    public let fee: U256
    /// `offpeg_fee_multiplier()` in parts of 10^10 (<= 10^10 disables the dynamic fee).
    public let offpegFeeMultiplier: U256
    /// `_xp_mem(rates, balances)`: `rates[i] * balances[i] / PRECISION`.
    public let xp: [U256]

    /// Builds a pool state; throws what `_xp_mem` would (overflow) and rejects impossible shapes.
    public init(
        balances: [U256], rates: [U256], amp: U256, fee: U256, offpegFeeMultiplier: U256
    ) throws(CurveError) {
        guard (2...8).contains(balances.count) else {
            throw .invalidState("stableswap-ng pools hold 2 to 8 coins, got \(balances.count)")
        }
        guard rates.count == balances.count else {
            throw .invalidState("\(rates.count) rates for \(balances.count) balances")
        }
        guard !rates.contains(.zero) else { throw .invalidState("a rate is zero") }
        guard !amp.isZero else { throw .invalidState("A is zero") }
        self.balances = balances
        self.rates = rates
        self.amp = amp
        self.fee = fee
        self.offpegFeeMultiplier = offpegFeeMultiplier
        var xp = [U256]()
        xp.reserveCapacity(balances.count)
        for k in 0..<balances.count {
            xp.append(try CurveArithmetic.div(try CurveArithmetic.mul(rates[k], balances[k]), Self.precision))
        }
        self.xp = xp
    }

    /// The number of coins, N_COINS.
    public var coinCount: Int { balances.count }

    /// CurveStableSwapNG.vy get_D of this pool's xp and `amp`.
    public func getD() throws(CurveError) -> U256 { try Self.getD(xp: xp, amp: amp) }

    /// CurveStableSwapNG.vy get_D: Newton iteration, D_P = D_P * D / x per coin then D_P /= N^N, 255 rounds,
    /// converges within 1, else raises.
    public static func getD(xp: [U256], amp: U256) throws(CurveError) -> U256 {
        typealias M = CurveArithmetic
        let n = U256(UInt64(xp.count))
        var s = U256.zero
        for x in xp { s = try M.add(s, x) }
        if s.isZero { return .zero }
        var d = s
        let ann = try M.mul(amp, n)
        let nn = n.power(n)
        let annS = try M.mul(ann, s) / ampPrecision
        let annMinusP = try M.sub(ann, ampPrecision)
        let nPlusOne = n &+ .one
        for _ in 0..<255 {
            var dP = d
            for x in xp { dP = try M.div(try M.mul(dP, d), x) }
            dP = dP / nn
            let dPrev = d
            let numerator = try M.mul(try M.add(annS, try M.mul(dP, n)), d)
            let denominator = try M.add(try M.mul(annMinusP, d) / ampPrecision, try M.mul(nPlusOne, dP))
            d = try M.div(numerator, denominator)
            if M.withinOne(d, dPrev) { return d }
        }
        throw .didNotConverge("get_D")
    }

    /// CurveStableSwapNG.vy get_y: the new xp[j] when xp[i] becomes `x` at invariant `d`, Newton within 1, else raises.
    public func getY(i: Int, j: Int, x: U256, d: U256) throws(CurveError) -> U256 {
        typealias M = CurveArithmetic
        try M.checkIndices(i, j, coins: coinCount)
        let n = U256(UInt64(coinCount))
        var c = d
        var sum = U256.zero
        let ann = try M.mul(amp, n)
        for k in 0..<coinCount where k != j {
            let xk = k == i ? x : xp[k]
            sum = try M.add(sum, xk)
            c = try M.div(try M.mul(c, d), try M.mul(xk, n))
        }
        c = try M.div(try M.mul(try M.mul(c, d), Self.ampPrecision), try M.mul(ann, n))
        let b = try M.add(sum, try M.div(try M.mul(d, Self.ampPrecision), ann))
        var y = d
        for _ in 0..<255 {
            let yPrev = y
            let numerator = try M.add(try M.mul(y, y), c)
            let denominator = try M.sub(try M.add(try M.mul(U256(2), y), b), d)
            y = try M.div(numerator, denominator)
            if M.withinOne(y, yPrev) { return y }
        }
        throw .didNotConverge("get_y")
    }

    /// CurveStableSwapNG.vy _dynamic_fee: `offpeg * fee / ((offpeg - 1e10) * 4 * xpi * xpj / (xpi + xpj)^2 + 1e10)`,
    /// or the base fee when the multiplier is at most 10^10.
    public func dynamicFee(xpi: U256, xpj: U256) throws(CurveError) -> U256 {
        typealias M = CurveArithmetic
        if offpegFeeMultiplier <= Self.feeDenominator { return fee }
        let sum = try M.add(xpi, xpj)
        let xps2 = try M.mul(sum, sum)
        let spread = try M.mul(try M.mul(try M.mul(offpegFeeMultiplier &- Self.feeDenominator, U256(4)), xpi), xpj)
        let denominator = try M.add(try M.div(spread, xps2), Self.feeDenominator)
        return try M.mul(offpegFeeMultiplier, fee) / denominator
    }

    /// CurveStableSwapNGViews.vy dynamic_fee(i, j): the fee at the current balances of coins i and j.
    public func dynamicFee(i: Int, j: Int) throws(CurveError) -> U256 {
        try CurveArithmetic.checkIndices(i, j, coins: coinCount)
        return try dynamicFee(xpi: xp[i], xpj: xp[j])
    }

    /// CurveStableSwapNGViews.vy get_dy: coins j out for `dx` of coin i, dynamic fee at the trade's midpoints.
    /// Pass a state whose `amp` is `A() * 100` to match the views contract during an A ramp.
    public func getDy(i: Int, j: Int, dx: U256) throws(CurveError) -> U256 {
        try quote(i: i, j: j, dx: dx).dy
    }

    /// The shared body of get_dy and __exchange: dy in coin j's units and dy_fee in xp units.
    func quote(i: Int, j: Int, dx: U256) throws(CurveError) -> (dy: U256, dyFee: U256) {
        typealias M = CurveArithmetic
        try M.checkIndices(i, j, coins: coinCount)
        let x = try M.add(xp[i], try M.mul(dx, rates[i]) / Self.precision)
        let d = try getD()
        let y = try getY(i: i, j: j, x: x, d: d)
        let raw = try M.sub(try M.sub(xp[j], y), .one)
        let fee = try dynamicFee(xpi: try M.add(xp[i], x) / U256(2), xpj: try M.add(xp[j], y) / U256(2))
        let dyFee = try M.mul(raw, fee) / Self.feeDenominator
        let dy = try M.div(try M.mul(try M.sub(raw, dyFee), Self.precision), rates[j])
        return (dy, dyFee)
    }

    /// CurveStableSwapNGViews.vy get_dx: coins i needed for `dy` of coin j, fee from the pre-trade balances.
    public func getDx(i: Int, j: Int, dy: U256) throws(CurveError) -> U256 {
        typealias M = CurveArithmetic
        try M.checkIndices(i, j, coins: coinCount)
        let d = try getD()
        let dyWithFee = try M.add(try M.mul(dy, rates[j]) / Self.precision, .one)
        let fee = try dynamicFee(xpi: xp[i], xpj: xp[j])
        let y = try M.sub(
            xp[j], try M.div(try M.mul(dyWithFee, Self.feeDenominator), try M.sub(Self.feeDenominator, fee)))
        let x = try getY(i: j, j: i, x: y, d: d)
        return try M.div(try M.mul(try M.sub(x, xp[i]), Self.precision), rates[i])
    }

    /// CurveStableSwapNG.vy exchange / __exchange: coins out, fee split and balances after selling `dx` of coin i
    /// (dy_fee = dy * dynamic_fee((xp_i + x) / 2, (xp_j + y) / 2) / 1e10, admin half converted down).
    public func exchange(i: Int, j: Int, dx: U256, minDy: U256 = .zero) throws(CurveError) -> CurveExchange {
        typealias M = CurveArithmetic
        let (dy, dyFee) = try quote(i: i, j: j, dx: dx)
        if dy < minDy { throw .slippage(dy: dy, minDy: minDy) }
        let dyAdminFee = try M.mul(try M.mul(dyFee, Self.adminFee) / Self.feeDenominator, Self.precision) / rates[j]
        var newBalances = balances
        newBalances[i] = try M.add(balances[i], dx)
        newBalances[j] = try M.sub(try M.sub(balances[j], dy), dyAdminFee)
        return CurveExchange(dy: dy, dyFee: dyFee, dyAdminFee: dyAdminFee, balances: newBalances)
    }

    /// This pool after `exchange` changed its balances (same rates, A and fees).
    public func applying(_ trade: CurveExchange) throws(CurveError) -> CurveStableSwapNG {
        try CurveStableSwapNG(
            balances: trade.balances, rates: rates, amp: amp, fee: fee, offpegFeeMultiplier: offpegFeeMultiplier)
    }
}
