/// A non-negative decimal number kept as its exact text (`1000`, `0.95`), for money and ratios in config.
///
/// It never passes through `Double`; comparisons work digit by digit.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The integer digits, without leading zeros (`"0"` for zero).
    public let integerDigits: String
    /// The fraction digits, without trailing zeros (may be empty).
    public let fractionDigits: String

    /// Parses `123`, `0.5`, `1_000` is rejected; returns nil for anything else (signs, exponents, spaces).
    public init?(_ text: String) {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit) else { return nil }
        var fraction = parts.count == 2 ? Substring(parts[1]) : ""
        if parts.count == 2 && (fraction.isEmpty || !fraction.allSatisfy(\.isASCIIDigit)) { return nil }
        while fraction.last == "0" { fraction = fraction.dropLast() }
        let trimmed = whole.drop { $0 == "0" }
        integerDigits = trimmed.isEmpty ? "0" : String(trimmed)
        fractionDigits = String(fraction)
    }

    /// The canonical text: `1000`, `0.95`.
    public var description: String { fractionDigits.isEmpty ? integerDigits : "\(integerDigits).\(fractionDigits)" }

    /// Digit-by-digit order.
    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        if a.integerDigits.count != b.integerDigits.count { return a.integerDigits.count < b.integerDigits.count }
        if a.integerDigits != b.integerDigits { return a.integerDigits < b.integerDigits }
        let width = max(a.fractionDigits.count, b.fractionDigits.count)
        let pad = { (s: String) in s + String(repeating: "0", count: width - s.count) }
        return pad(a.fractionDigits) < pad(b.fractionDigits)
    }
}

extension Character {
    /// True for `0`…`9` only (not other Unicode digits).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension ExactDecimal {
    /// A whole number, for defaults.
    public init(_ value: UInt64) {
        integerDigits = String(value)
        fractionDigits = ""
    }

    /// A value from its integer and fraction digits, for defaults such as `0.95` (`whole: 0, fraction: "95"`).
    init(whole: UInt64, fraction: String) {
        integerDigits = String(whole)
        var trimmed = Substring(fraction)
        while trimmed.last == "0" { trimmed = trimmed.dropLast() }
        fractionDigits = String(trimmed)
    }
}
