/// Errors from parsing values from text (CLI arguments); `path` names the argument and element.
public enum ABIValueParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Text that is not a valid value of the type.
    case invalid(path: String, type: String, text: String, reason: String)
    /// The text ended early.
    case unexpectedEnd(path: String, expected: String)
    /// Text left over after the value.
    case trailingText(path: String, text: String)
    /// A different number of arguments than parameters.
    case argumentCount(expected: Int, got: Int)

    public var description: String {
        switch self {
        case .invalid(let p, let t, let x, let r): return "\(p): cannot parse '\(x)' as \(t): \(r)"
        case .unexpectedEnd(let p, let e): return "\(p): unexpected end of text, expected \(e)"
        case .trailingText(let p, let t): return "\(p): unexpected trailing text '\(t)'"
        case .argumentCount(let e, let g): return "expected \(e) arguments, got \(g)"
        }
    }
}

extension ABIValue {
    /// Parses a value from text as cast accepts it: decimal or `0x` integers (a leading `-` for intN), `true` or
    /// `false`, `0x` hex for address, bytesN and bytes, strings quoted or bare, `[a, b]` arrays, `(a, b)` tuples.
    public static func parse(_ text: some StringProtocol, as type: ABIType, path: String = "value")
        throws(ABIValueParseError) -> ABIValue
    {
        var p = ValueScanner(bytes: Array(text.utf8), topLevel: true)
        let v = try p.value(type, path: path)
        p.skipSpace()
        guard p.atEnd else { throw .trailingText(path: path, text: p.rest) }
        return v
    }

    /// Parses one text argument per type, naming failures `argument N`.
    public static func parse(arguments: [String], as types: [ABIType]) throws(ABIValueParseError) -> [ABIValue] {
        guard arguments.count == types.count else { throw .argumentCount(expected: types.count, got: arguments.count) }
        var out: [ABIValue] = []
        for (i, (a, t)) in zip(arguments, types).enumerated() {
            out.append(try parse(a, as: t, path: "argument \(i)"))
        }
        return out
    }
}

/// A scanner for value text; bare atoms end at `,`, `]` or `)` inside composites, at the end at top level.
struct ValueScanner {
    let bytes: [UInt8]
    var topLevel: Bool
    var pos = 0

    var atEnd: Bool { pos >= bytes.count }
    var rest: String { String(decoding: bytes[min(pos, bytes.count)...], as: UTF8.self) }

    mutating func skipSpace() {
        while pos < bytes.count, bytes[pos] == 0x20 || bytes[pos] == 0x09 || bytes[pos] == 0x0A || bytes[pos] == 0x0D {
            pos += 1
        }
    }

    /// A quoted string (`\"`, `\\`, `\n`, `\t` escapes) or a bare atom.
    mutating func atom(path: String, type: ABIType) throws(ABIValueParseError) -> (text: String, quoted: Bool) {
        skipSpace()
        if pos < bytes.count, bytes[pos] == 0x22 {
            pos += 1
            var out: [UInt8] = []
            while pos < bytes.count {
                let c = bytes[pos]
                pos += 1
                if c == 0x22 { return (String(decoding: out, as: UTF8.self), true) }
                if c == 0x5C, pos < bytes.count {
                    let e = bytes[pos]
                    pos += 1
                    switch e {
                    case 0x6E: out.append(0x0A)
                    case 0x74: out.append(0x09)
                    default: out.append(e)
                    }
                } else {
                    out.append(c)
                }
            }
            throw .unexpectedEnd(path: path, expected: "closing '\"'")
        }
        let start = pos
        if topLevel {
            pos = bytes.count
        } else {
            while pos < bytes.count, bytes[pos] != 0x2C, bytes[pos] != 0x5D, bytes[pos] != 0x29 { pos += 1 }
        }
        var end = pos
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return (String(decoding: bytes[start..<end], as: UTF8.self), false)
    }

    mutating func open(_ c: UInt8, path: String, type: ABIType) throws(ABIValueParseError) {
        skipSpace()
        guard pos < bytes.count else { throw .unexpectedEnd(path: path, expected: "'\(Character(Unicode.Scalar(c)))'") }
        guard bytes[pos] == c else {
            throw .invalid(path: path, type: "\(type)", text: rest, reason: "expected '\(Character(Unicode.Scalar(c)))'")
        }
        pos += 1
    }

    /// Comma-separated values up to `close`; `types(i)` gives the type of element i (nil when too many).
    mutating func list(
        close: UInt8, path: String, type: ABIType, types: (Int) -> ABIType?
    ) throws(ABIValueParseError) -> [ABIValue] {
        let saved = topLevel
        topLevel = false
        defer { topLevel = saved }
        var out: [ABIValue] = []
        skipSpace()
        if pos < bytes.count, bytes[pos] == close {
            pos += 1
            return out
        }
        while true {
            guard let t = types(out.count) else {
                throw .invalid(path: path, type: "\(type)", text: rest, reason: "too many elements")
            }
            out.append(try value(t, path: "\(path)[\(out.count)]"))
            skipSpace()
            guard pos < bytes.count else { throw .unexpectedEnd(path: path, expected: "',' or closing bracket") }
            let c = bytes[pos]
            pos += 1
            if c == close { return out }
            guard c == 0x2C else {
                throw .invalid(path: path, type: "\(type)", text: rest, reason: "expected ',' between elements")
            }
        }
    }

    mutating func value(_ type: ABIType, path: String) throws(ABIValueParseError) -> ABIValue {
        switch type {
        case .array(let t):
            try open(0x5B, path: path, type: type)
            return .array(try list(close: 0x5D, path: path, type: type) { _ in t })
        case .fixedArray(let t, let n):
            try open(0x5B, path: path, type: type)
            let vs = try list(close: 0x5D, path: path, type: type) { $0 < n ? t : nil }
            guard vs.count == n else {
                throw .invalid(path: path, type: "\(type)", text: "\(vs.count) elements", reason: "expected \(n)")
            }
            return .array(vs)
        case .tuple(let ts, _):
            try open(0x28, path: path, type: type)
            let vs = try list(close: 0x29, path: path, type: type) { $0 < ts.count ? ts[$0] : nil }
            guard vs.count == ts.count else {
                throw .invalid(path: path, type: "\(type)", text: "\(vs.count) components", reason: "expected \(ts.count)")
            }
            return .tuple(vs)
        default:
            let (text, quoted) = try atom(path: path, type: type)
            return try ValueScanner.elementary(text, quoted: quoted, type: type, path: path)
        }
    }

    static func elementary(_ text: String, quoted: Bool, type: ABIType, path: String) throws(ABIValueParseError)
        -> ABIValue
    {
        func fail(_ reason: String) -> ABIValueParseError {
            .invalid(path: path, type: "\(type)", text: text, reason: reason)
        }
        switch type {
        case .string: return .string(text)
        case .bool:
            switch text {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw fail("expected true or false")
            }
        case .uint(let n):
            let v: U256
            do { v = try U256(parsing: text) } catch { throw fail(error.description) }
            guard ABIValue.fitsUnsigned(v, bits: n) else { throw fail("out of range") }
            return .uint(v)
        case .int(let n):
            let negative = text.hasPrefix("-")
            let magnitude: U256
            do { magnitude = try U256(parsing: negative ? text.dropFirst() : Substring(text)) } catch {
                throw fail(error.description)
            }
            guard let v = ABIValue.int(negative: negative, magnitude: magnitude), case .int(let bits) = v,
                  ABIValue.fitsSigned(bits, bits: n)
            else { throw fail("out of range") }
            return v
        case .address, .fixedBytes, .bytes:
            guard text.hasPrefix("0x") || text.hasPrefix("0X") else { throw fail("expected 0x-prefixed hex") }
            let b: [UInt8]
            do { b = try Hex.decode(text) } catch { throw fail(error.description) }
            switch type {
            case .address:
                guard b.count == 20 else { throw fail("expected 20 bytes, got \(b.count)") }
                return .address(b)
            case .fixedBytes(let n):
                guard b.count == n else { throw fail("expected \(n) bytes, got \(b.count)") }
                return .fixedBytes(b)
            default: return .bytes(b)
            }
        default: throw fail("unsupported type")
        }
    }
}
