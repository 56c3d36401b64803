// Constant-product hops compose as Möbius maps (protocol-notes 1.5): a hop x ↦ γ·R_out·x / (R_in + γ·x) is the
// matrix [[a, 0], [c, d]] acting on (x, 1), and a chain is the product of its hop matrices, still of the form
// x ↦ A·x / (C·x + E). The chain is profitable at the margin iff A > E, and the real-valued optimum is
// x* = (√(A·E) − E) / C. Products are taken in exact 512-bit integers; a map is projective (scaling all three
// entries by one factor does not change it), so after each product the entries are shifted right together to
// stay below 2^240, which keeps at least ~2^-110 relative precision on the closed-form point. The closed form
// only seeds the search: the integer replay through the exact pool math decides size and profit.
import Primitives

/// A 512-bit unsigned integer as (high, low) halves, for exact products of two U256 values.
public struct Wide: Sendable, Equatable {
    /// The high 256 bits.
    public var hi: U256
    /// The low 256 bits.
    public var lo: U256

    /// A 256-bit value.
    @inlinable public init(_ v: U256) {
        hi = .zero
        lo = v
    }

    /// The exact product a·b.
    @inlinable public init(_ a: U256, _ b: U256) {
        let p = a.multipliedFullWidth(by: b)
        hi = p.high
        lo = p.low
    }

    /// The halves.
    @inlinable public init(hi: U256, lo: U256) {
        self.hi = hi
        self.lo = lo
    }

    /// The position of the highest set bit plus one (0 for zero).
    @inlinable public var bitWidth: Int {
        hi.isZero ? 256 - lo.leadingZeroBitCount : 512 - hi.leadingZeroBitCount
    }

    /// a + b (the callers keep both below 2^511).
    @inlinable public static func + (a: Wide, b: Wide) -> Wide {
        let (lo, carry) = a.lo.addingReportingOverflow(b.lo)
        return Wide(hi: a.hi &+ b.hi &+ (carry ? .one : .zero), lo: lo)
    }

    /// self >> s for 0 ≤ s < 512.
    @inlinable public func shiftedRight(_ s: Int) -> Wide {
        if s == 0 { return self }
        if s >= 256 { return Wide(hi: .zero, lo: hi >> (s - 256)) }
        return Wide(hi: hi >> s, lo: (lo >> s) | (hi << (256 - s)))
    }

    /// The value when it fits 256 bits.
    @inlinable public var low256: U256 { lo }

    /// a < b.
    @inlinable public static func < (a: Wide, b: Wide) -> Bool { a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo) }

    /// ⌊√self⌋ by Newton's iteration from above (monotone decreasing to the floor).
    public func squareRoot() -> U256 {
        if hi.isZero { return lo.squareRoot() }
        var s = U256.one << ((bitWidth + 1) / 2)
        if s.isZero { s = U256.max }
        while true {
            let q = s.dividingFullWidth((hi, lo)).quotient
            // (s + q) / 2 without overflow.
            let t = (s >> 1) &+ (q >> 1) &+ (s & q & .one)
            if t >= s { return s }
            s = t
        }
    }
}

/// x ↦ a·x / (c·x + d), the shape every constant-product hop and chain of hops has.
public struct Mobius: Sendable, Equatable {
    /// Numerator coefficient.
    public var a: U256
    /// Denominator slope.
    public var c: U256
    /// Denominator constant.
    public var d: U256

    /// Entries are kept below 2^limitBits after every product.
    public static let limitBits = 240

    /// A map with the given entries.
    @inlinable public init(a: U256, c: U256, d: U256) {
        self.a = a
        self.c = c
        self.d = d
    }

    /// The map with 512-bit entries shifted right together until all fit `limitBits` (the map is unchanged up to
    /// the dropped low bits; a slope that vanishes becomes 1 so the map stays bounded).
    public static func scaled(a: Wide, c: Wide, d: Wide) -> Mobius {
        let top = max(a.bitWidth, c.bitWidth, d.bitWidth)
        let s = max(0, top - limitBits)
        let cs = c.shiftedRight(s).low256
        return Mobius(a: a.shiftedRight(s).low256, c: cs.isZero ? .one : cs, d: d.shiftedRight(s).low256)
    }

    /// `next` after `self`: (next ∘ self)(x) = A·x / (C·x + E) with A = a₂a₁, C = c₂a₁ + d₂c₁, E = d₂d₁.
    public func then(_ next: Mobius) -> Mobius {
        Mobius.scaled(a: Wide(next.a, a), c: Wide(next.c, a) + Wide(next.d, c), d: Wide(next.d, d))
    }

    /// The composition of `maps` in order, or nil for an empty list.
    public static func chain(_ maps: [Mobius]) -> Mobius? {
        guard var m = maps.first else { return nil }
        for n in maps.dropFirst() { m = m.then(n) }
        return m
    }

    /// Whether the map's slope at zero exceeds 1 (A > E): a cycle with this map gains at the margin.
    public var profitableAtMargin: Bool { a > d }

    /// ⌊(√(A·E) − E) / C⌋, the real optimum of a·x/(c·x+d) − x rounded down; zero when not profitable.
    public var optimalInput: U256 {
        guard profitableAtMargin, !c.isZero else { return .zero }
        let root = Wide(a, d).squareRoot()
        guard root > d else { return .zero }
        return (root &- d) / c
    }

    /// The largest input at which the real-valued output still covers it: (A − E) / C (zero when unprofitable).
    public var breakEvenInput: U256 {
        guard profitableAtMargin, !c.isZero else { return .zero }
        return (a &- d) / c
    }

    /// ⌊a·x / (c·x + d)⌋ in exact 512-bit arithmetic (the unfloored-per-hop chain output), nil on overflow.
    public func apply(_ x: U256) -> U256? {
        let num = Wide(a, x)
        let cx = c.multipliedReportingOverflow(by: x)
        guard !cx.overflow else { return nil }
        let (den, o) = cx.partialValue.addingReportingOverflow(d)
        guard !o, !den.isZero, num.hi < den else { return nil }
        return den.dividingFullWidth((num.hi, num.lo)).quotient
    }
}
