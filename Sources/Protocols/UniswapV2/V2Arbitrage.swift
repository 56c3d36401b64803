// Optimal input for a two-pool constant-product cycle X → (pool A) → Y → (pool B) → X (protocol-notes 1.5),
// closed form in exact 512-bit integers, then an integer search that proves the floored on-chain optimum.
import Primitives

/// The best integer input for a two-pool cycle, with the exact on-chain amounts it produces.
public struct V2ArbitrageOpportunity: Equatable, Sendable {
    /// Input of token X into pool A.
    public var amountIn: U256
    /// Token Y out of pool A and into pool B.
    public var intermediate: U256
    /// Token X out of pool B.
    public var amountOut: U256
    /// amountOut − amountIn (> 0).
    public var profit: U256
    /// Whether the search covered every input that could beat this one (false when the search cap was hit; the
    /// profit is then within 2 wei of the optimum's).
    public var provenOptimal: Bool
}

/// Closed-form two-pool arbitrage sizing (protocol-notes 1.5).
public enum V2Arbitrage {
    /// Candidates examined on each side of the closed-form point before giving up the optimality proof.
    public static let searchCap = 1 << 16

    /// The profit-maximising integer input for X → A → Y → B → X, or nil when no input is profitable.
    /// A's reserves are (aIn of X, aOut of Y), B's are (bIn of Y, bOut of X); fees in bps per pool.
    ///
    /// x* = (D·√(nA·nB·aIn·aOut·bIn·bOut) − D²·aIn·bIn) / (nA·(D·bIn + nB·aOut)), nX = D − feeX, D = 10000;
    /// then, since the optimum spends the least x for its Y, the search walks Y around x* with
    /// x(y) = ⌈D·aIn·y / (nA·(aOut − y))⌉ until the real (unfloored) profit bound drops below the best found.
    public static func optimalInput(
        aIn: U256, aOut: U256, feeA: UInt32, bIn: U256, bOut: U256, feeB: UInt32
    ) throws(V2Error) -> V2ArbitrageOpportunity? {
        for r in [aIn, aOut, bIn, bOut] {
            guard r <= V2Pair.maxReserve else { throw .reserveOverflow(value: r) }
            guard !r.isZero else { throw .insufficientLiquidity(reserveIn: aIn, reserveOut: bOut) }
        }
        guard feeA < 10_000 else { throw .invalidFee(feeBps: feeA) }
        guard feeB < 10_000 else { throw .invalidFee(feeBps: feeB) }
        let d = V2Math.feeDenominator
        let dd = U256(100_000_000)
        let nA = U256(UInt64(10_000 - feeA))
        let nB = U256(UInt64(10_000 - feeB))
        // All products below stay under 2^256 for uint112 reserves (2^27 · 2^224 = 2^251).
        let c = nA &* nB &* aOut &* bOut  // γA·γB·aOut·bOut·D²
        let e = dd &* aIn &* bIn  // aIn·bIn·D²
        guard c > e else { return nil }  // z'(0) ≤ 1: no input is profitable even before flooring.
        let s = isqrt512(nA &* nB &* aIn &* aOut, bIn &* bOut)
        let f = nA &* (d &* bIn &+ nB &* aOut)  // γA·(bIn + γB·aOut)·D²
        let numerator = d &* s
        let x0 = numerator > e ? (numerator &- e) / f : .zero

        let curve = Curve(aIn: aIn, aOut: aOut, bIn: bIn, bOut: bOut, feeA: feeA, feeB: feeB, c: c, e: e, f: f)
        let y0 =
            x0.isZero ? .one : try V2Math.getAmountOut(amountIn: x0, reserveIn: aIn, reserveOut: aOut, feeBps: feeA)
        var best: (x: U256, profit: I256)? = nil
        var proven = true
        // Walk Y downward from y0, then upward from y0 + 1. A side stops at the first candidate that lies on the
        // far side of the real optimum and whose unfloored profit is below max(best, 1): by concavity no
        // candidate beyond it can reach that profit.
        for upward in [false, true] {
            var y = upward ? y0 &+ .one : y0
            var steps = 0
            while !y.isZero && y < aOut {
                if steps == searchCap {
                    proven = false
                    break
                }
                steps += 1
                let x = try curve.minimalInput(forIntermediate: y)
                // Past bOut the output (< bOut) cannot repay the input.
                if x >= bOut { break }
                let profit = I256(bits: try curve.output(forIntermediate: y)) &- I256(bits: x)
                if let b = best {
                    if profit > b.profit || (profit == b.profit && x < b.x) { best = (x, profit) }
                } else {
                    best = (x, profit)
                }
                let bound = best.map { $0.profit.isNegative || $0.profit.isZero ? U256.one : $0.profit.bits } ?? .one
                if curve.realProfitBelow(x: x, bound: bound) && curve.isBeyondOptimum(x: x, upward: upward) { break }
                y = upward ? y &+ .one : y &- .one
            }
        }
        guard let b = best, !b.profit.isNegative, !b.profit.isZero else { return nil }
        let mid = try V2Math.getAmountOut(amountIn: b.x, reserveIn: aIn, reserveOut: aOut, feeBps: feeA)
        let out = try V2Math.getAmountOut(amountIn: mid, reserveIn: bIn, reserveOut: bOut, feeBps: feeB)
        return V2ArbitrageOpportunity(
            amountIn: b.x, intermediate: mid, amountOut: out, profit: out &- b.x, provenOptimal: proven)
    }

    /// optimalInput for token `x` through `pairA` then `pairB` (each pair's reserves oriented and fee applied).
    public static func optimalInput(token x: Address, through pairA: V2Pair, then pairB: V2Pair) throws(V2Error)
        -> V2ArbitrageOpportunity?
    {
        let y = pairA.token0 == x ? pairA.token1 : pairA.token0
        let (aIn, aOut) = try pairA.reserves(tokenIn: x, tokenOut: y)
        let (bIn, bOut) = try pairB.reserves(tokenIn: y, tokenOut: x)
        return try optimalInput(aIn: aIn, aOut: aOut, feeA: pairA.feeBps, bIn: bIn, bOut: bOut, feeB: pairB.feeBps)
    }

    /// floor(√(p·q)) for a 512-bit product, by Newton's iteration from above (monotone decreasing to the floor).
    static func isqrt512(_ p: U256, _ q: U256) -> U256 {
        let (hi, lo) = p.multipliedFullWidth(by: q)
        if hi.isZero { return lo.squareRoot() }
        let bits = 256 + hi.significantBitCount
        // 2^ceil(bits/2) ≥ √N; bits ≤ 476 for uint112 reserves, so this fits.
        var s = U256.one << ((bits + 1) / 2)
        while true {
            let t = (s &+ s.dividingFullWidth((hi, lo)).quotient) >> 1
            if t >= s { return s }
            s = t
        }
    }

    /// The cycle's exact on-chain pieces and the real-valued profit bound.
    struct Curve {
        let aIn: U256, aOut: U256, bIn: U256, bOut: U256, feeA: UInt32, feeB: UInt32
        /// z(x) = c·x / (e + f·x) with everything scaled by D² (unfloored cycle output).
        let c: U256, e: U256, f: U256

        /// The least x with getAmountOut_A(x) ≥ y: ⌈D·aIn·y / (nA·(aOut − y))⌉.
        func minimalInput(forIntermediate y: U256) throws(V2Error) -> U256 {
            let nA = U256(UInt64(10_000 - feeA))
            let num = try V2Math.mul(try V2Math.mul(V2Math.feeDenominator, aIn, "arbitrage"), y, "arbitrage")
            let den = try V2Math.mul(nA, aOut &- y, "arbitrage")
            let (q, r) = num.quotientAndRemainder(dividingBy: den)
            return r.isZero ? q : q &+ .one
        }

        /// getAmountOut_B(y).
        func output(forIntermediate y: U256) throws(V2Error) -> U256 {
            try V2Math.getAmountOut(amountIn: y, reserveIn: bIn, reserveOut: bOut, feeBps: feeB)
        }

        /// Whether x lies at or beyond the real optimum in the walk's direction: z'(x) = c·e / (e + f·x)² ≤ 1
        /// upward, ≥ 1 downward (512-bit comparison).
        func isBeyondOptimum(x: U256, upward: Bool) -> Bool {
            let ce = c.multipliedFullWidth(by: e)
            let den = e &+ f &* x
            let sq = den.multipliedFullWidth(by: den)
            let ceBelow = ce.high < sq.high || (ce.high == sq.high && ce.low <= sq.low)
            let ceAbove = ce.high > sq.high || (ce.high == sq.high && ce.low >= sq.low)
            return upward ? ceBelow : ceAbove
        }

        /// Whether z(x) − x < bound, compared exactly in 512 bits: c·x < (bound + x)·(e + f·x).
        func realProfitBelow(x: U256, bound: U256) -> Bool {
            let lhs = c.multipliedFullWidth(by: x)
            let den = e &+ f &* x
            let rhs = (bound &+ x).multipliedFullWidth(by: den)
            return lhs.high < rhs.high || (lhs.high == rhs.high && lhs.low < rhs.low)
        }
    }
}
