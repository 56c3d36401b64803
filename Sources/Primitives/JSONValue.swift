/// A parsed JSON value (RFC 8259) without Foundation; numbers keep their literal text so no precision is lost.
public indirect enum JSONValue: Equatable, Sendable, CustomStringConvertible {
    /// An object; keys are unique (the parser rejects duplicates).
    case object([String: JSONValue])
    /// An array.
    case array([JSONValue])
    /// A string.
    case string(String)
    /// A number, as its literal text (`-12`, `1.5e3`).
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// Compact JSON text with object keys sorted.
    public var description: String {
        switch self {
        case .object(let o):
            return "{" + o.keys.sorted().map { ABIValue.quoted($0) + ":" + (o[$0]?.description ?? "null") }
                .joined(separator: ",") + "}"
        case .array(let a): return "[" + a.map(\.description).joined(separator: ",") + "]"
        case .string(let s): return ABIValue.quoted(s)
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    /// The deepest nesting the parser accepts.
    public static let maxDepth = 256

    /// Parses JSON text strictly: one value, no trailing text, no duplicate keys, no control characters in strings.
    public init(parsing text: some StringProtocol) throws(JSONParseError) {
        var p = JSONScanner(bytes: Array(text.utf8))
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.pos == p.bytes.count else { throw JSONParseError(offset: p.pos, reason: "trailing text") }
        self = v
    }
}

/// A JSON syntax error with its byte offset.
public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Byte offset in the UTF-8 text.
    public var offset: Int
    /// What was wrong.
    public var reason: String

    /// An error at `offset`.
    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "invalid json at offset \(offset): \(reason)" }
}

struct JSONScanner {
    let bytes: [UInt8]
    var pos = 0

    mutating func skipSpace() {
        while pos < bytes.count, bytes[pos] == 0x20 || bytes[pos] == 0x09 || bytes[pos] == 0x0A || bytes[pos] == 0x0D {
            pos += 1
        }
    }

    func fail(_ reason: String) -> JSONParseError { JSONParseError(offset: pos, reason: reason) }

    mutating func literal(_ word: String, _ v: JSONValue) throws(JSONParseError) -> JSONValue {
        let w = Array(word.utf8)
        guard bytes.count - pos >= w.count, Array(bytes[pos..<(pos + w.count)]) == w else {
            throw fail("invalid literal")
        }
        pos += w.count
        return v
    }

    mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth < JSONValue.maxDepth else { throw fail("nested too deeply") }
        guard pos < bytes.count else { throw fail("unexpected end") }
        switch bytes[pos] {
        case 0x7B: return try object(depth: depth)
        case 0x5B:
            pos += 1
            var out: [JSONValue] = []
            skipSpace()
            if pos < bytes.count, bytes[pos] == 0x5D {
                pos += 1
                return .array(out)
            }
            while true {
                skipSpace()
                out.append(try value(depth: depth + 1))
                skipSpace()
                guard pos < bytes.count else { throw fail("unexpected end in array") }
                let c = bytes[pos]
                pos += 1
                if c == 0x5D { return .array(out) }
                guard c == 0x2C else { throw JSONParseError(offset: pos - 1, reason: "expected ',' or ']'") }
            }
        case 0x22: return .string(try string())
        case 0x74: return try literal("true", .bool(true))
        case 0x66: return try literal("false", .bool(false))
        case 0x6E: return try literal("null", .null)
        case 0x2D, 0x30...0x39: return try number()
        default: throw fail("unexpected character")
        }
    }

    mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
        pos += 1
        var out: [String: JSONValue] = [:]
        skipSpace()
        if pos < bytes.count, bytes[pos] == 0x7D {
            pos += 1
            return .object(out)
        }
        while true {
            skipSpace()
            guard pos < bytes.count, bytes[pos] == 0x22 else { throw fail("expected a string key") }
            let keyOffset = pos
            let key = try string()
            skipSpace()
            guard pos < bytes.count, bytes[pos] == 0x3A else { throw fail("expected ':'") }
            pos += 1
            skipSpace()
            let v = try value(depth: depth + 1)
            guard out.updateValue(v, forKey: key) == nil else {
                throw JSONParseError(offset: keyOffset, reason: "duplicate key \(ABIValue.quoted(key))")
            }
            skipSpace()
            guard pos < bytes.count else { throw fail("unexpected end in object") }
            let c = bytes[pos]
            pos += 1
            if c == 0x7D { return .object(out) }
            guard c == 0x2C else { throw JSONParseError(offset: pos - 1, reason: "expected ',' or '}'") }
        }
    }

    mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard bytes.count - pos >= 4 else { throw fail("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let d = Hex.nibble(bytes[pos]) else { throw fail("invalid \\u escape") }
            v = v << 4 | UInt32(d)
            pos += 1
        }
        return v
    }

    mutating func string() throws(JSONParseError) -> String {
        pos += 1
        var out: [UInt8] = []
        while pos < bytes.count {
            let c = bytes[pos]
            switch c {
            case 0x22:
                pos += 1
                let s = String(decoding: out, as: UTF8.self)
                guard s.utf8.elementsEqual(out) else { throw fail("invalid utf-8 in string") }
                return s
            case 0x5C:
                pos += 1
                guard pos < bytes.count else { throw fail("truncated escape") }
                let e = bytes[pos]
                pos += 1
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        guard bytes.count - pos >= 2, bytes[pos] == 0x5C, bytes[pos + 1] == 0x75 else {
                            throw fail("unpaired surrogate")
                        }
                        pos += 2
                        let low = try hex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw fail("unpaired surrogate") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw fail("unpaired surrogate") }
                    out.append(contentsOf: String(u).utf8)
                default: throw JSONParseError(offset: pos - 1, reason: "invalid escape")
                }
            case 0x00..<0x20: throw fail("control character in string")
            default:
                out.append(c)
                pos += 1
            }
        }
        throw fail("unterminated string")
    }

    /// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    mutating func number() throws(JSONParseError) -> JSONValue {
        let start = pos
        func digits(_ p: inout Int, _ b: [UInt8]) -> Int {
            let s = p
            while p < b.count, b[p] >= 0x30 && b[p] <= 0x39 { p += 1 }
            return p - s
        }
        if bytes[pos] == 0x2D { pos += 1 }
        guard pos < bytes.count, bytes[pos] >= 0x30 && bytes[pos] <= 0x39 else { throw fail("invalid number") }
        if bytes[pos] == 0x30 { pos += 1 } else { _ = digits(&pos, bytes) }
        if pos < bytes.count, bytes[pos] == 0x2E {
            pos += 1
            guard digits(&pos, bytes) > 0 else { throw fail("invalid number") }
        }
        if pos < bytes.count, bytes[pos] == 0x65 || bytes[pos] == 0x45 {
            pos += 1
            if pos < bytes.count, bytes[pos] == 0x2B || bytes[pos] == 0x2D { pos += 1 }
            guard digits(&pos, bytes) > 0 else { throw fail("invalid number") }
        }
        return .number(String(decoding: bytes[start..<pos], as: UTF8.self))
    }
}
