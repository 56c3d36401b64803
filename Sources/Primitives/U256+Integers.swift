// Conversions between U256 and Swift's integer and floating-point types. Exact conversions return nil when the
// value does not fit; `truncatingIfNeeded` keeps the low bits (two's complement for negative sources).

extension U256 {
    /// A value from a 128-bit integer.
    @inlinable @inline(__always)
    public init(_ v: UInt128) {
        self.init(limbs: (UInt64(truncatingIfNeeded: v), UInt64(truncatingIfNeeded: v >> 64), 0, 0))
    }

    /// The value as a UInt128 when it fits, else nil.
    @inlinable
    public var uint128: UInt128? {
        (w.2 | w.3) == 0 ? UInt128(w.1) << 64 | UInt128(w.0) : nil
    }

    /// The value when it is non-negative and fits 256 bits, else nil.
    @inlinable
    public init?<T: BinaryInteger>(exactly source: T) {
        guard source >= 0 else { return nil }
        var v = U256.zero
        for (i, word) in source.words.enumerated() {
            if i < 4 {
                v[limb: i] = UInt64(word)
            } else if word != 0 {
                return nil
            }
        }
        self = v
    }

    /// The low 256 bits of `source` in two's complement (a negative source is sign-extended first).
    @inlinable
    public init<T: BinaryInteger>(truncatingIfNeeded source: T) {
        let fill: UInt64 = source < 0 ? .max : 0
        var v = U256(limbs: (fill, fill, fill, fill))
        for (i, word) in source.words.enumerated() where i < 4 { v[limb: i] = UInt64(word) }
        self = v
    }

    /// The value of a finite, non-negative, integral Double below 2^256, else nil.
    public init?(exactly d: Double) {
        guard d.isFinite, d >= 0, d.rounded(.towardZero) == d else { return nil }
        if d == 0 {
            self = .zero
            return
        }
        let e = Int(d.exponent)
        guard e < 256 else { return nil }
        // d = (2^52 + significandBits) · 2^(e - 52); integral, so a right shift drops only zero bits.
        let m = U256((1 << 52) | d.significandBitPattern)
        self = e >= 52 ? m << (e - 52) : m >> (52 - e)
    }
}

extension UInt64 {
    /// The low 64 bits of a U256.
    @inlinable
    public init(truncatingIfNeeded v: U256) { self = v.w.0 }
}

extension UInt128 {
    /// The low 128 bits of a U256.
    @inlinable
    public init(truncatingIfNeeded v: U256) { self = UInt128(v.w.1) << 64 | UInt128(v.w.0) }
}

extension Double {
    /// An approximation of a U256 for display and plotting only: lossy above 2^53, never use it for amounts.
    public init(_ v: U256) {
        let t: Double = 18_446_744_073_709_551_616  // 2^64
        self = ((Double(v.w.3) * t + Double(v.w.2)) * t + Double(v.w.1)) * t + Double(v.w.0)
    }
}
