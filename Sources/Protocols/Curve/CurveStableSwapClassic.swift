import Primitives

/// A classic Curve StableSwap pool (2-4 coins): StableSwap3Pool.vy (2020, raw A) or pool-templates/base
/// SwapTemplateBase.vy (A_PRECISION = 100), with balances and RATES as the pool holds them.
public struct CurveStableSwapClassic: Sendable, Hashable {
    /// Which source the pool was deployed from; the two differ in A's precision, convergence and get_dy.
    public enum Generation: Sendable, Hashable {
        /// StableSwap3Pool.vy: `A` stored raw (no A_PRECISION), Newton loops `break` after 255 rounds and return
        /// the last iterate, `get_dy` converts to coin units before taking the fee.
        case pool3
        /// SwapTemplateBase.vy: `_A()` is A * A_PRECISION (100), Newton loops `raise` after 255 rounds,
        /// `get_dy` takes the fee in xp units then converts (as `exchange` does).
        case template
    }

    /// StableSwap3Pool.vy FEE_DENOMINATOR: fees are parts of 10^10.
    public static let feeDenominator = U256(10_000_000_000)
    /// StableSwap3Pool.vy PRECISION / LENDING_PRECISION: 10^18.
    public static let precision = U256(1_000_000_000_000_000_000)

    /// The source this pool was deployed from.
    public let generation: Generation
    /// `balances(i)`: the pool's coin balances in each coin's own units.
    public let balances: [U256]
    /// RATES[i] = 10^(36 - decimals_i), times the lending rate / 10^18 for lending pools.
    public let rates: [U256]
    /// `_A()` at the block being quoted: raw A for `.pool3`, A * 100 (`A_precise()`) for `.template`.
    public let amp: U256
    /// `fee()`: swap fee in parts of 10^10.
    public let fee: U256
    /// `admin_fee()`: the admin's share of the fee in parts of 10^10.
    public let adminFee: U256
    /// `_xp()`: balances normalised to 18 decimals, `rates[i] * balances[i] / PRECISION`.
    public let xp: [U256]

    /// Builds a pool state; throws what the pool's `_xp` would (overflow) and rejects impossible shapes.
    public init(
        generation: Generation, balances: [U256], rates: [U256], amp: U256, fee: U256, adminFee: U256
    ) throws(CurveError) {
        guard (2...4).contains(balances.count) else {
            throw .invalidState("classic pools hold 2 to 4 coins, got \(balances.count)")
        }
        guard rates.count == balances.count else {
            throw .invalidState("\(rates.count) rates for \(balances.count) balances")
        }
        guard !rates.contains(.zero) else { throw .invalidState("a rate is zero") }
        guard !amp.isZero else { throw .invalidState("A is zero") }
        self.generation = generation
        self.balances = balances
        self.rates = rates
        self.amp = amp
        self.fee = fee
        self.adminFee = adminFee
        var xp = [U256]()
        xp.reserveCapacity(balances.count)
        for k in 0..<balances.count {
            xp.append(try CurveArithmetic.div(try CurveArithmetic.mul(rates[k], balances[k]), Self.precision))
        }
        self.xp = xp
    }

    /// StableSwap3Pool.vy RATES: 10^(36 - decimals) for a plain coin of `decimals` decimals (0...36).
    public static func rate(decimals: Int) throws(CurveError) -> U256 {
        guard (0...36).contains(decimals) else { throw .invalidState("decimals \(decimals) outside 0...36") }
        return U256(10).power(U256(UInt64(36 - decimals)))
    }

    /// The number of coins, N_COINS.
    public var coinCount: Int { balances.count }

    /// A_PRECISION of the generation: 1 for StableSwap3Pool.vy (raw A), 100 for SwapTemplateBase.vy.
    public var ampPrecision: U256 { generation == .pool3 ? .one : U256(100) }

    /// StableSwap3Pool.vy / SwapTemplateBase.vy `get_virtual_price` numerator: `get_D(xp, amp)` of this pool.
    public func getD() throws(CurveError) -> U256 {
        try Self.getD(xp: xp, amp: amp, generation: generation)
    }

    /// StableSwap3Pool.vy get_D: Newton iteration, D_P = D_P * D / (x * N) per coin, 255 rounds, converges within 1
    /// (3pool returns the last iterate after 255 rounds; the template raises).
    public static func getD(xp: [U256], amp: U256, generation: Generation) throws(CurveError) -> U256 {
        typealias M = CurveArithmetic
        let n = U256(UInt64(xp.count))
        let p: U256 = generation == .pool3 ? .one : U256(100)
        var s = U256.zero
        for x in xp { s = try M.add(s, x) }
        if s.isZero { return .zero }
        var d = s
        let ann = try M.mul(amp, n)
        // Loop-invariant parts of the update: Ann * S / A_PRECISION and (Ann - A_PRECISION).
        let annS = try M.div(try M.mul(ann, s), p)
        let annMinusP = try M.sub(ann, p)
        let nPlusOne = n &+ .one
        for _ in 0..<255 {
            var dP = d
            for x in xp { dP = try M.div(try M.mul(dP, d), try M.mul(x, n)) }
            let dPrev = d
            let numerator = try M.mul(try M.add(annS, try M.mul(dP, n)), d)
            let denominator = try M.add(try M.div(try M.mul(annMinusP, d), p), try M.mul(nPlusOne, dP))
            d = try M.div(numerator, denominator)
            if M.withinOne(d, dPrev) { return d }
        }
        if generation == .pool3 { return d }
        throw .didNotConverge("get_D")
    }

    /// StableSwap3Pool.vy get_y: the new xp[j] when xp[i] becomes `x`, Newton on y^2 + (b - D) y = c, within 1.
    public func getY(i: Int, j: Int, x: U256) throws(CurveError) -> U256 {
        try checkIndices(i, j)
        let d = try getD()
        return try getY(i: i, j: j, x: x, d: d)
    }

    func checkIndices(_ i: Int, _ j: Int) throws(CurveError) {
        try CurveArithmetic.checkIndices(i, j, coins: coinCount)
    }

    /// get_y's body after `D = get_D(xp_, amp)`, shared by get_dy and exchange.
    func getY(i: Int, j: Int, x: U256, d: U256) throws(CurveError) -> U256 {
        typealias M = CurveArithmetic
        let n = U256(UInt64(coinCount))
        let p = ampPrecision
        var c = d
        var sum = U256.zero
        let ann = try M.mul(amp, n)
        for k in 0..<coinCount where k != j {
            let xk = k == i ? x : xp[k]
            sum = try M.add(sum, xk)
            c = try M.div(try M.mul(c, d), try M.mul(xk, n))
        }
        c = try M.div(try M.mul(try M.mul(c, d), p), try M.mul(ann, n))
        let b = try M.add(sum, try M.div(try M.mul(d, p), ann))
        var y = d
        for _ in 0..<255 {
            let yPrev = y
            let numerator = try M.add(try M.mul(y, y), c)
            let denominator = try M.sub(try M.add(try M.mul(U256(2), y), b), d)
            y = try M.div(numerator, denominator)
            if M.withinOne(y, yPrev) { return y }
        }
        if generation == .pool3 { return y }
        throw .didNotConverge("get_y")
    }

    /// StableSwap3Pool.vy get_dy (converts, then `dy - fee * dy / 10^10`) or SwapTemplateBase.vy get_dy
    /// (fee in xp units, then converts): what the pool's own view returns for selling `dx` of coin i.
    public func getDy(i: Int, j: Int, dx: U256) throws(CurveError) -> U256 {
        typealias M = CurveArithmetic
        try checkIndices(i, j)
        let x = try M.add(xp[i], try M.div(try M.mul(dx, rates[i]), Self.precision))
        let y = try getY(i: i, j: j, x: x, d: try getD())
        // "-1 just in case there were some rounding errors" (both sources).
        let raw = try M.sub(try M.sub(xp[j], y), .one)
        switch generation {
        case .pool3:
            let dy = try M.div(try M.mul(raw, Self.precision), rates[j])
            let fee = try M.div(try M.mul(fee, dy), Self.feeDenominator)
            return try M.sub(dy, fee)
        case .template:
            let fee = try M.div(try M.mul(fee, raw), Self.feeDenominator)
            return try M.div(try M.mul(try M.sub(raw, fee), Self.precision), rates[j])
        }
    }

    /// StableSwap3Pool.vy exchange: the coins paid out, the fee split and the balances after selling `dx` of coin i
    /// (fee and admin fee in xp units, then converted down; reverts below `minDy`).
    public func exchange(i: Int, j: Int, dx: U256, minDy: U256 = .zero) throws(CurveError) -> CurveExchange {
        typealias M = CurveArithmetic
        try checkIndices(i, j)
        let x = try M.add(xp[i], try M.div(try M.mul(dx, rates[i]), Self.precision))
        let y = try getY(i: i, j: j, x: x, d: try getD())
        let raw = try M.sub(try M.sub(xp[j], y), .one)
        let dyFee = try M.div(try M.mul(raw, fee), Self.feeDenominator)
        let dy = try M.div(try M.mul(try M.sub(raw, dyFee), Self.precision), rates[j])
        if dy < minDy { throw .slippage(dy: dy, minDy: minDy) }
        let adminXp = try M.div(try M.mul(dyFee, adminFee), Self.feeDenominator)
        let dyAdminFee = try M.div(try M.mul(adminXp, Self.precision), rates[j])
        var newBalances = balances
        newBalances[i] = try M.add(balances[i], dx)
        newBalances[j] = try M.sub(try M.sub(balances[j], dy), dyAdminFee)
        return CurveExchange(dy: dy, dyFee: dyFee, dyAdminFee: dyAdminFee, balances: newBalances)
    }

    /// This pool after `exchange` changed its balances (same A, fee and rates).
    public func applying(_ trade: CurveExchange) throws(CurveError) -> CurveStableSwapClassic {
        try CurveStableSwapClassic(
            generation: generation, balances: trade.balances, rates: rates, amp: amp, fee: fee, adminFee: adminFee)
    }
}
