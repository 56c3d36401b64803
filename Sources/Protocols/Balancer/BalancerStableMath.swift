import Primitives

/// Balancer V2 StableMath.sol (the version shipped with ComposableStablePool): invariant and swap amounts on
/// upscaled balances, with the amplification parameter in AMP_PRECISION (1e3) units.
public enum BalancerStableMath {
    /// StableMath._AMP_PRECISION.
    public static let ampPrecision = U256(1_000)

    /// Math.add: BAL#000 on overflow.
    @inline(__always) static func add(_ a: U256, _ b: U256) throws(BalancerError) -> U256 {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw .addOverflow }
        return r
    }

    /// Math.sub: BAL#001 below zero.
    @inline(__always) static func sub(_ a: U256, _ b: U256) throws(BalancerError) -> U256 {
        if b > a { throw .subOverflow }
        return a &- b
    }

    /// Math.mul: BAL#003 on overflow.
    @inline(__always) static func mul(_ a: U256, _ b: U256) throws(BalancerError) -> U256 {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        if o { throw .mulOverflow }
        return r
    }

    /// Math.divDown: BAL#004 for a zero divisor.
    @inline(__always) static func divDown(_ a: U256, _ b: U256) throws(BalancerError) -> U256 {
        if b.isZero { throw .zeroDivision }
        return a / b
    }

    /// Math.divUp: `a == 0 ? 0 : 1 + (a - 1) / b`, BAL#004 for a zero divisor.
    @inline(__always) static func divUp(_ a: U256, _ b: U256) throws(BalancerError) -> U256 {
        if b.isZero { throw .zeroDivision }
        return a.isZero ? .zero : (a &- .one) / b &+ .one
    }

    /// StableMath._calculateInvariant: Newton iteration on D, D_P = D_P * D / (b_j * n) per token, 255 rounds,
    /// converges within 1, else BAL#321.
    public static func invariant(amp: U256, balances: [U256]) throws(BalancerError) -> U256 {
        var sum = U256.zero
        for b in balances { sum = try add(sum, b) }
        if sum.isZero { return .zero }
        let n = U256(UInt64(balances.count))
        let ampTimesTotal = try mul(amp, n)
        var invariant = sum
        for _ in 0..<255 {
            var dP = invariant
            for b in balances { dP = try divDown(try mul(dP, invariant), try mul(b, n)) }
            let previous = invariant
            let numerator = try mul(
                try add(try divDown(try mul(ampTimesTotal, sum), ampPrecision), try mul(dP, n)), invariant)
            let denominator = try add(
                try divDown(try mul(try sub(ampTimesTotal, ampPrecision), invariant), ampPrecision),
                try mul(n &+ .one, dP))
            invariant = try divDown(numerator, denominator)
            if CurveArithmetic.withinOne(invariant, previous) { return invariant }
        }
        throw .stableInvariantDidntConverge
    }

    /// StableMath._getTokenBalanceGivenInvariantAndAllOtherBalances: balances[tokenIndex] solving the invariant,
    /// rounding up (divUp c and Newton steps, divDown D / Ann), 255 rounds, else BAL#322.
    public static func tokenBalanceGivenInvariantAndAllOtherBalances(
        amp: U256, balances: [U256], invariant: U256, tokenIndex: Int
    ) throws(BalancerError) -> U256 {
        if !(0..<balances.count).contains(tokenIndex) { throw .outOfBounds }
        let n = U256(UInt64(balances.count))
        let ampTimesTotal = try mul(amp, n)
        var sum = balances[0]
        var pD = try mul(balances[0], n)
        for j in 1..<balances.count {
            pD = try divDown(try mul(try mul(pD, balances[j]), n), invariant)
            sum = try add(sum, balances[j])
        }
        sum = sum &- balances[tokenIndex]
        let inv2 = try mul(invariant, invariant)
        // The balance is removed from c by multiplying by it.
        let c = try mul(try mul(try divUp(inv2, try mul(ampTimesTotal, pD)), ampPrecision), balances[tokenIndex])
        let b = try add(sum, try mul(try divDown(invariant, ampTimesTotal), ampPrecision))
        var tokenBalance = try divUp(try add(inv2, c), try add(invariant, b))
        for _ in 0..<255 {
            let previous = tokenBalance
            tokenBalance = try divUp(
                try add(try mul(tokenBalance, tokenBalance), c),
                try sub(try add(try mul(tokenBalance, U256(2)), b), invariant))
            if CurveArithmetic.withinOne(tokenBalance, previous) { return tokenBalance }
        }
        throw .stableGetBalanceDidntConverge
    }

    /// StableMath._calcOutGivenIn: `balances[out] - finalBalanceOut - 1` after adding amountIn (rounds down).
    public static func calcOutGivenIn(
        amp: U256, balances: [U256], tokenIndexIn: Int, tokenIndexOut: Int, amountIn: U256, invariant: U256
    ) throws(BalancerError) -> U256 {
        var after = balances
        after[tokenIndexIn] = try add(after[tokenIndexIn], amountIn)
        let finalOut = try tokenBalanceGivenInvariantAndAllOtherBalances(
            amp: amp, balances: after, invariant: invariant, tokenIndex: tokenIndexOut)
        return try sub(try sub(balances[tokenIndexOut], finalOut), .one)
    }

    /// StableMath._calcInGivenOut: `finalBalanceIn - balances[in] + 1` after removing amountOut (rounds up).
    public static func calcInGivenOut(
        amp: U256, balances: [U256], tokenIndexIn: Int, tokenIndexOut: Int, amountOut: U256, invariant: U256
    ) throws(BalancerError) -> U256 {
        var after = balances
        after[tokenIndexOut] = try sub(after[tokenIndexOut], amountOut)
        let finalIn = try tokenBalanceGivenInvariantAndAllOtherBalances(
            amp: amp, balances: after, invariant: invariant, tokenIndex: tokenIndexIn)
        return try add(try sub(finalIn, balances[tokenIndexIn]), .one)
    }
}
