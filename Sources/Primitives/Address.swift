/// Errors from building an `Address` out of text, bytes, a public key or an ABI word.
public enum AddressError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text does not start with `0x`.
    case missingPrefix
    /// The text holds `got` hex digits (after `0x`) or bytes instead of `expected`.
    case wrongLength(expected: Int, got: Int)
    /// A character that is not a hex digit, at this offset of the text (counting the `0x`).
    case invalidCharacter(offset: Int, character: Character)
    /// Mixed-case text whose letter case does not match its EIP-55 checksum.
    case badChecksum(got: String, expected: String)
    /// A public key that is not 64 bytes, or 65 bytes starting with `0x04`.
    case badPublicKey(length: Int, firstByte: UInt8?)
    /// A 32-byte ABI word whose upper 12 bytes are not zero; `offset` is the first non-zero byte.
    case dirtyABIWord(offset: Int)

    /// A lower-case one-line description with the evidence.
    public var description: String {
        switch self {
        case .missingPrefix:
            return "address must start with 0x"
        case .wrongLength(let expected, let got):
            return "address must have \(expected) hex digits or bytes, got \(got)"
        case .invalidCharacter(let offset, let character):
            return "invalid hex character '\(character)' in address at offset \(offset)"
        case .badChecksum(let got, let expected):
            return "address checksum mismatch (EIP-55): got \(got), expected \(expected)"
        case .badPublicKey(let length, let firstByte):
            let first = firstByte.map { ", first byte 0x" + Hex.encode([$0], prefix: false) } ?? ""
            return "public key must be 64 bytes or 65 bytes starting with 0x04, got \(length) bytes\(first)"
        case .dirtyABIWord(let offset):
            return "abi address word has a non-zero byte at offset \(offset) (upper 12 bytes must be zero)"
        }
    }
}

/// A 20-byte Ethereum account address, stored inline (no heap).
///
/// `description` is the EIP-55 mixed-case checksum form; ordering is byte-wise (numeric), as Uniswap sorts tokens.
public struct Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Bytes 0..<8 as a big-endian integer.
    @usableFromInline let hi: UInt64
    /// Bytes 8..<16 as a big-endian integer.
    @usableFromInline let mid: UInt64
    /// Bytes 16..<20 as a big-endian integer.
    @usableFromInline let lo: UInt32

    /// The byte length of an address.
    public static let byteCount = 20

    /// The zero address `0x0000…0000`.
    public static let zero = Address(hi: 0, mid: 0, lo: 0)

    @inlinable
    init(hi: UInt64, mid: UInt64, lo: UInt32) {
        self.hi = hi
        self.mid = mid
        self.lo = lo
    }

    /// An address from exactly 20 bytes; any other length throws.
    @inlinable
    public init(bytes: some Collection<UInt8>) throws(AddressError) {
        guard bytes.count == 20 else { throw .wrongLength(expected: 20, got: bytes.count) }
        var h: UInt64 = 0, m: UInt64 = 0, l: UInt32 = 0
        var i = 0
        for b in bytes {
            if i < 8 {
                h = h << 8 | UInt64(b)
            } else if i < 16 {
                m = m << 8 | UInt64(b)
            } else {
                l = l << 8 | UInt32(b)
            }
            i += 1
        }
        self.init(hi: h, mid: m, lo: l)
    }

    /// An address from the last 20 of 32 bytes at `offset` of `buffer` (a Keccak digest or an ABI word).
    @inlinable
    init(last20Of buffer: UnsafeRawBufferPointer, at offset: Int = 0) {
        let h = UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt64.self))
        let m = UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: offset + 20, as: UInt64.self))
        let l = UInt32(bigEndian: buffer.loadUnaligned(fromByteOffset: offset + 28, as: UInt32.self))
        self.init(hi: h, mid: m, lo: l)
    }

    /// The address in the last 20 bytes of a 32-byte hash (`keccak256(…)[12:]`).
    @inlinable
    public init(hashSuffix hash: Hash32) {
        self = hash.withUnsafeBytes { Address(last20Of: $0) }
    }

    /// Calls `body` with the 20 bytes, without copying them to the heap.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        // Stored through raw pointers into a temporary buffer: Swift 6.3.1 -O can drop the stores to a local
        // tuple copy when the closure reads it with wider or narrower loads (see Hash32.withUnsafeBytes).
        try withUnsafeTemporaryAllocation(byteCount: 20, alignment: 8) { buf in
            buf.storeBytes(of: hi.bigEndian, toByteOffset: 0, as: UInt64.self)
            buf.storeBytes(of: mid.bigEndian, toByteOffset: 8, as: UInt64.self)
            buf.storeBytes(of: lo.bigEndian, toByteOffset: 16, as: UInt32.self)
            return try body(UnsafeRawBufferPointer(buf))
        }
    }

    /// The 20 bytes.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Whether this is the zero address.
    @inlinable
    public var isZero: Bool { hi == 0 && mid == 0 && lo == 0 }

    /// Byte-wise (numeric) order.
    @inlinable
    public static func < (a: Address, b: Address) -> Bool {
        if a.hi != b.hi { return a.hi < b.hi }
        if a.mid != b.mid { return a.mid < b.mid }
        return a.lo < b.lo
    }

    /// The EIP-55 checksummed `0x` form.
    public var description: String { checksummed }

    /// The `0x`-prefixed lower-case hex form.
    public var lowercaseHex: String { Hex.encode(bytes) }
}
