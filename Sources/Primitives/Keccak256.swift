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

    /// Calls `body` with the 25 lanes of the state as a typed pointer (the tuple is homogeneous, so rebinding
    /// its memory to `UInt64` is well defined).
    @inline(__always)
    mutating func withLanes<R>(_ body: (UnsafeMutablePointer<UInt64>) -> R) -> R {
        withUnsafeMutablePointer(to: &state) { $0.withMemoryRebound(to: UInt64.self, capacity: 25, body) }
    }

    /// XORs `n` bytes from `src` into the state at byte `off` (a partial block), a lane at a time when aligned.
    @inline(__always)
    static func xorBytes(_ lanes: UnsafeMutablePointer<UInt64>, at off: Int, _ src: UnsafeRawPointer, _ n: Int) {
        let bytes = UnsafeMutableRawPointer(lanes)
        var i = 0
        if off & 7 == 0 {
            while i + 8 <= n {
                lanes[(off + i) >> 3] ^= UInt64(littleEndian: src.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
        }
        while i < n {
            let b = bytes.load(fromByteOffset: off + i, as: UInt8.self) ^ src.load(fromByteOffset: i, as: UInt8.self)
            bytes.storeBytes(of: b, toByteOffset: off + i, as: UInt8.self)
            i += 1
        }
    }

    /// Absorbs `data`.
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        guard var src = data.baseAddress else { return }
        var remaining = data.count
        let rate = Keccak256.rate
        var off = offset
        withLanes { lanes in
            // Finish a partial block first.
            if off != 0 {
                let n = min(remaining, rate - off)
                Keccak256.xorBytes(lanes, at: off, src, n)
                off += n
                remaining -= n
                src += n
                if off == rate {
                    KeccakF1600.permute(lanes)
                    off = 0
                }
            }
            // Whole blocks, with the state held in registers across them.
            let blocks = remaining / rate
            if blocks > 0 {
                KeccakF1600.absorb(lanes, src, blocks: blocks)
                src += blocks * rate
                remaining -= blocks * rate
            }
            if remaining > 0 {
                Keccak256.xorBytes(lanes, at: off, src, remaining)
                off += remaining
            }
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
        return withLanes { lanes -> Hash32 in
            // Keccak pad10*1 with the original domain byte 0x01 (not FIPS 202's 0x06); both may share one byte.
            let bytes = UnsafeMutableRawPointer(lanes)
            bytes.storeBytes(of: bytes.load(fromByteOffset: off, as: UInt8.self) ^ 0x01, toByteOffset: off, as: UInt8.self)
            let last = Keccak256.rate - 1
            bytes.storeBytes(of: bytes.load(fromByteOffset: last, as: UInt8.self) ^ 0x80, toByteOffset: last, as: UInt8.self)
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
