/// Errors from decoding hexadecimal text.
public enum HexError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A character that is not a hex digit, at this offset of the input (after any `0x`).
    case invalidCharacter(offset: Int, character: Character)
    /// The digit count is odd where whole bytes are required.
    case oddLength(Int)
    /// The decoded value does not fit the expected size.
    case wrongLength(expected: Int, got: Int)

    /// A lower-case one-line description with the offending input.
    public var description: String {
        switch self {
        case .invalidCharacter(let offset, let character):
            return "invalid hex character '\(character)' at offset \(offset)"
        case .oddLength(let n):
            return "hex string has an odd number of digits (\(n))"
        case .wrongLength(let expected, let got):
            return "expected \(expected) bytes of hex, got \(got)"
        }
    }
}

/// Hexadecimal encoding and decoding of byte strings (`0x` prefix optional on input).
public enum Hex {
    @usableFromInline static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The value of one ASCII hex digit, or nil.
    @inlinable @inline(__always)
    public static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c &- 0x30
        case 0x61...0x66: return c &- 0x61 &+ 10
        case 0x41...0x46: return c &- 0x41 &+ 10
        default: return nil
        }
    }

    /// Strips one leading `0x` or `0X`.
    @inlinable
    public static func stripPrefix(_ s: Substring.UTF8View) -> Substring.UTF8View {
        var it = s.makeIterator()
        if let a = it.next(), a == 0x30, let b = it.next(), b == 0x78 || b == 0x58 {
            return s.dropFirst(2)
        }
        return s
    }

    /// Decodes hex text (with or without `0x`) to bytes; an odd digit count or a non-hex character throws.
    public static func decode(_ text: some StringProtocol) throws(HexError) -> [UInt8] {
        let body = stripPrefix(Substring(text).utf8)
        let n = body.count
        guard n % 2 == 0 else { throw .oddLength(n) }
        var out = [UInt8]()
        out.reserveCapacity(n / 2)
        var hi: UInt8 = 0
        var offset = 0
        for c in body {
            guard let v = nibble(c) else {
                throw .invalidCharacter(offset: offset, character: Character(Unicode.Scalar(c)))
            }
            if offset & 1 == 0 { hi = v << 4 } else { out.append(hi | v) }
            offset += 1
        }
        return out
    }

    /// Decodes hex text that must hold exactly `count` bytes.
    public static func decode(_ text: some StringProtocol, count: Int) throws(HexError) -> [UInt8] {
        let bytes = try decode(text)
        guard bytes.count == count else { throw .wrongLength(expected: count, got: bytes.count) }
        return bytes
    }

    /// Lower-case hex of `bytes`, with a `0x` prefix unless `prefix` is false.
    public static func encode(_ bytes: some Sequence<UInt8>, prefix: Bool = true) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.underestimatedCount * 2 + 2)
        if prefix { out.append(0x30); out.append(0x78) }
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// Lower-case `0x`-prefixed hex of these bytes.
    public var hex: String { Hex.encode(self) }

    /// Bytes from hex text (with or without `0x`).
    public init(hex: some StringProtocol) throws(HexError) { self = try Hex.decode(hex) }
}
