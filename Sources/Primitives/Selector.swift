/// A 4-byte ABI function selector: the first 4 bytes of `keccak256(signature)` (Solidity ABI spec,
/// "Function Selector"), stored inline. `description` is `0x` + 8 lower-case hex digits.
public struct Selector: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 4 bytes as a big-endian integer (`transfer(address,uint256)` is `0xa9059cbb`).
    public let rawValue: UInt32

    /// A selector from its big-endian integer value.
    @inlinable
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The selector of a canonical signature such as `transfer(address,uint256)` (no spaces, no parameter names,
    /// canonical type names such as `uint256`); the text is hashed as given.
    public init(signature: String) {
        // Byte by byte on purpose: Swift 6.3.1 -O miscompiles a UInt32 load from the UInt64-tuple storage of a
        // local copy (the load reads the copy before it is written); debug builds hid it.
        let b = Keccak256.hash(utf8: signature).bytes
        rawValue = UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])
    }

    /// A selector from exactly 4 bytes.
    public init(bytes: some Collection<UInt8>) throws(HexError) {
        guard bytes.count == 4 else { throw .wrongLength(expected: 4, got: bytes.count) }
        rawValue = bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// A selector from 8 hex digits (with or without `0x`).
    public init(hex: some StringProtocol) throws(HexError) {
        try self.init(bytes: Hex.decode(hex, count: 4))
    }

    /// The selector of the first 4 bytes of ABI calldata; shorter input throws.
    public init(calldata: some Collection<UInt8>) throws(HexError) {
        guard calldata.count >= 4 else { throw .wrongLength(expected: 4, got: calldata.count) }
        try self.init(bytes: calldata.prefix(4))
    }

    /// The 4 bytes.
    public var bytes: [UInt8] {
        [UInt8(truncatingIfNeeded: rawValue >> 24), UInt8(truncatingIfNeeded: rawValue >> 16),
         UInt8(truncatingIfNeeded: rawValue >> 8), UInt8(truncatingIfNeeded: rawValue)]
    }

    /// Numeric order of the 4 bytes.
    @inlinable
    public static func < (a: Selector, b: Selector) -> Bool { a.rawValue < b.rawValue }

    /// `0x` + 8 lower-case hex digits.
    public var description: String { Hex.encode(bytes) }
}
