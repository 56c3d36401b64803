import Primitives

/// How config addresses are checked. The default is EIP-55 (`Address(parsing:)`): single-case hex is accepted,
/// mixed case must carry a valid checksum, and a bad checksum names the expected form.
public struct AddressRule: Sendable {
    /// The expected form, for error messages (`a 0x-prefixed 20-byte hex address`).
    public let expected: String
    /// The expected form to report for `text`, or nil when `text` is acceptable.
    public let rejection: @Sendable (String) -> String?

    /// A rule from a description of the expected form and a predicate.
    public init(expected: String, accepts: @escaping @Sendable (String) -> Bool) {
        self.expected = expected
        self.rejection = { accepts($0) ? nil : expected }
    }

    /// A rule that says, per rejected text, what was expected instead.
    public init(expected: String, rejection: @escaping @Sendable (String) -> String?) {
        self.expected = expected
        self.rejection = rejection
    }

    /// True when `text` is an acceptable address.
    public func accepts(_ text: String) -> Bool { rejection(text) == nil }

    /// `0x` plus 40 hex digits, any case (no checksum check).
    public static let hex40 = AddressRule(expected: "a 0x-prefixed 20-byte hex address") { text in
        isPrefixedHex(text, digits: 40)
    }

    /// EIP-55: `0x` plus 40 hex digits; mixed case must match the checksum, and the error gives the right form.
    public static let eip55 = AddressRule(expected: eip55Expected) { (text: String) -> String? in eip55Rejection(text) }

    static let eip55Expected = "a 0x-prefixed 20-byte hex address (EIP-55 if mixed-case)"

    static func eip55Rejection(_ text: String) -> String? {
        do {
            _ = try Address(parsing: text)
            return nil
        } catch {
            guard case .badChecksum(_, let right) = error else { return eip55Expected }
            return "the EIP-55 checksummed address \(right)"
        }
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
