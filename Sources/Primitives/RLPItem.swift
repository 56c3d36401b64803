/// A Recursive Length Prefix value (Yellow Paper appendix B): a byte string or a list of items.
public enum RLPItem: Hashable, Sendable {
    /// A byte string.
    case bytes([UInt8])
    /// A list of items.
    case list([RLPItem])

    /// The empty byte string (`0x80`), which is also the integer 0 and the `to` of a contract creation.
    public static let empty = RLPItem.bytes([])

    /// An unsigned integer as its minimal big-endian bytes; 0 is the empty string (Yellow Paper eq. 181).
    @inlinable
    public static func uint(_ v: UInt64) -> RLPItem {
        let n = (64 - v.leadingZeroBitCount + 7) / 8
        var out = [UInt8](repeating: 0, count: n)
        for i in 0..<n { out[i] = UInt8(truncatingIfNeeded: v >> (8 * (n - 1 - i))) }
        return .bytes(out)
    }

    /// A 256-bit unsigned integer as its minimal big-endian bytes; 0 is the empty string.
    @_disfavoredOverload
    public static func uint(_ v: U256) -> RLPItem { .bytes(v.minimalBigEndianBytes) }

    /// An address as its 20 bytes.
    public static func address(_ a: Address) -> RLPItem { .bytes(a.bytes) }

    /// An optional address: nil (contract creation) is the empty string (Yellow Paper section 4.3, `T_t`).
    public static func address(_ a: Address?) -> RLPItem {
        guard let a else { return .empty }
        return .bytes(a.bytes)
    }

    /// A 32-byte hash as its bytes.
    public static func hash32(_ h: Hash32) -> RLPItem { .bytes(h.bytes) }

    /// The item's RLP encoding.
    public var encoded: [UInt8] { RLP.encode(self) }
}

/// RLP encoding and strict decoding (Yellow Paper appendix B; ethereum.org "Recursive-length prefix").
public enum RLP {
    /// The header length for a payload of `n` bytes (1, or 1 + the big-endian byte length of `n` when n >= 56).
    @inlinable @inline(__always)
    static func headerLength(_ n: Int) -> Int {
        n < 56 ? 1 : 1 + (Int.bitWidth - n.leadingZeroBitCount + 7) / 8
    }

    /// The encoded length of a byte string.
    @inlinable @inline(__always)
    static func encodedLength(bytes b: [UInt8]) -> Int {
        if b.count == 1 && b[0] < 0x80 { return 1 }
        return headerLength(b.count) + b.count
    }

    /// The encoded size of `item`, recording each list's payload length in pre-order so the writer need not
    /// measure again.
    static func measure(_ item: RLPItem, _ lists: inout [Int]) -> Int {
        switch item {
        case .bytes(let b):
            return encodedLength(bytes: b)
        case .list(let children):
            let slot = lists.count
            lists.append(0)
            var payload = 0
            for c in children { payload += measure(c, &lists) }
            lists[slot] = payload
            return headerLength(payload) + payload
        }
    }

    /// Writes a header for a payload of `n` bytes; `short` is 0x80 for strings and 0xc0 for lists.
    @inline(__always)
    static func writeHeader(_ n: Int, short: UInt8, _ out: UnsafeMutablePointer<UInt8>, _ pos: inout Int) {
        if n < 56 {
            out[pos] = short &+ UInt8(truncatingIfNeeded: n)
            pos += 1
            return
        }
        let k = (Int.bitWidth - n.leadingZeroBitCount + 7) / 8
        out[pos] = short &+ 55 &+ UInt8(truncatingIfNeeded: k)
        for i in 0..<k { out[pos + 1 + i] = UInt8(truncatingIfNeeded: n >> (8 * (k - 1 - i))) }
        pos += 1 + k
    }

    static func write(
        _ item: RLPItem, _ out: UnsafeMutablePointer<UInt8>, _ pos: inout Int, _ lists: [Int], _ li: inout Int
    ) {
        switch item {
        case .bytes(let b):
            if b.count == 1 && b[0] < 0x80 {
                out[pos] = b[0]
                pos += 1
                return
            }
            writeHeader(b.count, short: 0x80, out, &pos)
            b.withUnsafeBufferPointer { src in
                if let base = src.baseAddress { (out + pos).update(from: base, count: src.count) }
            }
            pos += b.count
        case .list(let children):
            writeHeader(lists[li], short: 0xc0, out, &pos)
            li += 1
            for c in children { write(c, out, &pos, lists, &li) }
        }
    }

    /// The RLP encoding of `item`, written into one exactly sized array.
    public static func encode(_ item: RLPItem) -> [UInt8] {
        var lists: [Int] = []
        if case .list = item { lists.reserveCapacity(8) }
        let total = measure(item, &lists)
        return [UInt8](unsafeUninitializedCapacity: total) { buf, count in
            guard let base = buf.baseAddress else {
                count = 0
                return
            }
            var pos = 0, li = 0
            write(item, base, &pos, lists, &li)
            count = pos
        }
    }

    /// The RLP encoding of a byte string.
    public static func encode(bytes: [UInt8]) -> [UInt8] { encode(.bytes(bytes)) }

    /// The RLP encoding of an unsigned integer (minimal big-endian; 0 is `0x80`).
    public static func encode(_ v: UInt64) -> [UInt8] { encode(.uint(v)) }

    /// The RLP encoding of a 256-bit unsigned integer (minimal big-endian; 0 is `0x80`).
    public static func encode(_ v: U256) -> [UInt8] { encode(.uint(v)) }

    /// The RLP encoding of an address (`0x94` ‖ 20 bytes).
    public static func encode(_ a: Address) -> [UInt8] { encode(.address(a)) }
}
