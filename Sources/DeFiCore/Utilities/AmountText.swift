import Primitives

/// Amounts as operators type them: `0x` hex wei, or a decimal with an optional unit (`1.5ether`, `30gwei`, `100`).
public enum AmountText {
    /// Parses `text` as wei; `what` names the flag or field in the error.
    public static func parse(_ text: String, what: String) throws(UtilityError) -> U256 {
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("0x") || trimmed.hasPrefix("0X") {
            do { return try U256(parsing: trimmed) } catch {
                throw UtilityError(code: "invalid_amount", message: "\(what): \(error.description)")
            }
        }
        do { return try Units.parse(String(trimmed)) } catch {
            throw UtilityError(code: "invalid_amount", message: "\(what): \(error.description)")
        }
    }

    /// Whether an integer atom needs unit parsing first: it starts with a digit (after an optional `-`), is not
    /// `0x` hex, and is not plain digits (`1.5ether`, `30 gwei`, `1e18`).
    static func needsUnits(_ text: Substring) -> Bool {
        var body = text.trimmingSpaces
        if body.hasPrefix("-") { body = body.dropFirst() }
        guard let first = body.utf8.first, first >= 0x30, first <= 0x39 else { return false }
        if body.hasPrefix("0x") || body.hasPrefix("0X") { return false }
        return !body.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The atom with its amount converted to plain decimal wei, keeping a leading `-`.
    static func normalize(_ atom: Substring, path: String, type: String) throws(UtilityError) -> String {
        var body = atom.trimmingSpaces
        let negative = body.hasPrefix("-")
        if negative { body = body.dropFirst() }
        do {
            let value = try Units.parse(String(body))
            return (negative && !value.isZero ? "-" : "") + value.decimalString
        } catch {
            throw UtilityError(
                code: "invalid_argument", message: "\(path): cannot parse '\(atom.trimmingSpaces)' as \(type): \(error)"
            )
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: Substring {
        let s = Substring(self)
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = s.firstIndex(where: { !isSpace($0) }), let end = s.lastIndex(where: { !isSpace($0) }) else {
            return s[s.endIndex...]
        }
        return s[start...end]
    }
}
