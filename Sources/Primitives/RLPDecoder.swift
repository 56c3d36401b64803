/// Strict RLP decoding: every input that is not the canonical encoding of exactly one item throws a typed error
/// carrying the byte offset (Yellow Paper appendix B; the rules pyrlp's `decode(strict=True)` and geth enforce).
extension RLP {
    /// The deepest list nesting `decode` accepts, so hostile input cannot exhaust the stack.
    public static let maxDepth = 1024

    /// One parsed header: where the payload starts, its length, and whether the item is a list.
    @usableFromInline
    struct Header {
        @usableFromInline var isList: Bool
        @usableFromInline var payloadStart: Int
        @usableFromInline var payloadLength: Int
        @usableFromInline var end: Int { payloadStart + payloadLength }
    }

    /// Parses the header at `pos`, checking every canonical-form rule; `end` is the end of the whole input.
    @usableFromInline
    static func header(_ p: UnsafeRawBufferPointer, at pos: Int, end: Int) throws(RLPError) -> Header {
        guard pos < end else { throw .truncated(offset: pos, needed: 1, available: 0) }
        let b = p[pos]
        if b < 0x80 { return Header(isList: false, payloadStart: pos, payloadLength: 1) }
        let isList = b >= 0xc0
        let short = Int(b & 0x3f)  // 0..<56: short form length; 56...63: long form, 1...8 length bytes
        var length: Int
        var start = pos + 1
        if short < 56 {
            length = short
            // A single byte below 0x80 must be encoded as itself, not as 0x81 b.
            if !isList && length == 1 && start < end && p[start] < 0x80 {
                throw .nonCanonicalSingleByte(offset: pos)
            }
        } else {
            let k = short - 55
            guard end - start >= k else { throw .truncated(offset: start, needed: k, available: end - start) }
            guard p[start] != 0 else { throw .leadingZeroInLength(offset: start) }
            var v: UInt64 = 0
            for i in 0..<k { v = v << 8 | UInt64(p[start + i]) }
            guard v <= UInt64(Int.max) else { throw .lengthOverflow(offset: start) }
            length = Int(v)
            guard length >= 56 else { throw .nonCanonicalLength(offset: pos) }
            start += k
        }
        guard end - start >= length else {
            throw .truncated(offset: start, needed: length, available: end - start)
        }
        return Header(isList: isList, payloadStart: start, payloadLength: length)
    }

    static func item(
        _ p: UnsafeRawBufferPointer, _ h: Header, end: Int, depth: Int, at pos: Int
    ) throws(RLPError) -> RLPItem {
        guard h.isList else {
            return .bytes(Array(UnsafeRawBufferPointer(rebasing: p[h.payloadStart..<h.end])))
        }
        guard depth < maxDepth else { throw .tooDeep(offset: pos, limit: maxDepth) }
        var children: [RLPItem] = []
        var q = h.payloadStart
        let listEnd = h.end
        while q < listEnd {
            let c = try header(p, at: q, end: end)
            guard c.end <= listEnd else { throw .listPayloadMismatch(offset: q, listEnd: listEnd, itemEnd: c.end) }
            children.append(try item(p, c, end: end, depth: depth + 1, at: q))
            q = c.end
        }
        return .list(children)
    }

    /// Decodes the one item at the start of `input` and returns it with the number of bytes it takes; bytes after
    /// it are left for the caller.
    public static func decodePrefix(_ input: UnsafeRawBufferPointer) throws(RLPError) -> (item: RLPItem, length: Int) {
        let h = try header(input, at: 0, end: input.count)
        return (try item(input, h, end: input.count, depth: 0, at: 0), h.end)
    }

    /// Decodes exactly one item spanning all of `input`; non-canonical, truncated or trailing bytes throw.
    public static func decode(_ input: UnsafeRawBufferPointer) throws(RLPError) -> RLPItem {
        let (item, length) = try decodePrefix(input)
        guard length == input.count else { throw .trailingBytes(offset: length, count: input.count - length) }
        return item
    }

    /// Decodes exactly one item spanning all of `input`; non-canonical, truncated or trailing bytes throw.
    public static func decode(_ input: [UInt8]) throws(RLPError) -> RLPItem {
        // Array.withUnsafeBytes is untyped `rethrows`; carry the typed error out in a Result.
        let result = input.withUnsafeBytes { raw in Result { () throws(RLPError) in try decode(raw) } }
        return try result.get()
    }
}
