/// Errors from parsing or converting integers.
public enum IntegerParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is empty (or only a sign or prefix).
    case empty
    /// A character that is not a digit of the base, at this offset.
    case invalidDigit(offset: Int, character: Character)
    /// The value does not fit the type.
    case overflow(String)
    /// More than 32 bytes were given.
    case tooManyBytes(Int)

    public var description: String {
        switch self {
        case .empty: return "empty integer"
        case .invalidDigit(let offset, let c): return "invalid digit '\(c)' at offset \(offset)"
        case .overflow(let text): return "integer out of range: \(text)"
        case .tooManyBytes(let n): return "integer has \(n) bytes, at most 32 fit"
        }
    }
}

extension U256 {
    /// A value from up to 32 big-endian bytes (shorter input is left-padded with zeros).
    public init(bigEndian bytes: some Collection<UInt8>) throws(IntegerParseError) {
        guard bytes.count <= 32 else { throw .tooManyBytes(bytes.count) }
        var v = U256.zero
        var shift = 0
        for b in bytes.reversed() {
            v[limb: shift >> 6] |= UInt64(b) << UInt64(shift & 63)
            shift += 8
        }
        self = v
    }

    /// A value from exactly 32 big-endian bytes at `offset` of `buffer` (no bounds beyond a precondition).
    @inlinable
    public init(bigEndianWordAt offset: Int, of buffer: UnsafeRawBufferPointer) {
        precondition(offset >= 0 && offset + 32 <= buffer.count)
        let l3 = UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        let l2 = UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        let l1 = UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
        let l0 = UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
        self.init(limbs: (l0, l1, l2, l3))
    }

    /// The 32-byte big-endian encoding.
    public var bigEndianBytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        for i in 0..<4 {
            let limb = self[limb: 3 - i]
            for j in 0..<8 { out[i * 8 + j] = UInt8(truncatingIfNeeded: limb >> UInt64(56 - 8 * j)) }
        }
        return out
    }

    /// The big-endian encoding without leading zero bytes (empty for zero), as RLP wants integers.
    public var minimalBigEndianBytes: [UInt8] {
        let b = bigEndianBytes
        guard let first = b.firstIndex(where: { $0 != 0 }) else { return [] }
        return Array(b[first...])
    }

    /// Parses decimal digits, or hex digits after `0x`; `_` separators are not accepted. Throws on overflow.
    public init(parsing text: some StringProtocol) throws(IntegerParseError) {
        let s = Substring(text)
        if s.hasPrefix("0x") || s.hasPrefix("0X") {
            try self.init(hexDigits: s.dropFirst(2), original: String(s))
        } else {
            try self.init(decimalDigits: s)
        }
    }

    /// Parses base-10 digits.
    public init(decimalDigits s: some StringProtocol) throws(IntegerParseError) {
        guard !s.isEmpty else { throw .empty }
        var v = U256.zero
        for (offset, c) in s.utf8.enumerated() {
            guard c >= 0x30 && c <= 0x39 else {
                throw .invalidDigit(offset: offset, character: Character(Unicode.Scalar(c)))
            }
            let (r, carry) = v.multipliedAdding(10, UInt64(c - 0x30))
            guard carry == 0 else { throw .overflow(String(s)) }
            v = r
        }
        self = v
    }

    /// Parses base-16 digits (no prefix).
    public init(hexDigits s: some StringProtocol, original: String? = nil) throws(IntegerParseError) {
        guard !s.isEmpty else { throw .empty }
        var v = U256.zero
        for (offset, c) in s.utf8.enumerated() {
            guard let d = Hex.nibble(c) else {
                throw .invalidDigit(offset: offset, character: Character(Unicode.Scalar(c)))
            }
            guard v.w.3 >> 60 == 0 else { throw .overflow(original ?? String(s)) }
            v = U256(limbs: (
                (v.w.0 << 4) | UInt64(d), (v.w.1 << 4) | (v.w.0 >> 60), (v.w.2 << 4) | (v.w.1 >> 60),
                (v.w.3 << 4) | (v.w.2 >> 60)))
        }
        self = v
    }

    /// The decimal digits.
    public var decimalString: String {
        if isZero { return "0" }
        var digits = [UInt8]()
        digits.reserveCapacity(78)
        var v = self
        // Peel 19 decimal digits at a time.
        let chunk: UInt64 = 10_000_000_000_000_000_000
        while !v.isZero {
            let (q, r) = v.quotientAndRemainder(dividingBy: chunk)
            var rr = r
            for _ in 0..<19 {
                digits.append(UInt8(rr % 10) + 0x30)
                rr /= 10
                if q.isZero && rr == 0 { break }
            }
            v = q
        }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    /// `0x`-prefixed minimal lower-case hex (JSON-RPC QUANTITY form: `0x0` for zero).
    public var hexString: String {
        if isZero { return "0x0" }
        var s = Hex.encode(minimalBigEndianBytes, prefix: false)
        if s.hasPrefix("0") { s.removeFirst() }
        return "0x" + s
    }
}

extension U256: CustomStringConvertible, CustomDebugStringConvertible {
    /// Decimal digits.
    public var description: String { decimalString }
    public var debugDescription: String { "U256(\(decimalString))" }
}

extension U256: ExpressibleByIntegerLiteral {
    @inlinable
    public init(integerLiteral value: UInt64) { self.init(value) }
}
