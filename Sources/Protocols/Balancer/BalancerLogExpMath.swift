import Primitives

/// Balancer V2 LogExpMath.sol: x^y, e^x and ln(x) on signed 18-decimal fixed point, 20 decimals inside and a
/// 36-decimal ln near 1; reproduced operation by operation (Solidity's int256 `/` and `%` truncate toward zero).
public enum BalancerLogExpMath {
    /// LogExpMath.ONE_18.
    static let one18 = I256(1_000_000_000_000_000_000)
    /// LogExpMath.ONE_20.
    static let one20 = k(100_000_000_000_000_000_000, 0)
    /// LogExpMath.ONE_36.
    static let one36 = k(1, 36)
    /// LogExpMath.MAX_NATURAL_EXPONENT: 130e18.
    public static let maxNaturalExponent = k(130, 18)
    /// LogExpMath.MIN_NATURAL_EXPONENT: -41e18.
    public static let minNaturalExponent = -k(41, 18)
    /// LogExpMath.LN_36_LOWER_BOUND: ONE_18 - 1e17.
    static let ln36LowerBound = I256(900_000_000_000_000_000)
    /// LogExpMath.LN_36_UPPER_BOUND: ONE_18 + 1e17.
    static let ln36UpperBound = I256(1_100_000_000_000_000_000)
    /// LogExpMath.MILD_EXPONENT_BOUND: 2^254 / ONE_20.
    public static let mildExponentBound = (U256.one << 254) / U256(100_000_000_000_000_000_000 as UInt128)

    // x_n = 2^(7 - n) and a_n = e^(x_n): x0, x1 (18 decimals) with a0, a1 as plain integers.
    static let x0 = k(128, 18)
    static let a0 = k(388_770_840_599_459_509_222, 35)
    static let x1 = k(64, 18)
    static let a1 = k(623_514_908_081_161_688_291, 7)
    // x2 ... x11 and a2 ... a11 in 20 decimals.
    static let table: [(x: I256, a: I256)] = [
        (k(32, 20), k(78_962_960_182_680_695_161, 14)),
        (k(16, 20), k(888_611_052_050_787_263_676, 6)),
        (k(8, 20), k(298_095_798_704_172_827_474, 3)),
        (k(4, 20), k(5_459_815_003_314_423_907_810, 0)),
        (k(2, 20), k(738_905_609_893_065_022_723, 0)),
        (k(1, 20), k(271_828_182_845_904_523_536, 0)),
        (k(5, 19), k(164_872_127_070_012_814_685, 0)),
        (k(25, 18), k(128_402_541_668_774_148_407, 0)),
        (k(125, 17), k(113_314_845_306_682_631_683, 0)),
        (k(625, 16), k(106_449_445_891_785_942_956, 0)),
    ]

    /// `m * 10^e` as an int256 constant.
    static func k(_ m: UInt128, _ e: Int) -> I256 {
        I256(bits: U256(m) &* U256(10).power(U256(UInt64(e))))
    }

    /// LogExpMath.pow: x^y = exp(y * ln(x)) in 18 decimals (ln_36 when 0.9 < x < 1.1); BAL#006 / #007 / #008.
    public static func pow(_ x: U256, _ y: U256) throws(BalancerError) -> U256 {
        if y.isZero { return one18.bits }
        if x.isZero { return .zero }
        if !(x >> 255).isZero { throw .xOutOfBounds }
        if y >= mildExponentBound { throw .yOutOfBounds }
        let xi = I256(bits: x)
        let yi = I256(bits: y)
        var logxTimesY: I256
        if ln36LowerBound < xi && xi < ln36UpperBound {
            let ln36 = ln36(xi)
            // Two 18-decimal products: the first 18 decimals of ln_36 and the downscaled last 18.
            logxTimesY = (ln36 / one18) &* yi &+ ((ln36 % one18) &* yi) / one18
        } else {
            logxTimesY = ln18(xi) &* yi
        }
        logxTimesY = logxTimesY / one18
        if logxTimesY < minNaturalExponent || maxNaturalExponent < logxTimesY { throw .productOutOfBounds }
        return try exp(logxTimesY).bits
    }

    /// LogExpMath.exp: e^x for -41e18 <= x <= 130e18 (BAL#009 outside), by powers-of-two decomposition and a
    /// 12-term Taylor series in 20 decimals.
    public static func exp(_ x: I256) throws(BalancerError) -> I256 {
        if x < minNaturalExponent || maxNaturalExponent < x { throw .invalidExponent }
        if x.isNegative {
            // e^(-x) = 1 / e^x, fixed-point division multiplies by ONE_18.
            return (one18 &* one18) / (try exp(I256.zero &- x))
        }
        var x = x
        let firstAN: I256
        if x >= x0 {
            x = x &- x0
            firstAN = a0
        } else if x >= x1 {
            x = x &- x1
            firstAN = a1
        } else {
            firstAN = .one
        }
        x = x &* I256(100)
        var product = one20
        // x10 and x11 are not used here: the precision is already enough.
        for n in 0..<8 where x >= table[n].x {
            x = x &- table[n].x
            product = (product &* table[n].a) / one20
        }
        var seriesSum = one20 &+ x
        var term = x
        for n in 2...12 {
            term = ((term &* x) / one20) / I256(Int64(n))
            seriesSum = seriesSum &+ term
        }
        return (((product &* seriesSum) / one20) &* firstAN) / I256(100)
    }

    /// LogExpMath.ln: natural logarithm of a positive 18-decimal value (BAL#100 otherwise), via ln_36 near 1.
    public static func ln(_ a: I256) throws(BalancerError) -> I256 {
        if a.isNegative || a.isZero { throw .outOfBounds }
        if ln36LowerBound < a && a < ln36UpperBound { return ln36(a) / one18 }
        return ln18(a)
    }

    /// LogExpMath._ln: ln(a) for a > 0 in 18 decimals, decomposing by a0...a11 then a 6-term atanh series.
    static func ln18(_ a: I256) -> I256 {
        var a = a
        if a < one18 {
            // ln(a) = -ln(1/a); 1/a > 1 so the recursion happens once.
            return I256.zero &- ln18((one18 &* one18) / a)
        }
        var sum = I256.zero
        if a >= a0 &* one18 {
            a = a / a0
            sum = sum &+ x0
        }
        if a >= a1 &* one18 {
            a = a / a1
            sum = sum &+ x1
        }
        sum = sum &* I256(100)
        a = a &* I256(100)
        for n in 0..<10 where a >= table[n].a {
            a = (a &* one20) / table[n].a
            sum = sum &+ table[n].x
        }
        let z = ((a &- one20) &* one20) / (a &+ one20)
        let zSquared = (z &* z) / one20
        var num = z
        var seriesSum = num
        var d: Int64 = 3
        while d <= 11 {
            num = (num &* zSquared) / one20
            seriesSum = seriesSum &+ num / I256(d)
            d += 2
        }
        seriesSum = seriesSum &* I256(2)
        return (sum &+ seriesSum) / I256(100)
    }

    /// LogExpMath._ln_36: ln(x) with 36 decimals for x near 1, an 8-term atanh series.
    static func ln36(_ x: I256) -> I256 {
        let x = x &* one18
        let z = ((x &- one36) &* one36) / (x &+ one36)
        let zSquared = (z &* z) / one36
        var num = z
        var seriesSum = num
        var d: Int64 = 3
        while d <= 15 {
            num = (num &* zSquared) / one36
            seriesSum = seriesSum &+ num / I256(d)
            d += 2
        }
        return seriesSum &* I256(2)
    }
}
