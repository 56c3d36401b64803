/// Typed reads of decoded items, each enforcing the canonical form its type requires.
extension RLPItem {
    /// The byte string; a list throws `expectedBytes`.
    @inlinable
    public func bytes() throws(RLPError) -> [UInt8] {
        guard case .bytes(let b) = self else { throw .expectedBytes }
        return b
    }

    /// The list's items; a byte string throws `expectedList`.
    @inlinable
    public func list() throws(RLPError) -> [RLPItem] {
        guard case .list(let l) = self else { throw .expectedList }
        return l
    }

    /// The list's items, which must number exactly `count`.
    public func list(count: Int) throws(RLPError) -> [RLPItem] {
        let l = try list()
        guard l.count == count else { throw .wrongCount(expected: count, got: l.count) }
        return l
    }

    /// Checks an integer's bytes: no leading zero (Yellow Paper eq. 181: 0 is the empty string), at most `max`.
    @inlinable
    static func checkInteger(_ b: [UInt8], max: Int) throws(RLPError) {
        guard b.first != 0 else { throw .leadingZeroInInteger }
        guard b.count <= max else { throw .integerTooLarge(max: max, got: b.count) }
    }

    /// The byte string as a 256-bit integer: minimal big-endian, at most 32 bytes.
    public func u256() throws(RLPError) -> U256 {
        let b = try bytes()
        try RLPItem.checkInteger(b, max: 32)
        var limbs: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &limbs) { raw in
            // Little-endian limbs, least significant first: byte j from the end goes to raw[j].
            for (j, v) in b.reversed().enumerated() { raw[j] = v }
        }
        #if _endian(big)
            limbs = (limbs.0.byteSwapped, limbs.1.byteSwapped, limbs.2.byteSwapped, limbs.3.byteSwapped)
        #endif
        return U256(limbs: limbs)
    }

    /// The byte string as a 64-bit integer: minimal big-endian, at most 8 bytes.
    public func uint64() throws(RLPError) -> UInt64 {
        let b = try bytes()
        try RLPItem.checkInteger(b, max: 8)
        return b.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The byte string as an address: 20 bytes, or empty for a contract creation (`nil`).
    public func address() throws(RLPError) -> Address? {
        let b = try bytes()
        if b.isEmpty { return nil }
        guard b.count == 20 else { throw .wrongLength(expected: 20, got: b.count) }
        do { return try Address(bytes: b) } catch { throw .wrongLength(expected: 20, got: b.count) }
    }

    /// The byte string as a 32-byte hash.
    public func hash32() throws(RLPError) -> Hash32 {
        let b = try bytes()
        guard b.count == 32 else { throw .wrongLength(expected: 32, got: b.count) }
        do { return try Hash32(bytes: b) } catch { throw .wrongLength(expected: 32, got: b.count) }
    }
}
