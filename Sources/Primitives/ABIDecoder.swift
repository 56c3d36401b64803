/// Errors from strict ABI decoding; offsets are byte positions in the decoded data (after any selector).
public enum ABIDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer bytes than a read needs.
    case truncated(offset: Int, needed: Int, available: Int)
    /// A uintN word with high bits set, or an intN word that is not a sign extension.
    case outOfRange(offset: Int, type: String, word: String)
    /// Non-zero padding: address high bytes, bytesN low bytes, bytes/string tail padding.
    case dirtyPadding(offset: Int, type: String)
    /// A bool word that is not 0 or 1.
    case invalidBool(offset: Int, word: String)
    /// A tail offset pointing outside the data.
    case offsetOutOfBounds(offset: Int, value: String, size: Int)
    /// A tail offset pointing back into its tuple's head.
    case offsetIntoHead(offset: Int, value: Int, headSize: Int)
    /// A length larger than the remaining data can hold.
    case lengthOutOfBounds(offset: Int, length: String, available: Int)
    /// A string whose bytes are not valid UTF-8.
    case invalidUTF8(offset: Int)
    /// Decoding would do far more work than the data size justifies (offsets reused to amplify).
    case limitExceeded(size: Int)
    /// The type itself violates the spec's size rules.
    case invalidType(ABIParseError)
    /// Calldata or revert data whose selector is not the expected one.
    case selectorMismatch(expected: String, got: String)
    /// An event log with the wrong number of topics.
    case topicCount(expected: Int, got: Int)
    /// An event log whose topic0 is not the event's.
    case topicMismatch(expected: String, got: String)

    public var description: String {
        switch self {
        case .truncated(let o, let n, let a): return "data truncated: need \(n) bytes at offset \(o), have \(a)"
        case .outOfRange(let o, let t, let w): return "value \(w) at offset \(o) is out of range for \(t)"
        case .dirtyPadding(let o, let t): return "non-zero padding in \(t) at offset \(o)"
        case .invalidBool(let o, let w): return "bool at offset \(o) is \(w), expected 0 or 1"
        case .offsetOutOfBounds(let o, let v, let s): return "offset \(v) at offset \(o) points outside \(s) bytes"
        case .offsetIntoHead(let o, let v, let h):
            return "offset \(v) at offset \(o) points into the head (head size \(h))"
        case .lengthOutOfBounds(let o, let l, let a):
            return "length \(l) at offset \(o) exceeds the \(a) bytes that follow"
        case .invalidUTF8(let o): return "string at offset \(o) is not valid utf-8"
        case .limitExceeded(let s): return "decoding \(s) bytes exceeds the work limit (reused offsets?)"
        case .invalidType(let e): return "invalid type: \(e)"
        case .selectorMismatch(let e, let g): return "selector \(g) does not match expected \(e)"
        case .topicCount(let e, let g): return "log has \(g) topics, expected \(e)"
        case .topicMismatch(let e, let g): return "topic0 \(g) does not match expected \(e)"
        }
    }
}

extension ABI {
    /// Strictly decodes `data` as the tuple `(types...)`: every read is bound-checked, padding must be zero,
    /// offsets must point past the head and inside the data, lengths must fit (spec, "Formal Specification").
    public static func decode(types: [ABIType], data: some Collection<UInt8>) throws(ABIDecodingError) -> [ABIValue] {
        for t in types {
            do { try t.validate() } catch { throw .invalidType(error) }
        }
        var r = ABIReader(data: Array(data))
        return try r.tuple(types, base: 0)
    }

    /// Strictly decodes one value of `type`.
    public static func decode(_ type: ABIType, data: some Collection<UInt8>) throws(ABIDecodingError) -> ABIValue {
        let vs = try decode(types: [type], data: data)
        return vs[0]
    }
}

/// The strict decoder; `budget` bounds total work so reused offsets cannot amplify a small input.
struct ABIReader {
    let data: [UInt8]
    var budget: Int

    init(data: [UInt8]) {
        self.data = data
        budget = 8 * data.count + 4096
    }

    mutating func spend(_ n: Int) throws(ABIDecodingError) {
        budget -= n
        guard budget >= 0 else { throw .limitExceeded(size: data.count) }
    }

    func word(at p: Int) throws(ABIDecodingError) -> ArraySlice<UInt8> {
        guard p >= 0, p <= data.count - 32 else {
            throw .truncated(offset: p, needed: 32, available: max(0, data.count - p))
        }
        return data[p..<(p + 32)]
    }

    /// A word read as a count or offset; nil when it exceeds the data size (so cannot be valid).
    func size(at p: Int) throws(ABIDecodingError) -> (Int?, String) {
        let w = try word(at: p)
        let hi = w.prefix(24)
        if hi.allSatisfy({ $0 == 0 }) {
            var v: UInt64 = 0
            for b in w.suffix(8) { v = v << 8 | UInt64(b) }
            if v <= UInt64(data.count) { return (Int(v), String(v)) }
        }
        // Evidence for the error message: the word as an integer.
        let u = (try? U256(bigEndian: w)) ?? .zero
        return (nil, u.decimalString)
    }

    /// Decodes the components of a tuple whose encoding starts at `base`.
    mutating func tuple(_ types: [ABIType], base: Int) throws(ABIDecodingError) -> [ABIValue] {
        let headSize = types.reduce(0) { $0 + $1.headSize }
        guard base <= data.count - headSize else {
            throw .truncated(offset: base, needed: headSize, available: max(0, data.count - base))
        }
        var out: [ABIValue] = []
        out.reserveCapacity(types.count)
        var pos = base
        for t in types {
            if t.isDynamic {
                let (off, text) = try size(at: pos)
                guard let o = off, base + o <= data.count else {
                    throw .offsetOutOfBounds(offset: pos, value: text, size: data.count)
                }
                guard o >= headSize else { throw .offsetIntoHead(offset: pos, value: o, headSize: headSize) }
                out.append(try value(t, at: base + o))
            } else {
                out.append(try value(t, at: pos))
            }
            pos += t.headSize
        }
        return out
    }

    mutating func value(_ type: ABIType, at p: Int) throws(ABIDecodingError) -> ABIValue {
        try spend(32)
        switch type {
        case .uint(let n):
            let w = try word(at: p)
            guard w.prefix(32 - n / 8).allSatisfy({ $0 == 0 }) else {
                throw .outOfRange(offset: p, type: "\(type)", word: Hex.encode(w))
            }
            return .uint(ABIReader.u256(w))
        case .int(let n):
            let w = try word(at: p)
            // intN: the high 256-N bits must equal the sign bit (spec: "sign-extended").
            guard ABIValue.signExtended(word: w, bits: n) else {
                throw .outOfRange(offset: p, type: "\(type)", word: Hex.encode(w))
            }
            return .int(ABIReader.u256(w))
        case .address:
            let w = try word(at: p)
            guard w.prefix(12).allSatisfy({ $0 == 0 }) else { throw .dirtyPadding(offset: p, type: "address") }
            return .address(Array(w.suffix(20)))
        case .bool:
            let w = try word(at: p)
            guard w.prefix(31).allSatisfy({ $0 == 0 }), let last = w.last, last <= 1 else {
                throw .invalidBool(offset: p, word: Hex.encode(w))
            }
            return .bool(last == 1)
        case .fixedBytes(let n):
            let w = try word(at: p)
            guard w.dropFirst(n).allSatisfy({ $0 == 0 }) else { throw .dirtyPadding(offset: p, type: "\(type)") }
            return .fixedBytes(Array(w.prefix(n)))
        case .bytes:
            return .bytes(try rawBytes(at: p, type: "bytes"))
        case .string:
            let b = try rawBytes(at: p, type: "string")
            let s = String(decoding: b, as: UTF8.self)
            guard s.utf8.elementsEqual(b) else { throw .invalidUTF8(offset: p) }
            return .string(s)
        case .array(let t):
            let (len, text) = try size(at: p)
            let available = data.count - p - 32
            guard let n = len, n * t.headSize <= available else {
                throw .lengthOutOfBounds(offset: p, length: text, available: available)
            }
            try spend(n * 32)
            return .array(try tuple(Array(repeating: t, count: n), base: p + 32))
        case .fixedArray(let t, let n):
            return .array(try tuple(Array(repeating: t, count: n), base: p))
        case .tuple(let ts, _):
            return .tuple(try tuple(ts, base: p))
        }
    }

    /// bytes/string: a length word, then the bytes right-padded with zeros to a multiple of 32.
    mutating func rawBytes(at p: Int, type: String) throws(ABIDecodingError) -> [UInt8] {
        let (len, text) = try size(at: p)
        let available = data.count - p - 32
        guard let n = len, n <= available else {
            throw .lengthOutOfBounds(offset: p, length: text, available: available)
        }
        let padded = (n + 31) / 32 * 32
        guard padded <= available else {
            throw .truncated(offset: p + 32, needed: padded, available: available)
        }
        try spend(n)
        let start = p + 32
        guard data[(start + n)..<(start + padded)].allSatisfy({ $0 == 0 }) else {
            throw .dirtyPadding(offset: start + n, type: type)
        }
        return Array(data[start..<(start + n)])
    }

    static func u256(_ w: ArraySlice<UInt8>) -> U256 {
        var limbs: [UInt64] = [0, 0, 0, 0]
        for (i, b) in w.enumerated() { limbs[3 - i / 8] = limbs[3 - i / 8] << 8 | UInt64(b) }
        return U256(limbs: (limbs[0], limbs[1], limbs[2], limbs[3]))
    }
}

extension ABIFunction {
    /// Decodes calldata: checks the 4-byte selector, then strictly decodes the arguments.
    public func decodeInput(_ calldata: some Collection<UInt8>) throws(ABIDecodingError) -> [ABIValue] {
        let bytes = Array(calldata)
        guard bytes.count >= 4, Array(bytes.prefix(4)) == selector else {
            throw .selectorMismatch(expected: Hex.encode(selector), got: Hex.encode(bytes.prefix(4)))
        }
        return try ABI.decode(types: inputTypes, data: bytes.dropFirst(4))
    }

    /// Strictly decodes return data as the function's outputs.
    public func decodeOutput(_ data: some Collection<UInt8>) throws(ABIDecodingError) -> [ABIValue] {
        try ABI.decode(types: outputTypes, data: data)
    }
}
