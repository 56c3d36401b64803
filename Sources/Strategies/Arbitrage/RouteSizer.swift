// Optimal integer size of a cyclic route. Constant-product chains: the Möbius closed form gives the real optimum
// and an exhaustive integer window around it finds the best floored size. Chains with V3 hops (tick crossings)
// or other curves: an integer golden-section search over the exact swap functions, bracketed by the virtual-reserve
// closed form and widened while the optimum sits at the bracket's edge, then the same window. Profit is always
// the integer replay through the pools' exact math, never the closed form.
import Foundation
import Primitives
import Protocols
import Validation

/// A size and the exact amounts it produces.
public struct SizedRoute: Sendable, Equatable {
    /// Input to the first hop.
    public var size: U256
    /// Each hop's exact output.
    public var outputs: [U256]
    /// Last output − size.
    public var profit: I256

    /// The last hop's output.
    public var amountOut: U256 { outputs.last ?? .zero }

    /// A sized route with every field given.
    public init(size: U256, outputs: [U256], profit: I256) {
        self.size = size
        self.outputs = outputs
        self.profit = profit
    }
}

/// Sizes cyclic routes over legs of a snapshot.
public enum RouteSizer {
    /// Half-width of the exhaustive integer window around a constant-product chain's closed-form point.
    public static let window = 256
    /// Half-width of the intermediate walk when the intermediate's unit is worth < 2^16 output units.
    public static let fineWindow = 8
    /// Half-width of the final window after a golden-section search (each probe runs the V3 swap loop).
    public static let searchWindow = 48
    /// Largest input ever tried (uint112, the V2 reserve width).
    public static let inputCap = (U256.one << 112) &- .one

    /// Each hop's exact output for `amountIn`, or nil when some hop would revert.
    @inlinable
    public static func replay(_ legs: [Leg], amountIn: U256) -> [U256]? {
        var outputs: [U256] = []
        outputs.reserveCapacity(legs.count)
        var x = amountIn
        for leg in legs {
            guard let y = leg.amountOut(x) else { return nil }
            outputs.append(y)
            x = y
        }
        return outputs
    }

    /// Last output − amountIn, or nil when the route reverts at this size.
    @inlinable
    public static func profit(_ legs: [Leg], amountIn: U256) -> I256? {
        guard let out = replay(legs, amountIn: amountIn)?.last else { return nil }
        return I256(bits: out) &- I256(bits: amountIn)
    }

    /// The profit-maximising integer size up to `maxInput` (ties: the smallest size), or nil when no size gains.
    public static func optimalSize(_ legs: [Leg], maxInput: U256? = nil) -> SizedRoute? {
        guard !legs.isEmpty else { return nil }
        let cap = min(maxInput ?? inputCap, inputCap)
        guard !cap.isZero else { return nil }
        let maps = legs.compactMap(\.mobius)
        guard maps.count == legs.count else { return searchedSize(legs, cap: cap) }
        guard let m = Mobius.chain(maps), m.profitableAtMargin else { return nil }
        var x0 = min(m.optimalInput, cap)
        if x0.isZero { x0 = .one }
        var best: (x: U256, p: I256)
        let constantProduct = legs.allSatisfy(\.isConstantProduct)
        if constantProduct {
            // The closed-form point, then the exact walk of the coarsest intermediate around it (below).
            if let p0 = profit(legs, amountIn: x0) {
                best = (x0, p0)
            } else {
                guard let w = scan(legs, around: x0, halfWidth: window, cap: cap) else { return nil }
                best = w
            }
        } else {
            var hi = min(max(x0 &* U256(4), m.breakEvenInput &* U256(2), U256(1_000)), cap)
            var g = golden(legs, lo: .one, hi: hi)
            // An optimum in the top tenth of the bracket may lie beyond it (liquidity grows across a tick).
            var widen = 0
            while widen < 16, hi < cap, g.x > hi / U256(10) &* U256(9) {
                hi = hi > cap / U256(4) ? cap : hi &* U256(4)
                g = golden(legs, lo: .one, hi: hi)
                widen += 1
            }
            best = g
            // Flooring makes small-amount profits jagged: below 2^14 units widen the final window to x/16.
            let wide = g.x < U256(16_384) ? Int(g.x.uint64 ?? 0) / 16 : 0
            if let w = scan(legs, around: g.x, halfWidth: max(searchWindow, wide), cap: cap),
                w.p > best.p
                    || (w.p == best.p && w.x < best.x)
            {
                best = w
            }
            // The closed-form point is a second seed (the search is only as good as unimodality).
            if let w = scan(legs, around: x0, halfWidth: searchWindow, cap: cap), w.p > best.p {
                best = w
            }
        }
        // The output depends only on any intermediate amount y_k, and the cheapest way to reach y_k is the least
        // input for it (hops inverted one by one). A coarse intermediate (USDC's 6 decimals inside a WETH cycle:
        // one unit ≈ 5e8 wei) turns profit(x) into a sawtooth no x-window can search, so walk the intermediate
        // whose unit is worth the most in the route's token, with x = its least input and profit from the exact
        // forward replay.
        // The walk is wide only where the sawtooth is: a unit worth ≥ 2^16 output units (a fine intermediate
        // leaves a plateau within a unit or two of the optimum, which ±8 already settles).
        // Small sizes (below 2^20 units) are where floors are large next to the profit and work is cheap: search
        // an x-window and walk every intermediate ±256 there.
        let small = x0 < U256(UInt64(1_048_576))
        if small, constantProduct, let w = scan(legs, around: x0, halfWidth: window, cap: cap),
            w.p > best.p || (w.p == best.p && w.x < best.x)
        {
            best = w
        }
        if legs.count >= 2, let outs = replay(legs, amountIn: best.x) {
            let (coarse, lnValue) = coarsestIntermediate(legs)
            let width = !constantProduct ? searchWindow : (small || lnValue >= 16 * M_LN2) ? window : fineWindow
            for k in small ? Array(0..<(legs.count - 1)) : [coarse] {
                if let w = walkIntermediate(legs, hop: k, around: outs[k], halfWidth: width, cap: cap),
                    w.p > best.p || (w.p == best.p && w.x < best.x)
                {
                    best = w
                }
            }
        }
        guard !best.p.isNegative, !best.p.isZero, let outs = replay(legs, amountIn: best.x) else { return nil }
        return SizedRoute(size: best.x, outputs: outs, profit: best.p)
    }

    /// Chains with a hop that has no Möbius view (Curve, Balancer): no closed-form point or break-even to
    /// bracket with, so the bracket comes from pool limits — a quarter of the smallest pool balance of the route's
    /// token among its hops that sell it, or of the first hop's input balance — widened ×4 while the optimum sits
    /// in the bracket's top tenth and shrunk ÷16 while nothing in it gains; then the integer golden-section search
    /// and the final window as for V3, and intermediate walks through hops that can be inverted exactly. Profit is
    /// the integer replay.
    static func searchedSize(_ legs: [Leg], cap: U256) -> SizedRoute? {
        // A 1-unit probe that already loses everything, or a route reverting at every size, is caught below.
        var scale = legs[0].inputBalance ?? .zero
        if scale.isZero, let m = legs[0].mobius { scale = m.d / max(m.c, .one) }  // V3: virtual reserve in
        guard !scale.isZero else { return nil }
        var hi = min(max(scale / U256(4), U256(1_000)), cap)
        var g = golden(legs, lo: .one, hi: hi)
        var steps = 0
        while steps < 16, hi > U256(1_000), g.p.isNegative || g.p.isZero {
            hi = max(hi / U256(16), U256(1_000))
            g = golden(legs, lo: .one, hi: hi)
            steps += 1
        }
        steps = 0
        while steps < 16, hi < cap, !g.p.isNegative, !g.p.isZero, g.x > hi / U256(10) &* U256(9) {
            hi = hi > cap / U256(4) ? cap : hi &* U256(4)
            g = golden(legs, lo: .one, hi: hi)
            steps += 1
        }
        var best = g
        // Below 2^20 units flooring makes the profit a jagged plateau around the optimum (the real curve changes by
        // less than a unit over ±x/10 there): scan ±x/8 (at most 8,192) around the search's point.
        let wide = g.x < U256(UInt64(1_048_576)) ? min(Int(g.x.uint64 ?? 0) / 8, 8_192) : 0
        if let w = scan(legs, around: g.x, halfWidth: max(searchWindow, wide), cap: cap),
            w.p > best.p || (w.p == best.p && w.x < best.x)
        {
            best = w
        }
        if legs.count >= 2, let outs = replay(legs, amountIn: best.x) {
            for k in 0..<(legs.count - 1) where legs[0...k].allSatisfy({ !Leg.multiCoin($0.pool.state) }) {
                if let w = walkIntermediate(legs, hop: k, around: outs[k], halfWidth: searchWindow, cap: cap),
                    w.p > best.p || (w.p == best.p && w.x < best.x)
                {
                    best = w
                }
            }
        }
        guard !best.p.isNegative, !best.p.isZero, let outs = replay(legs, amountIn: best.x) else { return nil }
        return SizedRoute(size: best.x, outputs: outs, profit: best.p)
    }

    /// The least first-hop input whose exact outputs reach `amountOut` after `legs` (inverted hop by hop).
    public static func minimalInput(_ legs: ArraySlice<Leg>, forOutput amountOut: U256) -> U256? {
        var y = amountOut
        for leg in legs.reversed() {
            guard let x = leg.minimalInput(forOutput: y) else { return nil }
            y = x
        }
        return y
    }

    /// The intermediate (output of hop k < n − 1) whose smallest unit is worth the most in the route's token:
    /// the product of the marginal rates of the hops after it (a heuristic choice; the walk replays exactly).
    public static func coarsestIntermediate(_ legs: [Leg]) -> (hop: Int, lnUnitValue: Double) {
        var best = 0
        var bestValue = -Double.infinity
        var after = 0.0
        for k in stride(from: legs.count - 2, through: 0, by: -1) {
            after += legs[k + 1].logRate
            if after > bestValue {
                bestValue = after
                best = k
            }
        }
        return (best, bestValue)
    }

    /// The best size among the least inputs for outputs of hop `k` in [center − h, center + h] (ties: smallest).
    public static func walkIntermediate(_ legs: [Leg], hop k: Int, around center: U256, halfWidth h: Int, cap: U256)
        -> (x: U256, p: I256)?
    {
        let hw = U256(UInt64(h))
        var y = center > hw ? center &- hw : .one
        let hi = center &+ hw
        let head = legs[0...k]
        var best: (x: U256, p: I256)? = nil
        while y <= hi {
            if let x = minimalInput(head, forOutput: y), x <= cap, let p = profit(legs, amountIn: x),
                best == nil || p > best!.p || (p == best!.p && x < best!.x)
            {
                best = (x, p)
            }
            y = y &+ .one
        }
        return best
    }

    /// The best size in [center − h, center + h] ∩ [1, cap] (ties: smallest), nil when every size reverts.
    static func scan(_ legs: [Leg], around center: U256, halfWidth h: Int, cap: U256) -> (x: U256, p: I256)? {
        let hw = U256(UInt64(h))
        let lo = center > hw ? center &- hw : .one
        let hi = min(center &+ hw, cap)
        var best: (x: U256, p: I256)? = nil
        var x = lo
        while x <= hi {
            if let p = profit(legs, amountIn: x), best == nil || p > best!.p { best = (x, p) }
            x = x &+ .one
        }
        return best
    }

    /// Integer golden-section search for the maximum of the (unimodal) profit on [lo, hi]; reverting sizes count
    /// as −∞.
    static func golden(_ legs: [Leg], lo: U256, hi: U256) -> (x: U256, p: I256) {
        func f(_ x: U256) -> I256 { profit(legs, amountIn: x) ?? I256.min }
        var a = lo
        var b = hi
        // 0.381966… ≈ 381966 / 10^6.
        func inner(_ a: U256, _ b: U256) -> (U256, U256) {
            let span = b &- a
            let d =
                span / U256(1_000_000) &* U256(381_966) &+ (span % U256(1_000_000)) &* U256(381_966) / U256(1_000_000)
            return (a &+ d, b &- d)
        }
        var (c, d) = inner(a, b)
        var fc = f(c)
        var fd = f(d)
        while b &- a > U256(8) {
            if fc >= fd {
                b = d
                d = c
                fd = fc
                c = inner(a, b).0
                fc = f(c)
            } else {
                a = c
                c = d
                fc = fd
                d = inner(a, b).1
                fd = f(d)
            }
            if c >= d {  // integer rounding collapsed the probes: restart them
                (c, d) = inner(a, b)
                if c >= d { break }
                fc = f(c)
                fd = f(d)
            }
        }
        var best = (x: a, p: f(a))
        var x = a &+ .one
        while x <= b {
            let p = f(x)
            if p > best.p { best = (x, p) }
            x = x &+ .one
        }
        return best
    }
}
