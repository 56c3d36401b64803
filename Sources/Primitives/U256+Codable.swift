// Codable for U256: JSON carries uint256 as a decimal string (STYLE 6); decoding also accepts 0x-hex strings
// (JSON-RPC QUANTITY) and small JSON integers.

extension U256: Codable {
    /// Decodes a decimal or 0x-hex string, or a JSON integer in UInt64 range.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let text = try? c.decode(String.self) {
            do {
                self = try U256(parsing: text)
            } catch {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "invalid uint256 \"\(text)\": \(error)")
            }
        } else {
            self = U256(try c.decode(UInt64.self))
        }
    }

    /// Encodes as a decimal string.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(decimalString)
    }
}
