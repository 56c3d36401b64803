import Foundation
import Primitives

/// Canonical decimal text for amounts: unsigned U256 ("0", "123") or signed I256 ("-5"); no '+', no leading zeros.
public enum DecimalText {
    /// The largest I256 magnitude on the negative side: 2^255.
    static let i256MinMagnitude = "57896044618658097711785492504343953926634992332820282019728792003956564819968"
    /// The largest I256 value: 2^255 - 1.
    static let i256Max = "57896044618658097711785492504343953926634992332820282019728792003956564819967"

    /// The canonical text of an unsigned amount.
    public static func text(_ value: U256) -> String { value.description }

    /// Throws unless `text` is a canonical U256 decimal string.
    public static func validateUnsigned(_ text: String, field: String) throws(HistoryError) {
        try checkDigits(text, field: field)
        do {
            _ = try U256(decimalDigits: text)
        } catch {
            throw .invalidAmount(field: field, value: text, reason: "exceeds 2^256-1")
        }
    }

    /// Throws unless `text` is a canonical I256 decimal string ("-" then a non-zero magnitude, or digits).
    public static func validateSigned(_ text: String, field: String) throws(HistoryError) {
        let negative = text.hasPrefix("-")
        let magnitude = negative ? String(text.dropFirst()) : text
        try checkDigits(magnitude, field: field, original: text)
        if negative && magnitude == "0" {
            throw .invalidAmount(field: field, value: text, reason: "negative zero")
        }
        let limit = negative ? i256MinMagnitude : i256Max
        if magnitude.count > limit.count || (magnitude.count == limit.count && magnitude > limit) {
            throw .invalidAmount(field: field, value: text, reason: "outside the I256 range")
        }
    }

    /// Throws unless `text` is an exact decimal with an optional sign and fraction ("12", "-0.5"); for USD values.
    public static func validateFraction(_ text: String, field: String) throws(HistoryError) {
        let body = text.hasPrefix("-") ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let ok = (1...2).contains(parts.count) && parts.allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        guard ok, body.count <= 100 else {
            throw .invalidAmount(field: field, value: text, reason: "expected decimal like -12.5")
        }
    }

    /// Validates an optional unsigned amount.
    static func validateUnsigned(_ text: String?, field: String) throws(HistoryError) {
        if let text { try validateUnsigned(text, field: field) }
    }

    /// Validates an optional signed amount.
    static func validateSigned(_ text: String?, field: String) throws(HistoryError) {
        if let text { try validateSigned(text, field: field) }
    }

    private static func checkDigits(_ digits: String, field: String, original: String? = nil) throws(HistoryError) {
        let shown = original ?? digits
        guard !digits.isEmpty else { throw .invalidAmount(field: field, value: shown, reason: "empty") }
        guard digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw .invalidAmount(field: field, value: shown, reason: "not decimal digits")
        }
        guard digits == "0" || !digits.hasPrefix("0") else {
            throw .invalidAmount(field: field, value: shown, reason: "leading zero")
        }
    }

    /// SQL CHECK expression: `column` is canonical unsigned decimal text of at most 78 digits.
    static func unsignedCheck(_ column: String) -> String {
        "(typeof(\(column)) = 'text' AND length(\(column)) BETWEEN 1 AND 78 AND \(column) NOT GLOB '*[^0-9]*'"
            + " AND (\(column) = '0' OR \(column) NOT GLOB '0*'))"
    }

    /// SQL CHECK expression: `column` is canonical signed decimal text (optional '-', no '-0').
    static func signedCheck(_ column: String) -> String {
        "(typeof(\(column)) = 'text' AND ((length(\(column)) BETWEEN 1 AND 78 AND \(column) NOT GLOB '*[^0-9]*'"
            + " AND (\(column) = '0' OR \(column) NOT GLOB '0*'))"
            + " OR (length(\(column)) BETWEEN 2 AND 79 AND \(column) GLOB '-[1-9]*'"
            + " AND substr(\(column), 2) NOT GLOB '*[^0-9]*')))"
    }
}

/// Validation helpers shared by the record types.
enum FieldCheck {
    /// Throws unless `value` fits SQLite's signed 64-bit integer.
    static func int64(_ value: UInt64, field: String) throws(HistoryError) {
        guard value <= UInt64(Int64.max) else { throw .integerOutOfRange(field: field, value: value) }
    }

    /// Optional variant of `int64(_:field:)`.
    static func int64(_ value: UInt64?, field: String) throws(HistoryError) {
        if let value { try int64(value, field: field) }
    }

    /// Throws unless `value` is non-empty.
    static func nonEmpty(_ value: String, field: String) throws(HistoryError) {
        guard !value.isEmpty else { throw .invalidField(field: field, value: value, reason: "empty") }
    }

    /// Throws unless `value` is `0x` followed by an even number of hex digits (`count` digits when given).
    static func hex(_ value: String?, field: String, digits count: Int? = nil) throws(HistoryError) {
        guard let value else { return }
        let body = value.utf8.dropFirst(2)
        let isHex = value.hasPrefix("0x") && body.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
        }
        guard isHex, body.count % 2 == 0, count.map({ body.count == $0 }) ?? true else {
            throw .invalidField(field: field, value: value, reason: "expected 0x-hex\(count.map { " of \($0) digits" } ?? "")")
        }
    }

    /// Throws unless `value` parses as JSON.
    static func json(_ value: String?, field: String) throws(HistoryError) {
        guard let value else { return }
        let parsed = try? JSONSerialization.jsonObject(with: Data(value.utf8), options: [.fragmentsAllowed])
        guard parsed != nil else { throw .invalidJSON(field: field) }
    }

    /// Throws unless `value` is an address: `0x` and 40 hex digits.
    static func address(_ value: String?, field: String) throws(HistoryError) {
        try hex(value, field: field, digits: 40)
    }

    /// Throws unless `value` is a 32-byte hash: `0x` and 64 hex digits.
    static func hash(_ value: String?, field: String) throws(HistoryError) {
        try hex(value, field: field, digits: 64)
    }
}
