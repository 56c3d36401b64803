/// A value of an `ABIType`, mirroring its shape.
public indirect enum ABIValue: Hashable, Sendable, CustomStringConvertible {
    /// An unsigned integer (`uintN`).
    case uint(U256)
    /// A signed integer (`intN`) as the two's-complement bits of its value sign-extended to 256 bits.
    case int(U256)
    /// An address: exactly 20 bytes.
    case address([UInt8])
    /// A boolean.
    case bool(Bool)
    /// A `bytesN` value: exactly N bytes.
    case fixedBytes([UInt8])
    /// Dynamic `bytes`.
    case bytes([UInt8])
    /// A `string`.
    case string(String)
    /// The elements of `T[]` or `T[k]`.
    case array([ABIValue])
    /// The components of a tuple.
    case tuple([ABIValue])

    /// A signed integer value from a Swift integer.
    public static func signed(_ v: Int64) -> ABIValue {
        v >= 0 ? .int(U256(UInt64(v))) : .int(U256.zero &- U256(v.magnitude))
    }

    /// A signed value from its sign and magnitude (nil when it does not fit int256).
    public static func int(negative: Bool, magnitude: U256) -> ABIValue? {
        let limit = U256(limbs: (0, 0, 0, 1 << 63))
        if negative {
            guard magnitude <= limit else { return nil }
            return .int(U256.zero &- magnitude)
        }
        guard magnitude < limit else { return nil }
        return .int(magnitude)
    }

    /// Human-readable form, as cast prints it: decimals, `0x` hex, quoted strings, `[..]` arrays, `(..)` tuples.
    public var description: String {
        switch self {
        case .uint(let v): return v.decimalString
        case .int(let v): return ABIValue.signedDecimal(v)
        case .address(let b), .fixedBytes(let b), .bytes(let b): return Hex.encode(b)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return ABIValue.quoted(s)
        case .array(let vs): return "[" + vs.map(\.description).joined(separator: ", ") + "]"
        case .tuple(let vs): return "(" + vs.map(\.description).joined(separator: ", ") + ")"
        }
    }

    /// The signed decimal of 256-bit two's-complement bits.
    public static func signedDecimal(_ bits: U256) -> String {
        bits[limb: 3] >> 63 == 1 ? "-" + (U256.zero &- bits).decimalString : bits.decimalString
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    /// Throws unless this value has the shape of `type` and every number fits its width (`path` names the place).
    public func check(against type: ABIType, path: String = "value") throws(ABIEncodingError) {
        switch (type, self) {
        case (.uint(let n), .uint(let v)):
            guard ABIValue.fitsUnsigned(v, bits: n) else { throw .outOfRange(path: path, type: "\(type)", value: "\(self)") }
        case (.int(let n), .int(let v)):
            guard ABIValue.fitsSigned(v, bits: n) else { throw .outOfRange(path: path, type: "\(type)", value: "\(self)") }
        case (.address, .address(let b)):
            guard b.count == 20 else { throw .wrongLength(path: path, type: "address", expected: 20, got: b.count) }
        case (.bool, .bool), (.bytes, .bytes), (.string, .string): break
        case (.fixedBytes(let n), .fixedBytes(let b)):
            guard b.count == n else { throw .wrongLength(path: path, type: "\(type)", expected: n, got: b.count) }
        case (.array(let t), .array(let vs)):
            for (i, v) in vs.enumerated() { try v.check(against: t, path: "\(path)[\(i)]") }
        case (.fixedArray(let t, let n), .array(let vs)):
            guard vs.count == n else { throw .wrongLength(path: path, type: "\(type)", expected: n, got: vs.count) }
            for (i, v) in vs.enumerated() { try v.check(against: t, path: "\(path)[\(i)]") }
        case (.tuple(let ts, _), .tuple(let vs)):
            guard vs.count == ts.count else {
                throw .wrongLength(path: path, type: "\(type)", expected: ts.count, got: vs.count)
            }
            for (i, (t, v)) in zip(ts, vs).enumerated() { try v.check(against: t, path: "\(path).\(i)") }
        default:
            throw .typeMismatch(path: path, expected: "\(type)", got: kindName)
        }
    }

    /// A short name of this value's case, for error messages.
    public var kindName: String {
        switch self {
        case .uint: return "uint"
        case .int: return "int"
        case .address: return "address"
        case .bool: return "bool"
        case .fixedBytes(let b): return "bytes\(b.count)"
        case .bytes: return "bytes"
        case .string: return "string"
        case .array(let vs): return "array of \(vs.count)"
        case .tuple(let vs): return "tuple of \(vs.count)"
        }
    }

    /// Whether `v` < 2^bits.
    static func fitsUnsigned(_ v: U256, bits: Int) -> Bool {
        bits >= 256 || v.bigEndianBytes.prefix(32 - bits / 8).allSatisfy { $0 == 0 }
    }

    /// Whether the 256-bit two's-complement `v` is the sign extension of an intN (-2^(N-1) <= v < 2^(N-1)).
    static func fitsSigned(_ v: U256, bits: Int) -> Bool {
        bits >= 256 || signExtended(word: v.bigEndianBytes, bits: bits)
    }

    /// Whether a 32-byte word's high bytes are the sign extension of its low `bits` bits.
    static func signExtended(word: some Collection<UInt8>, bits: Int) -> Bool {
        let pad = 32 - bits / 8
        guard pad > 0 else { return true }
        let w = Array(word)
        let fill: UInt8 = w[pad] & 0x80 != 0 ? 0xFF : 0x00
        return w[0..<pad].allSatisfy { $0 == fill }
    }
}

/// Errors from encoding values: the value does not match its type.
public enum ABIEncodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A value of the wrong kind at `path`.
    case typeMismatch(path: String, expected: String, got: String)
    /// A number that does not fit its type.
    case outOfRange(path: String, type: String, value: String)
    /// A wrong element, component or byte count.
    case wrongLength(path: String, type: String, expected: Int, got: Int)
    /// A type that violates the spec's size rules.
    case invalidType(ABIParseError)

    public var description: String {
        switch self {
        case .typeMismatch(let p, let e, let g): return "\(p): expected \(e), got \(g)"
        case .outOfRange(let p, let t, let v): return "\(p): \(v) is out of range for \(t)"
        case .wrongLength(let p, let t, let e, let g): return "\(p): \(t) expects \(e) items, got \(g)"
        case .invalidType(let e): return "invalid type: \(e)"
        }
    }
}
