/// EIP-55 mixed-case checksum encoding and strict parsing of addresses (ethereum/ERCs `ERCS/erc-55.md`).
extension Address {
    /// The 40 lower-case ASCII hex digits, without `0x`, in an inline buffer.
    @usableFromInline
    func withLowercaseHexDigits<R>(_ body: (UnsafeMutableRawBufferPointer) -> R) -> R {
        var digits: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        return withUnsafeBytes { raw in
            Swift.withUnsafeMutableBytes(of: &digits) { out in
                for i in 0..<20 {
                    let b = raw[i]
                    out[2 * i] = Address.hexDigit(b >> 4)
                    out[2 * i + 1] = Address.hexDigit(b & 0x0f)
                }
                return body(out)
            }
        }
    }

    @inlinable @inline(__always)
    static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 &+ v : 0x61 &+ (v &- 10) }

    /// The EIP-55 checksummed form, `0x` followed by 40 hex digits whose letters carry the checksum.
    public var checksummed: String {
        withLowercaseHexDigits { digits in
            // EIP-55: hash the ASCII of the lower-case hex; letter i is upper-cased iff nibble i of the hash >= 8.
            let hash = Keccak256.hash(UnsafeRawBufferPointer(digits))
            hash.withUnsafeBytes { h in
                for i in 0..<40 where digits[i] >= 0x61 {
                    let nibble = i & 1 == 0 ? h[i >> 1] >> 4 : h[i >> 1] & 0x0f
                    if nibble >= 8 { digits[i] &-= 0x20 }
                }
            }
            return String(unsafeUninitializedCapacity: 42) { (out: UnsafeMutableBufferPointer<UInt8>) -> Int in
                out[0] = 0x30
                out[1] = 0x78
                for i in 0..<40 { out[2 + i] = digits[i] }
                return 42
            }
        }
    }

    /// Parses `0x` + 40 hex digits. All-lower and all-upper digits are accepted as unchecksummed; mixed case must
    /// match the EIP-55 checksum, else `AddressError.badChecksum`.
    public init(parsing text: some StringProtocol) throws(AddressError) {
        let utf8 = Substring(text).utf8
        var it = utf8.makeIterator()
        guard it.next() == 0x30, it.next() == 0x78 else { throw .missingPrefix }
        let count = utf8.count - 2
        guard count == 40 else { throw .wrongLength(expected: 40, got: count) }
        var raw = [UInt8](repeating: 0, count: 20)
        var hasLower = false, hasUpper = false
        var offset = 2
        while let c = it.next() {
            guard let v = Hex.nibble(c) else {
                throw .invalidCharacter(offset: offset, character: Character(Unicode.Scalar(c)))
            }
            if c >= 0x61 { hasLower = true } else if c >= 0x41 { hasUpper = true }
            let i = offset - 2
            raw[i >> 1] |= i & 1 == 0 ? v << 4 : v
            offset += 1
        }
        try self.init(bytes: raw)
        if hasLower && hasUpper {
            let expected = checksummed
            guard expected.utf8.elementsEqual(utf8) else { throw .badChecksum(got: String(text), expected: expected) }
        }
    }

    /// Whether `text` is `0x` + 40 hex digits in exactly the EIP-55 checksummed case (as eth-utils
    /// `is_checksum_address`: single-case text counts only when the checksum itself is single-case).
    public static func isChecksummed(_ text: some StringProtocol) -> Bool {
        guard let a = try? Address(parsing: text) else { return false }
        return a.checksummed.utf8.elementsEqual(Substring(text).utf8)
    }
}
