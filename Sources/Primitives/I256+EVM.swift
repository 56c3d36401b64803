// The EVM's signed word operations, defined on the raw 256-bit words the stack holds (Yellow Paper, Appendix H:
// SDIV, SMOD, SIGNEXTEND; EIP-145: SAR). Unlike Swift's operators they never trap.

extension I256 {
    /// EVM SDIV: truncating division, 0 when the divisor is 0, and min / -1 = min.
    @inlinable
    public func sdiv(_ rhs: I256) -> I256 {
        if rhs.isZero { return .zero }
        return dividedReportingOverflow(by: rhs).partialValue
    }

    /// EVM SMOD: remainder with the sign of the dividend, 0 when the divisor is 0 (min smod -1 = 0).
    @inlinable
    public func smod(_ rhs: I256) -> I256 {
        if rhs.isZero { return .zero }
        return remainderReportingOverflow(dividingBy: rhs).partialValue
    }

    /// EVM SAR: arithmetic shift right, rounding toward minus infinity; a shift >= 256 gives 0 or -1 by sign.
    @inlinable
    public func sar(_ shift: U256) -> I256 {
        guard let n = shift.uint64, n < 256 else { return isNegative ? .minusOne : .zero }
        let s = Int(n)
        let logical = bits >> s
        return I256(bits: isNegative ? logical | ~(U256.max >> s) : logical)
    }

    /// Arithmetic shift right by `s` bits (s >= 256 gives 0 or -1 by sign; negative s shifts left, wrapping).
    @inlinable
    public static func >> (a: I256, s: Int) -> I256 {
        if s < 0 { return I256(bits: a.bits << -s) }
        return a.sar(U256(UInt64(s)))
    }

    /// Left shift by `s` bits, wrapping modulo 2^256 (s >= 256 gives 0).
    @inlinable
    public static func << (a: I256, s: Int) -> I256 {
        if s < 0 { return a >> -s }
        return I256(bits: a.bits << s)
    }
}

extension U256 {
    /// EVM SDIV on raw words.
    @inlinable
    public static func sdiv(_ a: U256, _ b: U256) -> U256 { I256(bits: a).sdiv(I256(bits: b)).bits }

    /// EVM SMOD on raw words.
    @inlinable
    public static func smod(_ a: U256, _ b: U256) -> U256 { I256(bits: a).smod(I256(bits: b)).bits }

    /// EVM SAR on raw words: `value` shifted right arithmetically by `shift`.
    @inlinable
    public static func sar(_ shift: U256, _ value: U256) -> U256 { I256(bits: value).sar(shift).bits }

    /// EVM SIGNEXTEND(b, x): extend the sign bit 8b+7 of x upward; x unchanged when b >= 31.
    @inlinable
    public static func signExtend(_ byteIndex: U256, _ value: U256) -> U256 {
        guard let b = byteIndex.uint64, b < 31 else { return value }
        let t = Int(b) * 8 + 7
        let mask = (U256.one << (t + 1)) &- .one
        return value.bit(t) ? value | ~mask : value & mask
    }

    /// The word read as a signed int256.
    @inlinable
    public var signed: I256 { I256(bits: self) }
}
