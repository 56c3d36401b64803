// Shifts, bitwise operators and bit counts. Shift semantics follow Swift's integers: `<<` and `>>` are "smart"
// shifts (a negative amount shifts the other way, an amount >= 256 gives 0), `&<<` and `&>>` take the amount
// modulo 256. EVM SHL/SHR (EIP-145) are `<<` and `>>` by a U256 amount: shift >= 256 gives 0.

extension U256 {
    /// The bit width of the type: 256.
    public static let bitWidth = 256

    /// Left shift by `s` in 0..<256 (callers guarantee the range).
    @inlinable @inline(__always)
    func shiftedLeft(_ s: Int) -> U256 {
        let limbs = s >> 6, bits = UInt64(s & 63)
        let (a0, a1, a2, a3) = w
        // Bits carried into the next limb; zero when the shift is a whole number of limbs.
        let rs = (64 &- bits) & 63
        let m: UInt64 = bits == 0 ? 0 : .max
        let c0 = (a0 &>> rs) & m, c1 = (a1 &>> rs) & m, c2 = (a2 &>> rs) & m
        switch limbs {
        case 0: return U256(limbs: (a0 &<< bits, (a1 &<< bits) | c0, (a2 &<< bits) | c1, (a3 &<< bits) | c2))
        case 1: return U256(limbs: (0, a0 &<< bits, (a1 &<< bits) | c0, (a2 &<< bits) | c1))
        case 2: return U256(limbs: (0, 0, a0 &<< bits, (a1 &<< bits) | c0))
        default: return U256(limbs: (0, 0, 0, a0 &<< bits))
        }
    }

    /// Logical right shift by `s` in 0..<256 (callers guarantee the range).
    @inlinable @inline(__always)
    func shiftedRight(_ s: Int) -> U256 {
        let limbs = s >> 6, bits = UInt64(s & 63)
        let (a0, a1, a2, a3) = w
        let ls = (64 &- bits) & 63
        let m: UInt64 = bits == 0 ? 0 : .max
        let c1 = (a1 &<< ls) & m, c2 = (a2 &<< ls) & m, c3 = (a3 &<< ls) & m
        switch limbs {
        case 0: return U256(limbs: ((a0 &>> bits) | c1, (a1 &>> bits) | c2, (a2 &>> bits) | c3, a3 &>> bits))
        case 1: return U256(limbs: ((a1 &>> bits) | c2, (a2 &>> bits) | c3, a3 &>> bits, 0))
        case 2: return U256(limbs: ((a2 &>> bits) | c3, a3 &>> bits, 0, 0))
        default: return U256(limbs: (a3 &>> bits, 0, 0, 0))
        }
    }

    /// Left shift; a negative amount shifts right, an amount >= 256 gives 0.
    @inlinable
    public static func << (a: U256, s: Int) -> U256 {
        if s < 0 { return s <= -256 ? .zero : a.shiftedRight(-s) }
        return s >= 256 ? .zero : a.shiftedLeft(s)
    }

    /// Logical right shift; a negative amount shifts left, an amount >= 256 gives 0.
    @inlinable
    public static func >> (a: U256, s: Int) -> U256 {
        if s < 0 { return s <= -256 ? .zero : a.shiftedLeft(-s) }
        return s >= 256 ? .zero : a.shiftedRight(s)
    }

    /// Left shift by a U256 amount (EVM SHL, EIP-145): an amount >= 256 gives 0.
    @inlinable
    public static func << (a: U256, s: U256) -> U256 {
        guard let n = s.uint64, n < 256 else { return .zero }
        return a.shiftedLeft(Int(n))
    }

    /// Logical right shift by a U256 amount (EVM SHR, EIP-145): an amount >= 256 gives 0.
    @inlinable
    public static func >> (a: U256, s: U256) -> U256 {
        guard let n = s.uint64, n < 256 else { return .zero }
        return a.shiftedRight(Int(n))
    }

    /// Masking left shift: shifts by `s` modulo 256, as Swift's `&<<`.
    @inlinable
    public static func &<< (a: U256, s: Int) -> U256 { a.shiftedLeft(s & 255) }

    /// Masking right shift: shifts by `s` modulo 256, as Swift's `&>>`.
    @inlinable
    public static func &>> (a: U256, s: Int) -> U256 { a.shiftedRight(s & 255) }

    /// Left shift-assign (smart shift).
    @inlinable public static func <<= (a: inout U256, s: Int) { a = a << s }
    /// Right shift-assign (smart shift).
    @inlinable public static func >>= (a: inout U256, s: Int) { a = a >> s }
}

// MARK: - Bitwise operators

extension U256 {
    /// Bitwise AND.
    @inlinable @inline(__always)
    public static func & (a: U256, b: U256) -> U256 {
        U256(limbs: (a.w.0 & b.w.0, a.w.1 & b.w.1, a.w.2 & b.w.2, a.w.3 & b.w.3))
    }

    /// Bitwise OR.
    @inlinable @inline(__always)
    public static func | (a: U256, b: U256) -> U256 {
        U256(limbs: (a.w.0 | b.w.0, a.w.1 | b.w.1, a.w.2 | b.w.2, a.w.3 | b.w.3))
    }

    /// Bitwise XOR.
    @inlinable @inline(__always)
    public static func ^ (a: U256, b: U256) -> U256 {
        U256(limbs: (a.w.0 ^ b.w.0, a.w.1 ^ b.w.1, a.w.2 ^ b.w.2, a.w.3 ^ b.w.3))
    }

    /// Bitwise NOT.
    @inlinable @inline(__always)
    public static prefix func ~ (a: U256) -> U256 { U256(limbs: (~a.w.0, ~a.w.1, ~a.w.2, ~a.w.3)) }

    /// AND-assign.
    @inlinable public static func &= (a: inout U256, b: U256) { a = a & b }
    /// OR-assign.
    @inlinable public static func |= (a: inout U256, b: U256) { a = a | b }
    /// XOR-assign.
    @inlinable public static func ^= (a: inout U256, b: U256) { a = a ^ b }
}

// MARK: - Bit counts and bytes

extension U256 {
    /// The number of leading zero bits (256 for zero).
    @inlinable
    public var leadingZeroBitCount: Int {
        if w.3 != 0 { return w.3.leadingZeroBitCount }
        if w.2 != 0 { return 64 + w.2.leadingZeroBitCount }
        if w.1 != 0 { return 128 + w.1.leadingZeroBitCount }
        return 192 + w.0.leadingZeroBitCount
    }

    /// The number of trailing zero bits (256 for zero).
    @inlinable
    public var trailingZeroBitCount: Int {
        if w.0 != 0 { return w.0.trailingZeroBitCount }
        if w.1 != 0 { return 64 + w.1.trailingZeroBitCount }
        if w.2 != 0 { return 128 + w.2.trailingZeroBitCount }
        return 192 + w.3.trailingZeroBitCount
    }

    /// The number of significant bits: 256 - leadingZeroBitCount (0 for zero, 256 for max).
    @inlinable
    public var significantBitCount: Int { 256 - leadingZeroBitCount }

    /// The number of one bits.
    @inlinable
    public var nonzeroBitCount: Int {
        w.0.nonzeroBitCount + w.1.nonzeroBitCount + w.2.nonzeroBitCount + w.3.nonzeroBitCount
    }

    /// Whether bit `i` (0 = least significant) is set; false outside 0..<256.
    @inlinable
    public func bit(_ i: Int) -> Bool {
        guard i >= 0 && i < 256 else { return false }
        return (self[limb: i >> 6] >> UInt64(i & 63)) & 1 == 1
    }

    /// Byte `i` counted from the most significant (EVM BYTE: i = 0 is the top byte); 0 when i is outside 0..<32.
    @inlinable
    public func byte(_ i: Int) -> UInt8 {
        guard i >= 0 && i < 32 else { return 0 }
        let fromLow = 31 - i
        return UInt8(truncatingIfNeeded: self[limb: fromLow >> 3] >> UInt64((fromLow & 7) * 8))
    }

    /// EVM BYTE with a word index (Yellow Paper: y = x[i] for i < 32, else 0).
    @inlinable
    public func byte(_ i: U256) -> U256 {
        guard let n = i.uint64, n < 32 else { return .zero }
        return U256(UInt64(byte(Int(n))))
    }
}
