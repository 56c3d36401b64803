/// Keccak-256 as Ethereum uses it: Keccak[r=1088, c=512] with the original `0x01` padding (not FIPS SHA3-256,
/// whose domain byte is `0x06`). Streaming (`update` / `finalize`) and one-shot (`Keccak256.hash`).
///
/// The sponge state is an inline tuple of 25 lanes; input bytes are XORed straight into it, so hashing allocates
/// nothing. Lane bytes are little-endian (FIPS 202 section 3.1.2), which is the host order on every supported CPU.
public struct Keccak256: Sendable {
    /// Rate in bytes: 1600 - 2 * 256 bits.
    public static let rate = 136

    @usableFromInline var state: (
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64
    ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    /// Bytes absorbed into the current block.
    @usableFromInline var offset = 0

    /// A fresh hasher.
    public init() {
        #if _endian(big)
            fatalError("Keccak256 assumes a little-endian host")
        #endif
    }

    /// Absorbs `data`.
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        guard var src = data.baseAddress else { return }
        var remaining = data.count
        let rate = Keccak256.rate
        var off = offset
        Swift.withUnsafeMutableBytes(of: &state) { raw in
            let bytes = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let lanes = raw.baseAddress!.assumingMemoryBound(to: UInt64.self)
            // Finish a partial block byte by byte.
            if off != 0 {
                let n = min(remaining, rate - off)
                for i in 0..<n { bytes[off + i] ^= src.load(fromByteOffset: i, as: UInt8.self) }
                off += n; remaining -= n; src += n
                if off == rate { KeccakF1600.permute(lanes); off = 0 }
            }
            // Whole blocks, 17 lanes at a time.
            while remaining >= rate {
                for i in 0..<17 { lanes[i] ^= src.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self) }
                KeccakF1600.permute(lanes)
                remaining -= rate; src += rate
            }
            for i in 0..<remaining { bytes[off + i] ^= src.load(fromByteOffset: i, as: UInt8.self) }
            off += remaining
        }
        offset = off
    }

    /// Absorbs `bytes`.
    @inlinable
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil { let a = Array(bytes); a.withUnsafeBytes { update($0) } }
    }

    /// Pads, squeezes and returns the 32-byte digest; the hasher is consumed.
    public consuming func finalize() -> Hash32 {
        let off = offset
        return Swift.withUnsafeMutableBytes(of: &state) { raw -> Hash32 in
            let bytes = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            bytes[off] ^= 0x01
            bytes[Keccak256.rate - 1] ^= 0x80
            let lanes = raw.baseAddress!.assumingMemoryBound(to: UInt64.self)
            KeccakF1600.permute(lanes)
            return Hash32(storage: (lanes[0], lanes[1], lanes[2], lanes[3]))
        }
    }

    /// Keccak-256 of `data` in one call.
    public static func hash(_ data: UnsafeRawBufferPointer) -> Hash32 {
        var h = Keccak256()
        h.update(data)
        return h.finalize()
    }

    /// Keccak-256 of `bytes` in one call.
    @inlinable
    public static func hash(_ bytes: some Sequence<UInt8>) -> Hash32 {
        var h = Keccak256()
        h.update(bytes)
        return h.finalize()
    }

    /// Keccak-256 of the UTF-8 bytes of `text`.
    public static func hash(utf8 text: String) -> Hash32 {
        var t = text
        return t.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }
}
