/// How config addresses are checked: a seam so EIP-55 checksums can be enforced once `Address` lands.
///
/// The default accepts `0x` followed by exactly 40 hex digits in any case.
public struct AddressRule: Sendable {
    /// The expected form, for error messages (`a 0x-prefixed 20-byte hex address`).
    public let expected: String
    /// True when `text` is an acceptable address.
    public let accepts: @Sendable (String) -> Bool

    /// A rule from a description of the expected form and a predicate.
    public init(expected: String, accepts: @escaping @Sendable (String) -> Bool) {
        self.expected = expected
        self.accepts = accepts
    }

    /// `0x` plus 40 hex digits, any case.
    public static let hex40 = AddressRule(expected: "a 0x-prefixed 20-byte hex address") { text in
        isPrefixedHex(text, digits: 40)
    }

    /// True when `text` is `0x` followed by exactly `digits` hex digits.
    public static func isPrefixedHex(_ text: String, digits: Int) -> Bool {
        let utf8 = Array(text.utf8)
        guard utf8.count == digits + 2, utf8[0] == UInt8(ascii: "0"), utf8[1] | 0x20 == UInt8(ascii: "x") else {
            return false
        }
        return utf8.dropFirst(2).allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
        }
    }
}
