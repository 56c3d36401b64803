/// A 32-byte hash (Keccak-256 output, block hash, transaction hash, storage key).
///
/// Stored inline (no heap); `description` is the `0x`-prefixed lower-case hex.
public struct Hash32: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The bytes in their natural order, as four 8-byte chunks in memory order.
    @usableFromInline var storage: (UInt64, UInt64, UInt64, UInt64)

    /// The all-zero hash.
    public static let zero = Hash32(storage: (0, 0, 0, 0))

    @inlinable
    init(storage: (UInt64, UInt64, UInt64, UInt64)) { self.storage = storage }

    /// A hash from exactly 32 bytes; any other length throws.
    public init(bytes: some Collection<UInt8>) throws(HexError) {
        guard bytes.count == 32 else { throw .wrongLength(expected: 32, got: bytes.count) }
        storage = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &storage) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
    }

    /// A hash from 64 hex digits (with or without `0x`).
    public init(hex: some StringProtocol) throws(HexError) {
        try self.init(bytes: Hex.decode(hex, count: 32))
    }

    /// The 32 bytes.
    public var bytes: [UInt8] {
        var s = storage
        return Swift.withUnsafeBytes(of: &s) { Array($0) }
    }

    /// Calls `body` with the 32 bytes, without copying them to the heap.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        // A temporary buffer written through raw pointers, not `withUnsafeBytes(of: &localCopy)`: Swift 6.3.1 -O
        // drops the copy's stores when the closure reads it with loads of another width (a UInt32 load returned
        // garbage in release builds and broke selectors).
        try withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { buf in
            buf.storeBytes(of: storage.0, toByteOffset: 0, as: UInt64.self)
            buf.storeBytes(of: storage.1, toByteOffset: 8, as: UInt64.self)
            buf.storeBytes(of: storage.2, toByteOffset: 16, as: UInt64.self)
            buf.storeBytes(of: storage.3, toByteOffset: 24, as: UInt64.self)
            return try body(UnsafeRawBufferPointer(buf))
        }
    }

    /// `0x` + 64 lower-case hex digits.
    public var description: String { Hex.encode(bytes) }

    /// Equal when all 32 bytes are equal.
    public static func == (a: Hash32, b: Hash32) -> Bool {
        a.storage.0 == b.storage.0 && a.storage.1 == b.storage.1 && a.storage.2 == b.storage.2
            && a.storage.3 == b.storage.3
    }

    /// Hashes the 32 bytes.
    public func hash(into h: inout Hasher) {
        h.combine(storage.0); h.combine(storage.1); h.combine(storage.2); h.combine(storage.3)
    }

    /// Byte-wise (big-endian) ordering.
    public static func < (a: Hash32, b: Hash32) -> Bool {
        // Each chunk holds 8 bytes in memory order; as big-endian integers they compare like the bytes do.
        let x = (a.storage.0.bigEndian, a.storage.1.bigEndian, a.storage.2.bigEndian, a.storage.3.bigEndian)
        let y = (b.storage.0.bigEndian, b.storage.1.bigEndian, b.storage.2.bigEndian, b.storage.3.bigEndian)
        return x < y
    }
}
