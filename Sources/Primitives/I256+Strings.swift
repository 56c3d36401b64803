// Signed decimal text and Codable for I256: JSON carries int256 as a decimal string ("-42").

extension I256 {
    /// Parses an optional sign (`-` or `+`) then decimal digits or `0x` hex digits of the magnitude; throws
    /// `.overflow` outside -2^255 ... 2^255 - 1.
    public init(parsing text: some StringProtocol) throws(IntegerParseError) {
        var s = Substring(text)
        var negative = false
        if let first = s.first, first == "-" || first == "+" {
            negative = first == "-"
            s = s.dropFirst()
        }
        let m = try U256(parsing: s)
        guard let v = I256(negative: negative, magnitude: m) else { throw .overflow(String(text)) }
        self = v
    }

    /// Signed decimal digits ("-42", "0").
    public var decimalString: String { isNegative ? "-" + magnitude.decimalString : bits.decimalString }
}

extension I256: CustomStringConvertible, CustomDebugStringConvertible {
    /// Signed decimal digits.
    public var description: String { decimalString }
    /// `I256(-42)`.
    public var debugDescription: String { "I256(\(decimalString))" }
}

extension I256: Codable {
    /// Decodes a signed decimal (or sign plus 0x-hex) string, or a JSON integer in Int64 range.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let text = try? c.decode(String.self) {
            do {
                self = try I256(parsing: text)
            } catch {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "invalid int256 \"\(text)\": \(error)")
            }
        } else {
            self = I256(try c.decode(Int64.self))
        }
    }

    /// Encodes as a signed decimal string.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(decimalString)
    }
}
